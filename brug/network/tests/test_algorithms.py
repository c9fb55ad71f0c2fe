"""Coverage, suggested profile, network graph and turnover: the numbers a coordinator acts on."""

from __future__ import annotations

from datetime import date

import pytest

from brug.network import coverage, graph, selectors, services
from brug.network.demo import NETWORK_NAME

from .conftest import make_active

pytestmark = pytest.mark.django_db


def test_coverage_shows_the_wanted_neighbourhoods_nobody_reaches_as_gaps(member, network, hoods) -> None:
    make_active(member, network, "Anna A", neighbourhoods=[hoods["Binnenstad"], hoods["Goverwelle"]])
    make_active(member, network, "Bert B", neighbourhoods=[hoods["Binnenstad"]])
    result = coverage.compute(network, list(selectors.active_in(network)))
    wijken = result.dimensions[0]
    assert wijken.gaps == ["Bloemendaal", "Korte Akkeren"] or set(wijken.gaps) == {
        "Bloemendaal",
        "Korte Akkeren",
    }
    assert wijken.thin == ["Goverwelle"]
    assert wijken.reached["Binnenstad"] == 2


def test_communities_and_languages_match_regardless_of_capitals(member, network) -> None:
    make_active(member, network, "Anna A", communities="marokkaanse Gemeenschap", languages="arabisch")
    result = coverage.compute(network, list(selectors.active_in(network)))
    by_key = {d.key: d for d in result.dimensions}
    assert by_key["communities"].gaps == ["statushouders"]
    assert by_key["languages"].gaps == ["Nederlands"]


def test_candidates_do_not_count_for_coverage(member, network, hoods) -> None:
    from .conftest import make_person

    make_person(member, network, "Kandidaat K", neighbourhoods=[hoods["Binnenstad"]])
    result = coverage.compute(network, list(selectors.active_in(network)))
    assert result.active == 0 and "Binnenstad" in result.dimensions[0].gaps


def test_the_suggested_profile_names_the_gaps_and_explains_each_rule(member, network, hoods) -> None:
    make_active(member, network, "Anna A", neighbourhoods=[hoods["Binnenstad"]], kind="formeel")
    result = coverage.compute(network, list(selectors.active_in(network)))
    rules = {s.rule for s in result.suggestions}
    assert {"gat", "dun", "balans"} <= rules
    assert any("Korte Akkeren" in line for line in result.profile)
    assert all(s.why for s in result.suggestions)


def test_a_snowball_from_one_person_suggests_recruiting_outside_the_circle(member, network) -> None:
    starter = make_active(member, network, "Start S")
    for name in ["Een E", "Twee T", "Drie D"]:
        make_active(member, network, name, referred_by=starter)
    result = coverage.compute(network, list(selectors.active_in(network)))
    assert any(s.rule == "sneeuwbal" for s in result.suggestions)


def test_the_graph_finds_the_person_whose_leaving_cuts_the_network(member, network, hoods) -> None:
    # A and B share Binnenstad; C only hangs on B through a referral: B is the weak link.
    a = make_active(member, network, "Anna A", neighbourhoods=[hoods["Binnenstad"]])
    b = make_active(member, network, "Bert B", neighbourhoods=[hoods["Binnenstad"]])
    c = make_active(member, network, "Cees C", neighbourhoods=[hoods["Goverwelle"]], referred_by=b)
    result = graph.analyse(list(selectors.active_in(network)), [])
    assert [n.pk for n in result.cut_points] == [b.pk]
    assert result.cut_points[0].cut_off == 1
    assert result.hubs[0].pk == b.pk
    assert {n.pk for n in result.nodes} == {a.pk, b.pk, c.pk}
    assert result.components == 1


def test_the_graph_layout_is_the_same_on_every_visit(member, network, hoods) -> None:
    for name in ["Anna A", "Bert B", "Cees C", "Dirk D"]:
        make_active(member, network, name, neighbourhoods=[hoods["Binnenstad"]])
    people = list(selectors.active_in(network))
    first, second = graph.analyse(people, []), graph.analyse(people, [])
    assert [(n.x, n.y) for n in first.nodes] == [(n.x, n.y) for n in second.nodes]
    assert all(0 <= n.x <= graph.WIDTH and 0 <= n.y <= graph.HEIGHT for n in first.nodes)


