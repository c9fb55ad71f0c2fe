"""Services, one block per service: what they change, what they refuse, and what they log."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from brug.core.models import AuditLogEntry
from brug.network import services
from brug.network.models import KeyFigure, KeyFigureStatus, NetworkRevision, StatusChange
from brug.network.services.links import hash_token, link_state

from .conftest import make_active, make_person

pytestmark = pytest.mark.django_db


# save_network
def test_saving_a_network_keeps_a_dated_revision_with_who_changed_what(member, network) -> None:
    services.save_network(membership=member, network=network, data={"municipality_role": "regisseur"})
    latest = NetworkRevision.objects.filter(network=network).first()
    assert latest.revised_by == member.user
    assert latest.changed == ["municipality_role"]
    assert NetworkRevision.objects.filter(network=network).count() == 2
    entry = AuditLogEntry.objects.filter(action="network.network.update").get()
    assert entry.changed_fields == ["municipality_role"]


# save_key_figure
def test_a_new_key_figure_starts_as_candidate_and_is_logged_with_field_names_only(member, network) -> None:
    person = make_person(member, network, "Bram Bos", phone="+31 6 1234 5678")
    assert person.status == KeyFigureStatus.CANDIDATE
    assert person.phone == "0612345678"
    entry = AuditLogEntry.objects.get(action="network.keyfigure.create")
    assert "name" in entry.changed_fields
    assert "Bram" not in str(entry.changed_fields) and "Bram" not in entry.object_id


def test_a_duplicate_email_within_the_organisation_is_refused(member, network) -> None:
    make_person(member, network, "Bram Bos", email="bram@x.example")
    with pytest.raises(services.NetworkError, match="e-mailadres") as err:
        make_person(member, network, "Bram Bos twee", email="BRAM@x.example")
    assert err.value.field == "email"
    assert KeyFigure.objects.count() == 1


def test_a_duplicate_phone_in_another_notation_is_refused(member, network) -> None:
    make_person(member, network, "Bram Bos", phone="06-12345678")
    with pytest.raises(services.NetworkError, match="telefoonnummer"):
        make_person(member, network, "Ander", email="ander@x.example", phone="+31 6 1234 5678")


def test_the_same_email_in_another_organisation_is_fine(member, network, tenancy) -> None:
    from brug.core.models import Membership

    make_person(member, network, "Bram Bos", email="bram@x.example")
    outsider = Membership.objects.get(user=tenancy.outsider)
    services.save_key_figure(
        membership=outsider, data={"name": "Bram", "email": "bram@x.example", "kind": "formeel"}
    )
    assert KeyFigure.objects.count() == 2


def test_a_key_figure_without_email_or_phone_is_refused(member, network) -> None:
    with pytest.raises(services.NetworkError, match="e-mailadres of een telefoonnummer"):
        make_person(member, network, "Niemand", email="")


def test_a_referral_loop_is_refused(member, network) -> None:
    a = make_person(member, network, "Anna A")
    b = make_person(member, network, "Bert B", referred_by=a)
    c = make_person(member, network, "Cees C", referred_by=b)
    with pytest.raises(services.NetworkError, match="via via") as err:
        services.save_key_figure(membership=member, key_figure=a, data={"email": a.email, "referred_by": c})
    assert err.value.field == "referred_by"
    a.refresh_from_db()
    assert a.referred_by is None


def test_a_referral_from_another_organisation_is_refused(member, network, tenancy) -> None:
    from brug.core.models import Membership

    outsider = Membership.objects.get(user=tenancy.outsider)
    foreign = services.save_key_figure(
        membership=outsider, data={"name": "X", "email": "x@x.example", "kind": "formeel"}
    )
    with pytest.raises(services.NetworkError, match="eigen netwerk"):
        make_person(member, network, "Anna A", referred_by=foreign)


def test_a_referred_person_counts_as_snowball_recruitment(member, network) -> None:
    a = make_person(member, network, "Anna A")
    b = make_person(member, network, "Bert B", referred_by=a)
    assert b.recruited_by == "sneeuwbal"


# change_status and record_conversation
def test_a_candidate_cannot_become_active_without_a_selection_conversation(member, network) -> None:
    person = make_person(member, network, "Bram Bos")
    with pytest.raises(services.NetworkError, match="Eerst een selectiegesprek"):
        services.change_status(membership=member, key_figure=person, status="actief")
    person.refresh_from_db()
    assert person.status == KeyFigureStatus.CANDIDATE


def test_an_accepting_conversation_makes_the_candidate_active_and_sets_a_start_date(member, network) -> None:
    person = make_active(member, network, "Bram Bos")
    assert person.status == KeyFigureStatus.ACTIVE
    assert person.start_date == timezone.localdate()
    assert AuditLogEntry.objects.filter(action="network.keyfigure.conversation").exists()


def test_a_declining_conversation_stops_the_candidate(member, network) -> None:
    person = make_person(member, network, "Bram Bos")
    services.record_conversation(
        membership=member,
        key_figure=person,
        data={"held_on": date(2026, 1, 1), "decision": "afwijzen", "reason": "Geen tijd"},
    )
    person.refresh_from_db()
    assert person.status == KeyFigureStatus.STOPPED


def test_an_orientation_decision_records_the_end_of_the_orientation_phase(member, network) -> None:
    person = make_person(member, network, "Bram Bos")
    services.record_conversation(
        membership=member,
        key_figure=person,
        data={
            "held_on": date(2026, 1, 1),
            "decision": "orientatie",
            "reason": "Klein beginnen",
            "orientation_until": date(2026, 4, 1),
        },
    )
    person.refresh_from_db()
    # Orientation is its own status: the person is not shown as active yet.
    assert (person.status, person.orientation_until) == ("orientatie", date(2026, 4, 1))


def test_a_paused_key_figure_can_return_without_a_new_conversation(member, network) -> None:
    person = make_active(member, network, "Bram Bos")
    services.change_status(membership=member, key_figure=person, status="gepauzeerd")
    services.change_status(membership=member, key_figure=person, status="actief")
    assert person.status == "actief"
    assert StatusChange.objects.filter(key_figure=person).count() == 4  # new, active, paused, active


def test_an_unknown_status_is_refused(member, network) -> None:
    person = make_person(member, network, "Bram Bos")
    with pytest.raises(services.NetworkError):
        services.change_status(membership=member, key_figure=person, status="koning")


# issue_link, revoke_link, link_state
def test_a_new_link_replaces_the_old_one_and_only_its_hash_is_stored(member, active_person) -> None:
    first = services.issue_link(membership=member, key_figure=active_person)
    second = services.issue_link(membership=member, key_figure=active_person)
    assert link_state(first)[0] == "revoked"
    assert link_state(second)[0] == "ok"
    stored = list(active_person.signal_links.values_list("token_hash", flat=True))
    assert second not in stored and hash_token(second) in stored


def test_a_candidate_gets_no_link(member, network) -> None:
    person = make_person(member, network, "Bram Bos")
    with pytest.raises(services.NetworkError, match="actieve"):
        services.issue_link(membership=member, key_figure=person)


def test_a_revoked_link_stops_working(member, active_person) -> None:
    token = services.issue_link(membership=member, key_figure=active_person)
    assert services.revoke_link(membership=member, key_figure=active_person) == 1
    assert link_state(token)[0] == "revoked"
    assert link_state("geraden")[0] == "unknown"


def test_a_link_of_a_paused_key_figure_is_inactive(member, active_person) -> None:
    token = services.issue_link(membership=member, key_figure=active_person)
    services.change_status(membership=member, key_figure=active_person, status="gepauzeerd")
    assert link_state(token)[0] == "inactive"


# submit_signal
def _signal(link: Any, **extra: Any) -> Any:
    data = {
        "text": "Onrust bij het plein",
        "occurred_at": timezone.now(),
        "neighbourhood": None,
        "place": "Markt",
        "severity": 2,
        "may_contact": True,
        **extra,
    }
    return services.submit_signal(link=link, data=data)


def test_a_signal_lands_in_the_signals_part_with_the_key_figure_id(member, active_person) -> None:
    from brug.signals.models import Signal

    token = services.issue_link(membership=member, key_figure=active_person)
    _signal(link_state(token)[1])
    signal = Signal.objects.get()
    assert (signal.channel, signal.key_figure_id, signal.may_contact) == (
        "sleutelfiguur",
        active_person.pk,
        True,
    )
    assert AuditLogEntry.objects.filter(action="network.signal.submit").exists()


def test_the_sixth_signal_in_an_hour_from_one_link_is_refused(member, active_person) -> None:
    from brug.signals.models import Signal

    link = link_state(services.issue_link(membership=member, key_figure=active_person))[1]
    for _ in range(5):
        _signal(link)
    with pytest.raises(services.RateLimited, match="over een uur"):
        _signal(link)
    assert Signal.objects.count() == 5


def test_a_signal_refused_by_the_signals_part_becomes_a_field_error(member, active_person) -> None:
    link = link_state(services.issue_link(membership=member, key_figure=active_person))[1]
    with pytest.raises(services.NetworkError) as err:
        _signal(link, text="   ")
    assert err.value.field == "text"


# export_key_figure and erase_key_figure
def test_the_export_holds_the_persons_data_but_not_who_referred_them(member, network, active_person) -> None:
    other = make_person(member, network, "Verwijzer V")
    services.save_key_figure(
        membership=member, key_figure=active_person, data={"email": active_person.email, "referred_by": other}
    )
    data = services.export_key_figure(membership=member, key_figure=active_person)
    assert data["naam"] == "Aïcha Amrani"
    assert data["wijken"] == ["Binnenstad"]
    assert data["selectiegesprekken"][0]["besluit"] == "Aannemen"
    assert data["aangedragen door een andere sleutelfiguur"] is True
    assert "Verwijzer" not in str(data)
    assert AuditLogEntry.objects.filter(action="network.keyfigure.export").exists()


def test_the_export_reads_as_words_and_local_times(member, network, active_person) -> None:
    from datetime import UTC, datetime

    from brug.network.models import StatusChange

    moment = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    StatusChange.objects.filter(key_figure=active_person).update(changed_at=moment)
    services.save_key_figure(
        membership=member,
        key_figure=active_person,
        data={"email": active_person.email, "age_groups": ["jongeren"]},
    )
    data = services.export_key_figure(membership=member, key_figure=active_person)
    history = data["statusgeschiedenis"]
    # 23:30 UTC on 26 November is 00:30 on 27 November in the Netherlands.
    assert history[0]["moment"] == "27-11-2026 00:30"
    assert {h["naar"] for h in history} <= {"Kandidaat", "Actief", "In oriëntatiefase", "In gesprek"}
    assert data["leeftijdsgroepen"] == ["Jongeren (12–17)"]
    assert data["toestemming"]["datum"] == "01-01-2026"


def test_erasing_wipes_personal_fields_keeps_anonymous_signals_and_counts(
    member, network, active_person
) -> None:
    from brug.signals.models import Signal

    token = services.issue_link(membership=member, key_figure=active_person)
    _signal(link_state(token)[1])
    meeting = services.save_meeting(
        membership=member,
        network=network,
        data={"title": "Brede bijeenkomst", "held_on": date(2026, 3, 1), "attendees": [active_person]},
    )
    count = services.erase_key_figure(membership=member, key_figure=active_person)
    active_person.refresh_from_db()
    assert count == 1
    assert (
        active_person.name == "Gewiste sleutelfiguur"
        and active_person.email == ""
        and active_person.erased_at
    )
    assert not active_person.neighbourhoods.exists() and not active_person.conversations.exists()
    assert link_state(token)[0] == "unknown"
    signal = Signal.objects.get()
    assert signal.key_figure_id is None and signal.text == "Onrust bij het plein"
    meeting.refresh_from_db()
    assert meeting.attendance_count == 1
    assert StatusChange.objects.filter(new_status="gestopt").count() == 1
    assert AuditLogEntry.objects.filter(action="network.keyfigure.erase").exists()


# remind_retention
def test_the_retention_reminder_mails_the_coordinator_a_count_without_names(member, network) -> None:
    from brug.network.tasks import remind_retention

    make_person(member, network, "Verlopen Persoon", retention_until=timezone.localdate() - timedelta(days=1))
    make_person(member, network, "Nog Geldig", retention_until=timezone.localdate() + timedelta(days=30))
    assert remind_retention.delay().get() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["coordinator@gouda.example"]
    assert "1 sleutelfiguur" in mail.outbox[0].body and "Verlopen" not in mail.outbox[0].body
    assert AuditLogEntry.objects.filter(action="network.retention.reminder").exists()


# save_meeting, save_working_group, save_training
def test_phase_three_records_refuse_people_from_another_organisation(member, network, tenancy) -> None:
    from brug.core.models import Membership

    outsider = Membership.objects.get(user=tenancy.outsider)
    foreign = services.save_key_figure(
        membership=outsider, data={"name": "X", "email": "x@x.example", "kind": "formeel"}
    )
    with pytest.raises(services.NetworkError):
        services.save_working_group(
            membership=member, network=network, data={"name": "Media", "members": [foreign]}
        )


def test_a_training_records_who_followed_it(member, network, active_person) -> None:
    training = services.save_training(
        membership=member,
        network=network,
        data={"title": "Signaleren", "offered_on": date(2026, 2, 2), "participants": [active_person]},
    )
    assert list(training.participants.all()) == [active_person]


# add_domain
def test_a_domain_can_be_added_once(member) -> None:
    services.add_domain(membership=member, name="Bibliotheek")
    with pytest.raises(services.NetworkError, match="bestaat al"):
        services.add_domain(membership=member, name="bibliotheek")
