"""A hostile resident statement waits in the moderation queue with brug.text's why (issue 16.6)."""

from __future__ import annotations

from typing import Any

import pytest

from brug.dialogue.models import Dialogue, Moderation, Statement, StatementStatus
from brug.text import Classifier

from .conftest import make_dialogue, resident_client

pytestmark = pytest.mark.django_db

THREAT = "Die wethouder moet je gewoon op zijn bek slaan, we weten waar hij woont."
ORDINARY = "Windmolens horen op zee en niet naast ons dorp."


@pytest.fixture
def open_dialogue(tenancy: Any) -> Dialogue:
    # Moderation afterwards: an ordinary statement is published at once.
    return make_dialogue(tenancy.org, tenancy.coordinator, moderation=Moderation.AFTER)


def submit(dialogue: Dialogue, text: str) -> Statement:
    client = resident_client(dialogue)
    response = client.post(f"/d/{dialogue.slug}/stelling/", {"text": text})
    assert response.status_code == 302
    return Statement.objects.get(dialogue=dialogue, text=text)


def test_a_hostile_statement_is_not_published_but_waits_flagged_with_its_why(open_dialogue: Dialogue) -> None:
    statement = submit(open_dialogue, THREAT)
    assert statement.status == StatementStatus.PENDING
    assert statement.text_flagged
    assert statement.text_hostility is not None and statement.text_hostility >= 0.5
    assert statement.text_model == Classifier().version
    why = " ".join(statement.text_why)
    assert "Mogelijk vijandig" in why and "woont" in why


def test_an_ordinary_statement_is_published_at_once_unflagged_and_still_scored(
    open_dialogue: Dialogue,
) -> None:
    statement = submit(open_dialogue, ORDINARY)
    assert statement.status == StatementStatus.APPROVED
    assert not statement.text_flagged and statement.text_why == []
    assert statement.text_hostility is not None and statement.text_hostility < 0.5
    assert statement.text_model


def test_a_statement_the_engine_cannot_score_is_flagged_with_the_reason(open_dialogue: Dialogue) -> None:
    statement = submit(open_dialogue, "The council should never have built these turbines near the village")
    assert statement.status == StatementStatus.PENDING and statement.text_flagged
    assert statement.text_hostility is None
    assert "andere taal" in statement.text_why[0]


def test_the_moderator_sees_the_flag_and_the_why_and_an_outsider_gets_404(
    tenancy: Any, client_for: Any, open_dialogue: Dialogue
) -> None:
    submit(open_dialogue, THREAT)
    submit(open_dialogue, ORDINARY)
    url = f"/o/{tenancy.org.slug}/dialogen/{open_dialogue.slug}/moderatie/"
    page = client_for(tenancy.coordinator).get(url).content.decode()
    assert page.count("Gemarkeerd door de tekstanalyse") == 1
    assert "Waarom deze markering?" in page and "weten waar" in page
    assert client_for(tenancy.outsider).get(url).status_code == 404
