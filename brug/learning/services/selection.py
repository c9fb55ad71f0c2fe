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
class DecisionGroup:
    """Before committing: who gets which decision mail. Admitted duos see each person's own mail (with an
    invitation link or "u heeft al een account"); the other groups one example, as their mails differ
    only in the name."""

    label: str
    registrations: list[Registration]
    mails: int
    examples: list[PlannedMail]
    per_person: bool


def preview_decision(edition: Edition) -> list[DecisionGroup]:
    """The mails committing would send now, grouped by decision; nothing is saved."""
    proposal = proposal_for(edition)
    by_id = {
        r.pk: r
        for r in Registration.objects.filter(edition=edition)
        .select_related("municipality", "edition__organisation")
        .prefetch_related("people", "edition__sessions")
    }
    groups = []
    for label, ids, status in (
        ("doen mee (met een uitnodiging voor Brug)", proposal.selected, Status.SELECTED),
        ("komen op de wachtlijst", proposal.waiting, Status.WAITING),
        ("krijgen geen plaats", proposal.excluded, Status.REJECTED),
    ):
        registrations = [by_id[pk] for pk in ids if pk in by_id]
        per_person = status == Status.SELECTED
        examples: list[PlannedMail] = []
        for registration in registrations if per_person else registrations[:1]:
            registration.status = status  # in memory only: the mail text follows the decision
            built = mails.decision_mails(registration, links=_placeholders(registration))
            examples += built if per_person else built[:1]
        count = sum(len(r.people.all()) for r in registrations)
        groups.append(
            DecisionGroup(
                label=label,
                registrations=registrations,
                mails=count,
                examples=examples,
                per_person=per_person,
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
