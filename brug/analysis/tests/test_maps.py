"""Building a polarisation map through the pages, and the bad input it must refuse."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from brug.analysis import services
from brug.analysis.models import Actor, Incident, MapSnapshot, PolarisationMap, UsThemPair

pytestmark = pytest.mark.django_db


def test_an_officer_creates_a_map_for_chosen_neighbourhoods(client_for: Any, tenancy: Any) -> None:
    from brug.municipalities.models import Neighbourhood

    hood = Neighbourhood.objects.create(municipality=tenancy.org.municipality, name="Korte Akkeren")
    response = client_for(tenancy.officer).post(
        reverse("analysis:map_create", args=["gouda"]),
        {"title": "Kaart 2026", "as_of": timezone.localdate().isoformat(), "neighbourhoods": [hood.pk]},
    )
    pmap = PolarisationMap.objects.get()
    assert response.status_code == 302
    assert pmap.area_label == "Korte Akkeren"
    assert MapSnapshot.objects.filter(map=pmap).count() == 1


def test_a_map_without_area_is_refused_with_a_dutch_message(client_for: Any, tenancy: Any) -> None:
    response = client_for(tenancy.officer).post(
        reverse("analysis:map_create", args=["gouda"]), {"title": "Kaart", "as_of": "2026-01-01"}
    )
    assert response.status_code == 400
    assert "Kies de hele gemeente of ten minste één wijk." in response.content.decode()
    assert not PolarisationMap.objects.exists()


def test_a_neighbourhood_of_another_municipality_cannot_be_chosen(officer_m: Any, tenancy: Any) -> None:
    from brug.municipalities.models import Neighbourhood

    other = Neighbourhood.objects.create(municipality=tenancy.outsider_org.municipality, name="Hof van Delft")
    with pytest.raises(services.AnalysisError):
        services.create_map(
            membership=officer_m,
            title="X",
            as_of=timezone.localdate(),
            whole_municipality=False,
            neighbourhoods=[other],
        )


def test_an_officer_adds_a_pair_and_sees_it_in_the_table(client_for: Any, tenancy: Any, pmap: Any) -> None:
    client = client_for(tenancy.officer)
    response = client.post(
        reverse("analysis:pair_add", args=["gouda", pmap.pk]),
        {"pole_a": "Anti Zwarte Piet", "pole_b": "Pro Zwarte Piet", "dividing_line": "sinterklaas"},
    )
    assert response.status_code == 302
    page = client.get(reverse("analysis:map_detail", args=["gouda", pmap.pk])).content.decode()
    assert "Anti Zwarte Piet" in page and "Sinterklaas / Zwarte Piet" in page


def test_an_empty_pole_label_is_refused_and_nothing_is_saved(
    client_for: Any, tenancy: Any, pmap: Any
) -> None:
    response = client_for(tenancy.officer).post(
        reverse("analysis:pair_add", args=["gouda", pmap.pk]),
        {"pole_a": "   ", "pole_b": "Pro Zwarte Piet", "dividing_line": "sinterklaas"},
    )
    assert response.status_code == 400
    assert "Vul de naam van de linker pool (wij) in." in response.content.decode()
    assert not UsThemPair.objects.exists()


def test_the_service_also_refuses_an_empty_pole_label(officer_m: Any, pmap: Any) -> None:
    with pytest.raises(services.AnalysisError, match="rechter pool"):
        services.add_pair(
            membership=officer_m, pmap=pmap, pole_a="Wij", pole_b="", dividing_line="sinterklaas"
        )


def test_an_actor_in_two_roles_at_once_is_refused(client_for: Any, tenancy: Any, pair: Any) -> None:
    response = client_for(tenancy.officer).post(
        reverse("analysis:actor_add", args=["gouda", pair.map_id, pair.pk]),
        {"label": "wethouder", "role": "bridge"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "staat al op deze kaart als pusher (pool links)" in html
    assert Actor.objects.get(label="Wethouder").role == "pusher_a"
    assert pair.actors.count() == 3


def test_an_incident_dated_in_the_future_is_refused(client_for: Any, tenancy: Any, pair: Any) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client_for(tenancy.officer).post(
        reverse("analysis:incident_add", args=["gouda", pair.map_id, pair.pk]),
        {
            "incident-date": tomorrow.isoformat(),
            "incident-what": "Nog niet gebeurd",
            "incident-severity": "2",
        },
    )
    assert response.status_code == 400
    assert "ligt in de toekomst" in response.content.decode()
    assert Incident.objects.count() == 1


def test_an_officer_adds_an_incident_with_neighbourhood_and_source(
    client_for: Any, tenancy: Any, pair: Any
) -> None:
    response = client_for(tenancy.officer).post(
        reverse("analysis:incident_add", args=["gouda", pair.map_id, pair.pk]),
        {
            "incident-date": timezone.localdate().isoformat(),
            "incident-what": "Graffiti op het viaduct",
            "incident-severity": "3",
            "incident-place": "Viaduct",
            "incident-source": "Wijkagent",
        },
    )
    assert response.status_code == 302
    assert Incident.objects.filter(what="Graffiti op het viaduct", severity=3, source="Wijkagent").exists()


def test_fuel_statements_are_kept_per_pole(client_for: Any, tenancy: Any, pair: Any) -> None:
    client = client_for(tenancy.officer)
    response = client.post(
        reverse("analysis:fuel_add", args=["gouda", pair.map_id, pair.pk]),
        {
            "fuel-pole": "b",
            "fuel-date": timezone.localdate().isoformat(),
            "fuel-channel": "Facebook",
            "fuel-text": "Die lui van het stadhuis",
            "fuel-identity_framed": "on",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("analysis:pair_detail", args=["gouda", pair.map_id, pair.pk])).content.decode()
    assert "Die lui van het stadhuis" in page


def test_the_pair_page_draws_brandsmas_map_as_accessible_svg_with_a_table(
    client_for: Any, tenancy: Any, pair: Any
) -> None:
    html = (
        client_for(tenancy.reader)
        .get(reverse("analysis:pair_detail", args=["gouda", pair.map_id, pair.pk]))
        .content.decode()
    )
    assert 'role="img"' in html and '<title id="polmap-title' in html and "<desc" in html
    for zone in ("Bruggenbouwer", "Stille midden", "Zondebok", "Pusher", "Joiner"):
        assert zone in html
    assert "Een lokale Facebookgroep" in html
    # The reader sees the map but gets neither the drag script nor the move forms.
    assert "map.js" not in html and "Verplaats" not in html


def test_an_officer_moves_an_actor_with_the_keyboard_form(client_for: Any, tenancy: Any, pair: Any) -> None:
    actor = pair.actors.get(label="Wethouder")
    response = client_for(tenancy.officer).post(
        reverse("analysis:actor_move", args=["gouda", actor.pk]), {"role": "middle"}, follow=True
    )
    actor.refresh_from_db()
    assert actor.role == "middle"
    assert "is verplaatst naar Stille midden" in response.content.decode()


def test_the_drag_script_gets_json_back(client_for: Any, tenancy: Any, pair: Any) -> None:
    actor = pair.actors.get(label="Wethouder")
    client = client_for(tenancy.officer)
    url = reverse("analysis:actor_move", args=["gouda", actor.pk])
    ok = client.post(url, {"role": "bridge"}, headers={"X-Requested-With": "fetch"})
    assert ok.json() == {"ok": True, "role": "bridge", "label": "Bruggenbouwer"}
    bad = client.post(url, {"role": "koning"}, headers={"X-Requested-With": "fetch"})
    assert bad.status_code == 400 and "Kies een rol" in bad.json()["error"]


def test_removing_an_actor_and_a_pair(client_for: Any, tenancy: Any, pair: Any) -> None:
    client = client_for(tenancy.officer)
    actor = pair.actors.first()
    assert client.post(reverse("analysis:actor_remove", args=["gouda", actor.pk])).status_code == 302
    assert pair.actors.count() == 2
    assert (
        client.post(reverse("analysis:pair_remove", args=["gouda", pair.map_id, pair.pk])).status_code == 302
    )
    assert not UsThemPair.objects.exists()


def _map_post(pmap: Any, **changes: Any) -> dict[str, Any]:
    data = {
        "title": pmap.title,
        "as_of": pmap.as_of.isoformat(),
        "whole_municipality": "on",
        "phase": "",
        "description": "",
        "version": pmap.version,
    }
    data.update(changes)
    return data


def test_two_officers_saving_the_same_map_the_second_is_refused_and_keeps_the_input(
    client_for: Any, tenancy: Any, pmap: Any
) -> None:
    url = reverse("analysis:map_detail", args=["gouda", pmap.pk])
    first, second = client_for(tenancy.officer), client_for(tenancy.coordinator)
    # Both opened the form at the same version.
    started_at = pmap.version
    assert first.post(url, _map_post(pmap, title="Titel van Mo", version=started_at)).status_code == 302
    response = second.post(
        url, _map_post(pmap, title="Titel van Carla", description="Mijn toelichting", version=started_at)
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "Mo Medewerker heeft dit intussen" in html and "al opgeslagen" in html
    assert 'value="Titel van Carla"' in html and "Mijn toelichting" in html
    pmap.refresh_from_db()
    assert pmap.title == "Titel van Mo"
    # The kept form carries the new version: saving again on purpose now works.
    assert f'name="version" value="{pmap.version}"' in html
    assert second.post(url, _map_post(pmap, title="Titel van Carla")).status_code == 302
    pmap.refresh_from_db()
    assert pmap.title == "Titel van Carla"


def test_the_service_refuses_a_stale_version(officer_m: Any, pmap: Any) -> None:
    kwargs = {
        "membership": officer_m,
        "pmap": pmap,
        "title": "A",
        "as_of": pmap.as_of,
        "whole_municipality": True,
        "neighbourhoods": [],
    }
    services.update_map(version=1, **kwargs)
    with pytest.raises(services.StaleVersion):
        services.update_map(version=1, **kwargs)


def test_an_officer_renames_a_pair_but_not_to_an_empty_pole(client_for: Any, tenancy: Any, pair: Any) -> None:
    client = client_for(tenancy.officer)
    url = reverse("analysis:pair_edit", args=["gouda", pair.map_id, pair.pk])
    bad = client.post(
        url, {"pair-pole_a": "", "pair-pole_b": "Spoorzijde", "pair-dividing_line": "burger-overheid"}
    )
    assert bad.status_code == 400 and "Vul de naam van de linker pool (wij) in." in bad.content.decode()
    ok = client.post(
        url, {"pair-pole_a": "Stadhuis", "pair-pole_b": "Spoorzijde", "pair-dividing_line": "burger-overheid"}
    )
    assert ok.status_code == 302
    pair.refresh_from_db()
    assert (pair.pole_a, pair.pole_b) == ("Stadhuis", "Spoorzijde")


def test_an_officer_removes_an_incident_and_a_fuel_statement(
    client_for: Any, tenancy: Any, officer_m: Any, pair: Any
) -> None:
    fuel = services.add_fuel(
        membership=officer_m,
        pair=pair,
        pole="a",
        date=timezone.localdate(),
        channel="Krant",
        text="Zij zijn allemaal",
    )
    client = client_for(tenancy.officer)
    assert (
        client.post(reverse("analysis:incident_remove", args=["gouda", pair.incidents.get().pk])).status_code
        == 302
    )
    assert client.post(reverse("analysis:fuel_remove", args=["gouda", fuel.pk])).status_code == 302
    assert not pair.incidents.exists() and not pair.fuel.exists()


def test_the_leader_of_the_silent_middle_stance_belongs_to_the_middle(officer_m: Any, pair: Any) -> None:
    with pytest.raises(services.AnalysisError, match="hoort bij het stille midden"):
        services.add_actor(membership=officer_m, pair=pair, label="Imam", role="bridge", leads_middle=True)
    leader = services.add_actor(
        membership=officer_m, pair=pair, label="Imam", role="middle", leads_middle=True
    )
    services.move_actor(membership=officer_m, actor=leader, role="joiner_a")
    leader.refresh_from_db()
    assert not leader.leads_middle


def test_long_actor_names_wrap_instead_of_being_cut() -> None:
    from types import SimpleNamespace

    from brug.analysis.diagram import layout

    name = "Stichting Bewonersoverleg Korte Akkeren en Omstreken"
    pair = SimpleNamespace(pk=1, pole_a="A", pole_b="B")
    actor = SimpleNamespace(label=name, role="pusher_a", is_government=False, leads_middle=False)
    drawn = layout(pair, [actor])
    placed = next(z for z in drawn["zones"] if z.role == "pusher_a").actors[0]
    assert " ".join(line["text"] for line in placed["lines"]) == name
    assert len(placed["lines"]) == 4 and placed["h"] > 30
