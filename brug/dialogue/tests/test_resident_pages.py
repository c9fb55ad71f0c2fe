"""Residents: anonymous token, one statement at a time, votes, own statements, and bad input."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brug.dialogue.models import Dialogue, Participant, Statement, StatementStatus, Vote
from brug.dialogue.services.opinion_map import recompute_map

from .conftest import first_statement, resident_client, vote

pytestmark = pytest.mark.django_db


def test_a_resident_sees_the_question_and_one_statement_and_gets_an_anonymous_cookie(
    dialogue: Dialogue,
) -> None:
    client = Client()
    response = client.get("/d/windmolens/")
    assert response.status_code == 200
    body = response.content.decode()
    assert dialogue.question in body and "U stemde op 0 van de 8 stellingen." in body
    assert body.count('name="statement"') == 1
    assert "brug_dialoog" in response.cookies and response.cookies["brug_dialoog"]["httponly"]
    assert not Participant.objects.exists()  # looking is not taking part


def test_an_unknown_dialogue_slug_answers_404_on_every_resident_page() -> None:
    client = Client()
    assert client.get("/d/bestaat-niet/").status_code == 404
    assert client.post("/d/bestaat-niet/stem/", {"statement": 1, "vote": "eens"}).status_code == 404
    assert (
        client.post("/d/bestaat-niet/stelling/", {"text": "Een stelling die nergens heen kan."}).status_code
        == 404
    )
    assert client.get("/d/bestaat-niet/kaart/").status_code == 404
    assert client.post("/d/bestaat-niet/email/", {"email": "a@example.nl"}).status_code == 404
    assert client.post("/d/bestaat-niet/email/code/", {"code": "123456"}).status_code == 404


def test_voting_moves_on_to_the_next_statement_and_the_last_vote_counts_once(dialogue: Dialogue) -> None:
    client = Client()
    client.get("/d/windmolens/")
    statement = first_statement(dialogue)
    assert vote(client, dialogue, statement, "eens").status_code == 302
    assert vote(client, dialogue, statement, "oneens").status_code == 302
    assert list(Vote.objects.values_list("value", flat=True)) == [-1]
    assert Participant.objects.count() == 1
    assert "U stemde op 1 van de 8 stellingen." in client.get("/d/windmolens/").content.decode()


def test_a_post_without_the_anonymous_cookie_is_refused_so_a_script_cannot_vote_as_many_residents(
    dialogue: Dialogue,
) -> None:
    statement = first_statement(dialogue)
    for url, data in [
        ("/d/windmolens/stem/", {"statement": statement.pk, "vote": "eens"}),
        ("/d/windmolens/stelling/", {"text": "Een stelling zonder cookie erbij."}),
        ("/d/windmolens/email/", {"email": "c@example.nl"}),
    ]:
        response = Client().post(url, data)
        assert response.status_code == 400
        assert "Sta cookies toe voor deze site" in response.content.decode()
        assert "brug_dialoog" in response.cookies  # the next try works
    assert not Vote.objects.exists() and not Participant.objects.exists()
    assert not Statement.objects.filter(text__startswith="Een stelling zonder").exists()


def test_two_browsers_are_two_participants(dialogue: Dialogue) -> None:
    statement = first_statement(dialogue)
    for _ in range(2):
        vote(Client(), dialogue, statement, "eens")
    assert Participant.objects.count() == 2 and Vote.objects.count() == 2


def test_a_vote_on_a_closed_dialogue_is_refused_in_dutch_and_not_saved(
    tenancy: Any, dialogue: Dialogue
) -> None:
    Dialogue.objects.filter(pk=dialogue.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    response = vote(Client(), dialogue, first_statement(dialogue), "eens")
    assert response.status_code == 403
    assert "Deze dialoog is gesloten" in response.content.decode()
    assert not Vote.objects.exists() and not Participant.objects.exists()


def test_a_dialogue_that_has_not_opened_yet_refuses_votes(dialogue: Dialogue) -> None:
    Dialogue.objects.filter(pk=dialogue.pk).update(opens_at=timezone.now() + timedelta(days=1))
    assert "Deze dialoog begint op" in Client().get("/d/windmolens/").content.decode()
    assert vote(Client(), dialogue, first_statement(dialogue), "eens").status_code == 403
    assert not Vote.objects.exists()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=20).filter(lambda v: v not in {"eens", "oneens", "overslaan"}))
def test_any_vote_value_other_than_eens_oneens_overslaan_is_a_400_with_a_dutch_message(
    dialogue: Dialogue, value: str
) -> None:
    response = vote(Client(), dialogue, first_statement(dialogue), value)
    assert response.status_code == 400
    assert "Kies eens, oneens of overslaan." in response.content.decode()
    assert not Vote.objects.exists()


@pytest.mark.parametrize("statement_value", ["", "abc", "999999", "-1"])
def test_a_vote_on_a_missing_or_foreign_statement_is_a_400(dialogue: Dialogue, statement_value: str) -> None:
    response = resident_client(dialogue).post(
        "/d/windmolens/stem/", {"statement": statement_value, "vote": "eens"}
    )
    assert response.status_code == 400
    assert "Deze stelling bestaat niet" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_vote_on_another_dialogues_statement_is_refused(tenancy: Any, dialogue: Dialogue) -> None:
    from .conftest import make_dialogue

    other = make_dialogue(tenancy.outsider_org, tenancy.outsider, slug="delft")
    response = vote(Client(), dialogue, first_statement(other), "eens")
    assert response.status_code == 400 and "Deze stelling bestaat niet" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_vote_on_a_statement_waiting_for_moderation_is_refused(dialogue: Dialogue) -> None:
    waiting = Statement.objects.create(
        dialogue=dialogue, number=77, text="Nog niet goedgekeurd door de gemeente."
    )
    assert vote(Client(), dialogue, waiting, "eens").status_code == 400
    assert not Vote.objects.exists()


def test_a_flood_of_votes_from_one_token_gets_429_in_dutch(dialogue: Dialogue, settings: Any) -> None:
    from brug.dialogue import services

    client = Client()
    statement = first_statement(dialogue)
    statuses = [
        vote(client, dialogue, statement, "eens").status_code for _ in range(services.RATE_LIMIT_VOTES + 3)
    ]
    assert statuses[: services.RATE_LIMIT_VOTES] == [302] * services.RATE_LIMIT_VOTES
    last = vote(client, dialogue, statement, "oneens")
    assert last.status_code == 429
    assert "U stemt erg snel achter elkaar" in last.content.decode()
    assert list(Vote.objects.values_list("value", flat=True)) == [1]
    assert vote(Client(), dialogue, statement, "eens").status_code == 302  # another resident is not blocked


def test_a_resident_adds_a_statement_that_waits_for_moderation(dialogue: Dialogue) -> None:
    client = resident_client(dialogue)
    response = client.post(
        "/d/windmolens/stelling/", {"text": "Zet de molens verder van de school."}, follow=True
    )
    assert "De gemeente bekijkt uw stelling eerst" in response.content.decode()
    statement = Statement.objects.get(text="Zet de molens verder van de school.")
    assert statement.status == StatementStatus.PENDING and statement.author is not None
    assert "Zet de molens verder" not in client.get("/d/windmolens/").content.decode()


def test_with_moderation_afterwards_a_statement_is_published_at_once(dialogue: Dialogue) -> None:
    Dialogue.objects.filter(pk=dialogue.pk).update(moderation="na")
    resident_client(dialogue).post("/d/windmolens/stelling/", {"text": "Zet de molens verder van de school."})
    assert (
        Statement.objects.get(text="Zet de molens verder van de school.").status == StatementStatus.APPROVED
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Schrijf eerst uw stelling."),
        ("   ", "Schrijf eerst uw stelling."),
        ("Te kort", "minstens 10 tekens"),
        ("x" * 10_000, "hoogstens 280 tekens"),
    ],
)
def test_an_empty_short_or_huge_statement_is_refused_with_a_dutch_message(
    dialogue: Dialogue, text: str, message: str
) -> None:
    before = Statement.objects.count()
    response = resident_client(dialogue).post("/d/windmolens/stelling/", {"text": text})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Statement.objects.count() == before


def test_a_duplicate_statement_is_refused(dialogue: Dialogue) -> None:
    response = resident_client(dialogue).post(
        "/d/windmolens/stelling/", {"text": "windmolens zijn nodig voor het klimaat."}
    )
    assert response.status_code == 400 and "Deze stelling staat er al." in response.content.decode()


def test_html_and_scripts_in_a_statement_are_shown_as_text(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    Dialogue.objects.filter(pk=dialogue.pk).update(moderation="na")
    evil = '<script>alert("x")</script><b>vet</b>'
    resident_client(dialogue).post("/d/windmolens/stelling/", {"text": evil})
    statement = Statement.objects.get(text=evil)
    pages = [
        Client().get("/d/windmolens/").content.decode(),
        client_for(tenancy.officer).get("/o/gouda/dialogen/windmolens/").content.decode(),
        client_for(tenancy.officer).get("/o/gouda/dialogen/windmolens/moderatie/").content.decode(),
    ]
    for body in pages:
        assert '<script>alert("x")</script>' not in body
    assert "&lt;script&gt;" in pages[1]
    assert statement.pk


def test_a_statement_on_a_closed_dialogue_is_refused(dialogue: Dialogue) -> None:
    Dialogue.objects.filter(pk=dialogue.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    response = resident_client(dialogue).post(
        "/d/windmolens/stelling/", {"text": "Een stelling na de sluiting."}
    )
    assert (
        response.status_code == 403
        and not Statement.objects.filter(text__startswith="Een stelling na").exists()
    )


def test_after_enough_votes_a_resident_sees_their_group(dialogue: Dialogue) -> None:
    statements = list(Statement.objects.filter(dialogue=dialogue).order_by("number"))
    # Two camps of simulated residents, then our resident votes like the first camp.
    for i in range(24):
        client = Client()
        for j, statement in enumerate(statements):
            agree = (j % 2 == 0) == (i % 2 == 0)
            vote(client, dialogue, statement, "eens" if agree else "oneens")
    me = Client()
    for j, statement in enumerate(statements[:6]):
        vote(me, dialogue, statement, "eens" if j % 2 == 0 else "oneens")
    assert "Stem op nog 1 stelling, dan ziet u" in me.get("/d/windmolens/").content.decode()
    vote(me, dialogue, statements[6], "eens")
    body = me.get("/d/windmolens/").content.decode()
    assert "U hoort bij <strong>Groep" in body
    public = me.get("/d/windmolens/kaart/").content.decode()
    assert "Verbindende stellingen" in public and "Groep A" in public and "Groep B" in public


def test_the_public_map_is_404_when_the_municipality_keeps_it_internal(dialogue: Dialogue) -> None:
    Dialogue.objects.filter(pk=dialogue.pk).update(map_public=False)
    recompute_map(dialogue_id=dialogue.pk)
    assert Client().get("/d/windmolens/kaart/").status_code == 404
    assert "meningskaart van alle deelnemers" not in Client().get("/d/windmolens/").content.decode()


def test_with_a_worker_a_returning_residents_vote_is_a_single_query(
    dialogue: Dialogue, django_assert_max_num_queries: Any, settings: Any
) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    client = Client()
    statements = list(Statement.objects.filter(dialogue=dialogue).order_by("number"))
    with mock.patch("brug.dialogue.tasks.recompute_dialogue_task.apply_async") as apply_async:
        vote(client, dialogue, statements[0], "eens")  # first vote: creates the participant, schedules
        with django_assert_max_num_queries(1):
            assert vote(client, dialogue, statements[1], "oneens").status_code == 302
    apply_async.assert_called_once()
    assert Vote.objects.count() == 2


def test_closing_a_dialogue_through_the_edit_form_stops_votes_at_once(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    resident = Client()
    statement = first_statement(dialogue)
    assert vote(resident, dialogue, statement, "eens").status_code == 302
    data = {
        "title": dialogue.title,
        "slug": dialogue.slug,
        "question": dialogue.question,
        "moderation": "voor",
        "opens_at": "2020-01-01T09:00",
        "closes_at": "2021-01-01T09:00",
    }
    assert client_for(tenancy.officer).post("/o/gouda/dialogen/windmolens/bewerken/", data).status_code == 302
    assert vote(resident, dialogue, statement, "oneens").status_code == 403
    assert list(Vote.objects.values_list("value", flat=True)) == [1]
