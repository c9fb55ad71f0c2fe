"""Creating signals from people (key figures, officers, API) and their triage."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from brug.core.access import has_municipal_parts
from brug.core.audit import record
from brug.core.errors import BrugError
from brug.core.versioning import earlier_result, first_submission, remember_result

from ..classify import classifier_for, pseudonym
from ..models import ApiToken, Channel, Severity, Signal, SignalStatus, SignalStatusChange
from . import stats
from .themes import ensure_default_themes

if TYPE_CHECKING:
    from brug.core.models import Membership, Organisation, User
    from brug.municipalities.models import Neighbourhood

# A clock a little ahead is normal; a date further ahead is a typing error.
FUTURE_TOLERANCE = timedelta(hours=1)
MAX_TEXT = 10_000


class SignalError(BrugError):
    """A signal that cannot be accepted; the message is Dutch and fit to show."""

    field: str  # "" when it is about the whole signal

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message, field=field)


def validate_moment(occurred_at: datetime) -> None:
    if timezone.is_naive(occurred_at):
        raise SignalError("Geef een datum met tijdzone.", "occurred_at")
    if occurred_at > timezone.now() + FUTURE_TOLERANCE:
        raise SignalError(
            "De datum ligt in de toekomst. Een signaal gaat over iets dat al gebeurd is.", "occurred_at"
        )
    if occurred_at.year < 2000:
        raise SignalError("De datum ligt te ver in het verleden.", "occurred_at")


@transaction.atomic
def create_signal(
    *,
    organisation: Organisation,
    channel: str,
    text: str,
    occurred_at: datetime | None = None,
    neighbourhood: Neighbourhood | None = None,
    place: str = "",
    severity: int = 2,
    may_contact: bool = False,
    key_figure_id: int | None = None,
    actor: User | None = None,
    url: str = "",
    author_handle: str = "",
    submission: str = "",
    api_token: ApiToken | None = None,
) -> Signal:
    """Store one signal, classified with the organisation's themes, and count it in the monitor.

    api_token: the token that delivered it through the API (a token with scope "eigen" reads it back).
    submission: the key of the rendered form (brug.core.versioning); the same form sent twice
    stores one signal and returns the first one again.
    """
    if not has_municipal_parts(organisation):
        raise SignalError("Alleen een gemeente houdt signalen bij; een partnerorganisatie niet.")
    if channel not in Channel.values:
        raise SignalError(f"Onbekend kanaal: {channel}.", "channel")
    text = (text or "").strip()
    if not text:
        raise SignalError("Beschrijf het signaal.", "text")
    if len(text) > MAX_TEXT:
        raise SignalError(f"De tekst is te lang (meer dan {MAX_TEXT} tekens).", "text")
    if severity not in Severity.values:
        raise SignalError("Kies een ernst van 1 (laag) tot 4 (zeer ernstig).", "severity")
    occurred_at = occurred_at or timezone.now()
    validate_moment(occurred_at)
    if neighbourhood is not None and neighbourhood.municipality_id != organisation.municipality_id:
        raise SignalError("Deze wijk hoort niet bij uw gemeente.", "neighbourhood")
    scope = f"signal:{organisation.pk}"
    if not first_submission(submission, scope=scope):
        earlier = Signal.objects.filter(
            organisation=organisation, pk=earlier_result(submission, scope=scope) or 0
        ).first()
        if earlier is not None:
            return earlier
        raise SignalError("Dit signaal is al verstuurd.", "")
    ensure_default_themes(organisation=organisation)
    scored = classifier_for(organisation).score(text)
    signal = Signal.objects.create(
        organisation=organisation,
        channel=channel,
        text=text,
        occurred_at=occurred_at,
        neighbourhood=neighbourhood,
        place=place[:200],
        severity=severity,
        may_contact=may_contact,
        key_figure_id=key_figure_id,
        url=url[:500],
        author_pseudonym=pseudonym(author_handle),
        tone=scored.tone,
        hostility=scored.hostility,
        framing=scored.framing,
        why=scored.why,
        model_version=scored.model,
        api_token=api_token,
        created_by=actor,
    )
    remember_result(submission, scope=scope, obj=signal)
    if scored.theme_ids:
        signal.themes.set(scored.theme_ids)
    stats.add_signals(organisation_id=organisation.pk, signals=Signal.objects.filter(pk=signal.pk))
    record(
        action="signals.signal.create",
        obj=signal,
        actor=actor,
        organisation=organisation,
        fields=["channel", "text", "occurred_at", "neighbourhood", "place", "severity", "may_contact"],
        actor_label="" if actor else f"kanaal {channel}",
    )
    return signal


@transaction.atomic
def anonymise_key_figure_signals(*, organisation: Organisation, key_figure_id: int) -> int:
    """A key figure was erased: their signals stay (they are about themes) but lose the link."""
    signals = Signal.objects.filter(organisation=organisation, key_figure_id=key_figure_id)
    ids = list(signals.values_list("pk", flat=True))
    count = signals.update(key_figure_id=None, may_contact=False)
    for pk in ids:
        record(
            action="signals.signal.remove_key_figure",
            organisation=organisation,
            object_type="signals.Signal",
            object_id=str(pk),
            fields=["key_figure_id", "may_contact"],
            actor_label="systeem (sleutelfiguur gewist)",
        )
    return count


@transaction.atomic
def change_status(*, membership: Membership, signal: Signal, status: str, note: str = "") -> Signal:
    """Move a signal through triage; every step is kept with who and when."""
    if signal.organisation_id != membership.organisation_id:
        raise SignalError("Dit signaal hoort niet bij uw organisatie.")
    if status not in SignalStatus.values:
        raise SignalError("Kies een bestaande status.", "status")
    if status == signal.status:
        raise SignalError("Het signaal heeft deze status al.", "status")
    SignalStatusChange.objects.create(
        signal=signal,
        from_status=signal.status,
        to_status=status,
        note=note.strip()[:2000],
        changed_by=membership.user,
    )
    signal.status = status
    signal.save(update_fields=["status"])
    record(action="signals.signal.change_status", obj=signal, membership=membership, fields=["status"])
    return signal
