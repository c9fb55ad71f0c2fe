"""BOB meetings: editing, measures with owner, date and status, overdue measures on the dashboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from brug.signals.models import Measure, Meeting, Signal, SignalStatus

pytestmark = pytest.mark.django_db


def _url(name: str, tenancy, **kw) -> str:
    return reverse(f"signals:{name}", kwargs={"org_slug": tenancy.org.slug, **kw})


@pytest.fixture
def meeting(tenancy) -> Meeting:
    meeting = Meeting.objects.create(
        organisation=tenancy.org,
        held_on=timezone.localdate() - timedelta(days=10),
        title="Overleg centrum",
        picture="Onrust",
        judgement="Risico",
        decision="Gesprek",
    )
    Measure.objects.create(
        meeting=meeting,
        description="Gesprek met de moskee",
        owner="Wijkregisseur",
        due_on=timezone.localdate() - timedelta(days=2),
    )
    return meeting


def _post_data(meeting: Meeting, **measure) -> dict[str, str]:
    first = meeting.measures.get()
    data = {
        "held_on": meeting.held_on.isoformat(),
        "title": "Overleg centrum (bijgewerkt)",
        "picture": "Onrust op het plein",
        "judgement": "Risico op escalatie",
        "decision": "Gesprek en extra toezicht",
        "maatregel-TOTAL_FORMS": "3",
        "maatregel-INITIAL_FORMS": "1",
        "maatregel-MIN_NUM_FORMS": "0",
        "maatregel-MAX_NUM_FORMS": "20",
        "maatregel-0-id": str(first.pk),
        "maatregel-0-meeting": str(meeting.pk),
        "maatregel-0-description": first.description,
        "maatregel-0-owner": first.owner,
        "maatregel-0-due_on": first.due_on.isoformat(),
        "maatregel-0-status": "bezig",
        "maatregel-1-description": "Extra toezicht",
        "maatregel-1-owner": "Boa's",
        "maatregel-1-due_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "maatregel-1-status": "open",
        "maatregel-2-status": "open",
    }
    data.update(measure)
    return data


def test_a_meeting_is_edited_with_measure_status_and_a_new_measure(tenancy, client_for, meeting):
    url = _url("meeting_edit", tenancy, pk=meeting.pk)
    assert client_for(tenancy.outsider).get(url).status_code == 404
    assert client_for(tenancy.outsider).post(url, _post_data(meeting)).status_code == 404
    assert client_for(tenancy.reader).get(url).status_code == 403
    client = client_for(tenancy.officer)
    form = client.get(url)
    assert form.status_code == 200 and "Overleg centrum" in form.content.decode()
    response = client.post(url, _post_data(meeting))
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.title == "Overleg centrum (bijgewerkt)"
    assert list(meeting.measures.values_list("description", "owner", "status")) == [
        ("Gesprek met de moskee", "Wijkregisseur", "bezig"),
        ("Extra toezicht", "Boa's", "open"),
    ]


def test_a_measure_without_owner_is_refused_and_nothing_changes(tenancy, client_for, meeting):
    response = client_for(tenancy.officer).post(
        _url("meeting_edit", tenancy, pk=meeting.pk), _post_data(meeting, **{"maatregel-1-owner": ""})
    )
    assert response.status_code == 400 and "Wie voert deze maatregel uit?" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Overleg centrum" and meeting.measures.count() == 1


def test_overdue_measures_show_on_the_dashboard_and_the_meeting_list_until_done(tenancy, client_for, meeting):
    client = client_for(tenancy.officer)
    dashboard = client.get(f"/o/{tenancy.org.slug}/").content.decode()
    assert "1 maatregel(en) over de datum" in dashboard and "Gesprek met de moskee" in dashboard
    assert "Gesprek met de moskee" in client.get(_url("meetings", tenancy)).content.decode()
    assert "te laat" in client.get(_url("meeting_detail", tenancy, pk=meeting.pk)).content.decode()
    Measure.objects.update(status="klaar")
    assert "over de datum" not in client.get(f"/o/{tenancy.org.slug}/").content.decode()
    outsider = client_for(tenancy.outsider).get(f"/o/{tenancy.outsider_org.slug}/").content.decode()
    assert "Gesprek met de moskee" not in outsider


def test_adding_a_signal_while_editing_marks_it_discussed(tenancy, client_for, meeting):
    signal = Signal.objects.create(
        organisation=tenancy.org,
        channel="sleutelfiguur",
        text="Onrust bij de school",
        occurred_at=timezone.now(),
    )
    data = _post_data(meeting)
    data["signals"] = [str(signal.pk)]
    assert (
        client_for(tenancy.officer).post(_url("meeting_edit", tenancy, pk=meeting.pk), data).status_code
        == 302
    )
    signal.refresh_from_db()
    assert signal.status == SignalStatus.DISCUSSED and meeting.signals.filter(pk=signal.pk).exists()
