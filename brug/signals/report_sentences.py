"""Sentences of the monitor summary that are not tied to a threshold being crossed (pure).

`phase_for` in monitor.py says why a theme got points; when nothing crossed a threshold, this
module says what that means, without claiming more than the data shows: with too few recent
messages, tone and us-them language were not judged at all.
"""

from __future__ import annotations

MIN_RECENT = 5  # phase_for judges tone and us-them language from this many recent messages on


def quiet_sentence(*, recent: int, recent_days: int, baseline_days_with_data: int) -> str:
    """The reason shown when no rule gave points."""
    if recent < MIN_RECENT and baseline_days_with_data == 0:
        return (
            f"Te weinig berichten om iets te zeggen: {recent} de laatste {recent_days} dagen en geen eerdere "
            "berichten om mee te vergelijken."
        )
    if recent < MIN_RECENT:
        return (
            f"Geen opvallende stijging. Toon en wij-zij-taal zijn niet beoordeeld: {recent} "
            f"{'bericht' if recent == 1 else 'berichten'} de laatste {recent_days} dagen (minimaal {MIN_RECENT} nodig)."
        )
    if baseline_days_with_data == 0:
        return (
            "Geen vijandige toon of veel wij-zij-taal. Of er meer berichten zijn dan gewoonlijk is niet te zeggen: "
            "er zijn geen eerdere berichten om mee te vergelijken."
        )
    return "Geen opvallende stijging, vijandigheid of wij-zij-taal."
