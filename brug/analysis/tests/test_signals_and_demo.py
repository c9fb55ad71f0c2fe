"""The bridge for the signals app, and the demo data."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404
from django.utils import timezone

from brug.analysis import services
from brug.analysis.models import Actor, ImpactScan, Incident, JointAnalysis, MapSnapshot, PolarisationMap

pytestmark = pytest.mark.django_db


def make_signal(org: Any, **extra: Any) -> Any:
    from brug.signals.models import Signal

    return Signal.objects.create(
        organisation=org,
        channel="medewerker",
        text="Ruzie bij het viaduct",
        occurred_at=timezone.now(),
        place="Viaduct",
        severity=3,
        **extra,
    )


def test_a_signal_becomes_an_incident_on_a_pair(officer_m: Any, tenancy: Any, pair: Any) -> None:
    signal = make_signal(tenancy.org)
    incident = services.create_incident_from_signal(membership=officer_m, pair=pair, signal=signal)
    assert incident.signal == signal and incident.severity == 3 and incident.place == "Viaduct"
    assert incident.what == "Ruzie bij het viaduct" and incident.date == timezone.localdate()
    assert list(signal.incidents.all()) == [incident]


def test_the_signal_of_an_outsider_is_refused_with_404(officer_m: Any, tenancy: Any, pair: Any) -> None:
    signal = make_signal(tenancy.outsider_org)
    with pytest.raises(Http404):
        services.create_incident_from_signal(membership=officer_m, pair=pair, signal=signal)
    assert Incident.objects.count() == 1


def test_the_demo_builds_voorbeeldstad_once(db: None) -> None:
    from brug.analysis import demo
    from brug.core.demo import DemoContext
    from brug.core.demo import load as load_core
    from conftest import ensure_municipalities

    ensure_municipalities()
    ctx = DemoContext()
    load_core(ctx)
    demo.load(ctx)
    demo.load(ctx)
    pmap = PolarisationMap.objects.get()
    assert pmap.pairs.count() == 5
    assert Actor.objects.filter(pair__pole_a="Gemeente").count() == 9
    assert MapSnapshot.objects.filter(map=pmap).count() == 2
    assert JointAnalysis.objects.get().is_complete
    assert ImpactScan.objects.get().neighbourhoods.get().name == "Noorderveld"
    advice = {
        a["key"]: a["applies"]
        for a in __import__("brug.analysis.gamechanger", fromlist=["advise"]).advise(services.map_data(pmap))
    }
    assert advice == {"doelgroep": True, "onderwerp": True, "positie": True, "toon": True}
