"""Search as officers type it: rare words weigh more, question words do not count, a plural the
stemmer leaves apart still finds its singular, municipal abbreviations find their long form, and
the score fusion keeps a clear word match on top. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from brug.knowledge import selectors
from brug.knowledge.selectors import fulltext_scores, fuse_scores, search
from brug.knowledge.text import plural_variants, rarity, stem, weighted_query_forms
from brug.knowledge.thesaurus import meaning_text

pytestmark = pytest.mark.django_db


def titles(hits) -> list[str]:
    return [h.item.title for h in hits]


def query_forms(query: str) -> tuple[list[str], list[str]]:
    """(exact, related) stems of a query, all stems of each term, without weights."""
    exact, related = weighted_query_forms(query)
    return [s for term, _w in exact for s in term], [s for term, _w in related for s in term]


def test_a_rare_word_weighs_more_than_a_common_one() -> None:
    assert rarity("asielzoekerscentrum") == 1.0  # not in the lexicon: rare
    assert rarity("nieuw") < 0.5 < rarity("omwonenden") < 1.0
    exact, _related = weighted_query_forms("nieuw asielzoekerscentrum")
    weights = {term[0]: weight for term, weight in exact}
    assert weights[stem("asielzoekerscentrum")] > 2 * weights[stem("nieuw")]


def test_the_rare_word_of_a_query_decides_over_a_common_word_in_a_title(tenancy, publish) -> None:
    publish(
        tenancy.officer, "Nieuw ophaalschema voor afval", "Vanaf januari een nieuw schema voor het afval."
    )
    publish(
        tenancy.officer,
        "Informatieavond in de sporthal",
        "Omwonenden stelden vragen over het asielzoekerscentrum aan de rand van de wijk.",
    )
    selectors_words = fulltext_scores(
        selectors._visible(selectors.scope_for(user=tenancy.officer)), "nieuw asielzoekerscentrum"
    )
    assert [score for _pk, score in selectors_words] == sorted(
        (s for _pk, s in selectors_words), reverse=True
    )
    hits = search(query="nieuw asielzoekerscentrum", user=tenancy.officer)
    assert titles(hits)[0] == "Informatieavond in de sporthal"


def test_question_words_do_not_count() -> None:
    exact, related = query_forms("hoe ga ik om met boze omwonenden")
    assert stem("ga") not in exact + related and stem("hoe") not in exact
    assert stem("omwonenden") in exact and stem("boze") in exact
    # No joined pairs of function words ("hoeik", "ommet"), only of two content words.
    assert not [t for t in related if t.startswith(("hoe", "ik", "om"))]


def test_a_plural_after_a_vowel_finds_its_singular_and_back(tenancy, publish) -> None:
    assert stem("manifestaties") != stem("manifestatie")  # why plural_variants exists
    assert plural_variants("manifestaties") == ["manifestatie"]
    assert plural_variants("demonstratie") == ["demonstraties"]
    assert plural_variants("wijk") == []
    publish(tenancy.officer, "Draaiboek voor een manifestatie", "Afspraken met de organisator.")
    publish(tenancy.officer, "Twee demonstraties op het plein", "Hekken en politie ertussen.")
    publish(tenancy.officer, "Begroting", "Investeringen in riolering.")
    for query, title in (
        ("manifestaties", "Draaiboek voor een manifestatie"),
        ("demonstratie", "Twee demonstraties op het plein"),
    ):
        hits = search(query=query, user=tenancy.officer)
        assert titles(hits)[0] == title and hits[0].word_rank == 1, query


def test_a_municipal_abbreviation_finds_its_long_form(tenancy, publish) -> None:
    assert meaning_text("AMV in de wijk") == "AMV in de wijk (alleenstaande minderjarige vreemdelingen)"
    assert meaning_text("jongeren in de wijk") == "jongeren in de wijk"
    publish(
        tenancy.officer,
        "Woonvoorziening in een kantoorpand",
        "Hier wonen jongens die als alleenstaande minderjarige vreemdelingen naar Nederland kwamen.",
    )
    publish(tenancy.officer, "Begroting", "Investeringen in riolering.")
    hits = search(query="amv", user=tenancy.officer)
    assert titles(hits)[0] == "Woonvoorziening in een kantoorpand" and hits[0].word_rank == 1


def test_the_thesaurus_knows_general_municipal_synonyms() -> None:
    _exact, related = query_forms("woningtekort op het platteland")
    assert stem("woningnood") in related and stem("dorp") in related
    _exact, related = query_forms("betoging")
    assert stem("demonstratie") in related and stem("demonstraties") in related


def test_score_fusion_keeps_a_clear_word_match_on_top() -> None:
    # Item 1: by far the best word match, a middling meaning match; item 2: no words, best in meaning
    # but only just above the cut-off. Rank fusion would put item 2 first-equal; scores do not.
    words = [(1, 0.9), (3, 0.1)]
    meaning = [(2, 0.26), (1, 0.25), (3, 0.21)]
    fused = fuse_scores(words, meaning, share=0.35, floor=0.20)
    assert [pk for pk, _ in fused] == [1, 2, 3]
    scores = dict(fused)
    assert scores[1] == pytest.approx(0.65 * 1.0 + 0.35 * (0.05 / 0.06))
    assert scores[2] == pytest.approx(0.35)
    # Without meaning above the floor the word scores decide alone; a tie goes to the newer (higher) id.
    assert fuse_scores([(4, 0.5), (5, 0.5)], [], share=0.35, floor=0.2) == [(5, 0.65), (4, 0.65)]


def test_the_rank_fusion_remains_available(tenancy, publish, monkeypatch) -> None:
    publish(tenancy.officer, "Hangjongeren bij het winkelcentrum", "Tieners geven overlast.")
    monkeypatch.setattr(selectors, "FUSION", "rrf")
    hits = search(query="hangjongeren", user=tenancy.officer)
    assert titles(hits) == ["Hangjongeren bij het winkelcentrum"]
    assert hits[0].score == pytest.approx(1 / (selectors.RRF_K + 1) * (1 + selectors.MEANING_WEIGHT))
