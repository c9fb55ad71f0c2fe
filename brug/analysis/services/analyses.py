"""Writes on the joint analysis wizard. Each step is saved on its own and carries the version it
was based on, so a double submit or a step out of order is refused without saving anything."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from brug.core.audit import record
from brug.core.models import Membership

from .. import config, distrust
from ..models import (
    AnalysisSnapshot,
    ChosenIntervention,
    Contribution,
    Intervention,
    JointAnalysis,
    PolarisationMap,
    Step,
)
from .common import AnalysisError, StaleVersion, changed_fields, clean_label, require_editor

DOUBLE_SUBMIT = (
    "Niet opgeslagen: deze stap is intussen al opgeslagen (misschien twee keer verstuurd, of door een collega). "
    "Uw invoer staat hieronder nog; controleer en sla opnieuw op."
)


def _bump(analysis: JointAnalysis, version: int, **fields: Any) -> JointAnalysis:
    updated = JointAnalysis.objects.filter(pk=analysis.pk, version=version).update(
        version=F("version") + 1, updated_at=timezone.now(), **fields
    )
    if not updated:
        raise AnalysisError(DOUBLE_SUBMIT)
    analysis.refresh_from_db()
    return analysis


def _require_step(analysis: JointAnalysis, step: int) -> None:
    if step > analysis.completed_step + 1:
        raise AnalysisError(
            f"Deze stap kan nog niet: rond eerst stap {analysis.completed_step + 1} "
            f"({Step(analysis.completed_step + 1).label}) af."
        )


def start_analysis(
    *,
    membership: Membership,
    title: str,
    question: str = "",
    pmap: PolarisationMap | None = None,
    phase_model: str,
    domain: str,
    other_participants: str = "",
) -> JointAnalysis:
    require_editor(membership)
    title = clean_label(title, "De titel")
    if phase_model not in {m.key for m in config.phase_models()}:
        raise AnalysisError("Kies een fasemodel uit de lijst.")
    if domain not in dict(config.DOMAINS):
        raise AnalysisError("Kies uw domein.")
    if pmap is not None and pmap.organisation_id != membership.organisation_id:
        raise AnalysisError("Kies een kaart van uw eigen gemeente.")
    with transaction.atomic():
        analysis = JointAnalysis.objects.create(
            organisation=membership.organisation,
            title=title,
            question=question,
            map=pmap,
            phase_model=phase_model,
            other_participants=other_participants,
            completed_step=Step.PREPARATION,
            created_by=membership.user,
        )
        Contribution.objects.create(analysis=analysis, author=membership.user, domain=domain)
        record(action="analysis.analysis.create", obj=analysis, membership=membership)
        snapshot_analysis(analysis=analysis, membership=membership)
    return analysis


def save_preparation(
    *,
    membership: Membership,
    analysis: JointAnalysis,
    version: int,
    title: str,
    question: str = "",
    pmap: PolarisationMap | None = None,
    phase_model: str,
    domain: str,
    other_participants: str = "",
) -> JointAnalysis:
    require_editor(membership)
    title = clean_label(title, "De titel")
    if phase_model not in {m.key for m in config.phase_models()}:
        raise AnalysisError("Kies een fasemodel uit de lijst.")
    if domain not in dict(config.DOMAINS):
        raise AnalysisError("Kies uw domein.")
    if pmap is not None and pmap.organisation_id != membership.organisation_id:
        raise AnalysisError("Kies een kaart van uw eigen gemeente.")
    new = {
        "title": title,
        "question": question,
        "map": pmap,
        "phase_model": phase_model,
        "other_participants": other_participants,
    }
    with transaction.atomic():
        changed = changed_fields(JointAnalysis.objects.get(pk=analysis.pk), new)
        _bump(analysis, version, **new)
        own = list(Contribution.objects.filter(analysis=analysis, author=membership.user))
        if not own:
            Contribution.objects.create(analysis=analysis, author=membership.user, domain=domain)
        elif len(own) == 1 and not (own[0].phase or own[0].manifestations or any(own[0].answers.values())):
            # Only an empty contribution follows a changed domain; a filled one keeps its view.
            Contribution.objects.filter(pk=own[0].pk).update(domain=domain)
        record(action="analysis.analysis.preparation", obj=analysis, membership=membership, fields=changed)
        snapshot_analysis(analysis=analysis, membership=membership)
    return analysis


def save_contribution(
    *,
    membership: Membership,
    analysis: JointAnalysis,
    version: int,
    domain: str,
    phase: str,
    manifestations: list[str],
    answers: dict[str, str],
    narratives: dict[str, dict[str, str]] | None = None,
) -> Contribution:
    """Step 2: this officer's view. Several officers each save their own contribution."""
    require_editor(membership)
    _require_step(analysis, Step.ANALYSIS)
    content = _clean_content(
        analysis=analysis,
        domain=domain,
        phase=phase,
        manifestations=manifestations,
        answers=answers,
        narratives=narratives,
    )
    with transaction.atomic():
        # One contribution per officer per domain: choosing another domain adds a view, never overwrites.
        contribution, created = Contribution.objects.get_or_create(
            analysis=analysis, author=membership.user, domain=domain
        )
        if not created and contribution.version != version:
            raise AnalysisError(DOUBLE_SUBMIT)
        empty = {"phase": "", "manifestations": [], "answers": {}, "narratives": {}}
        # A new contribution names every field it fills; an edit only what changed.
        changed = (
            [name for name, value in content.items() if name == "domain" or value != empty.get(name)]
            if created
            else changed_fields(contribution, content)
        )
        _write_contribution(contribution, content)
        analysis.refresh_from_db()
        record(
            action="analysis.contribution.save",
            obj=contribution,
            membership=membership,
            fields=changed,
        )
        snapshot_analysis(analysis=analysis, membership=membership)
    return contribution


