"""Tone, hostility and us–them framing: direction, thresholds and explanations."""

from __future__ import annotations

import pytest

from brug.text import Classifier

clf = Classifier()


@pytest.mark.parametrize(
    "text",
    [
        "Ik weet waar je woont, pas maar op",
        "We komen je halen, landverrader",
        "Die wethouder moet opgehangen worden aan de hoogste boom",
        "Zet ze tegen de muur, allemaal",
        "Hij verdient een kogel door zijn kop",
        "Morgen met fakkels en hooivorken naar het gemeentehuis",
    ],
)
def test_threats_are_hostile(text):
    result = clf.classify(text)
    assert result.hostility >= 0.5
    assert any(line.startswith("dreiging") for line in result.why["hostility"])


@pytest.mark.parametrize("word", ["kankerlijer", "teringzooi", "tyfushoer", "klerelijer", "kanker-azc"])
def test_curse_prefix_compounds_are_recognised(word):
    result = clf.classify(f"Wat een {word} is dat")
    assert any("scheldvoorvoegsel" in line for line in result.why["hostility"])
    assert result.hostility > 0.3


def test_medical_words_starting_with_kanker_and_clothes_are_not_curses():
    result = clf.classify("Doneer aan kankeronderzoek, mijn moeder is kankerpatiënt. Nieuwe kleren gekocht.")
    assert result.hostility < 0.1
    assert not any("scheldvoorvoegsel" in line for line in result.why["hostility"])


@pytest.mark.parametrize("text", ["Dat is ongedierte, uitschot is het", "Parasieten en gespuis, dat tuig"])
def test_dehumanising_words_are_hostile(text):
    assert clf.classify(text).hostility >= 0.5


def test_quoting_a_threat_to_condemn_it_is_not_hostile():
    text = (
        'Iemand schreef "ik weet waar je woont" onder de post van de wethouder. Walgelijk, ik heb het gemeld.'
    )
    result = clf.classify(text)
    assert result.hostility < 0.5
    assert any("afkeuring" in line for line in result.why["hostility"])


def test_polite_disagreement_is_not_hostile_or_framed():
    result = clf.classify("Ik ben het niet eens met het plan voor het plein, maar ik waardeer het overleg.")
    assert result.hostility < 0.2
    assert result.framing < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Alle buitenlanders krijgen een huis en wij niet",
        "Wij betalen alles en zij krijgen alles gratis",
        "Dat soort mensen hoort hier niet, die lui verpesten alles",
        "Die elite in Den Haag snapt niks van gewone mensen",
        "Gelukzoekers en import, wij hier hebben er niks aan",
    ],
)
def test_us_them_framing_is_detected_with_rules_in_why(text):
    result = clf.classify(text)
    assert result.framing >= 0.5
    assert result.why["framing"]


def test_rejecting_us_them_thinking_lowers_framing():
    plain = clf.classify("Die mensen van de overkant zijn anders dan wij")
    rejecting = clf.classify(
        "Laten we niet in wij zij denken, niet alle mensen zijn hetzelfde. Wij en zij bestaan niet."
    )
    assert rejecting.framing < 0.5
    assert plain.framing > 0.0


def test_a_neutral_announcement_has_no_framing_no_hostility_and_neutral_tone():
    result = clf.classify(
        "Wegwerkzaamheden op de Rijksstraatweg van 3 tot 14 juni, omleiding via de Dorpsstraat."
    )
    assert result.hostility < 0.1 and result.framing < 0.1
    assert -0.1 < result.tone < 0.1


def test_tone_is_positive_for_praise_and_negative_for_complaints():
    assert clf.classify("Wat een prachtige en gezellige braderie, bedankt vrijwilligers! 🎉").tone > 0.3
    assert clf.classify("Wat een schande, verschrikkelijk slecht geregeld 😡").tone < -0.3


def test_negation_flips_tone_and_is_shown_in_why():
    result = clf.classify("Dat is niet goed")
    assert result.tone < 0
    assert any(line.startswith("niet goed") for line in result.why["tone"])


def test_hostile_message_gets_negative_tone_even_with_positive_words():
    assert clf.classify("Mooi zo, ik weet waar je woont").tone < 0


def test_scoring_ignores_case_and_accents():
    a = clf.classify("IK WEET WAAR JE WOONT, KANKERLIJER")
    b = clf.classify("ik wéét waar je woont, kankerlijer")
    assert a.hostility == b.hostility
    assert clf.classify("WINDMOLENS").themes == clf.classify("windmolens").themes == ["windmolens"]


def test_to_dict_has_scores_and_why_per_score():
    d = clf.classify("De windmolens zijn een schande").to_dict()
    assert set(d) == {"themes", "tone", "hostility", "framing", "why", "model"}
    assert d["model"].startswith("brug-text-")
    assert set(d["why"]) == {"themes", "tone", "hostility", "framing"}
    assert d["why"]["themes"] == {"windmolens": ["windmolens"]}


def test_classify_many_keeps_order():
    results = clf.classify_many(["windmolens", "azc", "nix"])
    assert [r.themes for r in results] == [["windmolens"], ["opvang vluchtelingen en statushouders"], []]
