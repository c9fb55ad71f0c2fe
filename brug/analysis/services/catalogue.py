"""Writes on the interventions catalogue: the global seed and a municipality's own entries."""

from __future__ import annotations

from django.db import transaction
from django.db.models import ProtectedError

from brug.core.audit import record
from brug.core.models import Membership

from .. import config
from ..catalogue_data import GLOBAL_INTERVENTIONS
from ..models import ChosenIntervention, Intervention
from .common import AnalysisError, clean_label, require_editor


def seed_global_catalogue() -> int:
    """Idempotent: creates or refreshes the global entries (organisation empty). Returns how many."""
    with transaction.atomic():
        for entry in GLOBAL_INTERVENTIONS:
            data = {k: v for k, v in entry.items() if k != "slug"}
            Intervention.objects.update_or_create(organisation=None, slug=entry["slug"], defaults=data)
    return len(GLOBAL_INTERVENTIONS)


def _check(
    *,
    membership: Membership,
    name: str,
    summary: str,
    phases: list[str],
    manifestations: list[str],
    item: Intervention | None = None,
) -> tuple[str, str]:
    name = clean_label(name, "De naam")
    summary = clean_label(summary, "De beschrijving")
    known_phases = {k for k, _ in config.all_phases()}
    if any(p not in known_phases for p in phases) or any(
        m not in dict(config.MANIFESTATIONS) for m in manifestations
    ):
        raise AnalysisError("Kies fasen en verschijningsvormen uit de lijst.")
    same = Intervention.objects.filter(organisation=membership.organisation, name__iexact=name)
    if item is not None:
        same = same.exclude(pk=item.pk)
    if same.exists():
        raise AnalysisError(f"Uw catalogus heeft al een interventie ‘{name}’.")
    return name, summary


def _require_own(membership: Membership, item: Intervention) -> None:
    # The global entries (organisation empty) and another municipality's are never editable here;
    # the selector already answers 404 for them, this guards callers that skip it.
    if item.organisation_id is None or item.organisation_id != membership.organisation.pk:
        raise AnalysisError("U kunt alleen interventies van uw eigen gemeente wijzigen.")


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
    name, summary = _check(
        membership=membership, name=name, summary=summary, phases=phases, manifestations=manifestations
    )
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


def update_intervention(
    *,
    membership: Membership,
    item: Intervention,
    name: str,
    summary: str,
    how: str = "",
    category: str = "",
    phases: list[str],
    manifestations: list[str],
    source: str = "",
) -> Intervention:
    require_editor(membership)
    _require_own(membership, item)
    name, summary = _check(
        membership=membership,
        name=name,
        summary=summary,
        phases=phases,
        manifestations=manifestations,
        item=item,
    )
    fields = {
        "name": name,
        "summary": summary,
        "how": how,
        "category": category,
        "phases": phases,
        "manifestations": manifestations,
        "source": source,
    }
    changed = [key for key, value in fields.items() if getattr(item, key) != value]
    with transaction.atomic():
        for key, value in fields.items():
            setattr(item, key, value)
        item.save()
        record(action="analysis.intervention.update", obj=item, membership=membership, fields=changed)
    return item


def intervention_in_use(item: Intervention) -> int:
    """How many joint analyses chose this intervention (those block deleting it)."""
    return ChosenIntervention.objects.filter(intervention=item).values("analysis").distinct().count()


def delete_intervention(*, membership: Membership, item: Intervention) -> str:
    require_editor(membership)
    _require_own(membership, item)
    name = item.name
    in_use = AnalysisError(
        f"‘{name}’ is gekozen in een gezamenlijke analyse en blijft daarom staan. "
        "Haal de interventie eerst uit die analyse (stap 4) en verwijder haar daarna."
    )
    if intervention_in_use(item):
        raise in_use
    try:
        with transaction.atomic():
            record(action="analysis.intervention.delete", obj=item, membership=membership)
            item.delete()
    except ProtectedError:  # chosen in the meantime: ChosenIntervention.intervention is PROTECT
        raise in_use from None
    return name
