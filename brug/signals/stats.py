"""The daily stats' thresholds and grouped read; every write to DailyThemeStat is in services.stats."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate

from .models import Signal
from .models.signals import FRAMING_AT, HOSTILE_AT

__all__ = ["FRAMING_AT", "HOSTILE_AT", "grouped"]


def grouped(link_filter: Q) -> Any:
    """Theme links matching `link_filter`, summed per theme, neighbourhood and (local) day."""
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
