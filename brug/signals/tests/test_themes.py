"""Theme editor: query limits and lowercase operators on save, preview over all messages, deleting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from brug.signals.models import Alert, DailyThemeStat, Signal, Theme

pytestmark = pytest.mark.django_db


def _url(name: str, tenancy, **kw) -> str:
    return reverse(f"signals:{name}", kwargs={"org_slug": tenancy.org.slug, **kw})


@pytest.mark.parametrize("depth", [185, 190])
def test_deeply_nested_queries_are_refused_with_a_dutch_message_and_never_saved(tenancy, client_for, depth):
    query = "(" * depth + "azc" + ")" * depth
    client = client_for(tenancy.officer)
    response = client.post(_url("theme_new", tenancy), {"name": "Diep", "query": query, "active": "on"})
    assert response.status_code == 400
    assert "haakjes in elkaar" in response.content.decode()
    assert not Theme.objects.filter(name="Diep").exists()
    preview = client.post(_url("theme_preview", tenancy), {"query": query})
    assert preview.status_code == 200 and "haakjes in elkaar" in preview.content.decode()


def test_lowercase_or_is_flagged_when_saving(tenancy, client_for):
    response = client_for(tenancy.officer).post(
        _url("theme_new", tenancy), {"name": "Energie", "query": "windmolen or zonnepark", "active": "on"}
    )
    body = response.content.decode()
    assert response.status_code == 400 and "OR in hoofdletters" in body
    assert not Theme.objects.filter(name="Energie").exists()


def test_a_stored_query_over_the_limits_does_not_break_rematching(
    tenancy, django_capture_on_commit_callbacks
):
    from brug.signals.tasks import rematch_theme

    theme = Theme.objects.create(organisation=tenancy.org, name="Oud", query="(" * 185 + "azc" + ")" * 185)
    Signal.objects.create(organisation=tenancy.org, channel="online", text="azc", occurred_at=timezone.now())
    assert rematch_theme(theme.pk) == 0


def test_the_preview_checks_every_message_not_only_the_newest_300(tenancy, client_for):
    now = timezone.now()
    Signal.objects.bulk_create(
        [
            Signal(
                organisation=tenancy.org,
                channel="online",
                text="gewoon een bericht" if i else "het oudste bericht noemt de hoogspanningsmast",
                occurred_at=now - timedelta(hours=1000 - i),
            )
            for i in range(1000)
        ]
    )
    body = (
        client_for(tenancy.officer)
        .post(_url("theme_preview", tenancy), {"query": "hoogspanning*"})
        .content.decode()
    )
    assert "1 van de 1000 berichten" in body and "hoogspanningsmast" in body


def test_a_theme_is_deleted_after_confirmation_with_its_counts_and_alerts(tenancy, client_for):
    theme = Theme.objects.create(organisation=tenancy.org, name="Weg", query="weg")
    signal = Signal.objects.create(
        organisation=tenancy.org, channel="online", text="weg", occurred_at=timezone.now()
    )
    signal.themes.add(theme)
    DailyThemeStat.objects.create(organisation=tenancy.org, theme=theme, day=timezone.localdate(), count=1)
    Alert.objects.create(
        organisation=tenancy.org,
        theme=theme,
        kind="piek",
        window_start=timezone.localdate(),
        value=1,
        threshold=0,
    )
    url = _url("theme_delete", tenancy, pk=theme.pk)
    assert client_for(tenancy.outsider).get(url).status_code == 404
    assert client_for(tenancy.outsider).post(url).status_code == 404
    assert client_for(tenancy.reader).post(url).status_code == 403
    client = client_for(tenancy.officer)
    confirm = client.get(url)
    assert confirm.status_code == 200 and "verwijderen?" in confirm.content.decode()
    assert Theme.objects.filter(pk=theme.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not Theme.objects.filter(pk=theme.pk).exists()
    assert not DailyThemeStat.objects.filter(theme_id=theme.pk).exists()
    assert not Alert.objects.filter(theme_id=theme.pk).exists()
    assert Signal.objects.filter(pk=signal.pk).exists()
