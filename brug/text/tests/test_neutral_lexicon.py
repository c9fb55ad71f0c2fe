"""Neutral lexicon: swapping one group word for its counterpart never changes a lexicon score.

A municipal monitor must not lean politically, religiously, ethnically or by gender: the same
sentence about "linksen" and "rechtsen", "moslims" and "christenen", "mannen" and "vrouwen"
gets the same tone, hostility and us-them framing from the lexicons (lexicons/neutraal.txt,
wij-zij.txt, vijandigheid.txt). Tested on the lexicon layer (score_tone and the rule files)
and on the whole engine with its trained model (which masks group words, see model.mask_groups).
"""

from __future__ import annotations

import pytest

from brug.text import framing, hostility
from brug.text.normalise import Doc
from brug.text.tone import score_tone

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


def _rules(module, doc: Doc):  # type: ignore[no-untyped-def]
    matched = [i for i, rule in enumerate(module.RULES) if rule.query.matches(doc)]
    return matched, {i: module.RULES[i].query.explain(doc) for i in matched}


def _scores(text: str) -> tuple[float, float, float]:
    doc = Doc.of(text)
    tone, _ = score_tone(doc)
    hostile, _ = hostility.score_hostility(doc, *_rules(hostility, doc))
    framed, _ = framing.score_framing(doc, *_rules(framing, doc))
    return round(tone, 3), round(hostile, 3), round(framed, 3)


@pytest.mark.parametrize(("a", "b", "sentence"), CASES)
def test_a_group_word_and_its_counterpart_give_the_same_scores(a, b, sentence):
    assert _scores(sentence.format(a)) == _scores(sentence.format(b))


@pytest.mark.parametrize("word", ["linkse", "rechtse", "links", "rechts", "moslims", "christenen", "vrouwen"])
def test_a_group_word_alone_has_no_tone(word):
    tone, why = score_tone(Doc.of(f"Een bericht over {word}"))
    assert tone == 0.0 and why == []


def test_hostile_language_about_any_group_is_still_hostile():
    for group in ("linksen", "rechtsen", "moslims", "christenen", "nederlanders", "buitenlanders"):
        assert _scores(f"Stelletje vuile {group}")[1] >= 0.5, group
        assert _scores(f"Alle {group} zijn hetzelfde")[2] >= 0.5, group


@pytest.fixture(scope="module")
def classifier():  # type: ignore[no-untyped-def]
    from brug.text.classifier import Classifier

    return Classifier()


@pytest.mark.parametrize(("a", "b", "sentence"), CASES)
def test_the_whole_engine_with_its_model_scores_both_groups_alike(classifier, a, b, sentence):
    # The trained model sees every group word as one and the same feature (model.mask_groups).
    first, second = classifier.classify(sentence.format(a)), classifier.classify(sentence.format(b))
    assert (first.tone, first.hostility, first.framing) == (second.tone, second.hostility, second.framing)
