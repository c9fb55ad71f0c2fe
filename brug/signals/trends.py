"""Trends per theme and per neighbourhood: volume, mean tone, share hostile and share framed over
time, with the previous period of the same length. Read from DailyThemeStat only (no messages)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Sum
from django.utils import timezone
from django.utils.safestring import SafeString

from . import svg
from .models import DailyThemeStat


@dataclass
class Totals:
    n: int = 0
    tone: float = 0.0
    hostile: int = 0
    framed: int = 0

    def add(self, row: Any) -> None:
        self.n += int(row["n"] or 0)
        self.tone += float(row["tone"] or 0.0)
        self.hostile += int(row["hostile"] or 0)
        self.framed += int(row["framed"] or 0)

    @property
    def mean_tone(self) -> float | None:
        return self.tone / self.n if self.n else None

    @property
    def hostile_share(self) -> float | None:
        return self.hostile / self.n if self.n else None

    @property
    def framed_share(self) -> float | None:
        return self.framed / self.n if self.n else None


@dataclass
class Trends:
    start: date
    end: date
    unit: str
    labels: list[str]
    current: list[Totals]
    previous: list[Totals]
    total: Totals
    total_previous: Totals
    charts: dict[str, SafeString] = field(default_factory=dict)
    rising: list[dict[str, Any]] = field(default_factory=list)

    @property
    def table(self) -> list[tuple[str, Totals, Totals]]:
        return list(zip(self.labels, self.current, self.previous, strict=True))


def _bucket(day: date, start: date, unit: str) -> int:
    return (day - start).days // (7 if unit == "week" else 1)


def build(
    organisation: Any,
    *,
    days: int = 30,
    unit: str = "dag",
    theme_id: int | None = None,
    neighbourhood_id: int | None = None,
    end: date | None = None,
) -> Trends:
    end = end or timezone.localdate()
    start = end - timedelta(days=days - 1)
    previous_start = start - timedelta(days=days)
    qs = DailyThemeStat.objects.filter(organisation=organisation, day__range=(previous_start, end))
    if theme_id:
        qs = qs.filter(theme_id=theme_id)
    if neighbourhood_id:
        qs = qs.filter(neighbourhood_id=neighbourhood_id)
    rows = (
        qs.values("day")
        .annotate(
            n=Sum("count"), tone=Sum("tone_sum"), hostile=Sum("hostile_count"), framed=Sum("framing_count")
        )
        .order_by()
    )
    step = 7 if unit == "week" else 1
    buckets = (days + step - 1) // step
    current = [Totals() for _ in range(buckets)]
    previous = [Totals() for _ in range(buckets)]
    total, total_previous = Totals(), Totals()
    for r in rows:
        if r["day"] >= start:
            current[min(_bucket(r["day"], start, unit), buckets - 1)].add(r)
            total.add(r)
        else:
            previous[min(_bucket(r["day"], previous_start, unit), buckets - 1)].add(r)
            total_previous.add(r)
    labels = [
        (start + timedelta(days=i * step)).strftime("wk %V" if unit == "week" else "%d-%m")
        for i in range(buckets)
    ]
    trends = Trends(start, end, unit, labels, current, previous, total, total_previous)
    per = "week" if unit == "week" else "dag"
    trends.charts = {
        "volume": svg.bar_chart(
            [(label, t.n) for label, t in zip(labels, current, strict=True)],
            title=f"Aantal berichten per {per}",
        ),
        "tone": svg.line_chart(
            [
                ("deze periode", [t.mean_tone for t in current]),
                ("vorige periode", [t.mean_tone for t in previous]),
            ],
            labels=labels,
            title=f"Gemiddelde toon per {per} (−1 tot 1), deze en vorige periode",
            low=-1.0,
            high=1.0,
        ),
        "hostile": svg.line_chart(
            [
                ("deze periode", [t.hostile_share for t in current]),
                ("vorige periode", [t.hostile_share for t in previous]),
            ],
            labels=labels,
            title=f"Aandeel vijandige berichten per {per}, deze en vorige periode",
            low=0.0,
            high=1.0,
            fmt="{:.0%}",
        ),
        "framed": svg.line_chart(
            [
                ("deze periode", [t.framed_share for t in current]),
                ("vorige periode", [t.framed_share for t in previous]),
            ],
            labels=labels,
            title=f"Aandeel berichten met wij-zij-taal per {per}, deze en vorige periode",
            low=0.0,
            high=1.0,
            fmt="{:.0%}",
        ),
    }
    trends.rising = rising(organisation, start=start, end=end, days=days, neighbourhood_id=neighbourhood_id)
    return trends


def rising(
    organisation: Any, *, start: date, end: date, days: int, neighbourhood_id: int | None = None
) -> list[dict[str, Any]]:
    """Which themes rise where: per neighbourhood and theme, this period against the previous one,
    largest increase first (only neighbourhoods that are known)."""
    qs = DailyThemeStat.objects.filter(
        organisation=organisation, day__range=(start - timedelta(days=days), end), neighbourhood__isnull=False
    )
    if neighbourhood_id:
        qs = qs.filter(neighbourhood_id=neighbourhood_id)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in (
        qs.values("neighbourhood__name", "theme__name", "day")
        .annotate(n=Sum("count"))
        .order_by()
        .values_list("neighbourhood__name", "theme__name", "day", "n")
    ):
        counts[(r[0], r[1])][0 if r[2] >= start else 1] += int(r[3] or 0)
    grown = sorted(
        (
            (now - before, hood, theme, now, before)
            for (hood, theme), (now, before) in counts.items()
            if now > before
        ),
        key=lambda r: (-r[0], r[1], r[2]),
    )[:30]
    return [
        {
            "hood": hood,
            "theme": theme,
            "now": now,
            "before": before,
            "change": round(100 * (now - before) / before) if before else None,
        }
        for _, hood, theme, now, before in grown
    ]