def _clean_content(
    *,
    analysis: JointAnalysis,
    domain: str,
    phase: str,
    manifestations: list[str],
    answers: dict[str, str],
    narratives: dict[str, dict[str, str]] | None,
) -> dict[str, Any]:
    if domain not in dict(config.DOMAINS):
        raise AnalysisError("Kies uw domein.")
    phases = [k for k, _ in config.phase_model(analysis.phase_model).phases]
    if phase and phase not in phases:
        raise AnalysisError("Kies een fase uit het fasemodel van deze analyse.")
    if any(m not in dict(config.MANIFESTATIONS) for m in manifestations):
        raise AnalysisError("Kies verschijningsvormen uit de lijst.")
    clean = {key: (answers.get(key) or "").strip() for key, _l, _h in config.DIMENSIONS}
    heard = _clean_narratives(narratives or {})
    if not any(clean.values()) and not manifestations and not phase and not heard:
        raise AnalysisError("Vul ten minste één onderdeel van de analyse in.")
    return {
        "domain": domain,
        "phase": phase,
        "manifestations": manifestations,
        "answers": clean,
        "narratives": heard,
    }


def _write_contribution(contribution: Contribution, content: dict[str, Any]) -> None:
    Contribution.objects.filter(pk=contribution.pk).update(
        **content, version=F("version") + 1, updated_at=timezone.now()
    )
    JointAnalysis.objects.filter(pk=contribution.analysis_id, completed_step__lt=Step.ANALYSIS).update(
        completed_step=Step.ANALYSIS
    )
    contribution.refresh_from_db()


