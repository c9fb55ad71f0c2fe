"""Item 7 of issue 15: every edit of a map or analysis is a new version and its audit line names
exactly the fields that changed (not a fixed list, not an empty one)."""

from __future__ import annotations

from typing import Any

import pytest

from brug.analysis import services
from brug.analysis.config import Role
from brug.analysis.models import JointAnalysis, PolarisationMap
from brug.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def _last(action: str) -> list[str]:
    entry = AuditLogEntry.objects.filter(action=action).order_by("-id").first()
    assert entry is not None
    return entry.changed_fields


def test_editing_only_the_title_of_a_map_audits_only_the_title(officer_m, pmap) -> None:
    version = PolarisationMap.objects.get(pk=pmap.pk).version
    services.update_map(
        membership=officer_m,
        pmap=pmap,
        version=version,
        title="Nieuwe titel",
        as_of=pmap.as_of,
        whole_municipality=pmap.whole_municipality,
        neighbourhoods=list(pmap.neighbourhoods.all()),
        phase=pmap.phase,
        description=pmap.description,
    )
    assert _last("analysis.map.update") == ["title"]
    assert PolarisationMap.objects.get(pk=pmap.pk).version == version + 1


def test_editing_a_pair_audits_the_changed_pole(officer_m, pair) -> None:
    services.update_pair(
        membership=officer_m,
        pair=pair,
        pole_a=pair.pole_a,
        pole_b="Bewoners Spoorzijde",
        dividing_line=pair.dividing_line,
        description=pair.description,
        version=pair.version,
    )
    assert _last("analysis.pair.update") == ["pole_b"]


def test_moving_the_leader_of_the_silent_middle_out_audits_the_dropped_stance(officer_m, pair) -> None:
    actor = services.add_actor(
        membership=officer_m, pair=pair, label="Imam", role=Role.MIDDLE, leads_middle=True
    )
    services.move_actor(membership=officer_m, actor=actor, role=Role.BRIDGE)
    assert _last("analysis.actor.move") == ["leads_middle", "role"]


def test_the_wizard_steps_audit_what_changed(officer_m, analysis: Any) -> None:
    stored = JointAnalysis.objects.get(pk=analysis.pk)
    services.save_preparation(
        membership=officer_m,
        analysis=stored,
        version=stored.version,
        title=stored.title,
        question="Waarom is het onrustig bij het station?",
        pmap=stored.map,
        phase_model=stored.phase_model,
        domain="sociaal",
        other_participants=stored.other_participants,
    )
    assert _last("analysis.analysis.preparation") == ["question"]
    services.save_contribution(
        membership=officer_m,
        analysis=analysis,
        version=analysis.contributions.get().version,
        domain="sociaal",
        phase="",
        manifestations=[],
        answers={"groups": "Jongeren voelen zich niet gehoord."},
    )
    assert _last("analysis.contribution.save") == ["answers"]
