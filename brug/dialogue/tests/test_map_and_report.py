"""The opinion map is recomputed in the background, debounced; the map and report show it."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.test import Client

from brug.core.tests.pdfua import assert_tagged_pdf
from brug.dialogue import recompute as recompute_module
from brug.dialogue.models import Dialogue, Statement
from brug.dialogue.recompute import MIN_INTERVAL_SECONDS
from brug.dialogue.services.opinion_map import recompute_map

from .conftest import vote

pytestmark = pytest.mark.django_db


def two_camps(dialogue: Dialogue, people: int = 20) -> None:
    statements = list(Statement.objects.filter(dialogue=dialogue).order_by("number"))
    for i in range(people):
        client = Client()
        for j, statement in enumerate(statements):
            # Statements 6 and 7 are shared ground: everyone agrees.
            agree = j >= 6 or (j % 2 == 0) == (i % 2 == 0)
            vote(client, dialogue, statement, "eens" if agree else "oneens")


def test_a_vote_only_marks_the_dialogue_dirty_and_computes_nothing(dialogue: Dialogue) -> None:
    with mock.patch.object(recompute_module, "compute") as compute:
        vote(Client(), dialogue, Statement.objects.filter(dialogue=dialogue).first(), "eens")
    compute.assert_not_called()
    dialogue.refresh_from_db()
    assert dialogue.dirty and dialogue.result is None


def test_with_a_worker_many_votes_schedule_one_recompute_a_few_seconds_later(
    dialogue: Dialogue, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    statement = Statement.objects.filter(dialogue=dialogue).first()
    with (
        mock.patch("brug.dialogue.tasks.recompute_dialogue_task.apply_async") as apply_async,
        django_capture_on_commit_callbacks(execute=True),
    ):
        for _ in range(10):
            vote(Client(), dialogue, statement, "eens")
    apply_async.assert_called_once_with(args=[dialogue.pk], countdown=MIN_INTERVAL_SECONDS)


def test_the_recompute_stores_the_result_and_the_cluster_state_and_clears_dirty(dialogue: Dialogue) -> None:
    two_camps(dialogue)
    data = recompute_map(dialogue_id=dialogue.pk)
    dialogue.refresh_from_db()
    assert data is not None and not dialogue.dirty
    assert dialogue.result["k"] == 2 and dialogue.cluster_state["smoothed_k"] == 2
    assert dialogue.result["n_votes"] == 20 * 8 and dialogue.result["timeline"][0]["total"] == 20


def test_votes_during_a_recompute_schedule_the_next_one(
    dialogue: Dialogue, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    two_camps(dialogue, people=4)
    statement = Statement.objects.filter(dialogue=dialogue).first()
    real_compute = recompute_module.compute

    def compute_while_someone_votes(*args: Any, **kwargs: Any) -> Any:
        vote(Client(), dialogue, statement, "oneens")
        return real_compute(*args, **kwargs)

    with (
        mock.patch("brug.dialogue.tasks.recompute_dialogue_task.apply_async") as apply_async,
        mock.patch.object(recompute_module, "compute", side_effect=compute_while_someone_votes),
        django_capture_on_commit_callbacks(execute=True),
    ):
        recompute_map(dialogue_id=dialogue.pk)
    dialogue.refresh_from_db()
    assert dialogue.dirty
    assert apply_async.call_count == 1


def test_the_celery_task_recomputes_the_dialogue(dialogue: Dialogue) -> None:
    from brug.dialogue.tasks import recompute_dialogue_task

    two_camps(dialogue, people=6)
    recompute_dialogue_task.delay(dialogue.pk)
    dialogue.refresh_from_db()
    assert dialogue.result is not None and not dialogue.dirty


def test_the_officer_map_shows_groups_bridging_statements_and_participation(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    two_camps(dialogue)
    body = client_for(tenancy.reader).get("/o/gouda/dialogen/windmolens/kaart/").content.decode()
    assert "<svg" in body and "Groep A" in body and "Groep B" in body
    assert "Verbindende stellingen" in body and "Er moet een onafhankelijk klachtenloket komen." in body
    assert "Deelname door de tijd" in body and "Wat Groep A kenmerkt" in body


def test_the_map_without_votes_explains_that_there_is_not_enough_yet(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    body = client_for(tenancy.reader).get("/o/gouda/dialogen/windmolens/kaart/").content.decode()
    assert "nog te weinig stemmen" in body


def test_an_editor_can_recompute_by_hand(tenancy: Any, client_for: Any, dialogue: Dialogue) -> None:
    two_camps(dialogue, people=6)
    response = client_for(tenancy.officer).post("/o/gouda/dialogen/windmolens/herberekenen/")
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.result is not None


def test_the_council_report_explains_the_method_and_shows_the_groups(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    two_camps(dialogue)
    body = client_for(tenancy.reader).get("/o/gouda/dialogen/windmolens/rapport/").content.decode()
    assert "Raadsrapport: Windmolens bij Noorderveld" in body
    assert "20 deelnemers brachten 160 stemmen uit op 8 stellingen" in body
    assert "Hoe is dit berekend?" in body and "Verbindende stellingen" in body


def test_the_council_report_downloads_as_pdf(tenancy: Any, client_for: Any, dialogue: Dialogue) -> None:
    two_camps(dialogue, people=8)
    response = client_for(tenancy.reader).get("/o/gouda/dialogen/windmolens/rapport.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert_tagged_pdf(response.content, title="Raadsrapport – Windmolens bij Noorderveld")
    assert client_for(tenancy.outsider).get("/o/gouda/dialogen/windmolens/rapport.pdf").status_code == 404
