"""Storing a dialogue's opinion map: the writes of a recompute (see recompute.py for the schedule).

Kept apart from the other dialogue services because tasks.py calls it and those services enqueue
tasks: this module imports no task, so there is no import circle.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from brug.core.audit import record
from brug.core.models import Membership

from ..models import Dialogue
from ..recompute import background_available, compute_map, release_schedule_lock
from ..stale import stale_dialogues


def recompute_map(*, dialogue_id: int, membership: Membership | None = None) -> dict[str, Any] | None:
    """Compute and store the opinion map of one dialogue; returns the stored result.

    The computation runs outside a transaction on purpose: it may take seconds, and a vote must not
    wait for it. `dirty` is cleared *before* the votes are read, so a vote during the computation
    sets it again and the next run follows. An officer's "recompute now" (`membership`) goes to the
    audit log; the background runs (every few seconds while people vote) do not, as they change no
    one's data, only the derived map.
    """
    dialogue = Dialogue.objects.filter(pk=dialogue_id).first()
    if dialogue is None:
        return None
    release_schedule_lock(dialogue_id)
    Dialogue.objects.filter(pk=dialogue_id).update(dirty=False)
    computation = compute_map(dialogue)
    with transaction.atomic():
        if computation.unchanged:
            # Checked now, nothing new: the stored computation (number, time, groups) stays as it
            # is; `computed_at` records the check, so the stale-map sweep does not come back for it.
            Dialogue.objects.filter(pk=dialogue_id).update(computed_at=timezone.now())
        else:
            Dialogue.objects.filter(pk=dialogue_id).update(
                result=computation.data,
                cluster_state=computation.state,
                computed_at=datetime.fromisoformat(computation.data["computation"]["at"]),
            )
        if membership is not None:
            record(action="dialogue.map.recompute", obj=dialogue, membership=membership, fields=["result"])
    return computation.data


def ensure_fresh(*, dialogue: Dialogue) -> Dialogue:
    """For pages that show the map: recompute now when there is no background worker.

    With a worker the stored result is at most a few seconds old and is shown as it is. Without
    one (the demo, tests) this is the only place the map is brought up to date, so the page that
    shows it stores it: the one write a page view does, a derived cache and never anyone's data.
    """
    needed = dialogue.result is None or (dialogue.dirty and not background_available())
    if needed:
        recompute_map(dialogue_id=dialogue.pk)
        dialogue.refresh_from_db()
    return dialogue


def resume_stale_maps(*, now: datetime | None = None) -> int:
    """Recompute every map whose recompute was lost with a dead worker; returns how many."""
    ids = stale_dialogues(now)
    for dialogue_id in ids:
        recompute_map(dialogue_id=dialogue_id)
    return len(ids)
