"""Celery task: recompute one dialogue's opinion map (scheduled by recompute.schedule_recompute)."""

from __future__ import annotations

from celery import shared_task

from .recompute import recompute


@shared_task(name="brug.dialogue.recompute", ignore_result=True)
def recompute_dialogue_task(dialogue_id: int) -> None:
    recompute(dialogue_id)