def _clean_narratives(narratives: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    clean = {}
    for key, entry in narratives.items():
        strength = entry.get("strength", "")
        if key not in distrust.NARRATIVE_KEYS or strength not in distrust.STRENGTH_LABEL:
            raise AnalysisError("Kies bij elk verhaal van wantrouwen ‘niet’, ‘soms’ of ‘sterk’.")
        example = (entry.get("example") or "").strip()
        if len(example) > distrust.MAX_EXAMPLE:
            raise AnalysisError(f"Een voorbeeld is te lang: ten hoogste {distrust.MAX_EXAMPLE} tekens.")
        if strength:
            clean[key] = {"strength": strength, "example": example}
    return clean


def _clean_dilemmas(dilemmas: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    clean = {}
    for key, entry in dilemmas.items():
        if key not in distrust.DILEMMA_KEYS:
            raise AnalysisError("Onbekend dilemma.")
        choice, why = (entry.get("choice") or "").strip(), (entry.get("why") or "").strip()
        if len(choice) > distrust.MAX_CHOICE or len(why) > distrust.MAX_WHY:
            raise AnalysisError("Een keuze of uitleg bij een dilemma is te lang.")
        if choice:
            clean[key] = {"choice": choice, "why": why}
    return clean


def save_direction(
    *,
    membership: Membership,
    analysis: JointAnalysis,
    version: int,
    phase: str,
    manifestations: list[str],
    direction: str,
    dilemmas: dict[str, dict[str, str]] | None = None,
) -> JointAnalysis:
    require_editor(membership)
    _require_step(analysis, Step.DIRECTION)
    phases = [k for k, _ in config.phase_model(analysis.phase_model).phases]
    if phase not in phases:
        raise AnalysisError("Kies de fase waarin de situatie nu is.")
    if any(m not in dict(config.MANIFESTATIONS) for m in manifestations):
        raise AnalysisError("Kies verschijningsvormen uit de lijst.")
    direction = clean_label(direction, "De richting van de oplossing")
    answered = _clean_dilemmas(dilemmas or {})
    new = {"phase": phase, "manifestations": manifestations, "direction": direction, "dilemmas": answered}
    with transaction.atomic():
        changed = changed_fields(JointAnalysis.objects.get(pk=analysis.pk), new)
        _bump(analysis, version, completed_step=max(analysis.completed_step, Step.DIRECTION), **new)
        record(action="analysis.analysis.direction", obj=analysis, membership=membership, fields=changed)
        snapshot_analysis(analysis=analysis, membership=membership)
    return analysis


def save_interventions(
    *,
    membership: Membership,
    analysis: JointAnalysis,
    version: int,
    chosen: dict[Intervention, str],
) -> JointAnalysis:
    """Step 4: the chosen interventions, each with why. Replaces the earlier choice."""
    require_editor(membership)
    _require_step(analysis, Step.INTERVENTIONS)
    if not chosen:
        raise AnalysisError("Kies ten minste één interventie.")
    for intervention, why in chosen.items():
        if intervention.organisation_id not in (None, membership.organisation_id):
            raise AnalysisError("Kies interventies uit de catalogus.")
        if not why.strip():
            raise AnalysisError(f"Schrijf bij ‘{intervention.name}’ waarom u deze kiest.")
    with transaction.atomic():
        _bump(analysis, version, completed_step=Step.INTERVENTIONS)
        analysis.chosen.all().delete()
        ChosenIntervention.objects.bulk_create(
            ChosenIntervention(analysis=analysis, intervention=i, why=why.strip())
            for i, why in chosen.items()
        )
        record(
            action="analysis.analysis.interventions", obj=analysis, membership=membership, fields=["chosen"]
        )
        snapshot_analysis(analysis=analysis, membership=membership)
    return analysis


def analysis_data(analysis: JointAnalysis) -> dict[str, Any]:
    return {
        "title": analysis.title,
        "phase_model": analysis.phase_model,
        "phase": analysis.phase,
        "manifestations": list(analysis.manifestations),
        "direction": analysis.direction,
        "dilemmas": dict(analysis.dilemmas),
        "completed_step": analysis.completed_step,
        "version": analysis.version,
        "contributions": [
            {
                "domain": c.domain,
                "phase": c.phase,
                "manifestations": c.manifestations,
                "answers": c.answers,
                "narratives": c.narratives,
            }
            for c in analysis.contributions.all()
        ],
        "interventions": [
            {"name": c.intervention.name, "why": c.why}
            for c in analysis.chosen.select_related("intervention")
        ],
    }


def snapshot_analysis(
    *, analysis: JointAnalysis, membership: Membership, on: dt.date | None = None
) -> AnalysisSnapshot:
    return save_snapshot(analysis=analysis, saved_by=membership.user, on=on)


def save_snapshot(*, analysis: JointAnalysis, saved_by: Any, on: dt.date | None = None) -> AnalysisSnapshot:
    """The day's version of the analysis; `saved_by` is None for a partner without an account."""
    snap, _ = AnalysisSnapshot.objects.update_or_create(
        analysis=analysis,
        taken_on=on or timezone.localdate(),
        defaults={"version": analysis.version, "data": analysis_data(analysis), "saved_by": saved_by},
    )
    return snap


__all__ = ["StaleVersion"]
