"""Writes for organisations, memberships and invitations."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from brug.core.errors import BrugError
from brug.municipalities.models import Municipality

from .access import is_platform_admin
from .audit import record
from .models import Invitation, Membership, Organisation, OrganisationKind, Role, SubmissionKey, User
from .tokens import hash_token


class MembershipError(BrugError):
    """A refused change; the message is Dutch and shown to the user."""


def unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organisatie"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_organisation(
    *, actor: User | None, name: str, kind: str, municipality: Municipality | None = None
) -> Organisation:
    if kind == OrganisationKind.MUNICIPALITY and municipality is None:
        raise MembershipError("Een gemeente-organisatie hoort bij een gemeente uit de referentielijst")
    with transaction.atomic():
        org = Organisation.objects.create(
            name=name, slug=unique_slug(name), kind=kind, municipality=municipality
        )
        record(
            actor=actor, organisation=org, action="core.organisation.create", obj=org, fields=["name", "kind"]
        )
    return org


def add_member(*, actor: User | None, organisation: Organisation, user: User, role: str) -> Membership:
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"role": role}
        )
        if not created:
            raise MembershipError(f"{user.email} is al lid van {organisation.name}")
        record(
            actor=actor,
            organisation=organisation,
            action="core.membership.add",
            obj=membership,
            fields=["role"],
        )
    return membership


# Roles only the platform administrator (role "beheerder") may give or take away: the
# facilitator of the learning network sees every participating municipality's registrations.
PLATFORM_GRANTED_ROLES = frozenset({Role.ADMIN, Role.FACILITATOR})


def grantable_roles(membership: Membership) -> list[str]:
    """The roles the member pages offer this member, in the order of Role.

    Administrators themselves are made in /beheer/ only, never through these pages.
    """
    if not membership.can_manage:
        return []
    return [
        r.value
        for r in Role
        if r != Role.ADMIN and (r not in PLATFORM_GRANTED_ROLES or membership.role == Role.ADMIN)
    ]


def _check_may_grant(membership: Membership, role: str) -> None:
    if role not in Role.values:
        raise MembershipError("Kies een bestaande rol.")
    if role in PLATFORM_GRANTED_ROLES and membership.role != Role.ADMIN:
        label = Role(role).label.lower()
        raise MembershipError(f"Alleen een platformbeheerder kan iemand de rol {label} geven")


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    url: str


def invite(*, membership: Membership, email: str, role: str) -> IssuedInvitation:
    """Email a single-use link; only its hash is stored."""
    if not membership.can_manage:
        raise MembershipError("Alleen een coördinator kan collega's uitnodigen")
    _check_may_grant(membership, role)
    email = email.strip().lower()
    org = membership.organisation
    if Membership.objects.filter(organisation=org, user__email=email).exists():
        raise MembershipError(f"{email} is al lid van {org.name}")
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organisation=org,
            email=email,
            role=role,
            token_hash=hash_token(token),
            invited_by=membership.user,
            expires_at=timezone.now() + timedelta(days=settings.BRUG_INVITATION_DAYS),
        )
        record(membership=membership, action="core.invitation.send", obj=invitation, fields=["email", "role"])
    url = _invitation_url(token)
    _send_invitation_email(inviter_name=membership.user.name, org_name=org.name, email=email, url=url)
    return IssuedInvitation(invitation=invitation, url=url)


def _invitation_url(token: str) -> str:
    return settings.BRUG_BASE_URL + reverse("core:accept_invitation", args=[token])


def _send_invitation_email(*, inviter_name: str, org_name: str, email: str, url: str) -> None:
    send_mail(
        subject=f"Uitnodiging voor {org_name} in Brug",
        message=(
            f"{inviter_name} nodigt u uit om mee te werken in Brug voor {org_name}.\n\n"
            f"Open deze link binnen {settings.BRUG_INVITATION_DAYS} dagen (eenmalig te gebruiken):\n{url}\n"
        ),
        from_email=None,
        recipient_list=[email],
    )


def create_organisation_with_coordinator(
    *,
    membership: Membership,
    kind: str,
    name: str,
    municipality: Municipality | None,
    coordinator_email: str,
) -> IssuedInvitation:
    """A platform administrator adds a municipality or partner and invites its first coordinator.

    The organisation and the invitation are saved together or not at all; the email leaves
    only after the commit, so nobody gets a link to an organisation that was rolled back.
    """
    if not is_platform_admin(membership):
        raise MembershipError("Alleen een platformbeheerder kan organisaties aanmaken")
    name = name.strip()
    email = coordinator_email.strip().lower()
    if kind == OrganisationKind.MUNICIPALITY:
        if municipality is None or municipality.fictional:
            raise MembershipError("Kies een gemeente uit de referentielijst")
        name = name or f"Gemeente {municipality.name}"
    elif kind == OrganisationKind.PARTNER:
        if not name:
            raise MembershipError("Vul de naam van de partnerorganisatie in")
        municipality = None
    else:
        raise MembershipError("Kies als soort een gemeente of een partnerorganisatie")
    try:
        validate_email(email)
    except ValidationError:
        raise MembershipError("Vul een geldig e-mailadres in voor de eerste coördinator") from None
    taken = "Deze gemeente heeft al een organisatie in Brug"
    if municipality is not None and Organisation.objects.filter(municipality=municipality).exists():
        raise MembershipError(taken)
    token = secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            org = create_organisation(actor=membership.user, name=name, kind=kind, municipality=municipality)
            # The platform's own log shows what its administrators created.
            record(membership=membership, action="core.organisation.create", obj=org, fields=["name", "kind"])
            invitation = Invitation.objects.create(
                organisation=org,
                email=email,
                role=Role.COORDINATOR,
                token_hash=hash_token(token),
                invited_by=membership.user,
                expires_at=timezone.now() + timedelta(days=settings.BRUG_INVITATION_DAYS),
            )
            record(
                actor=membership.user,
                organisation=org,
                action="core.invitation.send",
                obj=invitation,
                fields=["email", "role"],
            )
            url = _invitation_url(token)
            inviter_name, org_name = membership.user.name, org.name
            transaction.on_commit(
                lambda: _send_invitation_email(
                    inviter_name=inviter_name, org_name=org_name, email=email, url=url
                )
            )
    except IntegrityError:
        # Two administrators adding the same municipality at once: the unique link decides.
        if municipality is None:
            raise
        raise MembershipError(taken) from None
    return IssuedInvitation(invitation=invitation, url=url)


def open_invitation(*, token: str) -> Invitation:
    """The invitation behind a token, or a Dutch reason why it cannot be used."""
    invitation = (
        Invitation.objects.select_related("organisation").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        raise MembershipError("Deze uitnodigingslink is onbekend. Vraag uw coördinator om een nieuwe.")
    if invitation.used_at is not None:
        raise MembershipError("Deze uitnodiging is al gebruikt. Log in, of vraag om een nieuwe uitnodiging.")
    if invitation.expires_at <= timezone.now():
        raise MembershipError("Deze uitnodiging is verlopen. Vraag uw coördinator om een nieuwe.")
    return invitation


def accept_invitation(*, token: str, user: User | None, name: str = "", password: str = "") -> Membership:
    """Accept as the logged-in user, or create the account for the invited address."""
    with transaction.atomic():
        invitation = open_invitation(token=token)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.used_at is not None:
            raise MembershipError("Deze uitnodiging is al gebruikt.")
        if user is None:
            if User.objects.filter(email=invitation.email).exists():
                raise MembershipError(
                    "Er is al een account met dit adres: log eerst in en open de link opnieuw."
                )
            user = User.objects.create_user(email=invitation.email, password=password, name=name.strip())
            record(
                actor=user,
                organisation=invitation.organisation,
                action="core.account.create",
                obj=user,
                fields=["email", "name", "password"],
            )
        elif user.email.lower() != invitation.email:
            raise MembershipError(
                f"Deze uitnodiging is voor {invitation.email}. Log in met dat adres om haar te accepteren."
            )
        invitation.used_at = timezone.now()
        invitation.save(update_fields=["used_at"])
        membership = add_member(
            actor=user, organisation=invitation.organisation, user=user, role=invitation.role
        )
    return membership


def change_role(*, membership: Membership, target: Membership, role: str) -> Membership:
    if not membership.can_manage or target.organisation_id != membership.organisation_id:
        raise MembershipError("U kunt deze rol niet wijzigen")
    _check_may_grant(membership, role)
    if target.role in PLATFORM_GRANTED_ROLES and membership.role != Role.ADMIN:
        raise MembershipError("Alleen een platformbeheerder kan deze rol wijzigen")
    with transaction.atomic():
        _keep_one_manager(target=target, new_role=role)
        target.role = role
        target.save(update_fields=["role"])
        record(membership=membership, action="core.membership.change_role", obj=target, fields=["role"])
    return target


def remove_member(*, membership: Membership, target: Membership) -> None:
    if not membership.can_manage or target.organisation_id != membership.organisation_id:
        raise MembershipError("U kunt dit lid niet verwijderen")
    with transaction.atomic():
        _keep_one_manager(target=target, new_role=None)
        record(membership=membership, action="core.membership.remove", obj=target)
        target.delete()


def _keep_one_manager(*, target: Membership, new_role: str | None) -> None:
    # An organisation without a coordinator can no longer manage its own members.
    if not target.can_manage or (new_role is not None and new_role in {Role.COORDINATOR, Role.ADMIN}):
        return
    others = (
        Membership.objects.select_for_update()
        .filter(organisation=target.organisation, role__in=[Role.COORDINATOR, Role.ADMIN])
        .exclude(pk=target.pk)
    )
    if not others.exists():
        raise MembershipError("Er moet minstens één coördinator overblijven")


def organisation_for_municipality(*, actor: User, municipality: Municipality) -> tuple[Organisation, bool]:
    """The municipality's organisation, created from its CBS row when it has none yet.

    Used when a network facilitator admits a municipality: the facilitator is no platform
    administrator, but a municipality that was admitted must be able to log in.
    Returns (organisation, created).
    """
    existing = Organisation.objects.filter(municipality=municipality).first()
    if existing is not None:
        return existing, False
    if municipality.fictional:
        raise MembershipError(f"{municipality.name} is geen gemeente uit de referentielijst")
    try:
        with transaction.atomic():
            org = create_organisation(
                actor=actor,
                name=f"Gemeente {municipality.name}",
                kind=OrganisationKind.MUNICIPALITY,
                municipality=municipality,
            )
    except IntegrityError:
        # Created at the same moment by someone else: the unique link decides, use theirs.
        return Organisation.objects.get(municipality=municipality), False
    return org, True


def invite_on_behalf(
    *,
    actor: User,
    organisation: Organisation,
    email: str,
    role: str,
    send_email: bool = False,
    days: int | None = None,
) -> IssuedInvitation | None:
    """Invite someone into another organisation for a reason the caller checked (e.g. admission).

    Returns None when the address is already a member. With send_email=False the caller puts the
    link in its own mail (the learning network's decision mail carries it with the dates).
    """
    if role not in {Role.COORDINATOR, Role.OFFICER, Role.READONLY}:
        raise MembershipError("Kies als rol coördinator, medewerker of lezer")
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise MembershipError(f"'{email}' is geen geldig e-mailadres") from None
    if Membership.objects.filter(organisation=organisation, user__email=email).exists():
        return None
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            token_hash=hash_token(token),
            invited_by=actor,
            expires_at=timezone.now() + timedelta(days=days or settings.BRUG_INVITATION_DAYS),
        )
        record(
            actor=actor,
            organisation=organisation,
            action="core.invitation.send",
            obj=invitation,
            fields=["email", "role"],
        )
    url = _invitation_url(token)
    if send_email:
        inviter, org_name = actor.name, organisation.name
        transaction.on_commit(
            lambda: _send_invitation_email(inviter_name=inviter, org_name=org_name, email=email, url=url)
        )
    return IssuedInvitation(invitation=invitation, url=url)


@transaction.atomic
def purge_expired_submission_keys() -> int:
    """Retention: delete the double-submission keys (brug.core.versioning) older than
    BRUG_SUBMISSION_KEY_DAYS, with one audit line. Returns how many went.

    A key only has to outlive the form it was rendered in; after that it is dead weight. A form
    kept open longer than the term and then sent twice would store twice: that is the trade-off.
    Keys carry no organisation (only a scope such as "signal:12"), so the line is the platform's.
    """
    cutoff = timezone.now() - timedelta(days=settings.BRUG_SUBMISSION_KEY_DAYS)
    count, _ = SubmissionKey.objects.filter(created_at__lt=cutoff).delete()
    if count:
        record(
            action="core.submission_key.purge",
            object_type="core.SubmissionKey",
            object_id=f"{count} sleutels",
            actor_label="systeem (bewaartermijn)",
        )
    return count
