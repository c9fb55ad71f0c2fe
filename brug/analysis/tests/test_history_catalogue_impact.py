"""Dated versions and comparing two dates; the interventions catalogue; social impact scans."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from brug.analysis import services
from brug.analysis.compare import diff_maps
from brug.analysis.config import Role
from brug.analysis.models import ImpactScan, Intervention
from brug.analysis.suggest import suggest

pytestmark = pytest.mark.django_db


def test_comparing_two_dates_shows_phase_pairs_and_roles_that_changed(
    client_for: Any, tenancy: Any, officer_m: Any, pmap: Any, pair: Any
) -> None:
    earlier = timezone.localdate() - dt.timedelta(days=30)
    services.snapshot_map(pmap=pmap, membership=officer_m, on=earlier)
    services.add_pair(
        membership=officer_m,
        pmap=pmap,
        pole_a="Provincie",
        pole_b="Randstad",
        dividing_line="stad-platteland",
    )
    services.move_actor(membership=officer_m, actor=pair.actors.get(label="Wethouder"), role=Role.BRIDGE)
    pmap.refresh_from_db()
    services.update_map(
        membership=officer_m,
        pmap=pmap,
        version=pmap.version,
        title=pmap.title,
        as_of=pmap.as_of,
        whole_municipality=True,
        neighbourhoods=[],
        phase="spanningen",
    )
    html = (
        client_for(tenancy.reader)
        .get(reverse("analysis:map_history", args=["gouda", pmap.pk]))
        .content.decode()
    )
    assert "van – naar Spanningen" in html
    assert "Paren erbij: Provincie – Randstad" in html
    assert "Wethouder" in html and "Bruggenbouwer" in html


def test_the_map_diff_sees_removed_pairs_and_a_phase_that_went_down() -> None:
    old = {"phase": "incidenten", "pairs": [{"label": "A – B", "pole_a": "A", "pole_b": "B", "actors": []}]}
    new = {"phase": "ongemak", "pairs": []}
    diff = diff_maps(old, new)
    assert diff["pairs_removed"] == ["A – B"]
    assert diff["phase"]["direction"] == "afgenomen"


def test_the_analysis_history_compares_phases(
    client_for: Any, tenancy: Any, officer_m: Any, analysis: Any
) -> None:
    services.snapshot_analysis(
        analysis=analysis, membership=officer_m, on=timezone.localdate() - dt.timedelta(days=7)
    )
    services.save_contribution(
        membership=officer_m,
        analysis=analysis,
        version=1,
        domain="sociaal",
        phase="",
        manifestations=[],
        answers={"groups": "x"},
    )
    analysis.refresh_from_db()
    services.save_direction(
        membership=officer_m,
        analysis=analysis,
        version=analysis.version,
        phase="incidenten",
        manifestations=["discriminatie"],
        direction="y",
    )
    html = (
        client_for(tenancy.reader)
        .get(reverse("analysis:analysis_history", args=["gouda", analysis.pk]))
        .content.decode()
    )
    assert "naar Incidenten" in html and "Discriminatie" in html


def test_the_global_catalogue_is_seeded_once_however_often_it_runs(catalogue: int) -> None:
    services.seed_global_catalogue()
    assert Intervention.objects.filter(organisation=None).count() == catalogue
    names = set(Intervention.objects.values_list("name", flat=True))
    assert {"Dilemmalogica", "Deep Democracy", "Sleutelfigurennetwerk", "Contact tussen groepen"} <= names


def test_a_municipality_adds_its_own_intervention_that_others_do_not_see(
    client_for: Any, tenancy: Any, catalogue: int
) -> None:
    response = client_for(tenancy.officer).post(
        reverse("analysis:catalogue", args=["gouda"]),
        {
            "name": "Buurtbarbecue",
            "summary": "Samen eten",
            "phases": ["rust"],
            "manifestations": ["onbegrip"],
        },
    )
    assert response.status_code == 302
    assert (
        "Buurtbarbecue"
        in client_for(tenancy.reader).get(reverse("analysis:catalogue", args=["gouda"])).content.decode()
    )
    assert (
        "Buurtbarbecue"
        not in client_for(tenancy.outsider)
        .get(reverse("analysis:catalogue", args=["delft"]))
        .content.decode()
    )


def test_suggestions_rank_a_matching_phase_above_a_single_manifestation() -> None:
    items = [
        {"id": 1, "phases": ["rust"], "manifestations": []},
        {"id": 2, "phases": [], "manifestations": ["onbegrip"]},
        {"id": 3, "phases": ["escalatie"], "manifestations": []},
    ]
    found = suggest(items, phase="rust", manifestations=["onbegrip"])
    assert found[1]["score"] == 2 and found[2]["score"] == 1 and 3 not in found
    # Fits the phase but none of the chosen manifestations: only "past deels".
    assert not found[1]["strong"] and not found[2]["strong"]
    both = suggest(
        [{"id": 4, "phases": ["rust"], "manifestations": ["onbegrip"]}],
        phase="rust",
        manifestations=["onbegrip"],
    )
    assert both[4]["strong"] and both[4]["score"] == 3


def test_an_officer_records_an_impact_scan_with_pairs_and_review_date(
    client_for: Any, tenancy: Any, pair: Any
) -> None:
    review = timezone.localdate() + dt.timedelta(days=30)
    response = client_for(tenancy.officer).post(
        reverse("analysis:impact_create", args=["gouda"]),
        {
            "project": "Azc Noord",
            "kind": "azc",
            "group_0_name": "Omwonenden",
            "tension_0_what": "Onrust",
            "pairs": [pair.pk],
            "measure_0_what": "Informatieavond",
            "owner": "Team opvang",
            "review_date": review.isoformat(),
        },
    )
    scan = ImpactScan.objects.get()
    assert response.status_code == 302
    assert list(scan.pairs.all()) == [pair]
    panel = client_for(tenancy.officer).get(reverse("core:dashboard", args=["gouda"])).content.decode()
    assert "Azc Noord" in panel


def test_an_impact_scan_without_groups_is_refused(client_for: Any, tenancy: Any) -> None:
    response = client_for(tenancy.officer).post(
        reverse("analysis:impact_create", args=["gouda"]),
        {"project": "Tunnel", "kind": "tunnel", "owner": "x", "review_date": "2027-01-01"},
    )
    assert response.status_code == 400
    assert not ImpactScan.objects.exists()
