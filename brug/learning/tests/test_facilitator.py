"""Facilitator pages: edition, registrations and intake, selection, pairs, session, knowledge product."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from django.core import mail
from django.urls import reverse

from brug.core.models import AuditLogEntry
from brug.core.tests.pdfua import assert_tagged_pdf
from brug.learning.models import Edition, Intake, KnowledgeProduct, Pair, Registration, Status

from . import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(tenancy: Any) -> dict[str, Any]:
    org, facilitator = helpers.partner_with_facilitator()
    ed = helpers.edition(org, max_municipalities=2)
    regs = [
        helpers.registration(ed, "GM0513", question="Wantrouwen rond de opvang van vluchtelingen"),
        helpers.registration(ed, "GM0150", question="Spanningen rond asielopvang en wantrouwen"),
        helpers.registration(ed, "GM0981", question="Jongerenoverlast in het dorp"),
        helpers.registration(ed, "GM0080", question="Overlast door jongerengroepen"),
    ]
    return {
        "org": org,
        "facilitator": facilitator,
        "edition": ed,
        "regs": regs,
        "weaker": helpers.weaker_member(org),
        "tenancy": tenancy,
    }


def _url(name: str, s: dict[str, Any], *args: Any) -> str:
    return reverse(f"learning:{name}", args=[s["org"].slug, s["edition"].pk, *args])


PAGES = ["edition", "registrations", "selection", "pairs", "assignments", "maatwerk"]


@pytest.mark.parametrize("name", PAGES)
def test_facilitator_pages_open_for_the_facilitator_and_are_closed_to_others(
    setup: dict, client_for: Any, name: str
) -> None:
    url = _url(name, setup)
    assert client_for(setup["facilitator"]).get(url).status_code == 200
    assert client_for(setup["weaker"]).get(url).status_code == 403
    assert client_for(setup["tenancy"].outsider).get(url).status_code == 404


def test_another_partner_cannot_open_the_edition(setup: dict, client_for: Any) -> None:
    _other, other_facilitator = helpers.partner_with_facilitator("movisie")
    response = client_for(other_facilitator).get(
        reverse("learning:edition", args=["movisie", setup["edition"].pk])
    )
    assert response.status_code == 404


def test_registration_pages_need_the_second_factor(setup: dict, client_for: Any) -> None:
    response = client_for(setup["facilitator"], verified=False).get(_url("registrations", setup))
    assert response.status_code == 302 and "account" in response["Location"]


def _edition_post(**sessions: Any) -> dict[str, str]:
    data = {
        "title": "Nieuwe editie",
        "theme": "Vertrouwen",
        "description": "Over vertrouwen",
        "call_text": "",
        "max_municipalities": "12",
        "target_klein": "34",
        "target_middel": "33",
        "target_groot": "33",
        "target_noord": "25",
        "target_oost": "25",
        "target_zuid": "25",
        "target_west": "25",
        "registration_deadline": "2027-04-15",
        "location": "Utrecht",
        "maatwerk_places": "3",
        "sessies-TOTAL_FORMS": "4",
        "sessies-INITIAL_FORMS": "0",
        "sessies-MIN_NUM_FORMS": "3",
        "sessies-MAX_NUM_FORMS": "12",
    }
    dates = sessions.get("dates", ["2027-06-24", "2027-09-23", "2027-11-25"])
    for i in range(4):
        date = dates[i] if i < len(dates) else ""
        filled = i < sessions.get("count", 3)
        data.update(
            {
                f"sessies-{i}-date": date if filled else "",
                f"sessies-{i}-start_time": "12:00" if filled else "",
                f"sessies-{i}-end_time": "16:00" if filled else "",
                f"sessies-{i}-place": "Utrecht" if filled else "",
                f"sessies-{i}-agenda": "",
            }
        )
    return data


def test_the_facilitator_creates_an_edition_with_three_sessions(setup: dict, client_for: Any) -> None:
    response = client_for(setup["facilitator"]).post(
        reverse("learning:edition_new", args=["ess"]), _edition_post()
    )
    assert response.status_code == 302
    edition = Edition.objects.get(title="Nieuwe editie")
    assert edition.organisation == setup["org"]
    assert [s.number for s in edition.sessions.all()] == [1, 2, 3]


def test_an_edition_with_more_sessions_than_dates_is_refused(setup: dict, client_for: Any) -> None:
    data = _edition_post(dates=["2027-06-24", "2027-09-23"], count=3)
    response = client_for(setup["facilitator"]).post(reverse("learning:edition_new", args=["ess"]), data)
    assert response.status_code == 200
    assert "Elke bijeenkomst heeft een datum nodig" in response.content.decode()
    assert not Edition.objects.filter(title="Nieuwe editie").exists()


def test_an_edition_with_fewer_than_three_sessions_is_refused(setup: dict, client_for: Any) -> None:
    data = _edition_post(count=2)
    response = client_for(setup["facilitator"]).post(reverse("learning:edition_new", args=["ess"]), data)
    assert response.status_code == 200
    assert not Edition.objects.filter(title="Nieuwe editie").exists()


def test_registrations_can_be_filtered_by_size_region_status_and_advice(setup: dict, client_for: Any) -> None:
    client = client_for(setup["facilitator"])
    Intake.objects.create(registration=setup["regs"][2], scheduled_at="2026-12-01T10:00Z", advice="geschikt")
    body = client.get(_url("registrations", setup) + "?size=klein").content.decode()
    assert "Vaals" in body and "Gouda" not in body
    body = client.get(_url("registrations", setup) + "?region=noord").content.decode()
    assert "Leeuwarden" in body and "Deventer" not in body
    body = client.get(_url("registrations", setup) + "?advice=geschikt").content.decode()
    assert "Vaals" in body and "Gouda" not in body
    body = client.get(_url("registrations", setup) + "?status=geselecteerd").content.decode()
    assert "0 aanmeldingen" in body


def test_the_facilitator_records_an_intake_with_advice(setup: dict, client_for: Any) -> None:
    reg = setup["regs"][0]
    response = client_for(setup["facilitator"]).post(
        _url("registration", setup, reg.pk),
        {
            "scheduled_at": "2026-12-01T10:00",
            "online": "on",
            "held": "on",
            "learning_questions": "Vraag",
            "expectations": "Veel",
            "notes": "",
            "advice": "geschikt",
        },
    )
    assert response.status_code == 302
    assert Intake.objects.get(registration=reg).advice == "geschikt"
    ics = client_for(setup["facilitator"]).get(_url("ics", setup, "intake", reg.intake.pk))
    assert ics["Content-Type"].startswith("text/calendar") and b"BEGIN:VEVENT" in ics.content


def test_selection_proposes_within_the_maximum_and_mails_the_decision(
    setup: dict, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(setup["facilitator"])
    Intake.objects.create(
        registration=setup["regs"][3], scheduled_at="2026-12-01T10:00Z", advice="niet_geschikt"
    )
    for reg in setup["regs"][:2]:
        Intake.objects.create(registration=reg, scheduled_at="2026-12-01T10:00Z", advice="geschikt")
    page = client.get(_url("selection", setup)).content.decode()
    assert "Streefaandeel" in page and "Alternatieve ruilen" in page
    assert "Nog geen intake" in page  # Vaals, until it is included by hand
    client.post(_url("selection", setup), {"action": "include", "registration": setup["regs"][2].pk})
    assert Registration.objects.get(pk=setup["regs"][2].pk).forced is True
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("selection", setup), {"action": "apply"})
    statuses = dict(Registration.objects.values_list("municipality__name", "status"))
    assert list(statuses.values()).count(Status.SELECTED) == 2
    assert statuses["Vaals"] == Status.SELECTED
    assert statuses["Leeuwarden"] == Status.REJECTED
    assert len(mail.outbox) == 8  # two people in each of four registrations


def test_selection_override_of_another_editions_registration_is_404(setup: dict, client_for: Any) -> None:
    other = helpers.edition(setup["org"], slug="ander")
    foreign = helpers.registration(other, "GM0344")
    response = client_for(setup["facilitator"]).post(
        _url("selection", setup), {"action": "include", "registration": foreign.pk}
    )
    assert response.status_code == 404


def test_pairs_join_municipalities_with_close_learning_questions(
    setup: dict, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_embed(texts: list[str]) -> np.ndarray:
        vectors = np.array([[1.0, 0.0] if ("opvang" in t or "asiel" in t) else [0.0, 1.0] for t in texts])
        return vectors

    monkeypatch.setattr("brug.learning.services.pairs.embed", fake_embed)
    client = client_for(setup["facilitator"])
    client.post(_url("pairs", setup), {"action": "propose"})
    pairs = {frozenset((p.first.municipality.name, p.second.municipality.name)) for p in Pair.objects.all()}
    assert pairs == {frozenset({"Gouda", "Deventer"}), frozenset({"Vaals", "Leeuwarden"})}
    pair = Pair.objects.first()
    assert pair is not None
    prefix = f"p{pair.pk}"
    response = client.post(
        _url("pair_update", setup, pair.pk),
        {
            f"{prefix}-first": pair.first_id,
            f"{prefix}-second": pair.second_id,
            f"{prefix}-scheduled_at": "2027-01-12T10:00",
        },
    )
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.scheduled_at is not None
    assert b"Startgesprek" in client.get(_url("ics", setup, "startgesprek", pair.pk)).content


def test_a_new_proposal_embeds_only_new_or_changed_questions(
    setup: dict, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def counting_embed(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return np.eye(len(texts), 4)

    monkeypatch.setattr("brug.learning.services.pairs.embed", counting_embed)
    client = client_for(setup["facilitator"])
    client.post(_url("pairs", setup), {"action": "propose"})
    client.post(_url("pairs", setup), {"action": "propose"})
    reg = setup["regs"][0]
    reg.learning_question = "Een nieuwe vraag"
    reg.save()
    client.post(_url("pairs", setup), {"action": "propose"})
    assert calls == [4, 1]


def test_a_session_records_attendance_notes_dilemmas_and_successes(setup: dict, client_for: Any) -> None:
    reg = setup["regs"][0]
    reg.status = Status.SELECTED
    reg.save()
    session = setup["edition"].sessions.first()
    client = client_for(setup["facilitator"])
    url = _url("session", setup, session.pk)
    person, colleague = list(reg.people.all())
    client.post(
        url, {"action": "attendance", f"status-{person.pk}": "aanwezig", f"status-{colleague.pk}": "afgemeld"}
    )
    client.post(url, {"action": "notes", "agenda": "Welkom", "notes": "We spraken over vertrouwen."})
    client.post(
        url,
        {"action": "entry", "kind": "succes", "text": "Buurtgesprek", "why": "Iedereen kwam aan het woord"},
    )
    client.post(url, {"action": "entry", "kind": "dilemma", "text": "Wie is probleemeigenaar?"})
    session.refresh_from_db()
    assert session.notes == "We spraken over vertrouwen."
    assert session.attendance.get(person=person).present
    assert session.attendance.get(person=colleague).status == "afgemeld"
    assert not session.attendance.get(person=colleague).present
    assert session.entries.count() == 2
    success = session.entries.get(kind="succes")
    client.post(
        url,
        {
            "action": "entry_edit",
            "entry": success.pk,
            f"e{success.pk}-text": "Buurtgesprek op het plein",
            f"e{success.pk}-why": "",
        },
    )
    assert session.entries.get(pk=success.pk).text == "Buurtgesprek op het plein"
    client.post(url, {"action": "entry_edit", "entry": success.pk, f"e{success.pk}-text": ""})
    assert session.entries.get(pk=success.pk).text == "Buurtgesprek op het plein"  # empty: refused
    client.post(url, {"action": "entry_delete", "entry": success.pk})
    assert session.entries.count() == 1
    assert AuditLogEntry.objects.filter(action="learning.session_entry.delete").exists()
    ics = client.get(_url("ics", setup, "bijeenkomst", session.pk)).content.decode()
    local_start = session.starts_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{local_start}" in ics and "SUMMARY:Leernetwerk editie: bijeenkomst 1" in ics


def test_the_knowledge_product_starts_from_the_session_and_is_published_with_a_pdf(
    setup: dict, client_for: Any
) -> None:
    session = setup["edition"].sessions.first()
    session.notes = "We spraken over vertrouwen."
    session.save()
    session.entries.create(kind="succes", text="Buurtgesprek", why="Iedereen kwam aan het woord")
    client = client_for(setup["facilitator"])
    url = _url("knowledge_product", setup, session.pk)
    draft = client.get(url).content.decode()
    assert "Wat werkte, en waarom?" in draft and "Buurtgesprek" in draft
    response = client.post(
        url,
        {
            "title": "Infoblad 1",
            "body": "## Kop\n\nTekst <script>x</script>",
            "visibility": "publiek",
            "action": "publish",
        },
    )
    assert response.status_code == 302
    product = KnowledgeProduct.objects.get(session=session)
    assert product.published_at is not None
    from brug.knowledge.models import KnowledgeItem

    item = KnowledgeItem.objects.get(pk=product.knowledge_item_id)
    assert item.title == "Infoblad 1" and item.visibility == "publiek"
    pdf = client.get(_url("knowledge_pdf", setup, session.pk))
    assert pdf.content.startswith(b"%PDF-")
    assert_tagged_pdf(pdf.content, title="Infoblad 1")
    from brug.learning.services.knowledge import render_body

    assert "<script>" not in render_body(product.body)


def test_maatwerk_has_its_own_intake_limited_places_and_two_work_sessions(
    setup: dict, client_for: Any
) -> None:
    client = client_for(setup["facilitator"])
    first, second = setup["regs"][0], setup["regs"][1]
    client.post(_url("maatwerk", setup), {"registration": first.pk})
    client.post(_url("maatwerk", setup), {"registration": second.pk})
    app1, app2 = first.maatwerk, second.maatwerk
    detail = _url("maatwerk_detail", setup, app1.pk)
    client.post(
        detail,
        {
            "action": "intake",
            "motivation": "Lokale spanningen",
            "local_partners": "Wijkteam",
            "intake_at": "2027-01-10T10:00",
            "intake_notes": "",
        },
    )
    client.post(detail, {"action": "select"})
    response = client.post(_url("maatwerk_detail", setup, app2.pk), {"action": "select"}, follow=True)
    assert "plaatsen voor maatwerk zijn al vergeven" in response.content.decode()
    work = {
        "action": "work_session",
        "date": "2027-02-01",
        "start_time": "10:00",
        "end_time": "12:00",
        "place": "Gouda",
        "partners": "Wijkteam",
        "notes": "",
    }
    for _ in range(3):
        response = client.post(detail, work, follow=True)
    app1.refresh_from_db()
    assert app1.selected and app1.work_sessions.count() == 2
    assert "al gepland" in response.content.decode()
    ws = app1.work_sessions.first()
    assert client.get(_url("ics", setup, "werksessie", ws.pk)).status_code == 200
    assert dt.date(2027, 2, 1) == ws.date
    client.post(
        detail, {"action": "work_notes", "work_session": ws.pk, "notes": "Wijkteam en politie waren er."}
    )
    ws.refresh_from_db()
    assert ws.notes == "Wijkteam en politie waren er."


def test_editing_an_edition_keeps_the_sessions_and_their_notes(setup: dict, client_for: Any) -> None:
    ed = setup["edition"]
    first = ed.sessions.get(number=1)
    first.notes = "Verslag dat moet blijven"
    first.save()
    data = _edition_post(dates=[s.date.isoformat() for s in ed.sessions.all()])
    data.update(
        {
            "title": "Nieuwe titel",
            "sessies-INITIAL_FORMS": "3",
            "registration_deadline": (first.date - dt.timedelta(days=14)).isoformat(),
        }
    )
    response = client_for(setup["facilitator"]).post(_url("edition_edit", setup), data)
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.notes == "Verslag dat moet blijven"
    assert Edition.objects.get(pk=ed.pk).title == "Nieuwe titel"


def test_a_co_running_partner_facilitator_can_open_the_edition(setup: dict, client_for: Any) -> None:
    other, other_facilitator = helpers.partner_with_facilitator("movisie")
    setup["edition"].partners.add(other)
    response = client_for(other_facilitator).get(
        reverse("learning:edition", args=["movisie", setup["edition"].pk])
    )
    assert response.status_code == 200


def test_a_pair_of_a_municipality_with_itself_is_refused(setup: dict, client_for: Any) -> None:
    reg = setup["regs"][0]
    pair = Pair.objects.create(edition=setup["edition"], first=reg, second=setup["regs"][1])
    prefix = f"p{pair.pk}"
    response = client_for(setup["facilitator"]).post(
        _url("pair_update", setup, pair.pk),
        {f"{prefix}-first": reg.pk, f"{prefix}-second": reg.pk},
        follow=True,
    )
    assert "Een koppel bestaat uit verschillende gemeenten" in response.content.decode()
    pair.refresh_from_db()
    assert pair.second_id == setup["regs"][1].pk


def test_no_dropdown_of_the_learning_network_shows_dashes(setup: dict, client_for: Any) -> None:
    client = client_for(setup["facilitator"])
    reg = setup["regs"][0]
    Pair.objects.create(edition=setup["edition"], first=reg, second=setup["regs"][1])
    for url in (
        _url("registration", setup, reg.pk),
        _url("pairs", setup),
        _url("assignments", setup),
        _url("edition_edit", setup),
    ):
        page = client.get(url).content.decode()
        assert "---------" not in page, url


def test_a_pair_can_take_a_third_municipality_but_nobody_sits_in_two_pairs(
    setup: dict, client_for: Any
) -> None:
    gouda, deventer, vaals, leeuwarden = setup["regs"]
    first = Pair.objects.create(edition=setup["edition"], first=gouda, second=deventer)
    second = Pair.objects.create(edition=setup["edition"], first=vaals, second=leeuwarden)
    client = client_for(setup["facilitator"])
    prefix = f"p{first.pk}"
    response = client.post(
        _url("pair_update", setup, first.pk),
        {f"{prefix}-first": gouda.pk, f"{prefix}-second": deventer.pk, f"{prefix}-third": vaals.pk},
        follow=True,
    )
    assert "Vaals zit al in een ander koppel" in response.content.decode()
    assert Pair.objects.get(pk=first.pk).third is None
    client.post(_url("pair_update", setup, second.pk), {"action": "delete"})
    assert not Pair.objects.filter(pk=second.pk).exists()
    client.post(
        _url("pair_update", setup, first.pk),
        {f"{prefix}-first": gouda.pk, f"{prefix}-second": deventer.pk, f"{prefix}-third": vaals.pk},
    )
    assert Pair.objects.get(pk=first.pk).third == vaals
    page = client.get(_url("pairs", setup)).content.decode()
    assert "Gouda, Deventer en Vaals" in page
    past = client.post(
        _url("pair_update", setup, first.pk),
        {
            f"{prefix}-first": gouda.pk,
            f"{prefix}-second": deventer.pk,
            f"{prefix}-scheduled_at": "2020-01-01T10:00",
        },
        follow=True,
    )
    assert "in het verleden" in past.content.decode()
    assert Pair.objects.get(pk=first.pk).third == vaals  # nothing changed


def test_an_odd_municipality_joins_a_pair_as_the_third(
    setup: dict, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brug.learning.services import pairs as pair_services

    def fake_vectors(registrations: list) -> np.ndarray:
        return np.eye(len(registrations), 8, dtype=np.float32)

    monkeypatch.setattr(pair_services, "question_vectors", fake_vectors)
    Registration.objects.filter(pk=setup["regs"][3].pk).update(status=Status.REJECTED)
    client_for(setup["facilitator"]).post(_url("pairs", setup), {"action": "propose"})
    pairs = list(Pair.objects.filter(edition=setup["edition"]))
    assert len(pairs) == 1 and pairs[0].third is not None


def test_assignments_are_changed_and_removed_and_a_past_due_date_is_refused(
    setup: dict, client_for: Any
) -> None:
    client = client_for(setup["facilitator"])
    url = _url("assignments", setup)
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    past = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    page = client.post(
        url, {"title": "Casus", "description": "Beschrijf.", "due_date": past}
    ).content.decode()
    assert "in het verleden" in page and not setup["edition"].assignments.exists()
    client.post(url, {"title": "Casus", "description": "Beschrijf.", "due_date": future})
    assignment = setup["edition"].assignments.get()
    assert "Casus" in client.get(url + f"?bewerken={assignment.pk}").content.decode()
    client.post(
        url,
        {
            "assignment": assignment.pk,
            "title": "Casus in kaart",
            "description": "Beschrijf.",
            "due_date": future,
        },
    )
    assert setup["edition"].assignments.get().title == "Casus in kaart"
    client.post(url, {"assignment": assignment.pk, "action": "delete"})
    assert not setup["edition"].assignments.exists()
    other = helpers.edition(setup["org"], slug="ander")
    foreign = other.assignments.create(title="X", description="Y", due_date=dt.date.today())
    assert client.post(url, {"assignment": foreign.pk, "action": "delete"}).status_code == 404


def test_maatwerk_can_start_with_any_participating_municipality(setup: dict, client_for: Any) -> None:
    reg = setup["regs"][2]
    reg.status = Status.SELECTED
    reg.save()
    page = client_for(setup["facilitator"]).get(_url("maatwerk", setup)).content.decode()
    assert 'Maatwerk-intake starten<span class="visually-hidden"> met Vaals' in page


def test_a_registration_and_its_intake_are_corrected_and_removed_with_the_audit_log(
    setup: dict, client_for: Any
) -> None:
    client = client_for(setup["facilitator"])
    reg = setup["regs"][1]
    url = _url("registration", setup, reg.pk)
    client.post(
        url, {"action": "edit_registration", "learning_question": "Nieuwe vraag", "own_cases": "Casus"}
    )
    assert Registration.objects.get(pk=reg.pk).learning_question == "Nieuwe vraag"
    page = client.post(
        url, {"action": "edit_registration", "learning_question": "", "own_cases": "Casus"}, follow=True
    ).content.decode()
    assert "Vul de leervraag in." in page
    assert Registration.objects.get(pk=reg.pk).learning_question == "Nieuwe vraag"
    Intake.objects.create(registration=reg, scheduled_at="2026-12-01T10:00Z", advice="geschikt")
    client.post(url, {"action": "delete_intake"})
    assert not Intake.objects.filter(registration=reg).exists()
    selected = setup["regs"][0]
    Registration.objects.filter(pk=selected.pk).update(status=Status.SELECTED)
    page = client.post(
        _url("registration", setup, selected.pk), {"action": "delete_registration"}, follow=True
    ).content.decode()
    assert "Deze gemeente doet mee" in page and Registration.objects.filter(pk=selected.pk).exists()
    client.post(url, {"action": "delete_registration"})
    assert not Registration.objects.filter(pk=reg.pk).exists()
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {
        "learning.registration.update",
        "learning.intake.delete",
        "learning.registration.delete",
    } <= actions
    assert (
        client_for(setup["tenancy"].outsider).post(url, {"action": "delete_registration"}).status_code == 404
    )


def test_a_deadline_after_the_first_session_is_refused_and_nothing_changes(
    setup: dict, client_for: Any
) -> None:
    data = _edition_post()
    data["registration_deadline"] = "2027-07-01"  # after the first session on 24 June 2027
    response = client_for(setup["facilitator"]).post(reverse("learning:edition_new", args=["ess"]), data)
    assert response.status_code == 200
    assert "ligt niet vóór de eerste bijeenkomst" in response.content.decode()
    assert Edition.objects.count() == 1  # only the fixture's edition


def test_a_hidden_field_shows_no_label_on_the_assignment_form(setup: dict, client_for: Any) -> None:
    # the version field that guards against overwriting a colleague's change is hidden, not "Version"
    page = client_for(setup["facilitator"]).get(_url("assignments", setup)).content.decode()
    assert 'type="hidden" name="version"' in page
    assert "Version" not in page and ">version<" not in page.lower()
    assert client_for(setup["tenancy"].outsider).get(_url("assignments", setup)).status_code == 404


def test_an_intake_planned_in_the_past_is_refused_unless_it_was_held(setup: dict, client_for: Any) -> None:
    reg = setup["regs"][0]
    client = client_for(setup["facilitator"])
    url = _url("registration", setup, reg.pk)
    past = (dt.datetime.now() - dt.timedelta(days=3)).strftime("%Y-%m-%dT10:00")
    mail.outbox.clear()
    response = client.post(url, {"scheduled_at": past, "advice": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "Deze datum ligt in het verleden" in page
    assert 'id="id_scheduled_at_error"' in page
    assert not Intake.objects.filter(registration=reg).exists() and not mail.outbox
    # a planned intake moved to a past day is refused too, and nobody is told
    future = (dt.datetime.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT10:00")
    assert client.post(url, {"scheduled_at": future, "advice": ""}).status_code == 302
    mail.outbox.clear()
    assert client.post(url, {"scheduled_at": past, "advice": ""}).status_code == 200
    assert Intake.objects.get(registration=reg).scheduled_at.date() > dt.date.today() and not mail.outbox
    # recording a held conversation afterwards is fine
    assert client.post(url, {"scheduled_at": past, "held": "on", "advice": "geschikt"}).status_code == 302
    assert Intake.objects.get(registration=reg).held
    assert client_for(setup["tenancy"].outsider).post(url, {"scheduled_at": past}).status_code == 404


def test_after_the_decision_only_admitted_municipalities_are_paired(
    setup: dict, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "brug.learning.services.pairs.embed", lambda texts: np.array([[1.0, 0.0] for _ in texts])
    )
    gouda, deventer, vaals, leeuwarden = setup["regs"]
    Registration.objects.filter(pk__in=[gouda.pk, deventer.pk]).update(status=Status.SELECTED)
    Registration.objects.filter(pk=vaals.pk).update(status=Status.WAITING)
    Registration.objects.filter(pk=leeuwarden.pk).update(status=Status.WITHDRAWN)
    Edition.objects.filter(pk=setup["edition"].pk).update(selection_decided_at=dt.datetime.now(dt.UTC))
    client = client_for(setup["facilitator"])
    client.post(_url("pairs", setup), {"action": "propose"})
    pair = Pair.objects.get()
    assert {pair.first_id, pair.second_id} == {gouda.pk, deventer.pk} and pair.third is None
    page = client.get(_url("pairs", setup)).content.decode()
    assert f'<option value="{vaals.pk}"' not in page and f'<option value="{leeuwarden.pk}"' not in page
    prefix = f"p{pair.pk}"
    data = {f"{prefix}-first": gouda.pk, f"{prefix}-second": deventer.pk, f"{prefix}-third": vaals.pk}
    client.post(_url("pair_update", setup, pair.pk), data)
    assert Pair.objects.get(pk=pair.pk).third is None  # the waiting list does not join a pair
    assert (
        client_for(setup["tenancy"].outsider).post(_url("pair_update", setup, pair.pk), data).status_code
        == 404
    )


def test_a_published_knowledge_product_points_to_the_knowledge_base_and_takes_no_silent_edits(
    setup: dict, client_for: Any
) -> None:
    session = setup["edition"].sessions.first()
    client = client_for(setup["facilitator"])
    url = _url("knowledge_product", setup, session.pk)
    data = {"title": "Infoblad 1", "body": "## Kop\n\nTekst", "visibility": "netwerk", "action": "publish"}
    client.post(url, data)
    product = KnowledgeProduct.objects.get(session=session)
    page = client.get(url).content.decode()
    item_url = reverse("knowledge:detail", args=[setup["org"].slug, product.knowledge_item_id])
    assert f'href="{item_url}"' in page and "Concept opslaan" not in page
    assert "Pas de tekst aan en publiceer" not in page and "Gepubliceerde tekst" in page
    response = client.post(url, {**data, "title": "Stil gewijzigd", "action": "save"}, follow=True)
    assert "wijzigingen doet u in de kennisbank" in response.content.decode()
    assert KnowledgeProduct.objects.get(session=session).title == "Infoblad 1"
    assert client_for(setup["tenancy"].outsider).get(url).status_code == 404


def test_intake_dates_use_dutch_month_abbreviations(setup: dict, client_for: Any) -> None:
    Intake.objects.create(registration=setup["regs"][2], scheduled_at="2026-10-01T10:00Z", advice="geschikt")
    body = client_for(setup["facilitator"]).get(_url("registrations", setup)).content.decode()
    assert "1 okt 2026 12:00" in body and "Oct" not in body and "Okt" not in body
    assert client_for(setup["tenancy"].outsider).get(_url("registrations", setup)).status_code == 404


def test_a_pair_with_a_municipality_that_no_longer_takes_part_says_so(setup: dict, client_for: Any) -> None:
    gouda, deventer, vaals, _ = setup["regs"]
    Registration.objects.filter(pk__in=[gouda.pk, deventer.pk]).update(status=Status.SELECTED)
    Registration.objects.filter(pk=vaals.pk).update(status=Status.WITHDRAWN)
    Edition.objects.filter(pk=setup["edition"].pk).update(selection_decided_at=dt.datetime.now(dt.UTC))
    Pair.objects.create(edition=setup["edition"], first=gouda, second=vaals)
    page = client_for(setup["facilitator"]).get(_url("pairs", setup)).content.decode()
    assert "Vaals doet niet mee. Kies een andere gemeente of verwijder dit koppel." in page
    assert "Gouda doet niet mee" not in page
    assert client_for(setup["tenancy"].outsider).get(_url("pairs", setup)).status_code == 404


def test_saving_an_intake_says_the_duo_was_mailed_only_when_a_mail_went_out(
    setup: dict, client_for: Any
) -> None:
    """Walk item: the message said "opgeslagen" but not that the duo got the date by mail."""
    reg = setup["regs"][0]
    client = client_for(setup["facilitator"])
    url = _url("registration", setup, reg.pk)
    told = "De duo van Gouda heeft een e-mail gekregen met de datum."
    future = (dt.datetime.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT10:00")
    page = client.post(url, {"scheduled_at": future, "advice": ""}, follow=True).content.decode()
    assert "Intake met Gouda opgeslagen." in page and told in page
    # same date, only the advice changes: no mail, so the message does not claim one
    page = client.post(url, {"scheduled_at": future, "advice": "geschikt"}, follow=True).content.decode()
    assert "Intake met Gouda opgeslagen." in page and told not in page
    past = (dt.datetime.now() - dt.timedelta(days=1)).strftime("%Y-%m-%dT10:00")
    page = client.post(url, {"scheduled_at": past, "held": "on"}, follow=True).content.decode()
    assert "Intake met Gouda opgeslagen." in page and told not in page
    assert client_for(setup["tenancy"].outsider).post(url, {"scheduled_at": future}).status_code == 404


def test_the_pairs_page_is_one_table_with_each_pairs_form_folded(setup: dict, client_for: Any) -> None:
    """Walk item: one open form per pair made the page very long with 12 municipalities."""
    regs = setup["regs"]
    Registration.objects.filter(pk__in=[r.pk for r in regs]).update(status=Status.SELECTED)
    when = dt.datetime(2027, 1, 12, 10, tzinfo=dt.UTC)
    dated = Pair.objects.create(edition=setup["edition"], first=regs[0], second=regs[1], scheduled_at=when)
    open_pair = Pair.objects.create(edition=setup["edition"], first=regs[2], second=regs[3])
    page = client_for(setup["facilitator"]).get(_url("pairs", setup)).content.decode()
    table = page[page.index('<table class="utrecht-table brug-pairs">') : page.index("</table>")]
    assert table.count('<th scope="row">') == 2 and "Gouda en Deventer" in table
    assert "12 januari 2027" in table and ", online" in table and "Nog geen datum" in table
    for pair in (dated, open_pair):
        assert f'<details class="brug-details brug-pair-edit" id="koppel-{pair.pk}">' in page  # folded
        assert f'name="p{pair.pk}-scheduled_at"' not in table  # the forms are not in the table
    assert client_for(setup["tenancy"].outsider).get(_url("pairs", setup)).status_code == 404


def test_a_pair_that_was_not_saved_comes_back_with_its_form_open(setup: dict, client_for: Any) -> None:
    regs = setup["regs"]
    Registration.objects.filter(pk__in=[r.pk for r in regs]).update(status=Status.SELECTED)
    pair = Pair.objects.create(edition=setup["edition"], first=regs[0], second=regs[1])
    other = Pair.objects.create(edition=setup["edition"], first=regs[2], second=regs[3])
    client = client_for(setup["facilitator"])
    prefix = f"p{pair.pk}"
    same_twice = {f"{prefix}-first": regs[0].pk, f"{prefix}-second": regs[0].pk, f"{prefix}-version": 1}
    response = client.post(_url("pair_update", setup, pair.pk), same_twice)
    assert response.status_code == 302 and response.url.endswith(f"?open={pair.pk}#koppel-{pair.pk}")
    page = client.get(response.url).content.decode()
    assert "Koppel niet opgeslagen" in page
    assert f'id="koppel-{pair.pk}" open>' in page and f'id="koppel-{other.pk}">' in page
    assert (
        client_for(setup["tenancy"].outsider)
        .post(_url("pair_update", setup, pair.pk), same_twice)
        .status_code
        == 404
    )
