"""Each summary sentence of the council report, per branch, and the report page built from them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from brug.dialogue import report_sentences as rs
from brug.dialogue.models import Dialogue

from .test_map_and_report import two_camps

TODAY = dt.date(2026, 5, 1)


def test_period_open_ended_still_open_and_closed() -> None:
    start = dt.date(2026, 3, 2)
    assert (
        rs.period_sentence(opens_on=start, closes_on=None, today=TODAY)
        == "Periode: 2 maart 2026 tot nu (nog open)."
    )
    assert rs.period_sentence(opens_on=start, closes_on=dt.date(2026, 6, 1), today=TODAY).endswith(
        "(nog open)."
    )
    assert rs.period_sentence(opens_on=start, closes_on=dt.date(2026, 4, 1), today=TODAY) == (
        "Periode: 2 maart 2026 tot 1 april 2026."
    )


def test_participation_none_one_and_many() -> None:
    assert rs.participation_sentence(participants=0, votes=0, statements=8) == (
        "Nog niemand heeft gestemd op de 8 stellingen."
    )
    assert rs.participation_sentence(participants=1, votes=1, statements=1) == (
        "1 deelnemer bracht 1 stem uit op 1 stelling."
    )
    assert rs.participation_sentence(participants=20, votes=160, statements=8) == (
        "20 deelnemers brachten 160 stemmen uit op 8 stellingen."
    )


def test_groups_not_enough_data_one_group_and_several() -> None:
    assert "te weinig stemmen" in rs.groups_sentence(has_result=False, groups=[])
    assert (
        rs.groups_sentence(has_result=True, groups=[])
        == "De computer vond geen groepen met een vergelijkbare mening."
    )
    assert "één groep" in rs.groups_sentence(has_result=True, groups=[("Groep A", 9)])
    assert rs.groups_sentence(has_result=True, groups=[("Groep A", 9), ("Groep B", 11)]) == (
        "De computer vond 2 groepen met een vergelijkbare mening: Groep A (9), Groep B (11)."
    )


def test_common_ground_never_claims_none_without_data_or_groups() -> None:
    no_data = rs.common_ground_sentence(has_result=False, n_groups=0, n_bridging=0, n_consensus=0)
    assert "0" not in no_data and "meer stemmen nodig" in no_data
    one_group = rs.common_ground_sentence(has_result=True, n_groups=1, n_bridging=0, n_consensus=2)
    assert one_group == (
        "Er is 2 stellingen waar vrijwel iedereen het over eens is; verbindende stellingen zijn er pas bij twee "
        "of meer groepen."
    )
    assert rs.common_ground_sentence(has_result=True, n_groups=2, n_bridging=0, n_consensus=0) == (
        "Er zijn geen verbindende stellingen en geen stelling waar vrijwel iedereen het over eens is."
    )
    assert rs.common_ground_sentence(has_result=True, n_groups=2, n_bridging=1, n_consensus=3) == (
        "Er is 1 verbindende stelling en 3 stellingen waar vrijwel iedereen het over eens is."
    )


@pytest.mark.django_db
def test_the_report_without_votes_says_not_enough_instead_of_zero(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    body = client_for(tenancy.reader).get("/o/gouda/dialogen/windmolens/rapport/").content.decode()
    assert "Nog niemand heeft gestemd op de 8 stellingen." in body
    assert "meer stemmen nodig" in body
    assert "0 verbindende" not in body and "0 deelnemers" not in body
    assert client_for(tenancy.outsider).get("/o/gouda/dialogen/windmolens/rapport/").status_code == 404


@pytest.mark.django_db
def test_the_report_with_two_camps_states_the_groups_it_shows(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    two_camps(dialogue)
    body = client_for(tenancy.reader).get("/o/gouda/dialogen/windmolens/rapport/").content.decode()
    assert "20 deelnemers brachten 160 stemmen uit op 8 stellingen." in body
    assert "De computer vond 2 groepen met een vergelijkbare mening" in body
