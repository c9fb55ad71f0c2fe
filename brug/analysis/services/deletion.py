"""Deleting a whole polarisation map, joint analysis or social impact scan.

What goes with it and what stays:
- A map takes its pairs, incidents, actors, fuel statements and dated snapshots with it (the
  history of a map means nothing without the map). Signals stay: Incident.signal is SET_NULL and
  points *from* the incident to the signal, so deleting an incident never touches the signal.
  Joint analyses that used the map stay and lose the link (JointAnalysis.map is SET_NULL); impact
  scans stay and lose only their links to the deleted pairs (the many-to-many rows).
- An analysis takes its contributions, chosen interventions, snapshots and share records with it.
  A share record is our own receipt of what was shared, tied to the analysis; keeping it without
  the analysis would leave a dangling receipt, so it is deleted consistently (CASCADE). The
  anonymised text itself was published in the knowledge base as a separate item that no longer
  belongs to this analysis: it stays there and is withdrawn in the knowledge base if needed. The
  audit line records how many shares went, so it can be traced.
- An impact scan takes only its links to neighbourhoods and pairs with it.
"""

from __future__ import annotations

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership

from ..models import ImpactScan, JointAnalysis, PolarisationMap
from .common import require_editor


def delete_map(*, membership: Membership, pmap: PolarisationMap) -> str:
    """Delete the map and everything on it; returns its title for the message."""
    require_editor(membership)
    title = pmap.title
    with transaction.atomic():
        # Lock the row so a concurrent edit cannot add a pair to a map that is going away.
        locked = PolarisationMap.objects.select_for_update().get(pk=pmap.pk)
        record(
            action="analysis.map.delete",
            obj=locked,
            membership=membership,
            fields=["pairs", "incidents", "actors", "fuel", "snapshots"],
        )
        locked.delete()
    return title


def delete_analysis(*, membership: Membership, analysis: JointAnalysis) -> str:
    require_editor(membership)
    title = analysis.title
    with transaction.atomic():
        locked = JointAnalysis.objects.select_for_update().get(pk=analysis.pk)
        fields = ["contributions", "chosen", "snapshots"]
        if locked.shares.exists():
            fields.append("shares")
        record(action="analysis.analysis.delete", obj=locked, membership=membership, fields=fields)
        locked.delete()
    return title


def delete_impact_scan(*, membership: Membership, scan: ImpactScan) -> str:
    require_editor(membership)
    project = scan.project
    with transaction.atomic():
        locked = ImpactScan.objects.select_for_update().get(pk=scan.pk)
        record(action="analysis.impact.delete", obj=locked, membership=membership)
        locked.delete()
    return project
