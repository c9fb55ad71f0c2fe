"""Keeping DailyThemeStat in step with published signals, so the monitor never scans messages.

Every write to the daily stats is here (called by other services: imports, new signals, theme
re-matching and score refreshes); the grouped read and the thresholds are in ..stats.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from ..models import DailyThemeStat, MonitorConfig, Signal, Theme
from ..stats import grouped

Key = tuple[int, date, int | None]


def lock_organisation(*, organisation_id: int) -> MonitorConfig:
    """Serialise stat updates of one organisation (two imports finishing at once)."""
    config, _ = MonitorConfig.objects.get_or_create(organisation_id=organisation_id)
    return MonitorConfig.objects.select_for_update().get(pk=config.pk)


@transaction.atomic
def add_signals(*, organisation_id: int, signals: QuerySet[Signal]) -> int:
    """Add the given (just published) signals to the daily stats; returns the number of stat rows touched."""
    lock_organisation(organisation_id=organisation_id)
    return _merge(organisation_id, list(grouped(Q(signal__in=signals.values("pk")))), sign=1)


@transaction.atomic
def remove_signals(*, organisation_id: int, signal_ids: list[int]) -> int:
    """Take the given signals out of the daily stats (before their scores or themes change)."""
    lock_organisation(organisation_id=organisation_id)
    return _merge(
        organisation_id, list(grouped(Q(signal_id__in=signal_ids, signal__published=True))), sign=-1
    )


def _merge(organisation_id: int, rows: list[dict[str, Any]], *, sign: int) -> int:
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
        stat.count += sign * r["n"]
        stat.tone_sum += sign * (r["tone"] or 0.0)
        stat.hostility_sum += sign * (r["hostility"] or 0.0)
        stat.hostile_count += sign * r["hostile"]
        stat.framing_count += sign * r["framed"]
    empty = [s for s in changed if s.count <= 0]
    changed = [s for s in changed if s.count > 0]
    DailyThemeStat.objects.bulk_create([s for s in new if s.count > 0], batch_size=1000)
    DailyThemeStat.objects.bulk_update(
        changed, ["count", "tone_sum", "hostility_sum", "hostile_count", "framing_count"], batch_size=1000
    )
    if empty:
        DailyThemeStat.objects.filter(pk__in=[s.pk for s in empty]).delete()
    return len(rows)


@transaction.atomic
def rebuild_theme(*, theme: Theme) -> int:
    """Recount one theme from scratch (after its query changed and messages were re-matched)."""
    lock_organisation(organisation_id=theme.organisation_id)
    DailyThemeStat.objects.filter(theme=theme).delete()
    return _merge(theme.organisation_id, list(grouped(Q(theme=theme, signal__published=True))), sign=1)
