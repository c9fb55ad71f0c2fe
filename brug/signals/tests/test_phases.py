"""Phase labels per configured scale and per state (rustig, oplopend, piek, dalend), through monitor.build."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from brug.signals import monitor
from brug.signals.models import DailyThemeStat, MonitorConfig, Theme

pytestmark = pytest.mark.django_db

END = date(2026, 11, 20)
MOVISIE = ["rust", "ongemak", "spanningen", "incidenten"]
AFTERMATH = ["sluimerend ongenoegen", "oplopende spanningen", "escalatie", "na de escalatie"]
THREE = ["laag", "midden", "hoog"]
FIVE = ["rust", "onrust", "spanning", "escalatie", "na de escalatie"]

# (scale, expected label for rustig, oplopend, piek, dalend)
SCALES = [
    (MOVISIE, ["rust", "ongemak", "spanningen", "rust"]),
    (AFTERMATH, ["sluimerend ongenoegen", "oplopende spanningen", "escalatie", "na de escalatie"]),
    (THREE, ["laag", "midden", "hoog", "laag"]),
    (FIVE, ["rust", "onrust", "spanning", "na de escalatie"]),
]
# Counts of today and of earlier days (days ago → count) on top of a baseline of 2 a day.
STATES = {
    "rustig": {},
    "oplopend": {0: 5},  # above mean + 1.5 spread, below the spike threshold
    "piek": {0: 20},  # a spike today
    "dalend": {4: 25},  # a spike four days ago, calm now
}


@pytest.mark.parametrize(("phases", "labels"), SCALES, ids=lambda v: v[0] if isinstance(v[0], str) else "")
@pytest.mark.parametrize("state", list(STATES))
def test_each_state_gets_the_right_phase_on_each_scale(tenancy, phases, labels, state):
    MonitorConfig.objects.create(organisation=tenancy.org, phases=phases)
    theme = Theme.objects.create(organisation=tenancy.org, name="Opvang", query="azc")
    counts = {ago: 2 for ago in range(0, 40)} | STATES[state]
    DailyThemeStat.objects.bulk_create(
        [
            DailyThemeStat(organisation=tenancy.org, theme=theme, day=END - timedelta(days=ago), count=n)
            for ago, n in counts.items()
        ]
    )
    row = monitor.build(tenancy.org, days=30, end=END).rows[0]
    assert row.state == state
    assert row.phase == labels[list(STATES).index(state)]
    if state == "piek":
        assert row.phase != "na de escalatie"
        assert any("Piek" in reason for reason in row.reasons)
    if state == "dalend":
        assert any("Na een piek op 16-11" in reason for reason in row.reasons)


@pytest.mark.parametrize(
    ("phases", "aftermath"),
    [(MOVISIE, False), (AFTERMATH, True), (FIVE, True), (["rust", "na de escalatie"], False), (THREE, False)],
)
def test_only_a_last_phase_named_after_the_escalation_is_an_aftermath(phases, aftermath):
    assert monitor.has_aftermath(phases) is aftermath
