"""Celery task: recompute one dialogue's opinion map, and scheduling it (see recompute.py for why)."""

from __future__ import annotations

from celery import shared_task

from .models import Dialogue
from .recompute import MIN_INTERVAL_SECONDS, background_available, take_schedule_lock
from .services.opinion_map import recompute_map, resume_stale_maps


@shared_task(name="brug.dialogue.recompute", ignore_result=True)
def recompute_dialogue_task(dialogue_id: int) -> None:
    recompute_map(dialogue_id=dialogue_id)
    # A vote during the computation set `dirty` again: make sure the next run is scheduled.
    if Dialogue.objects.filter(pk=dialogue_id, dirty=True).exists():
        schedule_recompute(dialogue_id)


def enqueue_recompute(dialogue_id: int) -> None:
    recompute_dialogue_task.apply_async(args=[dialogue_id], countdown=MIN_INTERVAL_SECONDS)


def schedule_recompute(dialogue_id: int) -> bool:
    """Schedule one recompute unless one is already waiting. Returns whether it scheduled."""
    if not background_available() or not take_schedule_lock(dialogue_id):
        return False
    enqueue_recompute(dialogue_id)
    return True


@shared_task(name="brug.dialogue.resume_stale_recomputes", ignore_result=True)
def resume_stale_recomputes_task() -> int:
    """Periodic: maps whose recompute was lost with a dead worker are recomputed."""
    return resume_stale_maps()
