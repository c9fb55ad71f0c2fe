"""Getting admitted municipalities into Brug: their organisation, the duo's invitations, and progress.

A municipality that is admitted to an edition must be able to log in to see it. The facilitator
(a partner organisation) is no platform administrator, so admission itself is the reason to
create the municipality's organisation from its CBS row and invite its duo.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Invitation, Membership, Organisation, Role, User
from brug.core.services import invite_on_behalf, organisation_for_municipality

from ..models import Edition, Registration, RegistrationPerson, Status
from .mails import INVITATION_DAYS


@transaction.atomic
def onboard(*, membership: Membership, registration: Registration) -> dict[str, str]:
    """Make sure the municipality has an organisation and every duo member without access is invited.

    The first person of the duo becomes coordinator when the organisation has none yet (nor an open
    invitation for one); everyone else is invited as officer. Returns {email: invitation link}.
    """
    org, created = organisation_for_municipality(
        actor=membership.user, municipality=registration.municipality
    )
    has_coordinator = (
        Membership.objects.filter(organisation=org, role__in=[Role.COORDINATOR, Role.ADMIN]).exists()
        or Invitation.objects.filter(organisation=org, role=Role.COORDINATOR, used_at__isnull=True).exists()
    )
    links: dict[str, str] = {}
    for index, person in enumerate(registration.people.all()):
        role = Role.COORDINATOR if index == 0 and not has_coordinator else Role.OFFICER
        issued = invite_on_behalf(
            actor=membership.user, organisation=org, email=person.email, role=role, days=INVITATION_DAYS
        )
        if issued is not None:
            links[issued.invitation.email] = issued.url
    record(
        membership=membership,
        action="learning.access.arrange",
        obj=registration,
        fields=["organisatie_aangemaakt"] if created else ["uitnodigingen"],
    )
    return links


def invitations_to_come(registration: Registration) -> list[str]:
    """For a preview: the duo members whom admission would invite, i.e. everyone who is not yet a
    member of the municipality's organisation (as onboard decides)."""
    members = {
        e.strip().lower()
        for e in Membership.objects.filter(
            organisation__municipality_id=registration.municipality_id
        ).values_list("user__email", flat=True)
    }
    emails = (p.email.strip().lower() for p in registration.people.all())
    return [email for email in emails if email not in members]


@dataclass(frozen=True)
class PersonAccess:
    person: RegistrationPerson
    state: str  # "niet_uitgenodigd", "uitgenodigd", "verlopen", "account", "ingelogd"

    LABELS = {
        "niet_uitgenodigd": "Niet uitgenodigd",
        "uitgenodigd": "Uitgenodigd",
        "verlopen": "Uitnodiging verlopen",
        "account": "Account aangemaakt",
        "ingelogd": "Ingelogd",
    }

    @property
    def label(self) -> str:
        return self.LABELS[self.state]


@dataclass(frozen=True)
class MunicipalityAccess:
    registration: Registration
    organisation: Organisation | None
    people: list[PersonAccess]

    @property
    def invite_label(self) -> str:
        """The button: 'Uitnodigen' when nobody was invited yet, none when everyone has an account."""
        states = {p.state for p in self.people}
        if states <= {"account", "ingelogd"}:
            return ""
        return "Uitnodigen" if states == {"niet_uitgenodigd"} else "Opnieuw uitnodigen"


def access_overview(edition: Edition) -> list[MunicipalityAccess]:
    """Per admitted municipality and duo member: invited / account made / logged in."""
    registrations = list(
        Registration.objects.filter(edition=edition, status=Status.SELECTED)
        .select_related("municipality")
        .prefetch_related("people")
    )
    orgs = {
        o.municipality_id: o
        for o in Organisation.objects.filter(municipality__in=[r.municipality for r in registrations])
    }
    emails = {p.email.strip().lower() for r in registrations for p in r.people.all()}
    members = {
        (m.organisation_id, m.user.email.lower()): m.user
        for m in Membership.objects.filter(
            organisation__in=orgs.values(), user__email__in=emails
        ).select_related("user")
    }
    invitations: dict[tuple[int, str], Invitation] = {}
    for sent in Invitation.objects.filter(organisation__in=orgs.values(), email__in=emails).order_by(
        "created_at"
    ):
        invitations[(sent.organisation_id, sent.email)] = sent  # the newest wins
    rows = []
    for registration in registrations:
        org = orgs.get(registration.municipality_id)
        people = []
        for person in registration.people.all():
            email = person.email.strip().lower()
            user: User | None = members.get((org.pk, email)) if org else None
            invitation: Invitation | None = invitations.get((org.pk, email)) if org else None
            if user is not None:
                state = "ingelogd" if user.last_login else "account"
            elif invitation is not None:
                state = "uitgenodigd" if invitation.is_open else "verlopen"
            else:
                state = "niet_uitgenodigd"
            people.append(PersonAccess(person=person, state=state))
        rows.append(MunicipalityAccess(registration=registration, organisation=org, people=people))
    return rows


def reinvite(*, membership: Membership, registration: Registration) -> int:
    """Send the duo members without an account a fresh link (e.g. after it expired)."""
    from . import mails

    links = onboard(membership=membership, registration=registration)
    planned = [m for m in mails.decision_mails(registration, links=links) if m.to in links]
    transaction.on_commit(lambda: mails.deliver(planned))
    return len(planned)
