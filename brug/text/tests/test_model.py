"""The trained model, the structural rules, the corpus splits and bad input (issue 16)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from brug.text import Classifier
from brug.text.corpus import CATEGORIES, in_test, load_corpus, split_test
from brug.text.model import MODEL_PATH, load
from brug.text.structure import analyse

ROOT = Path(__file__).resolve().parents[3]
clf = Classifier()


def kinds(text: str) -> set[str]:
    return {h.kind for h in analyse(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Wij weten waar de wethouder woont",
        "we weten heus wel waar die wethouder van ons woont",
        "Die burgemeester moeten we eens flink op zijn bek slaan",
        "ik hoop dat die minister doodgaat",
        "Als dat azc er komt gaat het in de fik",
        "Ik ga die wethouder thuis opzoeken met een paar vrienden",
    ],
)
def test_threat_templates_fire_in_any_person_and_tense(text):
    assert "dreiging" in kinds(text)
    result = clf.classify(text)
    assert result.hostile, result.why["hostility"]
    assert any(line.startswith("dreiging") for line in result.why["hostility"])


@pytest.mark.parametrize(
    "text",
    [
        "Bij de afslag zijn gisteren spandoeken opgehangen tegen het stikstofplan",
        "Eindelijk het schilderij van oma opgehangen in de woonkamer",
        "Wat een wedstrijd, moordend tempo in de tweede helft!",
        "Weet iemand waar de wethouder spreekuur houdt?",
        "Ik wil echt niemand iets aandoen, maar luister nou eens naar ons",
        "Grote brand bij het recyclingbedrijf, houd ramen en deuren dicht",
    ],
)
def test_neutral_uses_negations_and_questions_do_not_fire(text):
    assert "dreiging" not in kinds(text)
    assert not clf.classify(text).hostile


def test_generalisation_about_a_group_is_hostile_and_framed():
    result = clf.classify("Die Marokkaanse jongens verpesten het hier")
    assert "veralgemenisering" in kinds("Die Marokkaanse jongens verpesten het hier")
    assert result.hostile and result.framed
    assert "veralgemenisering" in kinds("ze passen zich nooit aan, die mensen uit het azc")


def test_quoting_a_threat_to_report_it_is_capped_and_says_why():
    result = clf.classify(
        "Onze wethouder kreeg een briefje met 'we weten waar je woont'. Walgelijk, aangifte gedaan."
    )
    assert not result.hostile
    assert any("begrensd" in line or "citaat" in line for line in result.why["hostility"])


def test_every_result_names_the_model_version_and_the_words_that_weighed():
    model = load()
    assert model is not None
    result = clf.classify("Die wethouder is een achterlijke mongool")
    assert result.model == model.version
    line = next(x for x in result.why["hostility"] if x.startswith("model "))
    assert "zwaarst wegend" in line


def test_model_file_is_small_json_and_versioned():
    assert MODEL_PATH.stat().st_size < 1_000_000
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["version"].startswith("brug-text-")
    assert "vijandig" in data["labels"] and "wij-zij" in data["labels"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "lege tekst"),
        ("   \n ", "lege tekst"),
        ("a" * 100_000, "te lang"),
        ("\x00\x01\x02\x03binary\x00\x00\x00\x04\x05\x06", "binaire"),
        ("The council meeting was cancelled and they will not reschedule it this year", "andere taal"),
    ],
)
def test_bad_input_is_unknown_with_a_reason_not_a_crash(text, reason):
    result = clf.classify(text)
    assert result.unknown is not None and reason in result.unknown
    d = result.to_dict()
    assert d["hostility"] == "unknown" and d["tone"] == "unknown" and reason in d["reason"]


def test_cli_reports_model_and_unknown():
    lines = [{"id": 1, "text": "Wij weten waar de wethouder woont"}, {"id": 2, "text": ""}]
    proc = subprocess.run(
        [sys.executable, "-m", "brug.text", "classify"],
        input="".join(json.dumps(x) + "\n" for x in lines),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert out[0]["model"].startswith("brug-text-") and out[0]["hostility"] >= 0.5
    assert out[1]["hostility"] == "unknown" and out[1]["reason"] == "lege tekst"


def test_corpus_is_large_in_families_and_the_test_part_is_frozen_by_family():
    items = load_corpus()
    assert len(items) >= 2000
    assert {i.category for i in items} >= set(CATEGORIES) - {"evh", "evf", "evo"} | {"thr"}
    assert sum(i.category in ("vio", "grp") for i in items) >= 100
    dev, test = split_test(items)
    families = {i.family for i in items}
    test_families = {i.family for i in test}
    assert len(test_families) >= 0.2 * len(families)
    assert not test_families & {i.family for i in dev}  # paraphrases never straddle the line
    assert all(in_test(f) for f in test_families)


def test_importing_the_package_does_not_load_the_classifier():
    code = "import sys, brug.text.embeddings; print('brug.text.classifier' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.stdout.strip() == "False", proc.stderr


@pytest.mark.parametrize(
    "text",
    [
        "Zeggen dat alle asielzoekers criminelen zijn is gewoon dom en niet waar",
        "Dat verhaal dat statushouders allemaal uitvreters zijn, klopt niet",
    ],
)
def test_a_claim_about_a_group_that_the_sentence_rejects_is_not_a_generalisation(text):
    found = kinds(text)
    assert "veralgemenisering" not in found and "ontkenning" in found
    result = clf.classify(text)
    assert not result.hostile and not result.framed, result.why


def test_a_generalisation_next_to_a_rejection_of_something_else_still_counts():
    # The rejection comes before the group word: it is about another claim.
    assert "veralgemenisering" in kinds(
        "Ze zeggen dat het onzin is, maar die Marokkaanse jongens verpesten het hier"
    )


@pytest.mark.parametrize(
    "text",
    [
        "we weten heus wel waar die wethouder van ons woont hoor",
        "Ik weet waar die wethouder woont hoor. Komt wel een keer.",
    ],
)
def test_the_particle_hoor_is_not_reported_speech(text):
    # "hoor" closing a sentence softens it; it does not report someone else's words.
    found = kinds(text)
    assert "dreiging" in found and "citaat" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Ik hoor mensen zeggen dat Roemenen alleen maar stelen. Mijn collega is de eerlijkste man die ik ken.",
        "'Ze passen zich nooit aan' hoor ik vaak. Maar mijn buren spreken beter Nederlands dan ik.",
    ],
)
def test_hearing_someone_say_something_is_still_reported_speech(text):
    assert "citaat" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "weet je wat die wethouder nodig heeft? een flink pak slaag",
        "Wanneer gaan we nou eens echt iets doen tegen dat azc? Een paar molotovs en klaar",
    ],
)
def test_a_rhetorical_question_is_not_an_information_question(text):
    assert "vraag" not in kinds(text)


def test_a_demonstrative_dat_is_not_a_negated_clause():
    # "niks aan dat tuig": "niks" does not deny "tuig"; "niet dat ik ze wil slaan" does.
    assert "ontkenning" not in kinds("wij hebben hier niks aan dat tuig")
    assert "ontkenning" in kinds("het is niet dat ik ze wil slaan")


def test_a_generalisation_about_a_protected_group_counts_as_a_hostility_rule():
    from brug.text.classifier import GUARD_CAP, apply_guards
    from brug.text.structure import PROTECTED_GENERALISATION

    protected = analyse("Lesbiennes haten gewoon mannen")
    assert [h.rule for h in protected] == [PROTECTED_GENERALISATION]
    # an unsure model is not capped when such a rule fired, and is capped without it
    assert apply_guards(0.45, 0.5, protected, {})[0] == 0.45
    assert apply_guards(0.45, 0.5, [], {})[0] == GUARD_CAP
    # a group not named by origin, faith or gender stays us–them only
    assert [h.rule for h in analyse("die wappies zijn gestoord")] == ["groep met negatief gezegde"]


@pytest.mark.parametrize(
    "text",
    [
        "Ik ga ze allemaal afmaken bij het toernooi morgen, sjoelen is mijn ding",
        "morgen maak ik ze in bij het klaverjassen",
        "Marokkaanse buurvrouw bracht soep toen ik ziek was, zo lief",
    ],
)
def test_game_talk_and_the_speakers_own_state_do_not_fire(text):
    assert not kinds(text) & {"dreiging", "veralgemenisering"}


def test_killing_words_outside_a_game_and_a_groups_state_still_fire():
    assert "dreiging" in kinds("ik ga die wethouder afmaken")
    assert "veralgemenisering" in kinds("die marokkanen zijn ziek in hun hoofd")
