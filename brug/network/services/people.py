"""Phase 2: key figures, referrals (snowball), selection conversations and status changes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from brug.core.audit import record
from brug.core.models import Membership
from brug.core.versioning import save_if_unchanged

from ..models import Decision, KeyFigure, KeyFigureStatus, Recruiter, SelectionConversation, StatusChange
from .errors import NetworkError

S = KeyFigureStatus
PERSON_FIELDS = [
    "name",
    "email",
    "phone",
    "kind",
    "employer",
    "domain",
    "communities",
    "languages",
    "age_groups",
    "availability",
    "start_date",
    "known_before",
    "referred_by",
    "recruited_by",
    "recruiter_name",
    "orientation_until",
    "consent_purpose",
    "consent_date",
    "consent_how",
    "retention_until",
]
PERSON_M2M = ["networks", "neighbourhoods"]

# Which status may follow which. Becoming active from the recruitment phase also needs a
# recorded selection conversation (checked in change_status).
TRANSITIONS: dict[str, set[str]] = {
    S.CANDIDATE: {S.IN_CONVERSATION, S.ORIENTATION, S.ACTIVE, S.STOPPED},
    S.IN_CONVERSATION: {S.CANDIDATE, S.ORIENTATION, S.ACTIVE, S.STOPPED},
    S.ORIENTATION: {S.ACTIVE, S.PAUSED, S.STOPPED},
    S.ACTIVE: {S.PAUSED, S.STOPPED},
    S.PAUSED: {S.ACTIVE, S.STOPPED},
    S.STOPPED: {S.CANDIDATE, S.ORIENTATION, S.ACTIVE},
}
ACCEPTING = {Decision.ACCEPT, Decision.ORIENTATION}
# Statuses in which Brug holds a person as a member of the network: these need recorded consent.
TAKEN_ON = {S.ORIENTATION, S.ACTIVE}


def consent_missing(key_figure: KeyFigure) -> str | None:
    """Why this person may not (yet) be taken on or get a signal link, or None when consent is in order."""
    missing = []
    if key_figure.consent_date is None:
        missing.append("de datum")
    if not key_figure.consent_how.strip():
        missing.append("hoe de toestemming is gegeven")
    if key_figure.retention_until is None:
        missing.append("een bewaardatum")
    if missing:
        return (
            "Leg eerst de toestemming van deze persoon vast (" + ", ".join(missing) + ") via ‘Bewerken’. "
            "Zonder toestemming mag Brug iemand niet als sleutelfiguur in het netwerk opnemen."
        )
    if key_figure.consent_date and key_figure.retention_until <= key_figure.consent_date:  # type: ignore[operator]
        return "De bewaardatum moet na de datum van de toestemming liggen."
    return None


def _check_dates(key_figure: KeyFigure) -> None:
    today = timezone.localdate()
    if key_figure.consent_date and key_figure.consent_date > today:
        raise NetworkError(
            "De datum van de toestemming ligt in de toekomst. Vul de dag in waarop de toestemming is gegeven.",
            field="consent_date",
        )
    if (
        key_figure.consent_date
        and key_figure.retention_until
        and key_figure.retention_until <= key_figure.consent_date
    ):
        raise NetworkError(
            "De bewaardatum moet na de datum van de toestemming liggen.", field="retention_until"
        )
    if key_figure.retention_until and not key_figure.consent_date:
        raise NetworkError(
            "Vul ook de datum van de toestemming in: een bewaardatum hoort bij een vastgelegde toestemming.",
            field="consent_date",
        )


def normalise_phone(phone: str) -> str:
    """'+31 6-1234 5678' and '06 12345678' are the same number: compare digits only."""
    digits = re.sub(r"[^\d+]", "", phone or "")
    if digits.startswith("+31"):
        digits = "0" + digits[3:]
    elif digits.startswith("0031"):
        digits = "0" + digits[4:]
    return digits


def referral_loop(*, key_figure: KeyFigure | None, referred_by: KeyFigure | None) -> bool:
    """True when 'referred_by' was (indirectly) brought in by key_figure itself: a snowball cannot loop."""
    if key_figure is None or key_figure.pk is None or referred_by is None:
        return False
    seen: set[int] = set()
    current: KeyFigure | None = referred_by
    while current is not None and current.pk not in seen:
        if current.pk == key_figure.pk:
            return True
        seen.add(current.pk)
        current = current.referred_by
    return False


def _check_duplicates(membership: Membership, key_figure: KeyFigure | None, email: str, phone: str) -> None:
    others = KeyFigure.objects.filter(organisation=membership.organisation, erased_at__isnull=True)
    if key_figure is not None and key_figure.pk:
        others = others.exclude(pk=key_figure.pk)
    if email and others.filter(email__iexact=email).exists():
        raise NetworkError("Er staat al een sleutelfiguur met dit e-mailadres in Brug.", field="email")
    if phone and others.filter(phone=phone).exists():
        raise NetworkError("Er staat al een sleutelfiguur met dit telefoonnummer in Brug.", field="phone")


@transaction.atomic
def save_key_figure(
    *, membership: Membership, data: Mapping[str, Any], key_figure: KeyFigure | None = None
) -> KeyFigure:
    creating = key_figure is None
    # A partial update keeps the contact details it does not mention.
    current_email = key_figure.email if key_figure is not None else ""
    current_phone = key_figure.phone if key_figure is not None else ""
    email = (data.get("email", current_email) or "").strip().lower()
    phone = normalise_phone(data.get("phone", current_phone) or "")
    if not email and not phone:
        raise NetworkError(
            "Vul een e-mailadres of een telefoonnummer in, zodat u iemand kunt bereiken.", field="email"
        )
    _check_duplicates(membership, key_figure, email, phone)
    referred_by = data.get("referred_by")
    if referred_by is not None and referred_by.organisation_id != membership.organisation_id:
        raise NetworkError("Kies een sleutelfiguur uit uw eigen netwerk.", field="referred_by")
    if (
        key_figure is not None
        and referred_by is not None
        and referral_loop(key_figure=key_figure, referred_by=referred_by)
    ):
        raise NetworkError(
            f"{referred_by.name} is zelf (via via) aangedragen door {key_figure.name}. "
            "Iemand kan niet worden aangedragen door iemand die hij of zij zelf heeft aangedragen.",
            field="referred_by",
        )
    if key_figure is None:
        key_figure = KeyFigure(organisation=membership.organisation)
        before: dict[str, Any] = {}
    else:
        # From the database: a ModelForm has already written the new values onto the instance it was given.
        stored = KeyFigure.objects.get(pk=key_figure.pk)
        before = {name: getattr(stored, name) for name in PERSON_FIELDS}
    for name in PERSON_FIELDS:
        if name in data:
            setattr(key_figure, name, data[name])
    key_figure.email, key_figure.phone = email, phone
    _check_dates(key_figure)
    if (
        before.get("consent_date") != key_figure.consent_date
        or before.get("consent_how") != key_figure.consent_how
    ):
        key_figure.consent_recorded_by = membership.user
    if key_figure.status in TAKEN_ON and (reason := consent_missing(key_figure)):
        raise NetworkError(reason, field="consent_date")
    if referred_by is not None and creating and "recruited_by" not in data:
        key_figure.recruited_by = Recruiter.SNOWBALL
    try:
        with transaction.atomic():
            if creating:
                key_figure.save()
            else:  # refused (StaleObject) if someone saved after the form was rendered
                save_if_unchanged(key_figure, version=data.get("version"))
    except IntegrityError:
        # Two people saving the same person at the same moment: the database constraint decides.
        raise NetworkError(
            "Er staat al een sleutelfiguur met dit e-mailadres of telefoonnummer in Brug."
        ) from None
    changed = [name for name in PERSON_FIELDS if before.get(name) != getattr(key_figure, name)]
    for name in PERSON_M2M:
        if name in data:
            old = set(getattr(key_figure, name).values_list("pk", flat=True)) if not creating else set()
            getattr(key_figure, name).set(data[name])
            if old != {obj.pk for obj in data[name]}:
                changed.append(name)
    if creating:
        StatusChange.objects.create(
            organisation=membership.organisation,
            key_figure=key_figure,
            new_status=key_figure.status,
            changed_at=timezone.now(),
        )
    record(
        action="network.keyfigure.create" if creating else "network.keyfigure.update",
        obj=key_figure,
        membership=membership,
        fields=changed,
    )
    return key_figure


def _set_status(
    key_figure: KeyFigure, status: str, *, membership: Membership, also: Mapping[str, Any] | None = None
) -> None:
    """Change the status (and any `also` fields) as a new version of the person, with a history row
    and an audit line naming the fields that changed; like every other edit of a key figure."""
    old = key_figure.status
    changes: dict[str, Any] = {"status": status, **(also or {})}
    if status == S.ACTIVE and key_figure.start_date is None:
        changes["start_date"] = timezone.localdate()
    changed = sorted(name for name, value in changes.items() if getattr(key_figure, name) != value)
    if not changed:
        return
    now = timezone.now()
    KeyFigure.objects.filter(pk=key_figure.pk).update(
        version=F("version") + 1, updated_at=now, **{name: changes[name] for name in changed}
    )
    for name in changed:
        setattr(key_figure, name, changes[name])
    key_figure.version += 1
    key_figure.updated_at = now
    if status != old:
        StatusChange.objects.create(
            organisation=key_figure.organisation,
            key_figure=key_figure,
            old_status=old,
            new_status=status,
            changed_at=now,
        )
    record(action="network.keyfigure.status", obj=key_figure, membership=membership, fields=changed)


@transaction.atomic
def change_status(*, membership: Membership, key_figure: KeyFigure, status: str) -> KeyFigure:
    if status not in S.values:
        raise NetworkError("Kies een bestaande status.", field="status")
    if status == key_figure.status:
        return key_figure
    if status not in TRANSITIONS[key_figure.status]:
        raise NetworkError(
            f"Van “{S(key_figure.status).label}” kan niet rechtstreeks naar “{S(status).label}”.",
            field="status",
        )
    if status in TAKEN_ON and (reason := consent_missing(key_figure)):
        raise NetworkError(reason, field="status")
    if (
        status in TAKEN_ON
        and key_figure.status in (S.CANDIDATE, S.IN_CONVERSATION, S.STOPPED)
        and not key_figure.conversations.filter(decision__in=ACCEPTING).exists()
    ):
        raise NetworkError(
            "Eerst een selectiegesprek: een kandidaat wordt pas actief na een vastgelegd gesprek "
            "met het besluit ‘aannemen’ of ‘oriëntatiefase’.",
            field="status",
        )
    _set_status(key_figure, status, membership=membership)
    return key_figure


@transaction.atomic
def record_conversation(
    *, membership: Membership, key_figure: KeyFigure, data: Mapping[str, Any]
) -> SelectionConversation:
    """Record the selection conversation; its decision moves the person on (or out)."""
    if key_figure.status not in (S.CANDIDATE, S.IN_CONVERSATION, S.STOPPED):
        raise NetworkError(
            "Een selectiegesprek hoort bij een kandidaat; deze persoon is al actief of gepauzeerd."
        )
    if data.get("held_on") and data["held_on"] > timezone.localdate():
        raise NetworkError(
            "Het gesprek ligt in de toekomst. Leg een selectiegesprek vast nadat het is gevoerd.",
            field="held_on",
        )
    if data.get("decision") in ACCEPTING and (reason := consent_missing(key_figure)):
        raise NetworkError(reason, field="decision")
    fields = [
        "held_on",
        "enough_time",
        "other_networks",
        "other_interests",
        "other_interests_note",
        "motivation",
        "click",
        "decision",
        "reason",
    ]
    conversation = SelectionConversation.objects.create(
        key_figure=key_figure,
        held_by=membership.user,
        **{name: data[name] for name in fields if name in data},
    )
    target = {
        Decision.ACCEPT: S.ACTIVE,
        Decision.ORIENTATION: S.ORIENTATION,
        Decision.HOLD: S.IN_CONVERSATION,
        Decision.DECLINE: S.STOPPED,
    }[Decision(conversation.decision)]
    also = {}
    if conversation.decision == Decision.ORIENTATION and data.get("orientation_until"):
        also["orientation_until"] = data["orientation_until"]
    # The decision moves the person on: a new version of the key figure with its own audit line.
    _set_status(key_figure, target, membership=membership, also=also)
    record(
        action="network.keyfigure.conversation",
        obj=conversation,
        membership=membership,
        fields=[name for name in fields if name in data],
    )
    return conversation
