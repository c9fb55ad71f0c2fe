"""Precision and recall of the classifier on the labelled Dutch evaluation set.

The set (data/evaluatieset.jsonl) is split deterministically: every fifth message (position
4, 9, 14, …) is held out and was not looked at while tuning lexicons and theme queries.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brug.text.classifier import Classification, Classifier

EVAL_PATH = Path(__file__).parent / "data" / "evaluatieset.jsonl"
TONE_NEGATIVE = -0.1  # tone ≤ this counts as "negatief"
TONE_POSITIVE = 0.1  # tone ≥ this counts as "positief"


def load_eval(path: Path = EVAL_PATH) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split(items: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(development, held-out): every fifth message is held out."""
    dev = [m for i, m in enumerate(items) if i % 5 != 4]
    held = [m for i, m in enumerate(items) if i % 5 == 4]
    return dev, held


@dataclass(frozen=True)
class Score:
    label: str
    support: int
    predicted: int
    true_positives: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.support if self.support else 0.0


def tone_label(tone: float) -> str:
    if tone <= TONE_NEGATIVE:
        return "negatief"
    return "positief" if tone >= TONE_POSITIVE else "neutraal"


def _labels(item: dict[str, Any], theme_names: Sequence[str]) -> set[str]:
    out = {f"thema: {t}" for t in item["themes"] if t in theme_names}
    if item["hostile"]:
        out.add("vijandig")
    if item["framing"]:
        out.add("wij-zij")
    out.add(f"toon {item['tone']}")
    return out


def _predicted(result: Classification) -> set[str]:
    out = {f"thema: {t}" for t in result.themes}
    if result.hostile:
        out.add("vijandig")
    if result.framed:
        out.add("wij-zij")
    out.add(f"toon {tone_label(result.tone)}")
    return out


def evaluate(items: Sequence[dict[str, Any]], classifier: Classifier | None = None) -> dict[str, Score]:
    """Per-label scores: every theme of the classifier, vijandig, wij-zij, toon negatief/positief."""
    classifier = classifier or Classifier()
    names = [t.name for t in classifier.themes]
    labels = [f"thema: {n}" for n in names] + ["vijandig", "wij-zij", "toon negatief", "toon positief"]
    counts = {label: [0, 0, 0] for label in labels}
    for item in items:
        gold = _labels(item, names)
        pred = _predicted(classifier.classify(item["text"]))
        for label in labels:
            g, p = label in gold, label in pred
            counts[label][0] += g
            counts[label][1] += p
            counts[label][2] += g and p
    return {label: Score(label, *c) for label, c in counts.items()}


def micro(scores: dict[str, Score], prefix: str = "thema: ") -> Score:
    """Micro-averaged score over the labels starting with `prefix`."""
    chosen = [s for k, s in scores.items() if k.startswith(prefix)]
    return Score(
        prefix.strip(),
        *(sum(x) for x in zip(*((s.support, s.predicted, s.true_positives) for s in chosen), strict=True)),
    )


# ------------------------------------------------------------------ the labelled corpus
NEUTRAL_CATEGORIES = ("vio", "grp")


@dataclass
class Report:
    """Scores of one run over labelled rows, with what the benchmark tables need."""

    scores: dict[str, Score]
    categories: dict[str, dict[str, int]]
    confusion: dict[str, dict[str, dict[str, int]]]
    errors: list[dict[str, Any]]
    neutral_false_positives: list[str]
    neutral_total: int


def _error_weight(item: dict[str, Any], result: Classification) -> float:
    weight = 0.0
    weight += abs(float(item["hostile"]) - result.hostility)
    weight += 0.7 * abs(float(item["framing"]) - result.framing)
    return weight


def report(
    rows: Sequence[dict[str, Any]], results: Sequence[Classification], theme_names: Sequence[str]
) -> Report:
    """Per label, per category, confusion tables and the worst errors for predictions `results`."""
    labels = [f"thema: {n}" for n in theme_names] + ["vijandig", "wij-zij", "toon negatief", "toon positief"]
    counts = {label: [0, 0, 0] for label in labels}
    categories: dict[str, dict[str, int]] = {}
    confusion: dict[str, dict[str, dict[str, int]]] = {"vijandig": {}, "wij-zij": {}, "toon": {}}
    errors: list[dict[str, Any]] = []
    neutral_fp: list[str] = []
    neutral_total = 0
    for item, result in zip(rows, results, strict=True):
        gold = _labels(item, theme_names)
        pred = _predicted(result)
        for label in labels:
            g, p = label in gold, label in pred
            counts[label][0] += g
            counts[label][1] += p
            counts[label][2] += g and p
        cat = categories.setdefault(
            str(item.get("category", "?")),
            {
                "n": 0,
                "vijandig": 0,
                "vijandig voorspeld": 0,
                "vijandig goed": 0,
                "wij-zij": 0,
                "wij-zij goed": 0,
                "vals vijandig": 0,
                "vals wij-zij": 0,
            },
        )
        cat["n"] += 1
        cat["vijandig"] += item["hostile"]
        cat["vijandig voorspeld"] += result.hostile
        cat["vijandig goed"] += item["hostile"] == result.hostile
        cat["wij-zij"] += item["framing"]
        cat["wij-zij goed"] += item["framing"] == result.framed
        cat["vals vijandig"] += result.hostile and not item["hostile"]
        cat["vals wij-zij"] += result.framed and not item["framing"]
        triples: list[tuple[str, object, object]] = [
            ("vijandig", item["hostile"], result.hostile),
            ("wij-zij", item["framing"], result.framed),
            ("toon", item["tone"], tone_label(result.tone)),
        ]
        for name, gold_value, pred_value in triples:
            row = confusion[name].setdefault(str(gold_value), {})
            row[str(pred_value)] = row.get(str(pred_value), 0) + 1
        if item.get("category") in NEUTRAL_CATEGORIES:
            neutral_total += 1
            if result.hostile or result.framed:
                neutral_fp.append(item["text"])
        wrong = sorted((gold ^ pred) - {"toon neutraal"})
        if wrong:
            errors.append(
                {
                    "id": item.get("id"),
                    "category": item.get("category"),
                    "text": item["text"],
                    "wrong": wrong,
                    "hostility": result.hostility,
                    "framing": result.framing,
                    "tone": result.tone,
                    "weight": _error_weight(item, result) + 0.2 * len(wrong),
                }
            )
    errors.sort(key=lambda e: -e["weight"])
    scores = {label: Score(label, *c) for label, c in counts.items()}
    return Report(scores, categories, confusion, errors, neutral_fp, neutral_total)
