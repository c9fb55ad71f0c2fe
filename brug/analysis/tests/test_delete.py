"""Deleting a whole map, analysis or impact scan; editing and deleting own interventions."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from brug.analysis import services
from brug.analysis.models import (
    Actor,
    AnalysisSnapshot,
    ChosenIntervention,
    Contribution,
    ImpactScan,
    Incident,
    Intervention,
    JointAnalysis,
    MapSnapshot,
    PolarisationMap,
    Share,
    UsThemPair,
)
from brug.core.models import AuditLogEntry

from .conftest import member
from .test_signals_and_demo import make_signal

pytestmark = pytest.mark.django_db


@pytest.fixture
def scan(officer_m: Any, pair: Any) -> ImpactScan:
    return services.save_impact_scan(
        membership=officer_m,
        project="Windmolens",
        kind="windmolens",
        neighbourhoods=[],
        groups=[{"name": "Boeren"}],
        tensions=[{"what": "Boosheid"}],
        pairs=[pair],
        owner="Energie",
        review_date=pair.map.as_of,
    )


@pytest.fixture
def own_item(officer_m: Any, catalogue: int) -> Intervention:
    return services.add_intervention(
        membership=officer_m, name="Buurtbarbecue", summary="Samen eten", phases=["rust"], manifestations=[]
    )


@pytest.fixture
def foreign_item(tenancy: Any, catalogue: int) -> Intervention:
    return services.add_intervention(
        membership=_outsider_m(tenancy),
        name="Delfts buurtfeest",
        summary="Feest",
        phases=[],
        manifestations=[],
    )


def _outsider_m(tenancy: Any) -> Any:
    from brug.core.models import Membership

    return Membership.objects.get(user=tenancy.outsider, organisation=tenancy.outsider_org)


def new_urls(o: dict[str, Any]) -> dict[str, str]:
    slug = "gouda"
    return {
        "map_delete": reverse("analysis:map_delete", args=[slug, o["map"].pk]),
        "analysis_delete": reverse("analysis:analysis_delete", args=[slug, o["analysis"].pk]),
        "impact_delete": reverse("analysis:impact_delete", args=[slug, o["scan"].pk]),
        "intervention_edit": reverse("analysis:intervention_edit", args=[slug, o["item"].pk]),
        "intervention_delete": reverse("analysis:intervention_delete", args=[slug, o["item"].pk]),
    }


@pytest.fixture
def objects(pmap: Any, pair: Any, analysis: Any, scan: ImpactScan, own_item: Intervention) -> dict[str, Any]:
    return {"map": pmap, "pair": pair, "analysis": analysis, "scan": scan, "item": own_item}


def counts() -> tuple[int, ...]:
    return (
        PolarisationMap.objects.count(),
        JointAnalysis.objects.count(),
        ImpactScan.objects.count(),
        Intervention.objects.filter(organisation__isnull=False).count(),
    )


# --- access ---------------------------------------------------------------------------------------


def test_the_officer_opens_every_new_page(client_for: Any, tenancy: Any, objects: dict[str, Any]) -> None:
    client = client_for(tenancy.officer)
    for name, url in new_urls(objects).items():
        assert client.get(url).status_code == 200, name


def test_the_reader_gets_403_on_every_new_page_and_nothing_changes(
    client_for: Any, tenancy: Any, objects: dict[str, Any]
) -> None:
    client = client_for(tenancy.reader)
    before = counts()
    for name, url in new_urls(objects).items():
        assert client.get(url).status_code == 403, name
        assert client.post(url, {"name": "x", "summary": "y"}).status_code == 403, name
    assert counts() == before
    assert Intervention.objects.get(pk=objects["item"].pk).name == "Buurtbarbecue"


def test_the_outsider_gets_404_on_every_new_page_and_nothing_changes(
    client_for: Any, tenancy: Any, objects: dict[str, Any]
) -> None:
    client = client_for(tenancy.outsider)
    before = counts()
    for name, url in new_urls(objects).items():
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"name": "x", "summary": "y"}).status_code == 404, name
        # Under its own slug, another organisation's object is not found either.
        own_slug = url.replace("/o/gouda/", f"/o/{tenancy.outsider_org.slug}/")
        assert client.get(own_slug).status_code == 404, name
        assert client.post(own_slug, {"name": "x", "summary": "y"}).status_code == 404, name
    assert counts() == before


# --- the map --------------------------------------------------------------------------------------


def test_the_map_confirmation_shows_what_goes_and_the_post_deletes_it(
    client_for: Any, tenancy: Any, officer_m: Any, objects: dict[str, Any]
) -> None:
    pmap, pair = objects["map"], objects["pair"]
    signal = make_signal(tenancy.org)
    services.create_incident_from_signal(membership=officer_m, pair=pair, signal=signal)
    services.snapshot_map(membership=officer_m, pmap=pmap)
    other = services.create_map(membership=officer_m, title="Andere kaart", as_of=pmap.as_of)
    client = client_for(tenancy.officer)
    url = reverse("analysis:map_delete", args=["gouda", pmap.pk])

    html = client.get(url).content.decode()
    assert "Kaart Gouda" in html
    assert "1 wij-zij-paar" in html and "2 incidenten" in html and "3 betrokkenen" in html
    assert "1 versie in de geschiedenis" in html
    assert "De signalen zelf blijven bestaan" in html
    assert "1 gezamenlijke analyse gebruikt" in html and "1 impactscan verwijst" in html
    assert PolarisationMap.objects.filter(pk=pmap.pk).exists()  # GET changes nothing

    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("analysis:index", args=["gouda"])
    assert "De polarisatiekaart ‘Kaart Gouda’ is verwijderd." in response.content.decode()
    assert list(PolarisationMap.objects.all()) == [other]
    assert not UsThemPair.objects.exists() and not Incident.objects.exists() and not Actor.objects.exists()
    assert not MapSnapshot.objects.filter(map_id=pmap.pk).exists()
    # The signal stays; the analysis and impact scan stay, without the map and the pair.
    signal.refresh_from_db()
    analysis = JointAnalysis.objects.get()
    assert analysis.map is None
    scan = ImpactScan.objects.get()
    assert scan.pairs.count() == 0
    entry = AuditLogEntry.objects.get(action="analysis.map.delete")
    assert entry.object_id == str(pmap.pk) and entry.actor == tenancy.officer
    assert entry.organisation == tenancy.org


def test_deleting_a_map_with_an_incident_from_a_signal_keeps_the_signal(
    officer_m: Any, tenancy: Any, pmap: Any, pair: Any
) -> None:
    from brug.signals.models import Signal

    signal = make_signal(tenancy.org)
    services.create_incident_from_signal(membership=officer_m, pair=pair, signal=signal)
    services.delete_map(membership=officer_m, pmap=pmap)
    assert Signal.objects.filter(pk=signal.pk).exists()
    assert not Incident.objects.exists()


def test_the_service_refuses_a_reader(tenancy: Any, pmap: Any, analysis: Any, scan: ImpactScan) -> None:
    reader = member(tenancy, "reader")
    for call in (
        lambda: services.delete_map(membership=reader, pmap=pmap),
        lambda: services.delete_analysis(membership=reader, analysis=analysis),
        lambda: services.delete_impact_scan(membership=reader, scan=scan),
    ):
        with pytest.raises(services.AnalysisError):
            call()
    assert counts()[:3] == (1, 1, 1)


# --- the analysis ---------------------------------------------------------------------------------


def test_deleting_an_analysis_takes_contributions_snapshots_and_shares_but_not_the_map(
    client_for: Any, tenancy: Any, officer_m: Any, objects: dict[str, Any]
) -> None:
    analysis = objects["analysis"]
    services.snapshot_analysis(membership=officer_m, analysis=analysis)
    Share.objects.create(analysis=analysis, title="t", body="b", visibility="netwerk", knowledge_item_id=7)
    client = client_for(tenancy.officer)
    url = reverse("analysis:analysis_delete", args=["gouda", analysis.pk])
    html = client.get(url).content.decode()
    assert "Analyse Spoorzijde" in html and "1 bijdrage van een medewerker" in html
    assert "1 registratie van delen" in html and "in de kennisbank" in html
    assert "De polarisatiekaart ‘Kaart Gouda’ blijft bestaan." in html

    response = client.post(url, follow=True)
    assert "De gezamenlijke analyse ‘Analyse Spoorzijde’ is verwijderd." in response.content.decode()
    assert not JointAnalysis.objects.exists()
    assert not Contribution.objects.exists() and not AnalysisSnapshot.objects.exists()
    assert not Share.objects.exists()
    assert PolarisationMap.objects.count() == 1 and UsThemPair.objects.count() == 1
    entry = AuditLogEntry.objects.get(action="analysis.analysis.delete")
    assert entry.object_id == str(analysis.pk) and "shares" in entry.changed_fields


# --- the impact scan ------------------------------------------------------------------------------


def test_deleting_an_impact_scan_keeps_its_pairs(
    client_for: Any, tenancy: Any, objects: dict[str, Any]
) -> None:
    scan = objects["scan"]
    client = client_for(tenancy.officer)
    url = reverse("analysis:impact_delete", args=["gouda", scan.pk])
    html = client.get(url).content.decode()
    assert "Windmolens" in html and "1 wij-zij-paar" in html
    response = client.post(url, follow=True)
    assert "De impactscan ‘Windmolens’ is verwijderd." in response.content.decode()
    assert not ImpactScan.objects.exists() and UsThemPair.objects.count() == 1
    assert AuditLogEntry.objects.filter(action="analysis.impact.delete", object_id=str(scan.pk)).exists()


# --- own interventions ----------------------------------------------------------------------------


def test_the_catalogue_offers_editing_only_for_own_entries(
    client_for: Any, tenancy: Any, own_item: Intervention
) -> None:
    html = client_for(tenancy.officer).get(reverse("analysis:catalogue", args=["gouda"])).content.decode()
    assert reverse("analysis:intervention_edit", args=["gouda", own_item.pk]) in html
    assert html.count("/bewerken/") == 1
    reader_html = (
        client_for(tenancy.reader).get(reverse("analysis:catalogue", args=["gouda"])).content.decode()
    )
    assert "/bewerken/" not in reader_html


def test_an_officer_edits_an_own_intervention(client_for: Any, tenancy: Any, own_item: Intervention) -> None:
    url = reverse("analysis:intervention_edit", args=["gouda", own_item.pk])
    client = client_for(tenancy.officer)
    assert 'value="Buurtbarbecue"' in client.get(url).content.decode()
    response = client.post(
        url, {"name": "Buurtbarbecue plus", "summary": "Samen eten en praten", "phases": ["rust", "ongemak"]}
    )
    assert response.status_code == 302
    own_item.refresh_from_db()
    assert own_item.name == "Buurtbarbecue plus" and own_item.phases == ["rust", "ongemak"]
    entry = AuditLogEntry.objects.get(action="analysis.intervention.update")
    assert "name" in entry.changed_fields and "summary" in entry.changed_fields


def test_an_edit_cannot_take_the_name_of_another_own_entry(
    client_for: Any, tenancy: Any, officer_m: Any, own_item: Intervention
) -> None:
    services.add_intervention(
        membership=officer_m, name="Straatgesprek", summary="x", phases=[], manifestations=[]
    )
    url = reverse("analysis:intervention_edit", args=["gouda", own_item.pk])
    response = client_for(tenancy.officer).post(url, {"name": "straatgesprek", "summary": "y"})
    assert response.status_code == 400 and "al een interventie" in response.content.decode()
    # Saving under its own name is fine.
    assert client_for(tenancy.officer).post(url, {"name": "Buurtbarbecue", "summary": "z"}).status_code == 302


def test_global_and_foreign_entries_answer_404(
    client_for: Any, tenancy: Any, catalogue: int, foreign_item: Intervention
) -> None:
    client = client_for(tenancy.officer)
    global_item = Intervention.objects.filter(organisation__isnull=True).first()
    assert global_item is not None
    for item in (global_item, foreign_item):
        for name in ("intervention_edit", "intervention_delete"):
            url = reverse(f"analysis:{name}", args=["gouda", item.pk])
            assert client.get(url).status_code == 404
            assert client.post(url, {"name": "Gekaapt", "summary": "x"}).status_code == 404
    assert Intervention.objects.filter(name="Gekaapt").count() == 0
    assert Intervention.objects.filter(pk=global_item.pk).exists()
    assert Intervention.objects.get(pk=foreign_item.pk).name == "Delfts buurtfeest"
    officer = member(tenancy, "officer")
    with pytest.raises(services.AnalysisError):
        services.delete_intervention(membership=officer, item=global_item)
    with pytest.raises(services.AnalysisError):
        services.update_intervention(
            membership=officer, item=foreign_item, name="x", summary="y", phases=[], manifestations=[]
        )


def test_an_officer_deletes_an_unused_own_intervention(
    client_for: Any, tenancy: Any, own_item: Intervention
) -> None:
    url = reverse("analysis:intervention_delete", args=["gouda", own_item.pk])
    client = client_for(tenancy.officer)
    assert "Buurtbarbecue" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "‘Buurtbarbecue’ is uit uw catalogus verwijderd." in response.content.decode()
    assert not Intervention.objects.filter(pk=own_item.pk).exists()
    assert AuditLogEntry.objects.filter(action="analysis.intervention.delete").exists()


def test_an_intervention_chosen_in_an_analysis_is_not_deleted(
    client_for: Any, tenancy: Any, analysis: Any, own_item: Intervention
) -> None:
    ChosenIntervention.objects.create(analysis=analysis, intervention=own_item, why="Past")
    url = reverse("analysis:intervention_delete", args=["gouda", own_item.pk])
    client = client_for(tenancy.officer)
    html = client.get(url).content.decode()
    assert "gekozen in 1 gezamenlijke analyse" in html and "Definitief verwijderen" not in html
    response = client.post(url)
    assert response.status_code == 400
    assert Intervention.objects.filter(pk=own_item.pk).exists()
    assert not AuditLogEntry.objects.filter(action="analysis.intervention.delete").exists()
