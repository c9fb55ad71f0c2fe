"""No lost update in the learning network: editions, session notes and pairs (brug.core.versioning)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from brug.core.models import Role
from brug.learning.models import Pair

from . import helpers

pytestmark = pytest.mark.django_db

STALE = "Niet opgeslagen: "


@pytest.fixture
def setup(tenancy: Any) -> dict[str, Any]:
    org, facilitator = helpers.partner_with_facilitator()
    second = helpers.make_user("tweede@ess.example", "Tom Tweede", org, Role.FACILITATOR)
    ed = helpers.edition(org)
    regs = [helpers.registration(ed, "GM0513"), helpers.registration(ed, "GM0150")]
    return {"org": org, "a": facilitator, "b": second, "edition": ed, "regs": regs, "tenancy": tenancy}


def _url(name: str, s: dict[str, Any], *args: Any) -> str:
    return reverse(f"learning:{name}", args=[s["org"].slug, s["edition"].pk, *args])


def test_two_edits_of_session_notes(setup: dict[str, Any], client_for: Any) -> None:
    session = setup["edition"].sessions.first()
    url = _url("session", setup, session.pk)
    page = client_for(setup["a"]).get(url).content.decode()
    assert 'name="version" value="1"' in page
    data = {"action": "notes", "agenda": "", "version": "1"}
    first = client_for(setup["a"]).post(url, {**data, "notes": "Verslag van Bea"})
    second = client_for(setup["b"]).post(url, {**data, "notes": "Verslag van Tom"})
    assert first.status_code == 302
    assert STALE in second.content.decode() and "Verslag van Tom" in second.content.decode()
    session.refresh_from_db()
    assert session.notes == "Verslag van Bea"
    assert client_for(setup["tenancy"].outsider).post(url, data).status_code == 404


def test_two_edits_of_a_pair(setup: dict[str, Any], client_for: Any) -> None:
    first_reg, second_reg = setup["regs"]
    pair = Pair.objects.create(edition=setup["edition"], first=first_reg, second=second_reg)
    url = _url("pair_update", setup, pair.pk)
    p = f"p{pair.pk}"
    data = {f"{p}-first": first_reg.pk, f"{p}-second": second_reg.pk, f"{p}-version": "1"}
    client_for(setup["a"]).post(url, {**data, f"{p}-scheduled_at": "2027-01-12T10:00"})
    response = client_for(setup["b"]).post(
        url, {**data, f"{p}-scheduled_at": "2027-02-01T10:00"}, follow=True
    )
    assert STALE in response.content.decode()
    pair.refresh_from_db()
    assert pair.scheduled_at is not None and pair.scheduled_at.month == 1
    assert client_for(setup["tenancy"].outsider).post(url, data).status_code == 404


def test_two_edits_of_an_edition(setup: dict[str, Any], client_for: Any) -> None:
    from brug.learning.forms import EditionForm
    from tests.cross_app.test_lost_updates import post_data

    ed = setup["edition"]
    data = post_data(EditionForm(instance=ed, organisation=setup["org"]))
    sessions = list(ed.sessions.all())
    data.update({"sessies-TOTAL_FORMS": str(len(sessions)), "sessies-INITIAL_FORMS": str(len(sessions))})
    for i, s in enumerate(sessions):
        data.update(
            {
                f"sessies-{i}-date": s.date.isoformat(),
                f"sessies-{i}-start_time": "12:00",
                f"sessies-{i}-end_time": "16:00",
                f"sessies-{i}-place": s.place,
                f"sessies-{i}-agenda": "",
            }
        )
    url = reverse("learning:edition_edit", args=[setup["org"].slug, ed.pk])
    first = client_for(setup["a"]).post(url, {**data, "theme": "Eerste thema"})
    second = client_for(setup["b"]).post(url, {**data, "theme": "Tweede thema"})
    assert first.status_code == 302, first.content.decode()[:3000]
    assert STALE in second.content.decode()
    ed.refresh_from_db()
    assert ed.theme == "Eerste thema"
    assert client_for(setup["tenancy"].outsider).post(url, data).status_code == 404


def test_two_edits_of_an_assignment(setup: dict[str, Any], client_for: Any) -> None:
    import datetime as dt

    from brug.learning.models import Assignment

    assignment = Assignment.objects.create(
        edition=setup["edition"], title="Opdracht 1", description="Beschrijf", due_date=dt.date(2027, 1, 1)
    )
    url = _url("assignments", setup)
    page = client_for(setup["a"]).get(url + f"?bewerken={assignment.pk}").content.decode()
    assert 'name="version" value="1"' in page
    data = {"assignment": assignment.pk, "title": "Opdracht 1", "due_date": "2027-01-01", "version": "1"}
    first = client_for(setup["a"]).post(url, {**data, "description": "Van Bea"})
    second = client_for(setup["b"]).post(url, {**data, "description": "Van Tom"})
    assert first.status_code == 302
    assert STALE in second.content.decode() and "Van Tom" in second.content.decode()
    assignment.refresh_from_db()
    assert assignment.description == "Van Bea"
    assert client_for(setup["tenancy"].outsider).post(url, data).status_code == 404
