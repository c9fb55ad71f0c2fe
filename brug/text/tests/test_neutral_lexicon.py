"""Neutral lexicon: swapping one group word for its counterpart never changes a score.

A municipal monitor must not lean politically, religiously, ethnically or by gender: the same
sentence about "linksen" and "rechtsen", "moslims" and "christenen", "mannen" and "vrouwen"
gets the same tone, hostility and us-them framing (lexicons/neutraal.txt, wij-zij.txt,
vijandigheid.txt).
"""

from __future__ import annotations

import pytest

from brug.text import Classifier

PLURAL = [
    ("linksen", "rechtsen"),
    ("progressieven", "conservatieven"),
    ("moslims", "christenen"),
    ("moslims", "joden"),
    ("atheïsten", "gelovigen"),
    ("allochtonen", "autochtonen"),
    ("buitenlanders", "nederlanders"),
    ("marokkanen", "nederlanders"),
    ("turken", "polen"),
    ("zwarten", "witten"),
    ("mannen", "vrouwen"),
    ("homo's", "hetero's"),
]
ADJECTIVES = [
    ("linkse", "rechtse"),
    ("progressieve", "conservatieve"),
    ("islamitische", "christelijke"),
    ("joodse", "christelijke"),
    ("allochtone", "autochtone"),
    ("marokkaanse", "nederlandse"),
    ("turkse", "poolse"),
    ("zwarte", "witte"),
    ("mannelijke", "vrouwelijke"),
    ("homoseksuele", "heteroseksuele"),
]
SINGULAR = [
    ("links", "rechts"),
    ("moslim", "christen"),
    ("jood", "christen"),
    ("allochtoon", "autochtoon"),
    ("man", "vrouw"),
    ("moskee", "kerk"),
]
PLURAL_SENTENCES = [
    "Die {} moeten zich aan de regels houden",
    "Alle {} zijn hetzelfde",
    "Ik sprak vandaag met {} uit de wijk",
    "Stelletje vuile {}",
    "Wij {} worden niet gehoord",
    "De {} organiseren een mooi buurtfeest",
    "{} zijn boos over het azc",
    "Die {} zijn echt tuig",
    "Al die {} hier",
    "Ik vind {} prima mensen",
]
ADJECTIVE_SENTENCES = [
    "Die {} mensen moeten zich aan de regels houden",
    "De {} partij wil meer geld voor de wijk",
    "Een {} buurman hielp mij",
    "Wat een {} onzin weer",
    "Die {} ratten",
    "Die {} idioten",
    "Een mooi {} feest in het park",
    "{} jongeren op het plein",
    "Heel {} en heel gezellig",
]
SINGULAR_SENTENCES = [
    "Mijn buurman is {}",
    "Een {} uit de buurt belde",
    "Ik stem {}",
    "De {} in de wijk organiseert een open dag",
    "Typisch {}",
]

CASES = [
    (a, b, sentence)
    for pairs, sentences in (
        (PLURAL, PLURAL_SENTENCES),
        (ADJECTIVES, ADJECTIVE_SENTENCES),
        (SINGULAR, SINGULAR_SENTENCES),
    )
    for a, b in pairs
    for sentence in sentences
]


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier([])


def _scores(classifier: Classifier, text: str) -> tuple[float, float, float]:
    result = classifier.classify(text)
    return round(result.tone, 3), round(result.hostility, 3), round(result.framing, 3)


@pytest.mark.parametrize(("a", "b", "sentence"), CASES)
def test_a_group_word_and_its_counterpart_give_the_same_scores(classifier, a, b, sentence):
    assert _scores(classifier, sentence.format(a)) == _scores(classifier, sentence.format(b))


@pytest.mark.parametrize("word", ["linkse", "rechtse", "links", "rechts", "moslims", "christenen", "vrouwen"])
def test_a_group_word_alone_has_no_tone(classifier, word):
    result = classifier.classify(f"Een bericht over {word}")
    assert result.tone == 0.0 and result.why["tone"] == []


def test_hostile_language_about_any_group_is_still_hostile(classifier):
    for group in ("linksen", "rechtsen", "moslims", "christenen", "nederlanders", "buitenlanders"):
        assert classifier.classify(f"Stelletje vuile {group}").hostility >= 0.5, group
        assert classifier.classify(f"Alle {group} zijn hetzelfde").framing >= 0.5, group
