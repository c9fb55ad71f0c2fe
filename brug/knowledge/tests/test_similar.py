"""'Gemeenten die met dezelfde vraag bezig zijn': knowledge items and learning questions, by meaning.

Real embeddings. Learning questions come only from the learning app's selector for the viewer's
membership: fellow participants of an edition see each other's questions, nobody else does.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from django.urls import reverse

from brug.core.models import Role
from brug.knowledge import dashboard, selectors
from brug.learning.models import Status
from brug.learning.tests import helpers
from conftest import make_municipality_org, make_user

pytestmark = pytest.mark.django_db

QUERY = "asielzoekerscentrum en boze buurtbewoners"
GOUDA_QUESTION = (
    "Hoe gaan we om met onrust en wantrouwen bij inwoners over de komst van een asielzoekerscentrum?"
)
DEVENTER_QUESTION = (
    "Hoe voeren we het gesprek met boze inwoners over de opvang van asielzoekers in onze gemeente?"
)
SPORT_QUESTION = "Hoe krijgen we meer jongeren aan het sporten bij de voetbalclub in de buurt?"


@pytest.fixture
def world(tenancy: Any) -> dict[str, Any]:
    partner, _ = helpers.partner_with_facilitator()
    edition = helpers.edition(partner, slug="polarisatie")
    helpers.registration(edition, "GM0513", status=Status.SELECTED, question=GOUDA_QUESTION)  # Gouda
    helpers.registration(edition, "GM0150", status=Status.SELECTED, question=DEVENTER_QUESTION)  # Deventer
    helpers.registration(edition, "GM0344", status=Status.SELECTED, question=SPORT_QUESTION)  # Utrecht
    deventer = make_municipality_org("GM0150", "deventer")
    stranger_org = make_municipality_org("GM0599", "rotterdam")  # not in the edition
    stranger = make_user("medewerker@rotterdam.example", "Rik Rotterdam", stranger_org, Role.OFFICER)
    return {"t": tenancy, "edition": edition, "deventer": deventer, "stranger": stranger}


def _search(client: Any, org: str) -> str:
    return client.get(reverse("knowledge:list", args=[org]), {"q": QUERY}).content.decode()


def test_a_participant_sees_a_fellow_participants_related_learning_question(world, client_for) -> None:
    page = _search(client_for(world["t"].officer), "gouda")
    panel = page[page.index('id="dezelfde-vraag"') :]
    assert "Gemeente Deventer" in panel
    assert "Leervraag in Leernetwerk polarisatie" in panel
    assert DEVENTER_QUESTION in panel
    assert GOUDA_QUESTION not in panel  # never the viewer's own municipality
    assert SPORT_QUESTION not in panel  # not about the same question


def test_an_organisation_outside_the_edition_sees_no_learning_question(
    world, client_for, membership_of
) -> None:
    page = _search(client_for(world["stranger"]), "rotterdam")
    assert "Leervraag" not in page
    assert DEVENTER_QUESTION not in page and GOUDA_QUESTION not in page
    assert selectors.visible_learning_questions(membership=membership_of(world["stranger"])) == []
    found = selectors.similar_municipalities(
        vector=selectors.query_vector(QUERY), membership=membership_of(world["stranger"])
    )
    assert found == []


def test_items_and_learning_questions_are_ranked_together(world, publish, membership_of) -> None:
    t = world["t"]
    publish(t.outsider, "Onrust over een azc", "Bewoners boos over de opvang van asielzoekers.")  # Delft
    publish(t.outsider, "Voetbalclub zoekt vrijwilligers", "Trainers gezocht voor de jeugd.")
    found = selectors.similar_municipalities(
        vector=selectors.query_vector(QUERY), membership=membership_of(t.officer)
    )
    kinds = {m.name: m.kind for m in found}
    assert kinds == {"Delft": selectors.ITEM, "Deventer": selectors.QUESTION}
    assert [m.similarity for m in found] == sorted((m.similarity for m in found), reverse=True)
    delft = next(m for m in found if m.kind == selectors.ITEM)
    assert delft.organisation == t.outsider_org and delft.item.title == "Onrust over een azc"
    deventer = next(m for m in found if m.kind == selectors.QUESTION)
    assert deventer.organisation == world["deventer"] and deventer.edition == "Leernetwerk polarisatie"
    # Delft's viewer is no participant: only Delft's own item would match, and that is its own.
    assert (
        selectors.similar_municipalities(
            vector=selectors.query_vector(QUERY), membership=membership_of(t.outsider)
        )
        == []
    )


def test_one_municipality_shows_only_its_best_match(world, publish, membership_of) -> None:
    t = world["t"]
    deventer_user = make_user("medewerker@deventer.example", "Dirk Deventer", world["deventer"], Role.OFFICER)
    publish(deventer_user, "Voetbal in de wijk", "Meer jongeren aan het sporten.")
    found = selectors.similar_municipalities(
        vector=selectors.query_vector(QUERY), membership=membership_of(t.officer)
    )
    assert [(m.name, m.kind) for m in found] == [("Deventer", selectors.QUESTION)]


def test_at_most_five_municipalities(world, publish, membership_of) -> None:
    t = world["t"]
    for code, slug in [
        ("GM0363", "amsterdam"),
        ("GM0518", "den-haag"),
        ("GM0772", "eindhoven"),
        ("GM0014", "groningen"),
        ("GM0034", "almere"),
    ]:
        org = make_municipality_org(code, slug)
        user = make_user(f"m@{slug}.example", "Medewerker", org, Role.OFFICER)
        publish(user, "Boze bewoners over het azc", "Onrust over de opvang van asielzoekers.")
    found = selectors.similar_municipalities(
        vector=selectors.query_vector(QUERY), membership=membership_of(t.officer)
    )
    assert len(found) == 5
    assert len({m.name for m in found}) == 5


def test_the_dashboard_starts_from_the_own_learning_question_without_own_items(world, client_for) -> None:
    page = client_for(world["t"].officer).get("/o/gouda/").content.decode()
    assert "Gemeenten met dezelfde vraag" in page
    assert "leervraag in Leernetwerk polarisatie" in page
    assert DEVENTER_QUESTION[:60] in page


def test_the_dashboard_prefers_the_latest_own_item(world, publish, membership_of) -> None:
    t = world["t"]
    publish(t.outsider, "Voetbalclub zoekt vrijwilligers", "Trainers gezocht voor de jeugd die wil sporten.")
    publish(t.officer, "Jongeren en sport", "Hoe krijgen we meer jongeren aan het sporten bij een club?")
    panel = dashboard.panel(None, membership_of(t.officer))  # type: ignore[arg-type]
    assert panel is not None
    names = [m.name for m in panel.context["similar"]]
    assert names[0] in {"Delft", "Utrecht"} and "Deventer" not in names[:1]


def test_without_learning_questions_only_items_count(world, publish, membership_of, monkeypatch) -> None:
    from brug.knowledge import hooks

    monkeypatch.setattr(hooks.learning_questions, "_filled", lambda membership: [])
    publish(world["t"].outsider, "Onrust over een azc", "Bewoners boos over de opvang van asielzoekers.")
    found = selectors.similar_municipalities(
        vector=selectors.query_vector(QUERY), membership=membership_of(world["t"].officer)
    )
    assert [(m.name, m.kind) for m in found] == [("Delft", selectors.ITEM)]


def test_vectors_are_unit_length_so_one_cosine_ranks_both(world, membership_of) -> None:
    for q in selectors.visible_learning_questions(membership=membership_of(world["t"].officer)):
        assert abs(float(np.linalg.norm(q.vector)) - 1.0) < 1e-3
