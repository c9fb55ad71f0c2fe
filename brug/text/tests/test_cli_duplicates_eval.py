"""CLI via subprocess, near-duplicate grouping, and regression guards on the evaluation set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from brug.text import near_duplicate_groups
from brug.text.evaluation import evaluate, load_eval, micro, split

ROOT = Path(__file__).resolve().parents[3]


def run_cli(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brug.text", "classify", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_cli_writes_one_json_line_per_message_with_why_per_score():
    lines = [{"id": 1, "text": "Die windmolens 😡"}, {"id": "b", "text": "Ik weet waar je woont"}]
    proc = run_cli("".join(json.dumps(x) + "\n" for x in lines))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, "b"]
    assert out[0]["themes"] == ["windmolens"]
    assert out[1]["hostility"] >= 0.5
    assert set(out[0]["why"]) == {"themes", "tone", "hostility", "framing"}


def test_cli_skips_bad_lines_reports_their_number_and_exits_1():
    proc = run_cli('{"id": 1, "text": "azc"}\nkapot\n{"id": 3}\n{"id": 4, "text": "corona"}\n')
    assert proc.returncode == 1
    assert [json.loads(x)["id"] for x in proc.stdout.splitlines()] == [1, 4]
    assert "regel 2" in proc.stderr and "regel 3" in proc.stderr


def test_cli_uses_a_themes_file(tmp_path):
    themes = tmp_path / "t.json"
    themes.write_text('[{"name": "kermis", "query": "kermis*"}]', encoding="utf-8")
    proc = run_cli('{"id": 1, "text": "De kermis is er weer"}\n', "--themes", str(themes))
    assert json.loads(proc.stdout)["themes"] == ["kermis"]


def test_exact_duplicates_after_normalisation_are_grouped_without_a_model():
    texts = [
        "Geen AZC in ons dorp!",
        "geen azc in ons dorp",
        "Iets heel anders",
        "GEEN AZC IN ONS DORP 👉 https://x.nl",
    ]
    assert near_duplicate_groups(texts, threshold=1.0) == [[0, 1, 3]]


def test_near_duplicates_with_small_edits_are_grouped_and_different_texts_are_not():
    texts = [
        "Teken de petitie tegen de windmolens in de Noordoostpolder, deel dit bericht!",
        "Lekker weer vandaag, we gaan naar het strand",
        "Teken de petitie tegen de windmolens in de Noordoostpolder en deel dit bericht!!",
        "De gemeenteraad vergadert donderdag over de begroting",
    ]
    assert near_duplicate_groups(texts, threshold=0.9) == [[0, 2]]


def test_duplicate_threshold_must_be_a_similarity():
    with pytest.raises(ValueError):
        near_duplicate_groups(["a"], threshold=1.5)


def test_evaluation_set_is_large_and_covers_every_theme():
    items = load_eval()
    assert len(items) >= 300
    assert len({t for m in items for t in m["themes"]}) == 11


# Thresholds sit below the measured values (see bench/results/text.md) to catch regressions.
def test_precision_and_recall_on_the_evaluation_set_do_not_regress():
    items = load_eval()
    scores = evaluate(items)
    themes = micro(scores)
    assert themes.precision >= 0.88 and themes.recall >= 0.70
    assert scores["vijandig"].precision >= 0.85 and scores["vijandig"].recall >= 0.80
    assert scores["wij-zij"].precision >= 0.85 and scores["wij-zij"].recall >= 0.65
    assert scores["toon negatief"].precision >= 0.85 and scores["toon negatief"].recall >= 0.50


def test_held_out_part_is_also_guarded():
    _, held = split(load_eval())
    themes = micro(evaluate(held))
    assert themes.precision >= 0.85 and themes.recall >= 0.55
