"""`words`: the tokeniser's words for search and indexing (used by the knowledge base too)."""

from __future__ import annotations

from brug.text.normalise import tokenize, words


def test_words_keeps_the_tokenisers_words_only() -> None:
    text = "Wij-zij over #stikstof 😡 in 's avonds, auto's bij één café https://x.nl @jan"
    assert words(text) == [
        "wij",
        "zij",
        "over",
        "stikstof",
        "in",
        "avonds",
        "auto",
        "bij",
        "een",
        "cafe",
    ]


def test_words_agrees_with_tokenize_on_every_word() -> None:
    text = "Polarisatie in de wijk: 'n boze buurt, #azc en 2 avonden"
    assert words(text) == [t.lstrip("#") for t in tokenize(text) if t not in ("'n",)]
