"""Writes on the interventions catalogue: the global seed and a municipality's own entries."""

from __future__ import annotations

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership

from .. import config
from ..catalogue_data import GLOBAL_INTERVENTIONS
from ..models import Intervention
from .common import AnalysisError, clean_label, require_editor


def seed_global_catalogue() -> int:
    """Idempotent: creates or refreshes the global entries (organisation empty). Returns how many."""
    with transaction.atomic():
        for entry in GLOBAL_INTERVENTIONS:
            data = {k: v for k, v in entry.items() if k != "slug"}
            Intervention.objects.update_or_create(organisation=None, slug=entry["slug"], defaults=data)
    return len(GLOBAL_INTERVENTIONS)


def add_intervention(
    *,
    membership: Membership,
    name: str,
    summary: str,
    how: str = "",
    category: str = "",
    phases: list[str],
    manifestations: list[str],
    source: str = "",
) -> Intervention:
    require_editor(membership)
    name = clean_label(name, "De naam")
    summary = clean_label(summary, "De beschrijving")
    known_phases = {k for k, _ in config.all_phases()}
    if any(p not in known_phases for p in phases) or any(
        m not in dict(config.MANIFESTATIONS) for m in manifestations
    ):
        raise AnalysisError("Kies fasen en verschijningsvormen uit de lijst.")
    if Intervention.objects.filter(organisation=membership.organisation, name__iexact=name).exists():
        raise AnalysisError(f"Uw catalogus heeft al een interventie ‘{name}’.")
    with transaction.atomic():
        item = Intervention.objects.create(
            organisation=membership.organisation,
            name=name,
            summary=summary,
            how=how,
            category=category,
            phases=phases,
            manifestations=manifestations,
            source=source,
        )
        record(action="analysis.intervention.create", obj=item, membership=membership)
    return item
