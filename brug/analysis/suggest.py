"""Which catalogue interventions fit a phase and manifestations. Pure: plain data in and out."""

from __future__ import annotations

from typing import Any, TypedDict


class Suggestion(TypedDict):
    id: int
    score: int
    reasons: list[str]


def suggest(
    interventions: list[dict[str, Any]],
    *,
    phase: str,
    manifestations: list[str],
    phase_label: str = "",
    manifestation_labels: dict[str, str] | None = None,
) -> dict[int, Suggestion]:
    """Score = 2 for a matching phase + 1 per matching manifestation; only scores > 0 are returned."""
    labels = manifestation_labels or {}
    result: dict[int, Suggestion] = {}
    for item in interventions:
        reasons = []
        score = 0
        if phase and phase in item.get("phases", []):
            score += 2
            reasons.append(f"past bij de fase ‘{phase_label or phase}’")
        matched = [m for m in manifestations if m in item.get("manifestations", [])]
        if matched:
            score += len(matched)
            reasons.append("past bij " + ", ".join(labels.get(m, m).lower() for m in matched))
        if score:
            result[item["id"]] = Suggestion(id=item["id"], score=score, reasons=reasons)
    return result
