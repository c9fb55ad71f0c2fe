"""Every read a signals page does, always scoped to the member's organisation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from brug.core.models import Membership

from .models import Alert, ApiToken, ImportJob, Meeting, Signal, SignalStatus, Theme
from .models.signals import REPORTED_CHANNELS


def reported_signals(*, membership: Membership, status: str = "") -> QuerySet[Signal]:
    qs = (
        Signal.objects.filter(
            organisation=membership.organisation, channel__in=REPORTED_CHANNELS, published=True
        )
        .select_related("neighbourhood")
        .prefetch_related("themes")
    )
    if status in SignalStatus.values:
        qs = qs.filter(status=status)
    return qs


def open_signal_count(*, membership: Membership) -> int:
    return reported_signals(membership=membership).exclude(status=SignalStatus.CLOSED).count()


def signal_for(*, membership: Membership, pk: int) -> Signal:
    return get_object_or_404(
        Signal.objects.select_related("neighbourhood").prefetch_related(
            "themes", "status_changes__changed_by"
        ),
        organisation=membership.organisation,
        published=True,
        pk=pk,
    )


def _texts(membership: Membership) -> QuerySet[Signal]:
    return Signal.objects.filter(
        organisation=membership.organisation, published=True, text_purged_at__isnull=True
    ).exclude(text="")


def recent_messages(*, membership: Membership, limit: int = 300) -> list[Signal]:
    """Recent messages with text."""
    return list(
        _texts(membership).order_by("-occurred_at").only("id", "text", "occurred_at", "channel")[:limit]
    )


def message_text_count(*, membership: Membership) -> int:
    return _texts(membership).count()


def message_text_batches(
    *, membership: Membership, batch: int = 2000
) -> Iterator[list[tuple[int, datetime, str]]]:
    """Every stored text as (id, moment, text), newest first, in keyset-paged batches."""
    qs = _texts(membership).order_by("-occurred_at", "-id")
    last: tuple[datetime, int] | None = None
    while True:
        page = qs
        if last is not None:
            page = qs.filter(Q(occurred_at__lt=last[0]) | Q(occurred_at=last[0], id__lt=last[1]))
        rows = list(page.values_list("id", "occurred_at", "text")[:batch])
        if not rows:
            return
        yield rows
        last = (rows[-1][1], rows[-1][0])


def themes(*, membership: Membership) -> QuerySet[Theme]:
    return Theme.objects.filter(organisation=membership.organisation)


def theme_for(*, membership: Membership, pk: int) -> Theme:
    return get_object_or_404(Theme, organisation=membership.organisation, pk=pk)


def imports(*, membership: Membership) -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(organisation=membership.organisation).select_related("created_by")[:20]  # type: ignore[return-value]


def import_for(*, membership: Membership, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob, organisation=membership.organisation, pk=pk)


def alerts(*, membership: Membership) -> QuerySet[Alert]:
    return Alert.objects.filter(organisation=membership.organisation).select_related("theme")


def alert_for(*, membership: Membership, pk: int) -> Alert:
    return get_object_or_404(Alert, organisation=membership.organisation, pk=pk)


def meetings(*, membership: Membership) -> QuerySet[Meeting]:
    return Meeting.objects.filter(organisation=membership.organisation).prefetch_related("measures")


def meeting_for(*, membership: Membership, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.prefetch_related("measures", "signals"), organisation=membership.organisation, pk=pk
    )


def api_tokens(*, membership: Membership) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(organisation=membership.organisation)


def api_token_for(*, membership: Membership, pk: int) -> ApiToken:
    return get_object_or_404(ApiToken, organisation=membership.organisation, pk=pk)
