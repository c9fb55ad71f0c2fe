"""The method where it is used: explanations beside each step and a printable method card."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from brug.analysis import method
from brug.core.tests.pdfua import assert_tagged_pdf

from .test_wizard import step_url

pytestmark = pytest.mark.django_db


def test_the_method_card_names_laws_roles_phases_narratives_dilemmas_and_sources(
    client_for: Any, tenancy: Any
) -> None:
    page = client_for(tenancy.reader).get(reverse("analysis:method_card", args=["gouda"])).content.decode()
    for title, _text in method.LAWS:
        assert title in page
    for role in method.ROLES:
        assert f"<dt>{role.name}</dt>" in page
    assert "Leider van het stille midden" in page
    assert "Sluimerend ongenoegen" in page and "Ongemak" in page
    assert "Onzichtbaarheid van de burger" in page and "Wanneer ingrijpen" in page
    assert method.BRANDSMA in page


def test_the_method_card_is_404_for_an_outsider(client_for: Any, tenancy: Any) -> None:
    outsider = client_for(tenancy.outsider)
    assert outsider.get(reverse("analysis:method_card", args=["gouda"])).status_code == 404


def test_roles_are_explained_where_actors_are_placed(client_for: Any, tenancy: Any, pair: Any) -> None:
    page = (
        client_for(tenancy.officer)
        .get(reverse("analysis:pair_detail", args=["gouda", pair.map_id, pair.pk]))
        .content.decode()
    )
    assert "Uitleg: de drie wetten en de rollen van Brandsma" in page
    assert "Polarisatie heeft brandstof nodig" in page


def test_game_changers_and_phases_are_explained_beside_advice_and_phase_choice(
    client_for: Any, tenancy: Any, pair: Any, analysis: Any
) -> None:
    client = client_for(tenancy.officer)
    advice = client.get(reverse("analysis:map_advice", args=["gouda", pair.map_id])).content.decode()
    assert "Uitleg: wat is een game changer?" in advice
    step = client.get(step_url(analysis, 1)).content.decode()
    assert "Uitleg: fasen van spanningen" in step


def test_the_method_card_downloads_as_a_tagged_pdf(client_for: Any, tenancy: Any) -> None:
    url = reverse("analysis:method_card_pdf", args=["gouda"])
    page = client_for(tenancy.reader).get(reverse("analysis:method_card", args=["gouda"])).content.decode()
    assert f'href="{url}"' in page
    response = client_for(tenancy.reader).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    types = assert_tagged_pdf(response.content, title="Methodekaart: polarisatie analyseren")
    assert "L" in types  # the laws and steps are lists in the structure tree too
    assert client_for(tenancy.reader).post(url).status_code == 405
    assert client_for(tenancy.outsider).get(url).status_code == 404
