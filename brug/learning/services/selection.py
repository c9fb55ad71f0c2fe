"""Selection: run the assistant, commit the decision once, then only explicit named changes.

Committing fixes who is in. After that the assistant never moves anyone: a withdrawal or an
admission from the waiting list is an action on named municipalities, previewed (the exact mails)
and confirmed by the facilitator.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from brug.core.audit import record
from brug.core.models import Membership
from brug.core.services import MembershipError

from ..algorithms.selection import Candidate, Proposal, propose
from ..models import Edition, Registration, Status
from . import mails
from .mails import PlannedMail
from .onboarding import invitations_to_come, onboard


class SelectionError(ValueError):
    """A refused selection step; the message is Dutch and shown to the facilitator."""


ALREADY_DECIDED = (
    "De selectie is al vastgelegd en de besluitmails zijn verstuurd. Wijzig de groep hieronder: "
    "kies wie zich terugtrekt en wie een plaats krijgt."
)


def candidates_for(edition: Edition) -> list[Candidate]:
    registrations = Registration.objects.filter(edition=edition).select_related("municipality", "intake")
    return [
        Candidate(
            id=r.pk, name=r.municipality.name, size=r.size, region=r.region, advice=r.advice, forced=r.forced
        )
        for r in registrations
    ]


def proposal_for(edition: Edition) -> Proposal:
    return propose(
        candidates_for(edition),
        maximum=edition.max_municipalities,
        size_targets=edition.size_targets(),
        region_targets=edition.region_targets(),
    )


@transaction.atomic
def set_override(*, membership: Membership, registration: Registration, forced: bool | None) -> Registration:
    if registration.edition.selection_decided_at is not None:
        raise SelectionError(ALREADY_DECIDED)
    registration.forced = forced
    registration.save(update_fields=["forced"])
    record(action="learning.selection.override", obj=registration, membership=membership, fields=["forced"])
    return registration


def _placeholders(registration: Registration) -> dict[str, str]:
    """A preview's links: a placeholder for whoever admission would invite, none for a member."""
    return dict.fromkeys(invitations_to_come(registration), mails.LINK_PLACEHOLDER)


def _admit(membership: Membership, registration: Registration) -> dict[str, str]:
    try:
        return onboard(membership=membership, registration=registration)
    except MembershipError as exc:
        raise SelectionError(f"{registration.municipality}: {exc}") from exc


def apply_selection(*, membership: Membership, edition: Edition, notify: bool = True) -> dict[str, int]:
    """Store the current proposal as THE decision, give admitted municipalities access, mail every duo.

    Allowed once per edition: a second commit would let the assistant move people who were told.
    """
    planned: list[mails.PlannedMail] = []
    with transaction.atomic():
        locked = Edition.objects.select_for_update().get(pk=edition.pk)
        if locked.selection_decided_at is not None:
            raise SelectionError(ALREADY_DECIDED)
        proposal = proposal_for(edition)
        decided = {
            **{pk: Status.SELECTED for pk in proposal.selected},
            **{pk: Status.WAITING for pk in proposal.waiting},
            **{pk: Status.REJECTED for pk in proposal.excluded},
        }
        for registration in Registration.objects.filter(edition=edition).select_related(
            "municipality", "edition"
        ):
            registration.status = decided.get(registration.pk, Status.REJECTED)
            registration.save(update_fields=["status"])
            links = _admit(membership, registration) if registration.status == Status.SELECTED else {}
            planned += mails.decision_mails(registration, links=links)
        locked.selection_decided_at = timezone.now()
        locked.save(update_fields=["selection_decided_at"])
        edition.selection_decided_at = locked.selection_decided_at
        record(
            action="learning.selection.apply",
            obj=edition,
            membership=membership,
            fields=["status", "selection_decided_at"],
        )
        if notify:
            transaction.on_commit(lambda: mails.deliver(planned))
    return {
        "selected": len(proposal.selected),
        "waiting": len(proposal.waiting),
        "mailed": len(planned) if notify else 0,
    }


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    municipality: str


@dataclass(frozen=True)
class MailKind:
    """Identical mails of one decision: one example (the first recipient's) and who gets it."""

    label: str
    example: PlannedMail
    recipients: list[Recipient]


