"""Issue 12 item 3: people are told what concerns them, in the app and by mail, as they choose."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from brug.core.models import Membership, Role
from brug.learning.models import Notification, Pair, Status
from brug.learning.services import assignments, pairs, reminders, threads
from brug.learning.services.registrations import save_intake
from conftest import make_user

from . import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(tenancy: Any, django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    org, facilitator = helpers.partner_with_facilitator()
    ed = helpers.edition(org)
    gouda = helpers.registration(ed, "GM0513", status=Status.SELECTED)
    vaals = helpers.registration(ed, "GM0981", status=Status.SELECTED)
    waiting = helpers.registration(ed, "GM0150", status=Status.WAITING)
    # Gouda's first duo member has an account in Gouda's organisation.
    participant = make_user("p1@gm0513.example", "Petra Deelnemer", tenancy.org, Role.OFFICER)
    return {
        "org": org,
        "facilitator": facilitator,
        "membership": Membership.objects.get(user=facilitator),
        "edition": ed,
        "gouda": gouda,
        "vaals": vaals,
        "waiting": waiting,
        "participant": participant,
        "tenancy": tenancy,
        "commit": django_capture_on_commit_callbacks,
    }


def _to(address: str) -> list[Any]:
    return [m for m in mail.outbox if m.to == [address]]


def test_a_planned_intake_is_mailed_with_an_ics_and_a_move_says_so(setup: dict) -> None:
    when = timezone.now() + dt.timedelta(days=7)
    with setup["commit"](execute=True):
        save_intake(
            membership=setup["membership"], registration=setup["waiting"], fields={"scheduled_at": when}
        )
    first = _to("p1@gm0150.example")
    assert len(first) == 1 and first[0].subject.startswith("Intakegesprek")
    assert "gepland op" in first[0].body and first[0].attachments[0][0] == "intake.ics"
    mail.outbox.clear()
    with setup["commit"](execute=True):
        save_intake(
            membership=setup["membership"], registration=setup["waiting"], fields={"notes": "Goed gesprek"}
        )
    assert mail.outbox == []  # nothing about the appointment changed
    with setup["commit"](execute=True):
        save_intake(
            membership=setup["membership"],
            registration=setup["waiting"],
            fields={"scheduled_at": when + dt.timedelta(days=1)},
        )
    assert _to("p2@gm0150.example")[0].subject.startswith("Gewijzigd")


def test_the_pair_and_its_date_reach_both_duos_and_the_participant_page(setup: dict, client_for: Any) -> None:
    pair = Pair.objects.create(edition=setup["edition"], first=setup["gouda"], second=setup["vaals"])
    when = timezone.now() + dt.timedelta(days=10)
    with setup["commit"](execute=True):
        pairs.update_pair(
            membership=setup["membership"],
            pair=pair,
            first=setup["gouda"],
            second=setup["vaals"],
            scheduled_at=when,
        )
    for address in ("p1@gm0513.example", "p2@gm0513.example", "p1@gm0981.example", "p2@gm0981.example"):
        sent = _to(address)
        assert len(sent) == 1 and "Gouda en Vaals" in sent[0].body, address
        assert sent[0].attachments[0][0] == "startgesprek.ics"
    gouda_page = client_for(setup["participant"]).get(
        reverse("learning:participation", args=[setup["tenancy"].org.slug, setup["edition"].pk])
    )
    assert "Uw startgesprek" in gouda_page.content.decode() and "Vaals" in gouda_page.content.decode()


def test_a_new_assignment_reaches_participants_only(setup: dict) -> None:
    with setup["commit"](execute=True):
        assignments.create_assignment(
            membership=setup["membership"],
            edition=setup["edition"],
            title="Casus in kaart",
            description="Beschrijf uw casus.",
            due_date=timezone.localdate() + dt.timedelta(days=20),
        )
    assert {m.to[0] for m in mail.outbox} == {
        "p1@gm0513.example",
        "p2@gm0513.example",
        "p1@gm0981.example",
        "p2@gm0981.example",
    }
    assert mail.outbox[0].attachments[0][0] == "inleverdatum.ics"
    assert "/deelname/" in _to("p1@gm0513.example")[0].body  # the link to Gouda's own page


def test_a_question_is_mailed_to_the_addressee_and_the_answer_to_the_asker(setup: dict) -> None:
    gouda_member = Membership.objects.get(user=setup["participant"])
    with setup["commit"](execute=True):
        thread = threads.start_thread(
            membership=gouda_member,
            asker=setup["gouda"],
            addressee=setup["vaals"],
            subject="Azc",
            body="Hoe?",
        )
    assert {m.to[0] for m in mail.outbox} == {"p1@gm0981.example", "p2@gm0981.example"}
    mail.outbox.clear()
    with setup["commit"](execute=True):
        threads.reply(membership=gouda_member, thread=thread, registration=setup["vaals"], body="Zo.")
    assert {m.to[0] for m in mail.outbox} == {"p1@gm0513.example", "p2@gm0513.example"}
    assert "heeft gereageerd" in mail.outbox[0].body


def test_each_person_chooses_per_kind_and_sees_their_notifications(setup: dict, client_for: Any) -> None:
    client = client_for(setup["participant"])
    url = reverse("learning:notifications", args=[setup["tenancy"].org.slug])
    data = {f"{kind}__mail": "on" for kind in ("intake", "koppel", "bijeenkomst")}
    data.update({f"{kind}__app": "on" for kind in ("opdracht", "bericht")})
    assert client.post(url, data).status_code == 302
    mail.outbox.clear()
    with setup["commit"](execute=True):
        assignments.create_assignment(
            membership=setup["membership"],
            edition=setup["edition"],
            title="Opdracht twee",
            description="Doe iets.",
            due_date=timezone.localdate() + dt.timedelta(days=9),
        )
    assert _to("p1@gm0513.example") == []  # chose: assignments in Brug only
    assert len(_to("p2@gm0513.example")) == 1  # the colleague chose nothing: mail by default
    page = client.get(url).content.decode()
    assert "Nieuwe opdracht: Opdracht twee" in page
    assert Notification.objects.get(email="p1@gm0513.example").read_at is not None
    assert (
        client_for(setup["tenancy"].outsider)
        .get(reverse("learning:notifications", args=[setup["tenancy"].org.slug]))
        .status_code
        == 404
    )


def test_one_message_reaches_all_participants_and_bad_input_changes_nothing(
    setup: dict, client_for: Any
) -> None:
    url = reverse("learning:broadcast", args=[setup["org"].slug, setup["edition"].pk])
    client = client_for(setup["facilitator"])
    page = client.post(url, {"subject": "", "body": ""}).content.decode()
    assert "Vul een onderwerp in." in page and not Notification.objects.exists()
    page = client.post(url, {"subject": "x" * 201, "body": "y"}).content.decode()
    assert "maximaal 200 tekens" in page and not Notification.objects.exists()
    with setup["commit"](execute=True):
        assert (
            client.post(url, {"subject": "Zaal gewijzigd", "body": "We zitten in zaal 3."}).status_code == 302
        )
    assert len(mail.outbox) == 4 and Notification.objects.filter(kind="bericht").count() == 4
    assert not _to("p1@gm0150.example")  # the waiting list is no participant
    assert client_for(setup["tenancy"].outsider).get(url).status_code == 404
    assert client_for(helpers.weaker_member(setup["org"])).get(url).status_code == 403


def test_the_reminder_page_shows_what_went_out_and_what_is_due(setup: dict, client_for: Any) -> None:
    session = setup["edition"].sessions.first()
    session.date = timezone.localdate() + dt.timedelta(days=2)
    session.save()
    with setup["commit"](execute=True):
        assert reminders.send_reminders() == 4
    assert reminders.send_reminders() == 0  # once
    assert _to("p1@gm0513.example")[0].attachments[0][0] == "afspraak.ics"
    url = reverse("learning:reminders", args=[setup["org"].slug, setup["edition"].pk])
    page = client_for(setup["facilitator"]).get(url).content.decode()
    assert "aan 4 personen" in page and "nog niet" in page  # session 1 sent; sessions 2 and 3 due
    assert "4 personen" in page
    assert client_for(setup["tenancy"].outsider).get(url).status_code == 404


def test_a_moved_session_is_announced_to_participants(setup: dict, client_for: Any) -> None:
    from brug.learning.services.editions import save_edition

    ed = setup["edition"]
    rows = [
        {
            "date": s.date,
            "start_time": s.start_time,
            "end_time": s.end_time,
            "place": s.place,
            "agenda": "",
            "instance": s,
        }
        for s in ed.sessions.all()
    ]
    rows[1]["place"] = "Amersfoort"
    with setup["commit"](execute=True):
        save_edition(membership=setup["membership"], fields={}, sessions=rows, edition=ed)
    sent = _to("p1@gm0981.example")
    assert (
        len(sent) == 1
        and "Amersfoort" in sent[0].body
        and sent[0].subject.startswith("Gewijzigd: bijeenkomst 2")
    )
    assert sent[0].attachments[0][0] == "bijeenkomst-2.ics"


def test_a_question_mail_links_to_the_question_and_is_signed_by_the_organiser(setup: dict) -> None:
    gouda_member = Membership.objects.get(user=setup["participant"])
    with setup["commit"](execute=True):
        thread = threads.start_thread(
            membership=gouda_member,
            asker=setup["vaals"],
            addressee=setup["gouda"],
            subject="Azc",
            body="Hoe?",
        )
    body = _to("p1@gm0513.example")[0].body
    assert f"/o/gouda/leernetwerk/deelname/{setup['edition'].pk}/vragen/{thread.pk}/" in body
    assert body.rstrip().endswith(f"Met vriendelijke groet,\n{setup['org'].name}\n{setup['edition'].title}")
    assert "Het leernetwerk" not in body


def test_a_question_mail_carries_the_question_and_the_answer_mail_the_answer(setup: dict) -> None:
    """Walk item: the recipient had to log in to see what was asked."""
    gouda_member = Membership.objects.get(user=setup["participant"])
    question = "Hoe betrekt u de buurt bij de komst van een azc?\nWij zoeken ervaringen."
    with setup["commit"](execute=True):
        thread = threads.start_thread(
            membership=gouda_member,
            asker=setup["vaals"],
            addressee=setup["gouda"],
            subject="Azc",
            body=question,
        )
    body = _to("p1@gm0513.example")[0].body
    assert question in body
    assert f"/o/gouda/leernetwerk/deelname/{setup['edition'].pk}/vragen/{thread.pk}/" in body
    mail.outbox.clear()
    with setup["commit"](execute=True):
        threads.reply(
            membership=gouda_member,
            thread=thread,
            registration=setup["gouda"],
            body="Via een klankbordgroep.",
        )
    assert "Via een klankbordgroep." in _to("p1@gm0981.example")[0].body
