"""The service contract the key-figure app relies on, and the rules every signal obeys."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from brug.core.models import AuditLogEntry
from brug.signals.models import DailyThemeStat, Signal, Theme
from brug.signals.services import SignalError, anonymise_key_figure_signals, create_signal

pytestmark = pytest.mark.django_db


def test_a_key_figure_signal_is_stored_classified_counted_and_logged(tenancy) -> None:
    signal = create_signal(
        organisation=tenancy.org,
        channel="sleutelfiguur",
        text="Veel boze buurtbewoners over de windmolens bij het dorp, ze voelen zich niet gehoord.",
        severity=3,
        key_figure_id=42,
        may_contact=True,
    )
    assert Theme.objects.filter(organisation=tenancy.org).exists(), "default themes are seeded on first use"
    assert "windmolens" in {t.name for t in signal.themes.all()}
    assert -1 <= signal.tone <= 1 and 0 <= signal.hostility <= 1 and "themes" in signal.why
    assert DailyThemeStat.objects.filter(organisation=tenancy.org, theme__name="windmolens").get().count == 1
    assert AuditLogEntry.objects.filter(action="signals.signal.create", object_id=str(signal.pk)).exists()


def test_a_date_far_in_the_future_is_refused_with_a_dutch_message(tenancy) -> None:
    with pytest.raises(SignalError, match="toekomst"):
        create_signal(
            organisation=tenancy.org,
            channel="medewerker",
            text="x",
            occurred_at=timezone.now() + timedelta(days=400),
        )
    assert not Signal.objects.exists()


def test_an_unknown_channel_or_severity_is_refused(tenancy) -> None:
    with pytest.raises(SignalError):
        create_signal(organisation=tenancy.org, channel="telefoon", text="x")
    with pytest.raises(SignalError):
        create_signal(organisation=tenancy.org, channel="medewerker", text="x", severity=9)


def test_erasing_a_key_figure_keeps_the_signal_but_drops_the_link(tenancy) -> None:
    keep = create_signal(
        organisation=tenancy.org,
        channel="sleutelfiguur",
        text="Onrust op het plein",
        key_figure_id=7,
        may_contact=True,
    )
    other = create_signal(
        organisation=tenancy.outsider_org, channel="sleutelfiguur", text="Onrust", key_figure_id=7
    )
    assert anonymise_key_figure_signals(organisation=tenancy.org, key_figure_id=7) == 1
    keep.refresh_from_db()
    other.refresh_from_db()
    assert keep.key_figure_id is None and not keep.may_contact
    assert other.key_figure_id == 7, "another organisation's key figure with the same id is untouched"
