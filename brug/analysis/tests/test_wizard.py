"""The joint analysis wizard: each step saved, resumable, refused out of order or twice."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from brug.analysis import services
from brug.analysis.models import ChosenIntervention, Contribution, Intervention, JointAnalysis

pytestmark = pytest.mark.django_db


def step_url(analysis: Any, step: int) -> str:
    return reverse("analysis:analysis_step", args=["gouda", analysis.pk, step])


def contribution(version: int, **extra: Any) -> dict[str, Any]:
    data = {
        "domain": "sociaal",
        "phase": "spanningen",
        "manifestations": ["onbegrip", "vervreemding"],
        "groups": "Bewoners",
        "causes": "Parkeerbesluit",
        "version": version,
    }
    data.update(extra)
    return data


def test_an_officer_starts_an_analysis_and_is_sent_to_step_two(
    client_for: Any, tenancy: Any, pmap: Any
) -> None:
    response = client_for(tenancy.officer).post(
        reverse("analysis:analysis_start", args=["gouda"]),
        {"title": "Spoorzijde", "map": pmap.pk, "phase_model": "movisie", "domain": "veiligheid"},
    )
    analysis = JointAnalysis.objects.get()
    assert response.status_code == 302 and response["Location"] == step_url(analysis, 2)
    assert analysis.completed_step == 1
    assert Contribution.objects.get().domain == "veiligheid"


def test_walking_all_steps_completes_the_analysis(client_for: Any, tenancy: Any, analysis: Any) -> None:
    client = client_for(tenancy.officer)
    assert client.post(step_url(analysis, 2), contribution(1)).status_code == 302
    analysis.refresh_from_db()
    page = client.get(step_url(analysis, 3)).content.decode()
    assert 'value="spanningen" selected' in page  # prefilled from the contributions
    response = client.post(
        step_url(analysis, 3),
        {
            "phase": "spanningen",
            "manifestations": ["onbegrip"],
            "direction": "Het midden opzoeken",
            "version": analysis.version,
        },
    )
    assert response.status_code == 302
    analysis.refresh_from_db()
    page = client.get(step_url(analysis, 4)).content.decode()
    assert "Aanbevolen" in page and "past bij de fase ‘Spanningen’" in page
    dialogue = Intervention.objects.get(slug="dialoog")
    response = client.post(
        step_url(analysis, 4),
        {f"pick_{dialogue.pk}": "on", f"why_{dialogue.pk}": "Boven tafel halen", "version": analysis.version},
    )
    assert response.status_code == 302
    analysis.refresh_from_db()
    assert analysis.is_complete
    assert ChosenIntervention.objects.get().why == "Boven tafel halen"
    assert analysis.snapshots.count() == 1  # one dated version per day


def test_a_step_out_of_order_is_refused_and_nothing_is_saved(
    client_for: Any, tenancy: Any, analysis: Any
) -> None:
    response = client_for(tenancy.officer).post(
        step_url(analysis, 4), {"version": analysis.version}, follow=True
    )
    html = response.content.decode()
    assert "Stap 4 kan nog niet: rond eerst stap 2 (Analyse) af." in html
    assert response.redirect_chain[-1][0] == step_url(analysis, 2)
    analysis.refresh_from_db()
    assert analysis.completed_step == 1 and not analysis.chosen.exists()


def test_a_step_submitted_twice_is_refused_the_second_time(
    client_for: Any, tenancy: Any, analysis: Any
) -> None:
    client = client_for(tenancy.officer)
    client.post(step_url(analysis, 2), contribution(1))
    analysis.refresh_from_db()
    data = {"phase": "ongemak", "direction": "Eerste versie", "version": analysis.version}
    assert client.post(step_url(analysis, 3), data).status_code == 302
    again = client.post(step_url(analysis, 3), {**data, "direction": "Tweede keer"})
    assert again.status_code == 409
    assert "deze stap is intussen al opgeslagen" in again.content.decode()
    analysis.refresh_from_db()
    assert analysis.direction == "Eerste versie"


def test_a_contribution_submitted_twice_is_refused_the_second_time(
    client_for: Any, tenancy: Any, analysis: Any
) -> None:
    client = client_for(tenancy.officer)
    assert client.post(step_url(analysis, 2), contribution(1, groups="Eerste")).status_code == 302
    again = client.post(step_url(analysis, 2), contribution(1, groups="Dubbel"))
    assert again.status_code == 409
    assert Contribution.objects.get().answers["groups"] == "Eerste"


def test_an_empty_contribution_is_refused(client_for: Any, tenancy: Any, analysis: Any) -> None:
    response = client_for(tenancy.officer).post(step_url(analysis, 2), {"domain": "sociaal", "version": 1})
    assert response.status_code == 409
    assert "Vul ten minste één onderdeel van de analyse in." in response.content.decode()


def test_choosing_an_intervention_without_why_is_refused(
    client_for: Any, tenancy: Any, analysis: Any, officer_m: Any
) -> None:
    services.save_contribution(
        membership=officer_m,
        analysis=analysis,
        version=1,
        domain="sociaal",
        phase="rust",
        manifestations=[],
        answers={"groups": "x"},
    )
    analysis.refresh_from_db()
    services.save_direction(
        membership=officer_m,
        analysis=analysis,
        version=analysis.version,
        phase="rust",
        manifestations=[],
        direction="y",
    )
    analysis.refresh_from_db()
    item = Intervention.objects.get(slug="dialoog")
    response = client_for(tenancy.officer).post(
        step_url(analysis, 4), {f"pick_{item.pk}": "on", "version": analysis.version}
    )
    assert response.status_code == 400
    assert "Schrijf waarom u ‘Dialoogmethoden’ kiest." in response.content.decode()
    assert not ChosenIntervention.objects.exists()


def test_the_wizard_can_be_resumed_at_the_next_step(client_for: Any, tenancy: Any, analysis: Any) -> None:
    html = (
        client_for(tenancy.officer)
        .get(reverse("analysis:analysis_detail", args=["gouda", analysis.pk]))
        .content.decode()
    )
    assert "Verder met stap 2" in html and step_url(analysis, 2) in html


def test_officers_from_different_domains_see_where_their_views_differ(
    client_for: Any, tenancy: Any, analysis: Any, officer_m: Any
) -> None:
    from brug.core.models import Membership

    coordinator = Membership.objects.get(user=tenancy.coordinator)
    services.save_contribution(
        membership=officer_m,
        analysis=analysis,
        version=1,
        domain="sociaal",
        phase="ongemak",
        manifestations=["onbegrip"],
        answers={"groups": "Bewoners", "protective": "Buurthuis"},
    )
    services.save_contribution(
        membership=coordinator,
        analysis=analysis,
        version=0,
        domain="veiligheid",
        phase="incidenten",
        manifestations=["onbegrip"],
        answers={"groups": "Jongeren"},
    )
    html = (
        client_for(tenancy.reader)
        .get(reverse("analysis:analysis_detail", args=["gouda", analysis.pk]))
        .content.decode()
    )
    assert "De domeinen zien fase verschillend." in html
    assert "De antwoorden verschillen bij: Betrokken groepen en Beschermende krachten." in html
    assert "Veiligheid" in html and "Sociaal domein" in html


def test_the_phase_model_is_configurable(settings: Any, client_for: Any, tenancy: Any) -> None:
    from brug.analysis.config import PhaseModel

    settings.BRUG_ANALYSIS_PHASE_MODELS = [
        PhaseModel(
            "drie", "Groen, oranje, rood", (("groen", "Groen"), ("oranje", "Oranje"), ("rood", "Rood"))
        )
    ]
    html = (
        client_for(tenancy.officer).get(reverse("analysis:analysis_start", args=["gouda"])).content.decode()
    )
    assert "Groen, oranje, rood" in html and "Sluimerend" not in html
