"""Selection: run the assistant on an edition's registrations, overrides, decisions and mails."""

from __future__ import annotations

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership

from ..algorithms.selection import Candidate, Proposal, propose
from ..models import Edition, Registration, Status
from . import mails


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
    registration.forced = forced
    registration.save(update_fields=["forced"])
    record(action="learning.selection_override", obj=registration, membership=membership, fields=["forced"])
    return registration


def apply_selection(*, membership: Membership, edition: Edition, notify: bool = True) -> dict[str, int]:
    """Store the current proposal as the decision and (optionally) mail every duo about it."""
    proposal = proposal_for(edition)
    decided = {
        **{pk: Status.SELECTED for pk in proposal.selected},
        **{pk: Status.WAITING for pk in proposal.waiting},
        **{pk: Status.REJECTED for pk in proposal.excluded},
    }
    changed: list[Registration] = []
    with transaction.atomic():
        for registration in Registration.objects.filter(edition=edition).select_related(
            "municipality", "edition"
        ):
            status = decided.get(registration.pk, Status.REJECTED)
            if registration.status != status:
                registration.status = status
                registration.save(update_fields=["status"])
                changed.append(registration)
        record(action="learning.selection_applied", obj=edition, membership=membership, fields=["status"])
    if notify:
        for registration in changed:
            mails.decision(registration)
    return {
        "selected": len(proposal.selected),
        "waiting": len(proposal.waiting),
        "mailed": len(changed) if notify else 0,
    }
