"""Every page: the officer works, the reader reads but cannot change (403), the outsider gets 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from brug.analysis import services
from brug.analysis.models import ImpactScan

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(tenancy: Any, officer_m: Any, pmap: Any, pair: Any, analysis: Any) -> dict[str, Any]:
    scan = services.save_impact_scan(
        membership=officer_m,
        project="Windmolens",
        kind="windmolens",
        neighbourhoods=[],
        groups=[{"name": "Boeren"}],
        tensions=[{"what": "Boosheid"}],
        pairs=[pair],
        owner="Energie",
        review_date=pmap.as_of,
    )
    actor = pair.actors.first()
    return {"map": pmap, "pair": pair, "analysis": analysis, "scan": scan, "actor": actor}


def urls(o: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    """name -> (url, readable by a reader)"""
    slug = o["map"].organisation.slug
    m, p, a = o["map"].pk, o["pair"].pk, o["analysis"].pk
    return {
        "index": (reverse("analysis:index", args=[slug]), True),
        "method_card_pdf": (reverse("analysis:method_card_pdf", args=[slug]), True),
        "map_create": (reverse("analysis:map_create", args=[slug]), False),
        "map_detail": (reverse("analysis:map_detail", args=[slug, m]), True),
        "map_advice": (reverse("analysis:map_advice", args=[slug, m]), True),
        "map_history": (reverse("analysis:map_history", args=[slug, m]), True),
        "pair_detail": (reverse("analysis:pair_detail", args=[slug, m, p]), True),
        "analysis_start": (reverse("analysis:analysis_start", args=[slug]), False),
        "analysis_detail": (reverse("analysis:analysis_detail", args=[slug, a]), True),
        "analysis_step": (reverse("analysis:analysis_step", args=[slug, a, 1]), False),
        "analysis_history": (reverse("analysis:analysis_history", args=[slug, a]), True),
        "report": (reverse("analysis:report", args=[slug, a]), True),
        "report_pdf": (reverse("analysis:report_pdf", args=[slug, a]), True),
        "share": (reverse("analysis:share", args=[slug, a]), True),
        "catalogue": (reverse("analysis:catalogue", args=[slug]), True),
        "impact_create": (reverse("analysis:impact_create", args=[slug]), False),
        "impact_detail": (reverse("analysis:impact_detail", args=[slug, o["scan"].pk]), True),
    }


POST_ONLY = ["pair_add", "pair_remove", "actor_add", "incident_add", "fuel_add", "actor_move", "actor_remove"]


def post_urls(o: dict[str, Any]) -> list[str]:
    slug = o["map"].organisation.slug
    m, p, act = o["map"].pk, o["pair"].pk, o["actor"].pk
    return [
        reverse("analysis:pair_add", args=[slug, m]),
        reverse("analysis:pair_remove", args=[slug, m, p]),
        reverse("analysis:actor_add", args=[slug, m, p]),
        reverse("analysis:incident_add", args=[slug, m, p]),
        reverse("analysis:fuel_add", args=[slug, m, p]),
        reverse("analysis:actor_move", args=[slug, act]),
        reverse("analysis:actor_remove", args=[slug, act]),
        reverse("analysis:pair_edit", args=[slug, m, p]),
        reverse("analysis:incident_remove", args=[slug, o["pair"].incidents.get().pk]),
    ]


def test_the_officer_can_open_every_page(client_for: Any, tenancy: Any, objects: dict[str, Any]) -> None:
    client = client_for(tenancy.officer)
    for name, (url, _readable) in urls(objects).items():
        response = client.get(url)
        assert response.status_code == 200, name


def test_the_reader_can_read_but_not_open_editing_pages(
    client_for: Any, tenancy: Any, objects: dict[str, Any]
) -> None:
    client = client_for(tenancy.reader)
    for name, (url, readable) in urls(objects).items():
        assert client.get(url).status_code == (200 if readable else 403), name


def test_the_reader_cannot_change_anything(client_for: Any, tenancy: Any, objects: dict[str, Any]) -> None:
    client = client_for(tenancy.reader)
    with_forms = [
        "map_create",
        "map_detail",
        "analysis_start",
        "analysis_step",
        "share",
        "catalogue",
        "impact_create",
        "impact_detail",
    ]
    for url in post_urls(objects) + [urls(objects)[name][0] for name in with_forms]:
        assert client.post(url, {"role": "middle", "title": "x"}).status_code == 403, url
    # Read-only pages do not accept a POST at all.
    assert client.post(urls(objects)["report"][0]).status_code == 405
    assert objects["pair"].actors.count() == 3
    assert ImpactScan.objects.get().project == "Windmolens"


def test_the_outsider_gets_404_on_every_page_and_the_pdf(
    client_for: Any, tenancy: Any, objects: dict[str, Any]
) -> None:
    client = client_for(tenancy.outsider)
    for name, (url, _readable) in urls(objects).items():
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"title": "x"}).status_code == 404, name
    for url in post_urls(objects):
        assert client.post(url, {"role": "middle"}).status_code == 404, url
    assert objects["pair"].actors.count() == 3


def test_the_outsider_gets_404_for_an_object_of_another_organisation_under_its_own_slug(
    client_for: Any, tenancy: Any, objects: dict[str, Any]
) -> None:
    client = client_for(tenancy.outsider)
    slug = tenancy.outsider_org.slug
    m, a = objects["map"].pk, objects["analysis"].pk
    for url in [
        reverse("analysis:map_detail", args=[slug, m]),
        reverse("analysis:pair_detail", args=[slug, m, objects["pair"].pk]),
        reverse("analysis:report_pdf", args=[slug, a]),
        reverse("analysis:impact_detail", args=[slug, objects["scan"].pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            reverse("analysis:actor_move", args=[slug, objects["actor"].pk]), {"role": "middle"}
        ).status_code
        == 404
    )


def test_the_dashboard_shows_the_analysis_menu_and_the_review_dates(
    client_for: Any, tenancy: Any, objects: dict[str, Any]
) -> None:
    response = client_for(tenancy.reader).get(reverse("core:dashboard", args=[tenancy.org.slug]))
    html = response.content.decode()
    assert ">Analyse<" in html
    assert "Windmolens" in html and "Impactscans: herzien op" in html
