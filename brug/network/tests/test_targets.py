"""The network's own targets: each sentence computed, with a test per branch, and on the network page."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from brug.network import services, targets

from .conftest import make_active

TODAY = date(2026, 11, 29)


def _lines(**overrides: object) -> dict[str, targets.TargetLine]:
    values: dict[str, object] = {
        "active": 35,
        "size_min": 30,
        "size_max": 40,
        "organisations": [f"Org {i}" for i in range(10)],
        "organisations_target": 10,
        "meeting_dates": [date(2026, 10, 1), date(2026, 4, 1)],
        "meetings_per_year": 2,
        "today": TODAY,
    }
    values.update(overrides)
    return {line.key: line for line in targets.progress(**values)}  # type: ignore[arg-type]


def test_size_below_within_and_above_the_target() -> None:
    assert _lines(active=12)["omvang"].sentence.endswith("werf er nog 18.")
    assert not _lines(active=12)["omvang"].met
    assert _lines()["omvang"].met and "binnen het doel van 30 tot 40" in _lines()["omvang"].sentence
    assert "meer dan het doel" in _lines(active=55)["omvang"].sentence


def test_partner_organisations_count_distinct_names_without_case() -> None:
    names = targets.partner_organisations(["Politie", "politie ", ""], ["Woonstede", "POLITIE"])
    assert names == ["Politie", "Woonstede"]
    assert _lines(organisations=names)["partners"].sentence.endswith("nog 8 te gaan.")
    assert _lines()["partners"].met


def test_the_next_broad_meeting_is_due_after_half_a_year_or_now() -> None:
    on_track = _lines()["bijeenkomsten"]
    assert on_track.met and "De volgende uiterlijk 01-04-2027." in on_track.sentence
    overdue = _lines(meeting_dates=[date(2025, 11, 1)])["bijeenkomsten"]
    assert (
        not overdue.met and "nu aan de beurt" in overdue.sentence and overdue.sentence.startswith("0 brede")
    )
    never = _lines(meeting_dates=[])["bijeenkomsten"]
    assert "nu aan de beurt" in never.sentence
    assert _lines(meetings_per_year=0)["bijeenkomsten"].sentence == "Geen doel voor brede bijeenkomsten."


@pytest.mark.django_db
def test_the_network_page_shows_the_targets_and_working_group_partners(
    client_for, tenancy, member, network
) -> None:
    make_active(member, network, "Anna A", employer="Politie")
    services.save_working_group(
        membership=member,
        network=network,
        data={"name": "Media", "partner_organisations": "Lokale krant, Bibliotheek"},
    )
    page = client_for(tenancy.coordinator).get(reverse("network:network_detail", args=["gouda", network.pk]))
    body = page.content.decode()
    assert "1 actieve sleutelfiguren; het doel is 30 tot 40: werf er nog 29." in body
    assert "3 partnerorganisaties" in body
    assert "partners: Lokale krant, Bibliotheek" in body
    outsider = client_for(tenancy.outsider)
    assert outsider.get(reverse("network:network_detail", args=["gouda", network.pk])).status_code == 404


@pytest.mark.django_db
def test_a_maximum_below_the_minimum_is_refused(client_for, tenancy, network) -> None:
    response = client_for(tenancy.coordinator).post(
        reverse("network:network_edit", args=["gouda", network.pk]),
        {
            "name": network.name,
            "kind": network.kind,
            "purpose": network.purpose,
            "goal": network.goal,
            "board_support": network.board_support,
            "municipality_role": network.municipality_role,
            "target_size_min": 40,
            "target_size_max": 30,
            "target_partner_organisations": 10,
            "broad_meetings_per_year": 2,
            "version": network.version,
        },
    )
    assert response.status_code == 400
    assert "Het maximum moet minstens zo groot zijn als het minimum." in response.content.decode()
    network.refresh_from_db()
    assert (network.target_size_min, network.target_size_max) == (30, 40)
