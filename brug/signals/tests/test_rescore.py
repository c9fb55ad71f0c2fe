"""Stored scores follow brug.text's model version, and "Waarom deze score?" follows the current themes.

A model change is recreated the honest way round: the stored messages are marked as scored by an
older version (with scores that version might have given), then the refresh must bring every
stored score, "waarom", theme link and daily count to what the current engine says.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from brug.signals import tasks
from brug.signals.classify import classifier_for
from brug.signals.models import DailyThemeStat, ScoreRefresh, Signal, Theme
from brug.signals.services import create_signal, ensure_default_themes, rescore, save_theme
from brug.signals.stats import grouped

pytestmark = pytest.mark.django_db

TEXTS = [
    "De windmolens bij de dijk maken veel lawaai",
    "Die lui moeten hier weg, wij waren hier eerst",
    "Mooi initiatief van de moskee en de kerk samen",
    "Boeren blokkeren de snelweg met trekkers",
    "Vuurwerk en vernielingen bij het station",
]


def _messages(org: Any) -> list[Signal]:
    ensure_default_themes(organisation=org)
    now = timezone.now()
    return [
        create_signal(organisation=org, channel="online", text=t, occurred_at=now - timedelta(hours=i + 1))
        for i, t in enumerate(TEXTS)
    ]


def _as_if_scored_by_an_older_model(org: Any) -> None:
    """What an older engine left: other scores, other reasons, other themes, its own version."""
    signals = Signal.objects.filter(organisation=org)
    for s in signals:
        s.themes.clear()
    signals.update(tone=0.9, hostility=0.0, framing=0.0, why={"themes": {}}, model_version="oud-model-1")
    DailyThemeStat.objects.filter(organisation=org).delete()


def _stat_rows(org: Any) -> set[tuple[Any, ...]]:
    return {
        (
            s.theme_id,
            s.day,
            s.neighbourhood_id,
            s.count,
            round(s.tone_sum, 6),
            s.hostile_count,
            s.framing_count,
        )
        for s in DailyThemeStat.objects.filter(organisation=org)
    }


def _stats_from_scratch(org: Any) -> set[tuple[Any, ...]]:
    return {
        (
            r["theme_id"],
            r["day"],
            r["signal__neighbourhood_id"],
            r["n"],
            round(r["tone"], 6),
            r["hostile"],
            r["framed"],
        )
        for r in grouped(Q(signal__organisation=org, signal__published=True))
    }


def _membership(tenancy: Any) -> Any:
    from brug.core.models import Membership

    return Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)


def test_every_stored_score_records_the_model_version(tenancy: Any) -> None:
    signals = _messages(tenancy.org)
    version = classifier_for(tenancy.org).version
    assert version
    assert {s.model_version for s in signals} == {version}
    assert rescore.start_refresh(organisation=tenancy.org) is None, "nothing to do when all are current"


def test_a_model_change_recomputes_scores_why_themes_and_counts_and_shows_progress(
    tenancy: Any, client_for: Any
) -> None:
    _messages(tenancy.org)
    expected = {
        s.pk: (s.tone, s.hostility, s.framing, s.why) for s in Signal.objects.filter(organisation=tenancy.org)
    }
    expected_themes = {
        s.pk: set(s.themes.values_list("pk", flat=True))
        for s in Signal.objects.filter(organisation=tenancy.org)
    }
    assert any(expected_themes.values())
    _as_if_scored_by_an_older_model(tenancy.org)

    refresh = rescore.start_refresh(organisation=tenancy.org)
    assert refresh is not None and refresh.total == len(TEXTS) and refresh.running
    assert rescore.refresh_batch(organisation_id=tenancy.org.pk, size=2)
    client = client_for(tenancy.coordinator)
    for name in ("monitor", "messages"):
        body = client.get(reverse(f"signals:{name}", kwargs={"org_slug": tenancy.org.slug})).content.decode()
        assert "Scores worden bijgewerkt: 40 %" in body, name

    # Resumable: the rest is picked up where the first batch ended (here by the deploy command).
    ScoreRefresh.objects.filter(organisation=tenancy.org).update(
        heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    call_command("rescore_signals")
    refresh.refresh_from_db()
    assert not refresh.running and refresh.done == refresh.total == len(TEXTS)
    version = classifier_for(tenancy.org).version
    for s in Signal.objects.filter(organisation=tenancy.org):
        assert s.model_version == version
        assert (s.tone, s.hostility, s.framing, s.why) == expected[s.pk]
        assert set(s.themes.values_list("pk", flat=True)) == expected_themes[s.pk]
    assert _stat_rows(tenancy.org) == _stats_from_scratch(tenancy.org) != set()
    body = client.get(reverse("signals:monitor", kwargs={"org_slug": tenancy.org.slug})).content.decode()
    assert "Scores worden bijgewerkt" not in body

    # Idempotent: a second deploy with the same model finds nothing to do.
    assert tasks.refresh_outdated_scores(thorough=True) == []


def test_a_second_model_change_during_a_run_aims_at_the_newest_version(tenancy: Any) -> None:
    _messages(tenancy.org)
    _as_if_scored_by_an_older_model(tenancy.org)
    rescore.start_refresh(organisation=tenancy.org)
    ScoreRefresh.objects.filter(organisation=tenancy.org).update(model_version="tussenversie")
    while rescore.refresh_batch(organisation_id=tenancy.org.pk, size=2):
        pass
    version = classifier_for(tenancy.org).version
    assert set(Signal.objects.filter(organisation=tenancy.org).values_list("model_version", flat=True)) == {
        version
    }
    assert ScoreRefresh.objects.get(organisation=tenancy.org).model_version == version


def test_a_message_under_a_theme_made_after_import_says_why(
    tenancy: Any, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    signals = _messages(tenancy.org)
    wind = signals[0]
    with django_capture_on_commit_callbacks(execute=True):
        theme = save_theme(membership=_membership(tenancy), name="Lawaai", query="lawaai OR herrie")
    assert wind.themes.filter(pk=theme.pk).exists()
    client = client_for(tenancy.coordinator)
    detail = client.get(reverse("signals:detail", kwargs={"org_slug": tenancy.org.slug, "pk": wind.pk}))
    messages = client.get(
        reverse("signals:messages", kwargs={"org_slug": tenancy.org.slug}), {"theme": theme.pk}
    )
    for body in (detail.content.decode(), messages.content.decode()):
        assert "Lawaai (lawaai)" in body
    assert [s.pk for s in messages.context["rows"]] == [wind.pk]

    # Renamed: the why names the theme as it is called now, never the old name.
    with django_capture_on_commit_callbacks(execute=True):
        save_theme(
            membership=_membership(tenancy),
            name="Geluidsoverlast",
            query="lawaai OR herrie",
            theme=theme,
            version=Theme.objects.get(pk=theme.pk).version,
        )
    body = client.get(
        reverse("signals:detail", kwargs={"org_slug": tenancy.org.slug, "pk": wind.pk})
    ).content.decode()
    assert "Geluidsoverlast (lawaai)" in body and "Lawaai (" not in body

    # While links exist without stored words (a re-match still running), the theme is still named.
    Signal.objects.filter(pk=wind.pk).update(why={"themes": {}})
    body = client.get(
        reverse("signals:detail", kwargs={"org_slug": tenancy.org.slug, "pk": wind.pk})
    ).content.decode()
    assert "Geluidsoverlast (past bij de zoekvraag van het thema)" in body
