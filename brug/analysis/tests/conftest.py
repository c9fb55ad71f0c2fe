"""Fixtures of the analysis tests: a map with a pair and actors, and a started analysis."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from brug.analysis import services
from brug.analysis.config import Role
from brug.core.models import Membership


def member(tenancy: Any, who: str = "officer") -> Membership:
    return Membership.objects.get(user=getattr(tenancy, who), organisation=tenancy.org)


@pytest.fixture
def officer_m(tenancy: Any) -> Membership:
    return member(tenancy, "officer")


@pytest.fixture
def catalogue(db: None) -> int:
    return services.seed_global_catalogue()


@pytest.fixture
def pmap(officer_m: Membership) -> Any:
    pmap = services.create_map(membership=officer_m, title="Kaart Gouda", as_of=timezone.localdate())
    return pmap


@pytest.fixture
def pair(officer_m: Membership, pmap: Any) -> Any:
    pair = services.add_pair(
        membership=officer_m,
        pmap=pmap,
        pole_a="Gemeente",
        pole_b="Wijk achter het spoor",
        dividing_line="burger-overheid",
    )
    services.add_actor(
        membership=officer_m, pair=pair, label="Wethouder", role=Role.PUSHER_A, is_government=True
    )
    services.add_actor(membership=officer_m, pair=pair, label="Een lokale Facebookgroep", role=Role.PUSHER_B)
    services.add_actor(membership=officer_m, pair=pair, label="Buurtvereniging", role=Role.MIDDLE)
    services.add_incident(
        membership=officer_m,
        pair=pair,
        date=timezone.localdate() - dt.timedelta(days=3),
        what="Ruzie op de inspraakavond",
    )
    return pair


@pytest.fixture
def analysis(officer_m: Membership, pmap: Any, pair: Any, catalogue: int) -> Any:
    return services.start_analysis(
        membership=officer_m, title="Analyse Spoorzijde", pmap=pmap, phase_model="movisie", domain="sociaal"
    )