@dataclass(frozen=True)
class DecisionGroup:
    """Before committing: the municipalities that get one decision, and their mails grouped by kind
    (admitted people with an invitation link, or "u heeft al een account"); the mails of one kind
    differ only in the person's name and the municipality, so one example is enough to read."""

    heading: str
    registrations: list[Registration]
    people: str
    kinds: list[MailKind]

    @property
    def mails(self) -> int:
        return sum(len(kind.recipients) for kind in self.kinds)


def _n(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


DECISION_WORDS = {
    # status: (singular, plural, no municipality)
    Status.SELECTED: ("gemeente doet mee", "gemeenten doen mee", "Geen gemeente doet mee"),
    Status.WAITING: (
        "gemeente komt op de wachtlijst",
        "gemeenten komen op de wachtlijst",
        "Niemand komt op de wachtlijst",
    ),
    Status.REJECTED: (
        "gemeente krijgt geen plaats",
        "gemeenten krijgen geen plaats",
        "Geen gemeente valt af",
    ),
}
KIND_LABEL = {
    "invited": "Besluitmail met een uitnodiging voor Brug",
    "member": "Besluitmail voor wie al een account heeft",
    Status.WAITING: "Besluitmail: op de wachtlijst",
    Status.REJECTED: "Besluitmail: geen plaats",
}


def decision_heading(status: Status, municipalities: int) -> str:
    singular, plural, none = DECISION_WORDS[status]
    return _n(municipalities, singular, plural) if municipalities else none


def people_sentence(*, invited: int, members: int, others: int = 0) -> str:
    """Who gets what, from the real split: "3 personen krijgen een uitnodiging, 2 hebben al een account"."""
    parts = []
    if invited:
        verb = "krijgt" if invited == 1 else "krijgen"
        parts.append(f"{_n(invited, 'persoon', 'personen')} {verb} een uitnodiging voor Brug")
    if members:
        verb = "heeft" if members == 1 else "hebben"
        parts.append(f"{members if parts else _n(members, 'persoon', 'personen')} {verb} al een account")
    if others:
        parts.append(
            f"{_n(others, 'persoon', 'personen')} {'krijgt' if others == 1 else 'krijgen'} een besluitmail"
        )
    return ", ".join(parts) + "." if parts else "Niemand krijgt een mail."


def _shape(mail: PlannedMail, person_name: str, municipality: str) -> tuple[str, str, tuple[str, ...]]:
    # What makes two mails the same mail: all but the greeting and the municipality it is about
    # (mails.decision_mails). Only those two places are blanked: a session held in Utrecht stays in
    # Utrecht's mail, and a mail that differs anywhere else is a kind of its own.
    body = mail.body.replace(f"Beste {person_name},", "Beste {naam},", 1).replace(
        f"gemeente {municipality} voor", "gemeente {gemeente} voor", 1
    )
    return mail.subject, body, tuple(mail.attachment_names)


def preview_decision(edition: Edition) -> list[DecisionGroup]:
    """The mails committing would send now, per decision and per kind of mail; nothing is saved."""
    proposal = proposal_for(edition)
    by_id = {
        r.pk: r
        for r in Registration.objects.filter(edition=edition)
        .select_related("municipality", "edition__organisation")
        .prefetch_related("people", "edition__sessions")
    }
    groups = []
    for ids, status in (
        (proposal.selected, Status.SELECTED),
        (proposal.waiting, Status.WAITING),
        (proposal.excluded, Status.REJECTED),
    ):
        registrations = [by_id[pk] for pk in ids if pk in by_id]
        kinds: dict[tuple[str, tuple[str, str, tuple[str, ...]]], MailKind] = {}
        split = {"invited": 0, "member": 0, "other": 0}
        for registration in registrations:
            registration.status = status  # in memory only: the mail text follows the decision
            links = _placeholders(registration)
            built = mails.decision_mails(registration, links=links)
            municipality = str(registration.municipality)
            for person, mail in zip(registration.people.all(), built, strict=True):
                kind = status if status != Status.SELECTED else "invited" if mail.to in links else "member"
                split[kind if kind in split else "other"] += 1
                key = (kind, _shape(mail, person.name, municipality))
                if key not in kinds:
                    kinds[key] = MailKind(label=KIND_LABEL[kind], example=mail, recipients=[])
                kinds[key].recipients.append(
                    Recipient(name=person.name, email=mail.to, municipality=municipality)
                )
        groups.append(
            DecisionGroup(
                heading=decision_heading(status, len(registrations)),
                registrations=registrations,
                people=people_sentence(
                    invited=split["invited"], members=split["member"], others=split["other"]
                ),
                # invitations first, then the people with an account, whoever registered first
                kinds=sorted(kinds.values(), key=lambda k: list(KIND_LABEL.values()).index(k.label)),
            )
        )
    return groups


@dataclass(frozen=True)
class Change:
    withdraw: list[Registration]
    admit: list[Registration]
    mails: list[mails.PlannedMail]

    @property
    def sentence(self) -> str:
        parts = []
        if self.withdraw:
            names = _names(self.withdraw)
            parts.append(f"{names} {'trekt' if len(self.withdraw) == 1 else 'trekken'} zich terug")
        if self.admit:
            names = _names(self.admit)
            parts.append(f"{names} {'neemt' if len(self.admit) == 1 else 'nemen'} een plaats in")
        return ", ".join(parts) + "."


def _names(registrations: list[Registration]) -> str:
    names = [str(r.municipality) for r in registrations]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _check_change(edition: Edition, withdraw: list[Registration], admit: list[Registration]) -> None:
    if edition.selection_decided_at is None:
        raise SelectionError("Leg eerst de selectie vast; daarna kunt u de groep wijzigen.")
    if not withdraw and not admit:
        raise SelectionError("Kies minstens één gemeente die zich terugtrekt of die een plaats krijgt.")
    if any(r.edition_id != edition.pk for r in [*withdraw, *admit]):
        raise SelectionError("Deze gemeente hoort niet bij deze editie.")
    wrong = [r for r in withdraw if r.status != Status.SELECTED]
    if wrong:
        raise SelectionError(f"{_names(wrong)} doet nu niet mee en kan zich dus niet terugtrekken.")
    wrong = [r for r in admit if r.status == Status.SELECTED]
    if wrong:
        raise SelectionError(f"{_names(wrong)} doet al mee.")
    places = Registration.objects.filter(edition=edition, status=Status.SELECTED).count()
    after = places - len(withdraw) + len(admit)
    if after > edition.max_municipalities:
        raise SelectionError(
            f"Dan doen er {after} gemeenten mee, meer dan het maximum van {edition.max_municipalities}. "
            "Laat minder gemeenten toe of laat eerst een gemeente zich terugtrekken."
        )


def preview_change(*, edition: Edition, withdraw: list[Registration], admit: list[Registration]) -> Change:
    """The exact mails that confirming would send; nothing is saved."""
    _check_change(edition, withdraw, admit)
    planned: list[mails.PlannedMail] = []
    for registration in withdraw:
        registration.status = Status.WITHDRAWN  # in memory only, to build its mail
        planned += mails.decision_mails(registration)
    for registration in admit:
        was_waiting = registration.status == Status.WAITING
        registration.status = Status.SELECTED
        planned += mails.decision_mails(
            registration, links=_placeholders(registration), from_waiting_list=was_waiting
        )
    for registration in [*withdraw, *admit]:
        registration.refresh_from_db(fields=["status"])
    return Change(withdraw=withdraw, admit=admit, mails=planned)


def apply_change(
    *, membership: Membership, edition: Edition, withdraw: list[Registration], admit: list[Registration]
) -> Change:
    """Withdraw and admit exactly the named municipalities; nobody else moves. Mails after commit."""
    planned: list[mails.PlannedMail] = []
    with transaction.atomic():
        Edition.objects.select_for_update().get(pk=edition.pk)
        withdraw = list(Registration.objects.select_for_update().filter(pk__in=[r.pk for r in withdraw]))
        admit = list(Registration.objects.select_for_update().filter(pk__in=[r.pk for r in admit]))
        _check_change(edition, withdraw, admit)
        for registration in withdraw:
            registration.status = Status.WITHDRAWN
            registration.save(update_fields=["status"])
            record(
                action="learning.registration.withdraw",
                obj=registration,
                membership=membership,
                fields=["status"],
            )
            planned += mails.decision_mails(registration)
        for registration in admit:
            was_waiting = registration.status == Status.WAITING
            registration.status = Status.SELECTED
            registration.save(update_fields=["status"])
            record(
                action="learning.registration.admit",
                obj=registration,
                membership=membership,
                fields=["status"],
            )
            links = _admit(membership, registration)
            planned += mails.decision_mails(registration, links=links, from_waiting_list=was_waiting)
        transaction.on_commit(lambda: mails.deliver(planned))
    return Change(withdraw=withdraw, admit=admit, mails=planned)
