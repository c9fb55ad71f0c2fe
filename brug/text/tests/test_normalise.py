from brug.text import normalise, tokenize


def test_normalise_lowercases_strips_accents_and_collapses_spaces():
    assert normalise("  Één   Café  ") == "een cafe"


def test_tokenize_keeps_clitics_hashtags_and_inner_apostrophes():
    assert tokenize("'s Avonds m'n auto's #Stikstof") == ["'s", "avonds", "m'n", "auto's", "#stikstof"]


def test_tokenize_splits_hyphens_and_drops_links_and_mentions():
    assert tokenize("anti-overheid https://x.nl @piet") == ["anti", "overheid"]


def test_tokenize_keeps_emoji_as_tokens():
    assert "😡" in tokenize("Die molens 😡")
