"""The monitor's 'nothing notable' sentence never claims calm where the data was too thin to judge."""

from __future__ import annotations

from datetime import date

from brug.signals.models import MonitorConfig
from brug.signals.monitor import phase_for
from brug.signals.report_sentences import quiet_sentence


def test_quiet_sentence_per_branch() -> None:
    assert quiet_sentence(recent=12, recent_days=7, baseline_days_with_data=20) == (
        "Geen opvallende stijging, vijandigheid of wij-zij-taal."
    )
    few = quiet_sentence(recent=2, recent_days=7, baseline_days_with_data=20)
    assert "niet beoordeeld" in few and "vijandigheid" not in few
    assert "1 bericht " in quiet_sentence(recent=1, recent_days=7, baseline_days_with_data=3)
    nothing = quiet_sentence(recent=0, recent_days=7, baseline_days_with_data=0)
    assert nothing.startswith("Te weinig berichten")
    no_baseline = quiet_sentence(recent=9, recent_days=7, baseline_days_with_data=0)
    assert "niet te zeggen" in no_baseline and "Geen opvallende stijging" not in no_baseline


def test_phase_for_with_too_few_messages_says_not_judged() -> None:
    config = MonitorConfig()  # defaults, not saved
    day = date(2026, 5, 1)
    points, reasons = phase_for(
        config=config,
        days=[(day, 1, [0] * 28)],
        hostility=0.9,
        framing=0.9,
        recent=2,
        severe=0,
        very_severe=0,
    )
    assert points == 0
    assert reasons == [quiet_sentence(recent=2, recent_days=7, baseline_days_with_data=0)]
    assert "Geen opvallende stijging, vijandigheid" not in reasons[0]
