"""Background tasks: the retention purge and alert windows (real workers: bench/signals/import_bench.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from brug.signals.models import Alert, DailyThemeStat, Signal, Theme
from brug.signals.services import create_signal
from brug.signals.services.alerts import detect_alerts
from brug.signals.tasks import purge_expired_message_texts


@pytest.mark.django_db
def test_texts_of_online_messages_are_blanked_after_the_retention_period_and_counts_stay(tenancy) -> None:
    old = create_signal(
        organisation=tenancy.org,
        channel="online",
        text="Windmolens weg!",
        occurred_at=timezone.now() - timedelta(days=100),
        author_handle="@boos",
    )
    fresh = create_signal(
        organisation=tenancy.org,
        channel="online",
        text="Windmolens weg!",
        occurred_at=timezone.now() - timedelta(days=5),
    )
    person = create_signal(
        organisation=tenancy.org,
        channel="sleutelfiguur",
        text="Windmolens",
        occurred_at=timezone.now() - timedelta(days=100),
    )
    assert purge_expired_message_texts() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    person.refresh_from_db()
    assert old.text == "" and old.author_pseudonym == "" and old.text_purged_at is not None
    assert fresh.text and person.text, "recent messages and signals from people are kept"
    assert sum(DailyThemeStat.objects.filter(theme__name="windmolens").values_list("count", flat=True)) == 3


@pytest.mark.django_db
def test_at_most_one_alert_per_theme_per_window_and_a_spike_is_explained(tenancy) -> None:
    day = timezone.localdate() - timedelta(days=1)
    theme = Theme.objects.create(organisation=tenancy.org, name="markt", query="markt")
    for i in range(28):
        DailyThemeStat.objects.create(
            organisation=tenancy.org, theme=theme, day=day - timedelta(days=i + 1), count=2
        )
    DailyThemeStat.objects.create(organisation=tenancy.org, theme=theme, day=day, count=40, hostility_sum=30)
    first = detect_alerts(organisation_id=tenancy.org.pk, days=[day])
    assert {a.kind for a in first} == {"piek", "vijandigheid"}
    spike = next(a for a in first if a.kind == "piek")
    assert "normaal 2,0 per dag" in spike.reason and "drempel" in spike.reason
    assert detect_alerts(organisation_id=tenancy.org.pk, days=[day]) == []
    assert Alert.objects.filter(theme=theme).count() == 2
    from django.core import mail

    assert len(mail.outbox) == 1 and mail.outbox[0].to == [tenancy.coordinator.email]
    assert "markt" in mail.outbox[0].body and "Piek" in mail.outbox[0].body


@pytest.mark.django_db
def test_the_demo_loads_twice_without_adding_anything() -> None:
    # Speed is not asserted here (no timed unit tests): `make demo` itself shows how long it takes.
    from brug.core.demo import DemoContext
    from brug.core.demo import load as load_core
    from brug.signals import demo
    from brug.signals.models import Meeting
    from conftest import ensure_municipalities

    ensure_municipalities()
    ctx = DemoContext()
    load_core(ctx)
    demo.load(ctx)
    org = ctx.orgs["voorbeeldstad"]
    counts = (Signal.objects.filter(organisation=org).count(), Alert.objects.count(), Meeting.objects.count())
    assert counts[0] > 2000 and counts[1] >= 1 and counts[2] == 1
    assert Alert.objects.filter(organisation=org, theme__name="windmolens", kind="piek").exists()
    demo.load(ctx)
    assert (
        Signal.objects.filter(organisation=org).count(),
        Alert.objects.count(),
        Meeting.objects.count(),
    ) == counts
