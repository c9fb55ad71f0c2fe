"""Keeping DailyThemeStat in step with published signals, so the monitor never scans messages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncDate

from .models import DailyThemeStat, MonitorConfig, Signal, Theme

# A message counts as hostile / us-them framed when its score reaches this value.
HOSTILE_AT = 0.5
FRAMING_AT = 0.5

Key = tuple[int, date, int | None]


def _grouped(link_filter: Q) -> Any:
    through = Signal.themes.through
    return (
        through.objects.filter(link_filter)
        .values("theme_id", "signal__neighbourhood_id")
        .annotate(
            day=TruncDate("signal__occurred_at"),
            n=Count("id"),
            tone=Sum("signal__tone"),
            hostility=Sum("signal__hostility"),
            hostile=Count("id", filter=Q(signal__hostility__gte=HOSTILE_AT)),
            framed=Count("id", filter=Q(signal__framing__gte=FRAMING_AT)),
        )
        .order_by()
    )


def lock_organisation(organisation_id: int) -> MonitorConfig:
    """Serialise stat updates of one organisation (two imports finishing at once)."""
    config, _ = MonitorConfig.objects.get_or_create(organisation_id=organisation_id)
    return MonitorConfig.objects.select_for_update().get(pk=config.pk)


@transaction.atomic
def add_signals(organisation_id: int, signals: QuerySet[Signal]) -> int:
    """Add the given (just published) signals to the daily stats; returns the number of stat rows touched."""
    lock_organisation(organisation_id)
    rows = list(_grouped(Q(signal__in=signals.values("pk"))))
    return _merge(organisation_id, rows)


def _merge(organisation_id: int, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    days = [r["day"] for r in rows]
    existing: dict[Key, DailyThemeStat] = {
        (s.theme_id, s.day, s.neighbourhood_id): s
        for s in DailyThemeStat.objects.filter(
            organisation_id=organisation_id,
            theme_id__in={r["theme_id"] for r in rows},
            day__range=(min(days), max(days)),
        )
    }
    new: list[DailyThemeStat] = []
    changed: list[DailyThemeStat] = []
    for r in rows:
        key = (r["theme_id"], r["day"], r["signal__neighbourhood_id"])
        stat = existing.get(key)
        if stat is None:
            stat = DailyThemeStat(
                organisation_id=organisation_id, theme_id=key[0], day=key[1], neighbourhood_id=key[2]
            )
            existing[key] = stat
            new.append(stat)
        elif stat not in changed:
            changed.append(stat)
        stat.count += r["n"]
        stat.tone_sum += r["tone"] or 0.0
        stat.hostility_sum += r["hostility"] or 0.0
        stat.hostile_count += r["hostile"]
        stat.framing_count += r["framed"]
    DailyThemeStat.objects.bulk_create(new, batch_size=1000)
    DailyThemeStat.objects.bulk_update(
        changed, ["count", "tone_sum", "hostility_sum", "hostile_count", "framing_count"], batch_size=1000
    )
    return len(rows)


@transaction.atomic
def rebuild_theme(theme: Theme) -> int:
    """Recount one theme from scratch (after its query changed and messages were re-matched)."""
    lock_organisation(theme.organisation_id)
    DailyThemeStat.objects.filter(theme=theme).delete()
    rows = list(_grouped(Q(theme=theme, signal__published=True)))
    return _merge(theme.organisation_id, rows)
