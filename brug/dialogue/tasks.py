"""Celery task: recompute one dialogue's opinion map (scheduled by recompute.schedule_recompute)."""

from __future__ import annotations

from celery import shared_task

from .recompute import recompute


@shared_task(name="brug.dialogue.recompute", ignore_result=True)
def recompute_dialogue_task(dialogue_id: int) -> None:
    recompute(dialogue_id)


@shared_task(name="brug.dialogue.resume_stale_recomputes", ignore_result=True)
def resume_stale_recomputes_task() -> int:
    """Periodic: maps whose recompute was lost with a dead worker are recomputed."""
    from .stale import resume_stale_recomputes

    return resume_stale_recomputes()
