"""Every signals page, export and API answer gives times in Europe/Amsterdam.

A message from 23:30 UTC on 2 November is from 00:30 on 3 November in Gouda: it must be shown,
exported, counted and filtered on the 3rd everywhere (the meeting form once said the 2nd).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from django.test import Client
from django.urls import reverse

from brug.core.models import Membership
from brug.signals.models import DailyThemeStat
from brug.signals.services import create_signal, ensure_default_themes, issue_token

pytestmark = pytest.mark.django_db

LATE_UTC = datetime(2026, 11, 2, 23, 30, tzinfo=UTC)


def _url(name: str, tenancy, **kw) -> str:
    return reverse(f"signals:{name}", kwargs={"org_slug": tenancy.org.slug, **kw})


def test_a_message_just_before_midnight_utc_is_on_the_next_day_everywhere(tenancy, client_for) -> None:
    ensure_default_themes(organisation=tenancy.org)
    signal = create_signal(
        organisation=tenancy.org,
        channel="medewerker",
        text="Onrust bij de windmolens, bewoners zijn boos",
        occurred_at=LATE_UTC,
    )
    client = client_for(tenancy.coordinator)

    messages = client.get(_url("messages", tenancy)).content.decode()
    assert "03-11-2026 00:30" in messages and "02-11-2026" not in messages
    assert "3 november 2026, 00:30" in client.get(_url("detail", tenancy, pk=signal.pk)).content.decode()
    assert "03-11-2026 00:30" in client.get(_url("list", tenancy)).content.decode()
    form = client.get(_url("meeting_new", tenancy)).content.decode()
    assert "03-11-2026 – Medewerker" in form and "02-11-2026" not in form

    export = client.get(_url("messages_export", tenancy), {"formaat": "csv"})
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1] == "2026-11-03 00:30"

    # The date filters and the daily counts use the local day.
    on_the_3rd = client.get(_url("messages", tenancy), {"start": "2026-11-03", "end": "2026-11-03"})
    assert [s.pk for s in on_the_3rd.context["rows"]] == [signal.pk]
    on_the_2nd = client.get(_url("messages", tenancy), {"start": "2026-11-02", "end": "2026-11-02"})
    assert list(on_the_2nd.context["rows"]) == []
    days = set(DailyThemeStat.objects.filter(organisation=tenancy.org).values_list("day", flat=True))
    assert days == {date(2026, 11, 3)}

    token = issue_token(
        membership=Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org),
        name="Meldsysteem",
    )[1]
    delivered = create_signal(
        organisation=tenancy.org, channel="api", text="Melding via de koppeling", occurred_at=LATE_UTC
    )
    answer = Client().get(f"/api/signalen/v1/signalen/{delivered.pk}/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert answer.status_code == 200, answer.content
    assert answer.json()["moment"] == "2026-11-03T00:30:00+01:00"
