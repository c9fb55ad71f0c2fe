"""Recomputing a dialogue's opinion map in the background, at most every few seconds.

A vote marks the dialogue `dirty` and calls `tasks.schedule_recompute`. That takes a short lock in
the shared cache and, when it gets it, schedules one Celery task a few seconds ahead; votes
arriving meanwhile find the lock taken and do nothing. The task drops the lock, clears `dirty`,
computes and stores the result; votes that came in during the computation set `dirty` again and
schedule the next run (the task checks once more when it is done). Without a broker (the demo,
tests) Celery would run the task inside the vote request, so then the map is recomputed when
someone opens it instead (`ensure_fresh`). This module computes and reads only; the writes are in
`services/opinion_map.py`, and it knows no Celery: tasks.py imports it.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from brug.opinion import ClusterState, compute
from brug.opinion.result import StateError

from .models import Dialogue, Participant, Statement, StatementStatus, Vote

log = logging.getLogger(__name__)

MAX_DAYS_IN_TIMELINE = 60
MIN_INTERVAL_SECONDS = int(getattr(settings, "BRUG_DIALOGUE_RECOMPUTE_SECONDS", 5))


def _lock_key(dialogue_id: int) -> str:
    return f"dialogue:recompute-scheduled:{dialogue_id}"


def background_available() -> bool:
    return not getattr(settings, "CELERY_TASK_ALWAYS_EAGER", True)


def release_schedule_lock(dialogue_id: int) -> None:
    cache.delete(_lock_key(dialogue_id))


def take_schedule_lock(dialogue_id: int) -> bool:
    # Expires by itself, so a lost task (worker down) does not block recomputes for ever.
    return bool(cache.add(_lock_key(dialogue_id), 1, timeout=MIN_INTERVAL_SECONDS * 12))


def timeline(dialogue: Dialogue) -> list[dict[str, Any]]:
    """Participation per day (per month beyond 60 days): votes cast and new participants."""
    votes = list(
        Vote.objects.filter(dialogue=dialogue)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
    )
    firsts = (
        Vote.objects.filter(dialogue=dialogue)
        .values("participant")
        .annotate(first=Min("created_at"))
        .values_list("first", flat=True)
    )
    new_per_day: dict[str, int] = {}
    for first in firsts:
        day = timezone.localdate(first).isoformat()
        new_per_day[day] = new_per_day.get(day, 0) + 1
    per_period: dict[str, list[int]] = {}
    monthly = len(votes) > MAX_DAYS_IN_TIMELINE  # a conversation of years is shown per month
    for row in votes:
        day = row["day"].isoformat()
        period = day[:7] if monthly else day
        counts = per_period.setdefault(period, [0, 0])
        counts[0] += row["n"]
        counts[1] += new_per_day.get(day, 0)
    rows = []
    total = 0
    for period, (n_votes, n_new) in per_period.items():
        total += n_new
        rows.append({"period": period, "votes": n_votes, "new": n_new, "total": total})
    return rows


def _fingerprint(rows: list[tuple[int, int, int]], moderated_out: list[int]) -> str:
    """A digest of exactly what the engine sees: the votes in order and the moderated statements."""
    digest = hashlib.sha256()
    for pid, sid, value in rows:
        digest.update(f"{pid},{sid},{value};".encode())
    digest.update(("|" + ",".join(map(str, sorted(moderated_out)))).encode())
    return digest.hexdigest()


def stored_state(dialogue: Dialogue) -> ClusterState | None:
    """The computation state stored with the map, for the next recompute to start from.

    Like Pol.is, every recompute continues from the previous one (who is counted in, the base
    clusters and groups, the k smoother), so groups evolve instead of being recomputed from scratch.
    A state that cannot be read (corrupt, or from another engine version) is logged and ignored:
    the recompute then starts clean, as for a new dialogue. A state from before the history existed
    (only the k smoother) keeps its smoother; its clusters start clean.
    """
    raw = dialogue.cluster_state
    if not raw:
        return None
    try:
        state = ClusterState.from_dict(raw)
    except StateError as exc:
        log.warning("dialogue %s: stored computation state unreadable (%s); starting clean", dialogue.pk, exc)
        return None
    if not state.history:
        log.info("dialogue %s: stored state has no cluster history; clusters start clean", dialogue.pk)
    return state


@dataclass(frozen=True)
class MapComputation:
    """What a recompute would store: `unchanged` when the engine would see nothing new."""

    data: dict[str, Any]
    state: dict[str, Any] | None
    unchanged: bool


def compute_map(dialogue: Dialogue) -> MapComputation:
    """Compute the opinion map of one dialogue from its stored votes; reads only.

    Every stored computation gets a number (`computation.id`, counting up per dialogue) and a time.
    When nothing the engine sees has changed since the stored computation (same votes, same
    moderation), the stored one is kept as it is: recomputing without new votes changes nothing,
    not even the number of groups (the k-smoothing only counts real updates, as in Pol.is).
    Otherwise the engine continues from the stored state (`stored_state`), as Pol.is continues each
    update from the previous one. `brug.dialogue.services.opinion_map.recompute_map` stores the result.
    """
    rows = list(
        Vote.objects.filter(dialogue_id=dialogue.pk)
        # Time, then participant and statement number: a canonical order, so that votes stored in
        # another order (e.g. an import with equal times) give the same map.
        .order_by("updated_at", "participant__number", "statement__number")
        .values_list("participant__number", "statement__number", "value")
    )
    moderated_out = list(
        Statement.objects.filter(dialogue_id=dialogue.pk)
        .filter(~Q(status=StatementStatus.APPROVED) | Q(is_meta=True))
        .values_list("number", flat=True)
    )
    stored = dialogue.result or {}
    fingerprint = _fingerprint(rows, moderated_out)
    if stored.get("computation", {}).get("fingerprint") == fingerprint:
        return MapComputation(data=stored, state=None, unchanged=True)
    previous = stored_state(dialogue)
    previous_groups = {int(p): int(g) for p, g in (stored.get("groups") or {}).items()}
    result = compute(
        [r[0] for r in rows],
        [r[1] for r in rows],
        [r[2] for r in rows],
        moderated_out=moderated_out,
        previous=previous,
        previous_groups=previous_groups,
    )
    data = result.to_dict()
    data["timeline"] = timeline(dialogue)
    data["n_votes"] = len(rows)
    data["n_participants_total"] = Participant.objects.filter(dialogue_id=dialogue.pk).count()
    data["computation"] = {
        "id": int(stored.get("computation", {}).get("id", 0)) + 1,
        "at": timezone.now().isoformat(),
        "fingerprint": fingerprint,
    }
    return MapComputation(data=data, state=result.state.to_dict(), unchanged=False)
