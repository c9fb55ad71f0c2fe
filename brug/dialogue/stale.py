"""Opinion maps whose recompute was lost with a dead worker are recomputed (resumed).

A vote marks the dialogue dirty and schedules a recompute; when the worker dies between the
two, or during the computation (which clears ``dirty`` first), the map would stay behind the
votes until the next vote. Run periodically (``brug.dialogue.resume_stale_recomputes``, which
calls ``services.opinion_map.resume_stale_maps``); this module only finds them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .models import Dialogue, Vote


def threshold() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "BRUG_STALE_RECOMPUTE_MINUTES", 10)))


def stale_dialogues(now: datetime | None = None) -> list[int]:
    """Dialogues whose map is older than the threshold and behind their votes."""
    now = now or timezone.now()
    newer_vote = Vote.objects.filter(dialogue=OuterRef("pk"), updated_at__gt=OuterRef("computed_at"))
    old = Q(computed_at__isnull=True) | Q(computed_at__lt=now - threshold())
    behind = Q(dirty=True) | Exists(newer_vote)
    return list(Dialogue.objects.filter(old & behind).values_list("pk", flat=True))
