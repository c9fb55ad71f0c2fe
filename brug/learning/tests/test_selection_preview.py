"""The commit preview of a selection groups identical decision mails and counts from the real split.

Walk item: the preview folded one mail per person (24 for 12 municipalities) and its label said
"met een uitnodiging" even when some people already had an account.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from brug.learning.models import Intake, Registration, Status
from brug.learning.services.selection import decision_heading, people_sentence, preview_decision
from conftest import make_municipality_org, make_user

from . import helpers

pytestmark = pytest.mark.django_db

TWELVE = [
    "GM0513", "GM0981", "GM0150", "GM0080", "GM0363", "GM0344",
    "GM0599", "GM0518", "GM0014", "GM0855", "GM0796", "GM0772",
]  # fmt: skip


@pytest.mark.parametrize(
    ("invited", "members", "others", "sentence"),
    [
        (3, 2, 0, "3 personen krijgen een uitnodiging voor Brug, 2 hebben al een account."),
        (1, 1, 0, "1 persoon krijgt een uitnodiging voor Brug, 1 heeft al een account."),
        (24, 0, 0, "24 personen krijgen een uitnodiging voor Brug."),
        (1, 0, 0, "1 persoon krijgt een uitnodiging voor Brug."),
        (0, 2, 0, "2 personen hebben al een account."),
        (0, 1, 0, "1 persoon heeft al een account."),
        (0, 0, 4, "4 personen krijgen een besluitmail."),
        (0, 0, 1, "1 persoon krijgt een besluitmail."),
        (0, 0, 0, "Niemand krijgt een mail."),
    ],
)
def test_the_people_sentence_follows_the_real_split(
    invited: int, members: int, others: int, sentence: str
) -> None:
    assert people_sentence(invited=invited, members=members, others=others) == sentence


@pytest.mark.parametrize(
    ("status", "count", "heading"),
    [
        (Status.SELECTED, 12, "12 gemeenten doen mee"),
        (Status.SELECTED, 1, "1 gemeente doet mee"),
        (Status.SELECTED, 0, "Geen gemeente doet mee"),
        (Status.WAITING, 2, "2 gemeenten komen op de wachtlijst"),
        (Status.WAITING, 1, "1 gemeente komt op de wachtlijst"),
        (Status.WAITING, 0, "Niemand komt op de wachtlijst"),
        (Status.REJECTED, 3, "3 gemeenten krijgen geen plaats"),
        (Status.REJECTED, 1, "1 gemeente krijgt geen plaats"),
        (Status.REJECTED, 0, "Geen gemeente valt af"),
    ],
)
def test_the_decision_heading_is_singular_or_plural(status: Status, count: int, heading: str) -> None:
    assert decision_heading(status, count) == heading


@pytest.fixture
def twelve(tenancy: Any) -> Any:
    org, _facilitator = helpers.partner_with_facilitator()
    edition = helpers.edition(org, max_municipalities=12)
    for code in TWELVE:
        reg = helpers.registration(edition, code)
        Intake.objects.create(registration=reg, scheduled_at=timezone.now(), advice="geschikt")
    return edition


def test_twelve_admitted_municipalities_give_one_mail_to_read_not_twenty_four(twelve: Any) -> None:
    selected, waiting, rejected = preview_decision(twelve)
    assert selected.heading == "12 gemeenten doen mee" and selected.mails == 24
    assert selected.people == "24 personen krijgen een uitnodiging voor Brug."
    [kind] = selected.kinds
    assert kind.label == "Besluitmail met een uitnodiging voor Brug" and len(kind.recipients) == 24
    assert kind.example.to == kind.recipients[0].email and kind.example.body.startswith(
        f"Beste {kind.recipients[0].name},"
    )
    assert {r.municipality for r in kind.recipients} == {
        str(r.municipality) for r in Registration.objects.filter(edition=twelve)
    }
    assert (waiting.heading, waiting.kinds, rejected.heading, rejected.kinds) == (
        "Niemand komt op de wachtlijst",
        [],
        "Geen gemeente valt af",
        [],
    )


def test_people_with_an_account_get_their_own_kind_of_mail(twelve: Any, tenancy: Any) -> None:
    # Gouda's duo has accounts in Gouda's organisation already; Vaals' first person in Vaals'.
    gouda = Registration.objects.get(edition=twelve, municipality__cbs_code="GM0513")
    for person, role in zip(gouda.people.all(), ("officer", "reader"), strict=True):
        make_user(person.email, person.name, tenancy.org, role)
    vaals = Registration.objects.get(edition=twelve, municipality__cbs_code="GM0981")
    first = vaals.people.first()
    assert first is not None
    make_user(first.email, first.name, make_municipality_org("GM0981", "vaals"), "officer")
    [selected, *_rest] = preview_decision(twelve)
    assert selected.people == "21 personen krijgen een uitnodiging voor Brug, 3 hebben al een account."
    invited, members = selected.kinds
    assert (len(invited.recipients), len(members.recipients)) == (21, 3)
    assert {r.email for r in members.recipients} == {*(p.email for p in gouda.people.all()), first.email}
    assert "U heeft al een account in Brug" in members.example.body
    assert "uitnodigingslink" not in members.example.body and "uitnodigingslink" in invited.example.body
