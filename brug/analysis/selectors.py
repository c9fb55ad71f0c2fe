"""Every read the analysis views do, always scoped to the membership's organisation."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from brug.core import hooks
from brug.core.access import has_municipal_parts
from brug.core.models import Membership
from brug.municipalities.models import Neighbourhood

from .models import (
    Actor,
    AnalysisSnapshot,
    DecisionExplanation,
    DecisionStatus,
    FuelStatement,
    ImpactScan,
    Incident,
    Intervention,
    JointAnalysis,
    MapSnapshot,
    PartnerLink,
    PolarisationMap,
    UsThemPair,
)


def neighbourhoods_for(*, membership: Membership) -> QuerySet[Neighbourhood]:
    municipality_id = membership.organisation.municipality_id
    if municipality_id is None:  # a partner organisation has no neighbourhoods
        return Neighbourhood.objects.none()
    return Neighbourhood.objects.filter(municipality_id=municipality_id)


def maps_for(*, membership: Membership) -> QuerySet[PolarisationMap]:
    return PolarisationMap.objects.filter(organisation=membership.organisation).prefetch_related(
        "neighbourhoods"
    )


def map_for(*, membership: Membership, pk: int) -> PolarisationMap:
    return get_object_or_404(maps_for(membership=membership), pk=pk)


def pairs_for(*, membership: Membership) -> QuerySet[UsThemPair]:
    return UsThemPair.objects.filter(map__organisation=membership.organisation).select_related("map")


def pair_for(*, membership: Membership, pk: int, map_pk: int | None = None) -> UsThemPair:
    qs = pairs_for(membership=membership)
    if map_pk is not None:
        qs = qs.filter(map_id=map_pk)
    return get_object_or_404(qs, pk=pk)


def incidents_from_signal(*, signal: Any) -> QuerySet[Incident]:
    """The incidents made from one signal (the signal was already fetched within its organisation)."""
    return Incident.objects.filter(signal=signal).select_related("pair")


def actor_for(*, membership: Membership, pk: int) -> Actor:
    return get_object_or_404(
        Actor.objects.filter(pair__map__organisation=membership.organisation).select_related("pair__map"),
        pk=pk,
    )


def incident_for(*, membership: Membership, pk: int) -> Incident:
    return get_object_or_404(
        Incident.objects.filter(pair__map__organisation=membership.organisation).select_related("pair__map"),
        pk=pk,
    )


def fuel_for(*, membership: Membership, pk: int) -> FuelStatement:
    return get_object_or_404(
        FuelStatement.objects.filter(pair__map__organisation=membership.organisation).select_related(
            "pair__map"
        ),
        pk=pk,
    )


def map_snapshots(*, pmap: PolarisationMap) -> QuerySet[MapSnapshot]:
    return pmap.snapshots.all()


def analyses_for(*, membership: Membership) -> QuerySet[JointAnalysis]:
    return JointAnalysis.objects.filter(organisation=membership.organisation).select_related("map")


def analysis_for(*, membership: Membership, pk: int) -> JointAnalysis:
    return get_object_or_404(analyses_for(membership=membership), pk=pk)


def partner_links_for(*, analysis: JointAnalysis) -> QuerySet[PartnerLink]:
    return analysis.partner_links.select_related("contribution")


def partner_link_for(*, analysis: JointAnalysis, pk: int) -> PartnerLink:
    return get_object_or_404(PartnerLink, analysis=analysis, pk=pk)


def analysis_snapshots(*, analysis: JointAnalysis) -> QuerySet[AnalysisSnapshot]:
    return analysis.snapshots.all()


def interventions_for(*, membership: Membership) -> QuerySet[Intervention]:
    return Intervention.objects.filter(Q(organisation__isnull=True) | Q(organisation=membership.organisation))


def interventions_as_data(*, membership: Membership) -> list[dict[str, Any]]:
    return [
        {"id": i.pk, "phases": i.phases, "manifestations": i.manifestations}
        for i in interventions_for(membership=membership)
    ]


def impact_scans_for(*, membership: Membership) -> QuerySet[ImpactScan]:
    return ImpactScan.objects.filter(organisation=membership.organisation).prefetch_related(
        "neighbourhoods", "pairs"
    )


def impact_scan_for(*, membership: Membership, pk: int) -> ImpactScan:
    return get_object_or_404(impact_scans_for(membership=membership), pk=pk)


def own_interventions_for(*, membership: Membership) -> QuerySet[Intervention]:
    """Only the municipality's own entries: the global ones and other municipalities' are not editable."""
    return Intervention.objects.filter(organisation=membership.organisation)


def own_intervention_for(*, membership: Membership, pk: int) -> Intervention:
    return get_object_or_404(own_interventions_for(membership=membership), pk=pk)


def map_delete_summary(*, pmap: PolarisationMap) -> dict[str, int]:
    """What deleting the map takes with it (and what it leaves), for the confirmation page."""
    incidents = Incident.objects.filter(pair__map=pmap)
    return {
        "pairs": pmap.pairs.count(),
        "incidents": incidents.count(),
        "signal_incidents": incidents.filter(signal__isnull=False).count(),
        "actors": Actor.objects.filter(pair__map=pmap).count(),
        "fuel": FuelStatement.objects.filter(pair__map=pmap).count(),
        "snapshots": pmap.snapshots.count(),
        "analyses": pmap.analyses.count(),
        "scans": ImpactScan.objects.filter(pairs__map=pmap).distinct().count(),
    }


def analysis_delete_summary(*, analysis: JointAnalysis) -> dict[str, int]:
    return {
        "contributions": analysis.contributions.count(),
        "chosen": analysis.chosen.count(),
        "snapshots": analysis.snapshots.count(),
        "shares": analysis.shares.count(),
        "published": analysis.shares.filter(knowledge_item_id__isnull=False).count(),
    }


def impact_scan_delete_summary(*, scan: ImpactScan) -> dict[str, int]:
    return {"neighbourhoods": scan.neighbourhoods.count(), "pairs": scan.pairs.count()}


def decisions_for(*, membership: Membership) -> QuerySet[DecisionExplanation]:
    return DecisionExplanation.objects.filter(organisation=membership.organisation)


def decision_for(*, membership: Membership, pk: int) -> DecisionExplanation:
    return get_object_or_404(DecisionExplanation, organisation=membership.organisation, pk=pk)


def public_decision(*, slug: str) -> DecisionExplanation:
    """A published or withdrawn explanation by its public address (a draft is not found).

    Only a municipality has decisions (has_municipal_parts): a partner organisation's row is not found.
    """
    explanation = get_object_or_404(
        DecisionExplanation.objects.select_related("organisation"),
        public_slug=slug,
        status__in=[DecisionStatus.PUBLISHED, DecisionStatus.WITHDRAWN],
    )
    if not has_municipal_parts(explanation.organisation):
        raise Http404
    return explanation


def dialogue_choices(*, organisation: Any) -> list[tuple[str, str]]:
    """The organisation's dialogues residents can open, for the author to link to (through core's hook)."""
    return [(d.key, f"{d.title} ({d.status.lower()})") for d in hooks.public_dialogues.get()(organisation)]


def linked_dialogue(explanation: DecisionExplanation) -> hooks.PublicDialogue | None:
    if not explanation.dialogue_key:
        return None
    found = [
        d for d in hooks.public_dialogues.get()(explanation.organisation) if d.key == explanation.dialogue_key
    ]
    return found[0] if found else None
