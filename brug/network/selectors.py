"""Every read of the key-figure part, always scoped to the member's organisation."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from brug.core.models import Membership
from brug.municipalities.models import Neighbourhood
from brug.signals.models import Signal

from .models import Domain, KeyFigure, KeyFigureStatus, Meeting, Network, StatusChange, Training, WorkingGroup


def networks_for(*, membership: Membership) -> QuerySet[Network]:
    return Network.objects.filter(organisation=membership.organisation).annotate(
        active_count=Count("key_figures", filter=Q(key_figures__status=KeyFigureStatus.ACTIVE), distinct=True)
    )


def network_for(*, membership: Membership, pk: int) -> Network:
    return get_object_or_404(Network, organisation=membership.organisation, pk=pk)


def key_figures_for(*, membership: Membership, status: str = "") -> QuerySet[KeyFigure]:
    qs = KeyFigure.objects.filter(
        organisation=membership.organisation, erased_at__isnull=True
    ).select_related("domain", "referred_by")
    if status:
        qs = qs.filter(status=status)
    return qs.prefetch_related("networks", "neighbourhoods")


def key_figure_for(*, membership: Membership, pk: int) -> KeyFigure:
    return get_object_or_404(
        KeyFigure.objects.select_related("domain", "referred_by"),
        organisation=membership.organisation,
        erased_at__isnull=True,
        pk=pk,
    )


def active_in(network: Network) -> QuerySet[KeyFigure]:
    return (
        network.key_figures.filter(status=KeyFigureStatus.ACTIVE, erased_at__isnull=True)
        .select_related("domain", "referred_by")
        .prefetch_related("neighbourhoods")
    )


def neighbourhoods_for(*, membership: Membership) -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.filter(municipality__organisation=membership.organisation)


def domains_for(*, membership: Membership) -> QuerySet[Domain]:
    return Domain.objects.filter(organisation=membership.organisation)


def meetings_for(network: Network) -> QuerySet[Meeting]:
    return network.meetings.annotate(present=Count("attendees"))


def working_groups_for(network: Network) -> QuerySet[WorkingGroup]:
    return network.working_groups.prefetch_related("members")


def trainings_for(network: Network) -> QuerySet[Training]:
    return network.trainings.annotate(followed=Count("participants"))


def meeting_for(network: Network, pk: int) -> Meeting:
    return get_object_or_404(Meeting, network=network, pk=pk)


def working_group_for(network: Network, pk: int) -> WorkingGroup:
    return get_object_or_404(WorkingGroup, network=network, pk=pk)


def training_for(network: Network, pk: int) -> Training:
    return get_object_or_404(Training, network=network, pk=pk)


def retention_due(*, membership: Membership, today: date | None = None) -> QuerySet[KeyFigure]:
    """Key figures whose agreed retention date has passed: decide to erase or renew consent."""
    today = today or timezone.localdate()
    return KeyFigure.objects.filter(
        organisation=membership.organisation, erased_at__isnull=True, retention_until__lt=today
    ).order_by("retention_until")


def quarter_of(day: date) -> str:
    return f"{day.year}-K{(day.month - 1) // 3 + 1}"


def _signals_per_quarter(membership: Membership) -> Counter[str]:
    rows = Signal.objects.filter(organisation=membership.organisation, channel="sleutelfiguur").only(
        "occurred_at"
    )
    return Counter(quarter_of(timezone.localtime(s.occurred_at).date()) for s in rows)


def turnover(*, membership: Membership) -> list[dict[str, object]]:
    """Per quarter: joined (became active, not back from a pause), left (stopped), and activity:
    signals reported by key figures and people present at broad meetings."""
    joined: Counter[str] = Counter()
    left: Counter[str] = Counter()
    changes = StatusChange.objects.filter(organisation=membership.organisation)
    for change in changes.only("new_status", "old_status", "changed_at"):
        quarter = quarter_of(timezone.localtime(change.changed_at).date())
        if change.new_status == KeyFigureStatus.ACTIVE and change.old_status != KeyFigureStatus.PAUSED:
            joined[quarter] += 1
        elif change.new_status == KeyFigureStatus.STOPPED and change.old_status in (
            KeyFigureStatus.ACTIVE,
            KeyFigureStatus.PAUSED,
        ):
            left[quarter] += 1
    signals = _signals_per_quarter(membership)
    present: Counter[str] = Counter()
    for meeting in Meeting.objects.filter(network__organisation=membership.organisation):
        present[quarter_of(meeting.held_on)] += meeting.attendance_count
    quarters = sorted(set(joined) | set(left) | set(signals) | set(present))
    rows: list[dict[str, object]] = []
    running = 0
    for quarter in quarters:
        running += joined[quarter] - left[quarter]
        rows.append(
            {
                "quarter": quarter,
                "joined": joined[quarter],
                "left": left[quarter],
                "net": running,
                "signals": signals[quarter],
                "present": present[quarter],
            }
        )
    return rows
