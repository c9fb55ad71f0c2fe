"""Which catalogue interventions fit a phase and manifestations. Pure: plain data in and out."""

from __future__ import annotations

from typing import Any, TypedDict


class Suggestion(TypedDict):
    id: int
    score: int
    # Strong: fits the phase and (when manifestations were chosen) at least one of them.
    strong: bool
    reasons: list[str]


def suggest(
    interventions: list[dict[str, Any]],
    *,
    phase: str,
    manifestations: list[str],
    phase_label: str = "",
    manifestation_labels: dict[str, str] | None = None,
) -> dict[int, Suggestion]:
    """Score = 2 for a matching phase + 1 per matching manifestation; only scores > 0 are returned.

    A suggestion is strong (shown as "Aanbevolen") when it fits the phase and, if any
    manifestations were chosen, at least one of them; otherwise it only fits in part.
    """
    labels = manifestation_labels or {}
    result: dict[int, Suggestion] = {}
    for item in interventions:
        reasons = []
        score = 0
        phase_fits = bool(phase) and phase in item.get("phases", [])
        if phase_fits:
            score += 2
            reasons.append(f"past bij de fase ‘{phase_label or phase}’")
        matched = [m for m in manifestations if m in item.get("manifestations", [])]
        if matched:
            score += len(matched)
            reasons.append("past bij " + ", ".join(labels.get(m, m).lower() for m in matched))
        if score:
            strong = phase_fits and (bool(matched) or not manifestations)
            result[item["id"]] = Suggestion(id=item["id"], score=score, strong=strong, reasons=reasons)
    return result
