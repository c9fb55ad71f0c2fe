"""Attendance of partners (present / afgemeld / absent), clearing attendance, and correcting the duo."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from brug.core.models import AuditLogEntry
from brug.learning.models import Attendance, PartnerAttendee, RegistrationPerson, Status
from brug.learning.services import exports

from . import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(tenancy: Any) -> dict[str, Any]:
    org, facilitator = helpers.partner_with_facilitator()
    ed = helpers.edition(org, max_municipalities=2)
    reg = helpers.registration(ed, "GM0513", question="Wantrouwen rond de opvang van vluchtelingen")
    reg.status = Status.SELECTED
    reg.save()
    return {"org": org, "facilitator": facilitator, "edition": ed, "reg": reg, "tenancy": tenancy}


def _url(name: str, s: dict[str, Any], *args: Any) -> str:
    return reverse(f"learning:{name}", args=[s["org"].slug, s["edition"].pk, *args])


def _add_partner(client: Any, url: str, **data: str) -> Any:
    return client.post(url, {"action": "partner_add", **{f"partner-new-{k}": v for k, v in data.items()}})


def test_partners_are_added_their_attendance_recorded_and_exported(setup: dict, client_for: Any) -> None:
    session = setup["edition"].sessions.first()
    url = _url("session", setup, session.pk)
    client = client_for(setup["facilitator"])
    _add_partner(client, url, name="Ans de Vries", organisation_name="VNG", email="ans@vng.example")
    _add_partner(client, url, name="Bert Kok", organisation_name="KIS")
    ans, bert = PartnerAttendee.objects.filter(edition=setup["edition"]).order_by("name")
    assert AuditLogEntry.objects.filter(action="learning.partner_attendee.add").count() == 2
    page = client.get(url).content.decode()
    assert "Ans de Vries (VNG)" in page and f'name="partner-{bert.pk}"' in page
    person = setup["reg"].people.first()
    client.post(
        url,
        {
            "action": "attendance",
            f"status-{person.pk}": "aanwezig",
            f"partner-{ans.pk}": "aanwezig",
            f"partner-{bert.pk}": "afgemeld",
        },
    )
    assert Attendance.objects.get(session=session, partner=ans).present
    assert Attendance.objects.get(session=session, partner=bert).status == "afgemeld"
    header, rows = exports.attendance(setup["edition"])
    assert header[2] == "Gemeente of organisatie"
    assert [r[2:] for r in rows if r[4] == "partner"] == [
        ["KIS", "Bert Kok", "partner", "Afgemeld"],
        ["VNG", "Ans de Vries", "partner", "Aanwezig"],
    ]
    # Changing the status again is an edit, recorded in the audit log.
    client.post(url, {"action": "attendance", f"partner-{bert.pk}": "afwezig"})
    assert Attendance.objects.get(session=session, partner=bert).status == "afwezig"
    assert AuditLogEntry.objects.filter(action="learning.attendance.record").count() == 2


def test_a_partner_is_corrected_and_removed_with_audit(setup: dict, client_for: Any) -> None:
    session = setup["edition"].sessions.first()
    url = _url("session", setup, session.pk)
    client = client_for(setup["facilitator"])
    _add_partner(client, url, name="Ans de Vries", organisation_name="VNG")
    ans = PartnerAttendee.objects.get()
    client.post(url, {"action": "attendance", f"partner-{ans.pk}": "aanwezig"})
    client.post(
        url,
        {
            "action": "partner_edit",
            "partner": ans.pk,
            f"pa{ans.pk}-name": "Ans de Vries-Bakker",
            f"pa{ans.pk}-organisation_name": "Ministerie van BZK",
            f"pa{ans.pk}-email": "",
        },
    )
    ans.refresh_from_db()
    assert (ans.name, ans.organisation_name) == ("Ans de Vries-Bakker", "Ministerie van BZK")
    entry = AuditLogEntry.objects.get(action="learning.partner_attendee.change")
    assert entry.changed_fields == ["name", "organisation_name"]
    client.post(url, {"action": "partner_remove", "partner": ans.pk})
    assert (
        not PartnerAttendee.objects.exists() and not Attendance.objects.filter(partner__isnull=False).exists()
    )
    assert AuditLogEntry.objects.filter(action="learning.partner_attendee.remove").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "organisation_name": "VNG"}, "Vul de naam in."),
        ({"name": "Ans", "organisation_name": ""}, "Vul de organisatie in."),
        ({"name": "A" * 151, "organisation_name": "VNG"}, "maximaal 150 tekens"),
        ({"name": "Ans", "organisation_name": "VNG", "email": "geen-adres"}, "geldig e-mailadres"),
    ],
)
def test_bad_partner_input_gets_a_dutch_message_and_saves_nothing(
    setup: dict, client_for: Any, data: dict, message: str
) -> None:
    url = _url("session", setup, setup["edition"].sessions.first().pk)
    response = _add_partner(client_for(setup["facilitator"]), url, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PartnerAttendee.objects.exists()


def test_attendance_of_a_session_can_be_cleared(setup: dict, client_for: Any) -> None:
    session = setup["edition"].sessions.first()
    url = _url("session", setup, session.pk)
    client = client_for(setup["facilitator"])
    person = setup["reg"].people.first()
    client.post(url, {"action": "attendance", f"status-{person.pk}": "aanwezig"})
    assert session.attendance.exists()
    client.post(url, {"action": "attendance_clear"})
    assert not session.attendance.exists()
    assert AuditLogEntry.objects.filter(
        action="learning.attendance.remove", object_id=str(session.pk)
    ).exists()


def test_another_editions_partner_cannot_be_changed(setup: dict, client_for: Any) -> None:
    other_ed = helpers.edition(setup["org"], slug="andere", max_municipalities=2)
    stranger = PartnerAttendee.objects.create(edition=other_ed, name="Cees", organisation_name="JEP")
    url = _url("session", setup, setup["edition"].sessions.first().pk)
    response = client_for(setup["facilitator"]).post(
        url, {"action": "partner_remove", "partner": stranger.pk}
    )
    assert response.status_code == 404 and PartnerAttendee.objects.filter(pk=stranger.pk).exists()


def test_outsider_gets_404_on_the_session_page(setup: dict, client_for: Any) -> None:
    url = _url("session", setup, setup["edition"].sessions.first().pk)
    assert client_for(setup["tenancy"].outsider).post(url, {"action": "partner_add"}).status_code == 404


def _person_post(person: RegistrationPerson, **changes: str) -> dict[str, Any]:
    values = {
        "name": person.name,
        "email": person.email,
        "function": person.function,
        "domain": person.domain,
    }
    values.update(changes)
    return {
        "action": "edit_person",
        "person": person.pk,
        **{f"p{person.pk}-{k}": v for k, v in values.items()},
    }


def test_the_facilitator_corrects_a_duo_member_with_audit(setup: dict, client_for: Any) -> None:
    person = setup["reg"].people.first()
    url = _url("registration", setup, setup["reg"].pk)
    client = client_for(setup["facilitator"])
    assert f'name="p{person.pk}-email"' in client.get(url).content.decode()
    response = client.post(
        url, _person_post(person, email="nieuw@gemeente.example", function="Beleidsadviseur"), follow=True
    )
    assert response.redirect_chain and "nodig deze persoon opnieuw uit op de pagina Toegang" in (
        response.content.decode()
    )
    person.refresh_from_db()
    assert (person.email, person.function) == ("nieuw@gemeente.example", "Beleidsadviseur")
    entry = AuditLogEntry.objects.get(action="learning.registration_person.change")
    assert entry.changed_fields == ["email", "function"] and entry.object_id == str(person.pk)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Vul de naam in."),
        ({"email": "geen-adres"}, "Vul een geldig e-mailadres in."),
        ({"function": "x" * 151}, "maximaal 150 tekens"),
        ({"domain": "onzin"}, "Kies een domein uit de lijst."),
        ({"email": "OTHER"}, "De andere persoon van het duo heeft dit e-mailadres al."),
    ],
)
def test_bad_duo_input_gets_a_dutch_message_and_changes_nothing(
    setup: dict, client_for: Any, changes: dict, message: str
) -> None:
    person, colleague = setup["reg"].people.all()
    if changes.get("email") == "OTHER":
        changes = {"email": colleague.email.upper()}
    before = (person.name, person.email, person.function, person.domain)
    url = _url("registration", setup, setup["reg"].pk)
    response = client_for(setup["facilitator"]).post(url, _person_post(person, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    person.refresh_from_db()
    assert (person.name, person.email, person.function, person.domain) == before
    assert not AuditLogEntry.objects.filter(action="learning.registration_person.change").exists()


def test_a_person_of_another_registration_cannot_be_edited_here(setup: dict, client_for: Any) -> None:
    other = helpers.registration(setup["edition"], "GM0150", question="Spanningen")
    stranger = other.people.first()
    url = _url("registration", setup, setup["reg"].pk)
    response = client_for(setup["facilitator"]).post(url, _person_post(stranger, name="Gewijzigd"))
    assert response.status_code == 404
    stranger.refresh_from_db()
    assert stranger.name != "Gewijzigd"
