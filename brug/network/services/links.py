"""Personal signal links: a key figure reports without an account; the secret in the link is the proof."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from brug.core import ratelimit
from brug.core.access import has_municipal_parts
from brug.core.audit import record
from brug.core.models import Membership
from brug.core.ratelimit import Limit
from brug.core.tokens import hash_token
from brug.signals.services import SignalError, create_signal

from ..models import KeyFigure, KeyFigureStatus, SignalLink
from .errors import NetworkError, RateLimited
from .people import consent_missing

LINK_LABEL = "sleutelfiguur via persoonlijke link"


@transaction.atomic
def issue_link(*, membership: Membership, key_figure: KeyFigure) -> str:
    """A new link; any earlier link of this person stops working. Returns the token (shown once)."""
    if key_figure.status != KeyFigureStatus.ACTIVE:
        raise NetworkError("Alleen een actieve sleutelfiguur krijgt een persoonlijke meldlink.")
    if reason := consent_missing(key_figure):
        raise NetworkError(reason)
    now = timezone.now()
    key_figure.signal_links.filter(revoked_at__isnull=True).update(revoked_at=now)
    token = secrets.token_urlsafe(24)
    link = SignalLink.objects.create(key_figure=key_figure, token_hash=hash_token(token))
    record(action="network.link.issue", obj=link, membership=membership, fields=["token_hash"])
    return token


@transaction.atomic
def revoke_link(*, membership: Membership, key_figure: KeyFigure) -> int:
    count = key_figure.signal_links.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    record(
        action="network.link.revoke",
        obj=key_figure,
        membership=membership,
        fields=["revoked_at"] if count else [],
    )
    return count


def link_state(token: str) -> tuple[str, SignalLink | None]:
    """'ok', 'unknown' (guessed), 'revoked' (replaced or withdrawn) or 'inactive' (person not active)."""
    link = (
        SignalLink.objects.select_related("key_figure", "key_figure__organisation__municipality")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if link is None or not has_municipal_parts(link.key_figure.organisation):
        # A partner organisation has no key figures (one door with the pages): as if guessed.
        return "unknown", None
    if link.revoked_at is not None or link.key_figure.erased_at is not None:
        return "revoked", link
    if link.key_figure.status != KeyFigureStatus.ACTIVE:
        return "inactive", link
    return "ok", link


def _signals_per_hour() -> Limit:
    return Limit(
        "network-signal-link", count=getattr(settings, "BRUG_KEY_FIGURE_SIGNALS_PER_HOUR", 5), seconds=3600
    )


def _check_rate(link: SignalLink) -> None:
    # Only stored signals count (see _count): a refused or invalid form does not use up the hour.
    limit = _signals_per_hour()
    if ratelimit.exhausted(limit, str(link.pk)):
        raise RateLimited(
            f"U heeft het afgelopen uur al {limit.count} meldingen gedaan. Dank daarvoor! "
            "Probeer het over een uur opnieuw, of bel uw contactpersoon bij de gemeente als het dringend is."
        )


def _count(link: SignalLink) -> None:
    ratelimit.hit(_signals_per_hour(), str(link.pk))


def submit_signal(*, link: SignalLink, data: Mapping[str, Any]) -> Any:
    """Hand the signal to the signals part. Raises RateLimited when the link was used too often."""
    _check_rate(link)
    key_figure = link.key_figure
    try:
        with transaction.atomic():
            signal = create_signal(
                organisation=key_figure.organisation,
                channel="sleutelfiguur",
                text=data["text"],
                occurred_at=data["occurred_at"],
                neighbourhood=data.get("neighbourhood"),
                place=data.get("place", ""),
                severity=int(data["severity"]),
                may_contact=bool(data.get("may_contact")),
                key_figure_id=key_figure.pk,
                submission=str(data.get("submission") or ""),
            )
            record(
                action="network.signal.submit",
                organisation=key_figure.organisation,
                object_type="network.KeyFigure",
                object_id=str(key_figure.pk),
                actor_label=LINK_LABEL,
                fields=sorted(data.keys()),
            )
    except SignalError as exc:
        field = {"occurred_at": "occurred_on"}.get(exc.field, exc.field) or None
        raise NetworkError(exc.message, field=field) from exc
    _count(link)
    return signal


@transaction.atomic
def reveal_signal_sender(*, membership: Membership, signal: Any) -> KeyFigure | None:
    """Who sent this signal, when they allowed contact; the look is audited (no values, just the fact).

    None when the signal came from no key figure, contact was not allowed, or the person was erased.
    """
    if not signal.may_contact or not signal.key_figure_id:
        return None
    key_figure = KeyFigure.objects.filter(
        organisation=membership.organisation, pk=signal.key_figure_id, erased_at__isnull=True
    ).first()
    if key_figure is None:
        return None
    record(
        action="network.keyfigure.contact_view",
        obj=key_figure,
        membership=membership,
        fields=["name", "email", "phone"],
    )
    return key_figure
