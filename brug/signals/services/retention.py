"""Retention: the texts of online and media messages are blanked after the organisation's term."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from brug.core.audit import record
from brug.core.models import Organisation

from ..models import MonitorConfig, Signal
from ..models.signals import BULK_CHANNELS


def purge_expired_texts() -> int:
    """Blank text, author, URL and "waarom" of online and media messages past the retention period
    (counts and scores stay); one transaction and one audit line per organisation."""
    total = 0
    for org_id in (
        Signal.objects.filter(text_purged_at__isnull=True, channel__in=BULK_CHANNELS)
        .values_list("organisation_id", flat=True)
        .distinct()
    ):
        total += _purge(organisation_id=org_id)
    return total


@transaction.atomic
def _purge(*, organisation_id: int) -> int:
    config = MonitorConfig.objects.filter(organisation_id=organisation_id).first() or MonitorConfig(
        organisation_id=organisation_id
    )
    now = timezone.now()
    cutoff = now - timedelta(days=config.text_retention_days)
    count = Signal.objects.filter(
        organisation_id=organisation_id,
        channel__in=BULK_CHANNELS,
        occurred_at__lt=cutoff,
        text_purged_at__isnull=True,
    ).update(text="", author_pseudonym="", url="", why={}, text_purged_at=now)
    if count:
        record(
            action="signals.signal.purge_texts",
            object_type="signals.Signal",
            object_id=f"{count} berichten",
            fields=["text", "author_pseudonym", "url", "why"],
            actor_label="systeem (bewaartermijn)",
            organisation=Organisation.objects.get(pk=organisation_id),
        )
    return count
