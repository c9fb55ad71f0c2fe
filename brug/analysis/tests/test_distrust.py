"""Distrust narratives per domain and the five dilemmas: saved in the wizard, computed into sentences."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from brug.analysis import distrust
from brug.analysis.models import Contribution

from .test_wizard import contribution, step_url

pytestmark = pytest.mark.django_db

STRONG = {"ongelijke_behandeling": {"strength": "sterk", "example": "Zij krijgen alles"}}


def test_no_contributions_says_nothing_can_be_said_yet() -> None:
    rows = distrust.narrative_rows([])
    assert distrust.narrative_sentences(rows, 0) == [
        "Er zijn nog geen bijdragen: over wantrouwen valt nog niets te zeggen."
    ]
    assert distrust.narrative_advice(rows) == []


def test_contributions_that_name_no_narrative_say_so() -> None:
    rows = distrust.narrative_rows([("Veiligheid", {}), ("Sociaal domein", {})])
    assert distrust.narrative_sentences(rows, 2) == [
        "In alle 2 bijdragen is geen van de vijf verhalen van wantrouwen genoemd."
    ]
    rows = distrust.narrative_rows([("Veiligheid", {})])
    assert distrust.narrative_sentences(rows, 1) == [
        "In de enige bijdrage is geen van de vijf verhalen van wantrouwen genoemd."
    ]


def test_a_narrative_heard_strongly_counts_its_mentions_and_gives_advice() -> None:
    rows = distrust.narrative_rows(
        [
            ("Veiligheid", STRONG),
            ("Sociaal domein", {"ongelijke_behandeling": {"strength": "soms", "example": ""}}),
        ]
    )
    assert distrust.narrative_sentences(rows, 2) == [
        "‘Ongelijke behandeling’ wordt sterk gehoord (1 van 2 noemingen; Sociaal domein en Veiligheid)."
    ]
    assert [label for label, _advice in distrust.narrative_advice(rows)] == ["Ongelijke behandeling"]


def test_a_narrative_heard_only_sometimes_gives_no_advice() -> None:
    rows = distrust.narrative_rows([("Veiligheid", {"incompetentie": {"strength": "soms", "example": ""}})])
    assert distrust.narrative_sentences(rows, 1) == [
        "‘Incompetentie van bestuurders en ambtenaren’ wordt soms gehoord (Veiligheid)."
    ]
    assert distrust.narrative_advice(rows) == []


@pytest.mark.parametrize(
    ("answers", "sentence"),
    [
        ({}, "Het kernteam heeft de vijf dilemma’s nog niet beantwoord."),
        (
            {"partij": {"choice": "Wij zijn partij", "why": ""}},
            "Het kernteam heeft bij 1 van de vijf dilemma’s een keuze gemaakt; de andere staan nog open.",
        ),
        (
            {d.key: {"choice": "ja", "why": "omdat"} for d in distrust.DILEMMAS},
            "Het kernteam heeft bij alle vijf dilemma’s een keuze gemaakt en uitgelegd waarom.",
        ),
    ],
)
def test_the_dilemma_sentence_follows_the_answers(answers: dict[str, Any], sentence: str) -> None:
    assert distrust.dilemma_sentence(answers) == sentence


def test_the_wizard_saves_narratives_and_dilemmas_and_the_report_shows_them(
    client_for: Any, tenancy: Any, analysis: Any
) -> None:
    client = client_for(tenancy.officer)
    post = contribution(
        1,
        narrative_ongelijke_behandeling="sterk",
        narrative_ongelijke_behandeling_example="Waarom zij wel en wij niet",
        narrative_incompetentie="soms",
    )
    assert client.post(step_url(analysis, 2), post).status_code == 302
    own = Contribution.objects.get(author=tenancy.officer)
    assert own.narratives == {
        "ongelijke_behandeling": {"strength": "sterk", "example": "Waarom zij wel en wij niet"},
        "incompetentie": {"strength": "soms", "example": ""},
    }
    page = client.get(step_url(analysis, 2)).content.decode()
    assert re.search(r'name="narrative_ongelijke_behandeling" value="sterk"[^>]*checked', page)
    analysis.refresh_from_db()
    response = client.post(
        step_url(analysis, 3),
        {
            "phase": "spanningen",
            "direction": "Het midden opzoeken",
            "dilemma_met_wie": "Ook met de boze bewoners",
            "dilemma_met_wie_why": "Zij voelen zich niet gehoord",
            "version": analysis.version,
        },
    )
    assert response.status_code == 302
    analysis.refresh_from_db()
    assert analysis.dilemmas == {
        "met_wie": {"choice": "Ook met de boze bewoners", "why": "Zij voelen zich niet gehoord"}
    }
    report = client.get(reverse("analysis:report", args=["gouda", analysis.pk])).content.decode()
    assert "‘Ongelijke behandeling’ wordt sterk gehoord" in report
    assert "Dilemmalogica" in report
    assert "Ook met de boze bewoners" in report
    assert "bij 1 van de vijf dilemma’s" in report
    outsider = client_for(tenancy.outsider)
    assert outsider.get(reverse("analysis:report", args=["gouda", analysis.pk])).status_code == 404
    assert outsider.get(reverse("analysis:report", args=["delft", analysis.pk])).status_code == 404


def test_a_why_without_a_choice_is_refused_and_nothing_changes(
    client_for: Any, tenancy: Any, analysis: Any
) -> None:
    client = client_for(tenancy.officer)
    assert client.post(step_url(analysis, 2), contribution(1)).status_code == 302
    analysis.refresh_from_db()
    version = analysis.version
    response = client.post(
        step_url(analysis, 3),
        {"phase": "spanningen", "direction": "x", "dilemma_partij_why": "Omdat", "version": version},
    )
    assert response.status_code == 400
    assert "Vul bij ‘Partij zijn’ ook de keuze in" in response.content.decode()
    analysis.refresh_from_db()
    assert analysis.version == version and analysis.dilemmas == {}


def test_an_unknown_strength_is_refused_by_the_form(client_for: Any, tenancy: Any, analysis: Any) -> None:
    response = client_for(tenancy.officer).post(
        step_url(analysis, 2), contribution(1, narrative_incompetentie="enorm")
    )
    assert response.status_code == 400
    assert not Contribution.objects.filter(
        author=tenancy.officer, narratives__has_key="incompetentie"
    ).exists()
