"""Fixtures for the key-figure tests: a Gouda network with neighbourhoods, and ready-made people."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.cache import cache

from brug.core.models import Membership


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    # The rate limit lives in the cache; every test starts with a fresh hour.
    cache.clear()


@pytest.fixture
def member(tenancy: Any) -> Membership:
    return Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)


@pytest.fixture
def officer_membership(tenancy: Any) -> Membership:
    return Membership.objects.get(user=tenancy.officer, organisation=tenancy.org)


@pytest.fixture
def hoods(tenancy: Any) -> dict[str, Any]:
    from brug.municipalities.models import Neighbourhood

    names = ["Binnenstad", "Korte Akkeren", "Goverwelle", "Bloemendaal"]
    return {
        n: Neighbourhood.objects.get_or_create(municipality=tenancy.org.municipality, name=n)[0]
        for n in names
    }


@pytest.fixture
def network(member: Membership, hoods: dict[str, Any]) -> Any:
    from brug.network import services
    from brug.network.models import Domain

    services.ensure_default_domains(organisation=member.organisation)
    return services.save_network(
        membership=member,
        data={
            "name": "Netwerk Gouda",
            "kind": "vast",
            "purpose": "Spanningen vroeg horen.",
            "goal": "De boel bij elkaar houden.",
            "board_support": "formeel",
            "municipality_role": "facilitator",
            "target_neighbourhoods": list(hoods.values()),
            "target_domains": list(
                Domain.objects.filter(organisation=member.organisation, name__in=["School", "Politie"])
            ),
            "target_communities": "Marokkaanse gemeenschap, statushouders",
            "target_age_groups": ["jongeren"],
            "target_languages": "Nederlands, Arabisch",
        },
    )


def make_person(member: Membership, network: Any, name: str, **extra: Any) -> Any:
    from brug.network import services

    data: dict[str, Any] = {
        "name": name,
        "email": extra.pop("email", f"{name.split()[0].lower()}@voorbeeld.example"),
        "phone": extra.pop("phone", ""),
        "kind": "informeel",
        "networks": [network],
        "neighbourhoods": extra.pop("neighbourhoods", []),
        "consent_date": date(2026, 1, 1),
        "consent_how": "Mondeling in het selectiegesprek",
        "retention_until": date(2029, 1, 1),
        **extra,
    }
    return services.save_key_figure(membership=member, data=data)


def make_active(member: Membership, network: Any, name: str, **extra: Any) -> Any:
    from brug.network import services

    person = make_person(member, network, name, **extra)
    services.record_conversation(
        membership=member,
        key_figure=person,
        data={
            "held_on": date(2026, 2, 1),
            "enough_time": True,
            "click": True,
            "decision": "aannemen",
            "reason": "Past.",
        },
    )
    person.refresh_from_db()
    return person


@pytest.fixture
def active_person(member: Membership, network: Any, hoods: dict[str, Any]) -> Any:
    return make_active(
        member, network, "Aïcha Amrani", email="aicha@voorbeeld.example", neighbourhoods=[hoods["Binnenstad"]]
    )
