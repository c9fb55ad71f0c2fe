"""'Gemeenten met een verwante leervraag': learning questions by meaning (real embeddings), scoped."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from django.urls import reverse

from brug.learning import selectors
from brug.learning.models import Registration, Status

from . import helpers

pytestmark = pytest.mark.django_db

OWN = "Hoe gaan we om met onrust en wantrouwen bij inwoners over de komst van een asielzoekerscentrum?"
SAME = "Hoe voeren we het gesprek met boze inwoners over de opvang van asielzoekers in onze gemeente?"
SPORT = "Hoe krijgen we meer jongeren aan het sporten bij de voetbalclub in de buurt?"
WASTE = "Hoe verbeteren we de afvalinzameling en het scheiden van plastic verpakkingen?"
REJECTED = "Hoe gaan we om met protesten tegen een nieuw azc?"
OTHER_EDITION = "Hoe gaan we om met boze inwoners bij een informatieavond over asielopvang?"


@pytest.fixture
def world(tenancy: Any) -> dict[str, Any]:
    org, facilitator = helpers.partner_with_facilitator()
    ed = helpers.edition(org, max_municipalities=6)
    helpers.registration(ed, "GM0513", status=Status.SELECTED, question=OWN)  # Gouda (the viewer)
    helpers.registration(ed, "GM0150", status=Status.SELECTED, question=SAME)  # Deventer
    helpers.registration(ed, "GM0344", status=Status.SELECTED, question=SPORT)  # Utrecht
    helpers.registration(ed, "GM0363", status=Status.SELECTED, question=WASTE)  # Amsterdam
    helpers.registration(ed, "GM0599", status=Status.REJECTED, question=REJECTED)  # Rotterdam
    other = helpers.edition(org, slug="andere-editie")
    helpers.registration(other, "GM0503", status=Status.SELECTED, question=OTHER_EDITION)  # Delft
    return {"t": tenancy, "org": org, "facilitator": facilitator, "edition": ed, "other": other}


def _page(w: dict[str, Any], edition: Any = None, org: str = "gouda") -> str:
    return reverse("learning:participation", args=[org, (edition or w["edition"]).pk])


def test_the_selector_gives_a_participant_only_the_selected_questions_of_its_own_edition(
    world: dict[str, Any],
) -> None:
    membership = helpers.membership(world["t"].officer, world["t"].org)
    rows = selectors.learning_questions_for_similarity(membership=membership)
    assert sorted(name for name, _, _ in rows) == ["Amsterdam", "Deventer", "Gouda", "Utrecht"]
    by_name = {name: (question, vector) for name, question, vector in rows}
    assert by_name["Deventer"][0] == SAME
    for _, vector in by_name.values():
        assert vector.shape == (512,)
        assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-3)
    # The missing vectors were embedded once and stored for the next time.
    assert not Registration.objects.filter(
        edition=world["edition"], status=Status.SELECTED, question_vector=b""
    ).exists()
    # Meaning: the two questions about asylum reception are closer than asylum and sport or waste.
    own = by_name["Gouda"][1]
    same, sport, waste = (float(own @ by_name[n][1]) for n in ("Deventer", "Utrecht", "Amsterdam"))
    assert same > sport and same > waste


def test_the_selector_gives_a_facilitator_its_editions_and_an_outsider_nothing(world: dict[str, Any]) -> None:
    facilitator = helpers.membership(world["facilitator"], world["org"])
    names = sorted(name for name, _, _ in selectors.learning_questions_for_similarity(membership=facilitator))
    assert names == ["Amsterdam", "Delft", "Deventer", "Gouda", "Utrecht"]  # not the rejected Rotterdam
    other_partner, stranger = helpers.partner_with_facilitator("ander")
    assert (
        selectors.learning_questions_for_similarity(membership=helpers.membership(stranger, other_partner))
        == []
    )
    # Delft takes part in the other edition only: Gouda's edition stays invisible.
    delft = helpers.membership(world["t"].outsider, world["t"].outsider_org)
    rows = selectors.learning_questions_for_similarity(membership=delft)
    assert [(name, question) for name, question, _ in rows] == [("Delft", OTHER_EDITION)]


def test_the_participant_page_shows_the_three_closest_other_municipalities(
    world: dict[str, Any], client_for: Any
) -> None:
    response = client_for(world["t"].reader).get(_page(world))
    assert response.status_code == 200
    related = response.context["related"]
    assert [r.municipality for r in related][0] == "Deventer"
    assert len(related) == 3
    assert {r.municipality for r in related} == {"Deventer", "Utrecht", "Amsterdam"}
    assert related[0].similarity > related[1].similarity >= related[2].similarity
    body = response.content.decode()
    assert "Gemeenten met een verwante leervraag" in body
    assert SAME in body
    assert REJECTED not in body and OTHER_EDITION not in body


def test_only_three_are_shown_when_more_municipalities_take_part(
    world: dict[str, Any], client_for: Any
) -> None:
    helpers.registration(
        world["edition"], "GM0518", status=Status.SELECTED, question=SAME + " En hoe houden we contact?"
    )
    related = client_for(world["t"].officer).get(_page(world)).context["related"]
    assert len(related) == 3
    assert {r.municipality for r in related[:2]} == {"Deventer", "'s-Gravenhage"}


def test_outsiders_and_other_editions_participants_see_nothing(
    world: dict[str, Any], client_for: Any
) -> None:
    delft = client_for(world["t"].outsider)
    assert delft.get(_page(world)).status_code == 404
    assert delft.get(_page(world, org="delft")).status_code == 404
    # Delft's own edition: it is alone there, so no panel and none of Gouda's questions.
    response = delft.get(_page(world, edition=world["other"], org="delft"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gemeenten met een verwante leervraag" not in body
    assert OWN not in body and SAME not in body
    # A facilitator is no participant: the participant page answers 404.
    partner = client_for(world["facilitator"])
    assert partner.get(_page(world, org=world["org"].slug)).status_code == 404