def test_a_referral_points_from_who_brought_someone_in_to_the_newcomer(member, network, hoods) -> None:
    bert = make_active(member, network, "Bert B")
    cees = make_active(member, network, "Cees C", referred_by=bert)
    result = graph.analyse(list(selectors.active_in(network)), [])
    (edge,) = result.edges
    by_pk = {n.pk: n for n in result.nodes}
    start, end = by_pk[bert.pk], by_pk[cees.pk]
    assert edge.directed and edge.kind == "verwijzing"
    assert (edge.x1, edge.y1) == (start.x, start.y)
    # The line stops just short of the newcomer's circle, where the arrowhead is drawn.
    assert abs(((edge.x2 - end.x) ** 2 + (edge.y2 - end.y) ** 2) ** 0.5 - (graph.NODE_R + 2)) < 1


def test_working_groups_connect_their_members(member, network) -> None:
    a = make_active(member, network, "Anna A")
    b = make_active(member, network, "Bert B")
    services.save_working_group(membership=member, network=network, data={"name": "Media", "members": [a, b]})
    result = graph.analyse(list(selectors.active_in(network)), list(selectors.working_groups_for(network)))
    assert [e.kind for e in result.edges] == ["werkgroep"]


def test_turnover_counts_joined_and_left_per_quarter(member, network) -> None:
    a = make_active(member, network, "Anna A")
    make_active(member, network, "Bert B")
    services.change_status(membership=member, key_figure=a, status="gestopt")
    rows = selectors.turnover(membership=member)
    assert rows[-1]["joined"] == 2 and rows[-1]["left"] == 1 and rows[-1]["net"] == 1


def test_activity_counts_signals_from_key_figures_and_meeting_attendance(
    member, network, active_person
) -> None:
    from django.utils import timezone

    from brug.network.services.links import link_state

    token = services.issue_link(membership=member, key_figure=active_person)
    services.submit_signal(
        link=link_state(token)[1],
        data={"text": "Onrust", "occurred_at": timezone.now(), "severity": 2, "may_contact": False},
    )
    services.save_meeting(
        membership=member,
        network=network,
        data={"title": "Brede bijeenkomst", "held_on": timezone.localdate(), "attendees": [active_person]},
    )
    row = selectors.turnover(membership=member)[-1]
    assert (row["signals"], row["present"]) == (1, 1)


def test_quarters_are_named_in_dutch() -> None:
    assert selectors.quarter_of(date(2026, 5, 1)) == "2026-K2"


def test_the_demo_network_looks_like_delfts_and_loads_only_once(tenancy) -> None:
    from brug.core.demo import DemoContext
    from brug.core.demo import load as load_core
    from brug.network import demo
    from brug.network.models import KeyFigure, Meeting, Network

    ctx = DemoContext()
    load_core(ctx)
    demo.load(ctx)
    demo.load(ctx)
    org = ctx.orgs["voorbeeldstad"]
    network = Network.objects.get(organisation=org, name=NETWORK_NAME)
    assert KeyFigure.objects.filter(organisation=org).count() == 35
    assert Meeting.objects.filter(network=network).count() == 2
    result = coverage.compute(network, list(selectors.active_in(network)))
    assert set(result.dimensions[0].gaps) == {"Westerpark", "Bloemendaal-Zuid"}
    drawn = graph.analyse(list(selectors.active_in(network)), list(selectors.working_groups_for(network)))
    assert any(n.name == "Marloes Smit" for n in drawn.cut_points)
    # Dense graph: no two circles overlap, so no number label does either.
    points = [(n.x, n.y) for n in drawn.nodes]
    closest = min(
        ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
        for i, a in enumerate(points)
        for b in points[i + 1 :]
    )
    assert closest >= graph.MIN_GAP - 0.5
    assert sorted(n.number for n in drawn.nodes) == list(range(1, len(drawn.nodes) + 1))
    assert sum(r["joined"] for r in selectors.turnover(membership=org.memberships.first())) >= 28
