"""A map whose recompute was lost with a dead worker is recomputed by the periodic task."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from brug.dialogue import stale
from brug.dialogue.models import Dialogue, Statement
from brug.dialogue.services.opinion_map import recompute_map
from brug.dialogue.tasks import resume_stale_recomputes_task

from .conftest import resident_client, vote

pytestmark = pytest.mark.django_db


def test_a_lost_recompute_is_resumed_and_a_fresh_map_left_alone(dialogue: Dialogue, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BRUG_STALE_RECOMPUTE_MINUTES = 10
    statements = list(Statement.objects.filter(dialogue=dialogue))
    client = resident_client(dialogue)
    for statement in statements:
        vote(client, dialogue, statement, "eens")
    recompute_map(dialogue_id=dialogue.pk)
    assert stale.stale_dialogues() == []  # fresh
    # A vote arrived, the worker died before recomputing: the map is behind.
    vote(resident_client(dialogue), dialogue, statements[0], "oneens")
    Dialogue.objects.filter(pk=dialogue.pk).update(
        dirty=False, computed_at=timezone.now() - timedelta(minutes=11)
    )
    assert stale.stale_dialogues() == [dialogue.pk]
    before = Dialogue.objects.get(pk=dialogue.pk).result["n_votes"]  # type: ignore[index]
    assert resume_stale_recomputes_task.delay().get() == 1
    dialogue.refresh_from_db()
    assert dialogue.result["n_votes"] == before + 1  # type: ignore[index]
    assert dialogue.computed_at is not None and dialogue.computed_at > timezone.now() - timedelta(minutes=1)
    assert stale.stale_dialogues() == []


def test_a_map_behind_by_less_than_the_threshold_waits_for_the_normal_recompute(dialogue: Dialogue) -> None:
    statement = Statement.objects.filter(dialogue=dialogue).first()
    recompute_map(dialogue_id=dialogue.pk)
    vote(resident_client(dialogue), dialogue, statement, "eens")
    Dialogue.objects.filter(pk=dialogue.pk).update(dirty=True)
    assert stale.stale_dialogues() == []
