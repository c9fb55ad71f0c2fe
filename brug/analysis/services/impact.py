"""Writes on social impact scans."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership
from brug.municipalities.models import Neighbourhood

from .. import config
from ..models import ImpactScan, UsThemPair
from .common import AnalysisError, clean_label, require_editor


def save_impact_scan(
    *,
    membership: Membership,
    scan: ImpactScan | None = None,
    project: str,
    kind: str,
    neighbourhoods: list[Neighbourhood],
    affected_groups: str,
    expected_tensions: str,
    pairs: list[UsThemPair],
    mitigation: str = "",
    owner: str,
    review_date: dt.date,
) -> ImpactScan:
    require_editor(membership)
    if kind not in dict(config.PROJECT_KINDS):
        raise AnalysisError("Kies een soort project uit de lijst.")
    org = membership.organisation
    if any(h.municipality_id != org.municipality_id for h in neighbourhoods):
        raise AnalysisError("Kies alleen wijken van uw eigen gemeente.")
    if any(p.map.organisation_id != org.pk for p in pairs):
        raise AnalysisError("Kies alleen wij-zij-paren van uw eigen kaarten.")
    fields = {
        "project": clean_label(project, "De naam van het project"),
        "kind": kind,
        "affected_groups": clean_label(affected_groups, "De geraakte groepen"),
        "expected_tensions": clean_label(expected_tensions, "De verwachte spanningen"),
        "mitigation": mitigation,
        "owner": clean_label(owner, "De eigenaar"),
        "review_date": review_date,
    }
    with transaction.atomic():
        if scan is None:
            scan = ImpactScan.objects.create(organisation=org, created_by=membership.user, **fields)
            action = "analysis.impact.create"
        else:
            for key, value in fields.items():
                setattr(scan, key, value)
            scan.save()
            action = "analysis.impact.update"
        scan.neighbourhoods.set(neighbourhoods)
        scan.pairs.set(pairs)
        record(action=action, obj=scan, membership=membership, fields=[*fields, "neighbourhoods", "pairs"])
    return scan
