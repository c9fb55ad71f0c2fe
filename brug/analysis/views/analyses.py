"""The joint analysis: a four-step wizard (back / next, each step saved), overview and history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs, crumb
from brug.core.errors import add_form_error

from .. import compare, config, distrust, selectors, services
from ..forms import ContributionForm, DirectionForm, InterventionsForm, PreparationForm
from ..models import Contribution, JointAnalysis, Step
from ..suggest import suggest
from .maps import _pick


def _step_url(analysis: JointAnalysis, step: int) -> str:
    return reverse("analysis:analysis_step", args=[analysis.organisation.slug, analysis.pk, step])


@org_view(EDITORS, municipality_only=True)
def analysis_start(request: OrgRequest, org_slug: str) -> HttpResponse:
    membership = request.membership
    form = PreparationForm(
        request.POST or None, membership=membership, initial={"phase_model": config.phase_models()[0].key}
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        data["pmap"] = data.pop("map")
        try:
            analysis = services.start_analysis(membership=membership, **data)
        except services.AnalysisError as exc:
            add_form_error(form, exc)
        else:
            messages.success(request, "Stap 1 is opgeslagen. U kunt altijd later verder.")
            return redirect(_step_url(analysis, Step.ANALYSIS))
    context = {
        "form": form,
        "step": 1,
        "steps": Step.choices,
        "analysis": None,
        "breadcrumbs": breadcrumbs(crumb("Analyse", "analysis:index", org_slug), ("Nieuwe analyse", None)),
    }
    return render(
        request, "analysis/wizard_step.html", context, status=400 if request.method == "POST" else 200
    )


def _own_contribution(analysis: JointAnalysis, user: Any, domain: str = "") -> Contribution | None:
    """The officer's contribution for ?domein=, else their first: an officer may hold one per domain."""
    own = analysis.contributions.filter(author=user)
    return (own.filter(domain=domain).first() if domain else None) or own.first()


def _form_for(request: OrgRequest, analysis: JointAnalysis, step: int, data: Any = None) -> Any:
    membership = request.membership
    if step == Step.PREPARATION:
        own = _own_contribution(analysis, membership.user)
        initial = {
            "title": analysis.title,
            "question": analysis.question,
            "map": analysis.map,
            "phase_model": analysis.phase_model,
            "domain": own.domain if own else "",
            "other_participants": analysis.other_participants,
            "version": analysis.version,
        }
        return PreparationForm(data, membership=membership, initial=initial)
    if step == Step.ANALYSIS:
        own = _own_contribution(analysis, membership.user, request.GET.get("domein", ""))
        values: dict[str, Any] = {"version": own.version if own else 0}
        if own:
            values.update(
                {
                    "domain": own.domain,
                    "phase": own.phase,
                    "manifestations": own.manifestations,
                    **own.answers,
                    **{f"narrative_{k}": v.get("strength", "") for k, v in own.narratives.items()},
                    **{f"narrative_{k}_example": v.get("example", "") for k, v in own.narratives.items()},
                }
            )
        return ContributionForm(data, phase_model=analysis.phase_model, initial=values)
    if step == Step.DIRECTION:
        contributions = list(analysis.contributions.all())
        phases = [c.phase for c in contributions if c.phase]
        # Prefill with what the officers said: the phase named most, all manifestations seen.
        prefill: dict[str, Any] = {
            "phase": analysis.phase or (max(set(phases), key=phases.count) if phases else ""),
            "manifestations": analysis.manifestations
            or sorted({m for c in contributions for m in c.manifestations}),
            "direction": analysis.direction,
            "version": analysis.version,
            **{f"dilemma_{k}": v.get("choice", "") for k, v in analysis.dilemmas.items()},
            **{f"dilemma_{k}_why": v.get("why", "") for k, v in analysis.dilemmas.items()},
        }
        return DirectionForm(data, phase_model=analysis.phase_model, initial=prefill)
    items = list(selectors.interventions_for(membership=membership))
    chosen = {c.intervention_id: c.why for c in analysis.chosen.all()}
    picked: dict[str, Any] = {"version": analysis.version}
    for item_id, why in chosen.items():
        picked[f"pick_{item_id}"] = True
        picked[f"why_{item_id}"] = why
    return InterventionsForm(data, interventions=items, initial=picked)


def _save(request: OrgRequest, analysis: JointAnalysis, step: int, form: Any) -> None:
    data: dict[str, Any] = form.cleaned_data
    membership = request.membership
    version = data.get("version") or 0
    if step == Step.PREPARATION:
        services.save_preparation(
            membership=membership,
            analysis=analysis,
            version=version,
            title=data["title"],
            question=data["question"],
            pmap=data["map"],
            phase_model=data["phase_model"],
            domain=data["domain"],
            other_participants=data["other_participants"],
        )
    elif step == Step.ANALYSIS:
        answers = {key: data.get(key, "") for key, _l, _h in config.DIMENSIONS}
        services.save_contribution(
            membership=membership,
            analysis=analysis,
            version=version,
            domain=data["domain"],
            phase=data["phase"],
            manifestations=data["manifestations"],
            answers=answers,
            narratives=form.narratives(),
        )
    elif step == Step.DIRECTION:
        services.save_direction(
            membership=membership,
            analysis=analysis,
            version=version,
            phase=data["phase"],
            manifestations=data["manifestations"],
            direction=data["direction"],
            dilemmas=form.dilemmas(),
        )
    else:
        services.save_interventions(
            membership=membership, analysis=analysis, version=version, chosen=data["chosen"]
        )


@org_view(EDITORS, municipality_only=True)
def analysis_step(request: OrgRequest, org_slug: str, pk: int, step: int) -> HttpResponse:
    analysis = selectors.analysis_for(membership=request.membership, pk=pk)
    if step not in Step.values:
        return redirect(_step_url(analysis, analysis.next_step))
    if step > analysis.completed_step + 1:
        # Out of order: say which step comes first; nothing is saved.
        messages.error(
            request,
            f"Stap {step} kan nog niet: rond eerst stap {analysis.next_step} "
            f"({Step(analysis.next_step).label}) af.",
        )
        return redirect(_step_url(analysis, analysis.next_step))
    form = _form_for(request, analysis, step, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                _save(request, analysis, step, form)
            except services.AnalysisError as exc:
                add_form_error(form, exc)
                status = 409
            else:
                if step == Step.INTERVENTIONS:
                    messages.success(
                        request, "De analyse is compleet. Bekijk het overzicht of maak het rapport."
                    )
                    return redirect("analysis:analysis_detail", org_slug=org_slug, pk=analysis.pk)
                messages.success(request, f"Stap {step} is opgeslagen.")
                return redirect(_step_url(analysis, step + 1))
    context = {
        "form": form,
        "step": step,
        "steps": Step.choices,
        "analysis": analysis,
        "breadcrumbs": breadcrumbs(
            crumb("Analyse", "analysis:index", org_slug),
            (analysis.title, reverse("analysis:analysis_detail", args=[org_slug, pk])),
            (f"Stap {step}", None),
        ),
    }
    if step == Step.INTERVENTIONS:
        context["catalogue"] = _catalogue_rows(request, analysis, form)
    if step == Step.ANALYSIS:
        contributions = list(analysis.contributions.select_related("author"))
        context["others"] = [c for c in contributions if c.author_id != request.membership.user.pk]
        context["own"] = [c for c in contributions if c.author_id == request.membership.user.pk]
    return render(request, "analysis/wizard_step.html", context, status=status)


def _catalogue_rows(
    request: OrgRequest, analysis: JointAnalysis, form: InterventionsForm
) -> list[dict[str, Any]]:
    found = suggest(
        selectors.interventions_as_data(membership=request.membership),
        phase=analysis.phase,
        manifestations=list(analysis.manifestations),
        phase_label=config.phase_label(analysis.phase),
        manifestation_labels=dict(config.MANIFESTATIONS),
    )
    rows: list[dict[str, Any]] = [
        {
            "item": item,
            "pick": form[f"pick_{item.pk}"],
            "why": form[f"why_{item.pk}"],
            "suggestion": found.get(item.pk),
        }
        for item in form.interventions
    ]
    rows.sort(
        key=lambda r: (
            -int(bool(r["suggestion"] and r["suggestion"]["strong"])),
            -(r["suggestion"]["score"] if r["suggestion"] else 0),
            r["item"].name,
        )
    )
    return rows


def contribution_rows(analysis: JointAnalysis) -> tuple[list[Any], list[dict[str, Any]]]:
    contributions = list(analysis.contributions.select_related("author"))
    data = [
        {
            "domain": c.domain,
            "author": c.author_label,
            "phase": c.phase,
            "manifestations": c.manifestations,
            "answers": c.answers,
        }
        for c in contributions
    ]
    return contributions, compare.domain_differences(data)


def distrust_context(analysis: JointAnalysis, contributions: list[Any]) -> dict[str, Any]:
    """Narratives heard per domain, the sentences and advice computed from them, and the dilemmas."""
    rows = distrust.narrative_rows([(c.get_domain_display(), c.narratives) for c in contributions])
    return {
        "rows": [
            {
                "label": r.narrative.label,
                "heard": [
                    (d, distrust.STRENGTH_LABEL[strength], example) for d, strength, example in r.heard
                ],
            }
            for r in rows
            if r.heard
        ],
        "sentences": distrust.narrative_sentences(rows, len(contributions)),
        "advice": distrust.narrative_advice(rows),
        "dilemmas": distrust.dilemma_rows(analysis.dilemmas),
        "dilemma_sentence": distrust.dilemma_sentence(analysis.dilemmas),
        "source": distrust.SOURCE,
    }


@org_view(municipality_only=True)
@require_safe
def analysis_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    analysis = selectors.analysis_for(membership=request.membership, pk=pk)
    contributions, differences = contribution_rows(analysis)
    context = {
        "analysis": analysis,
        "contributions": contributions,
        "differences": differences,
        "domain_sentences": compare.domain_summary(len(contributions), differences),
        "chosen": analysis.chosen.select_related("intervention"),
        "phase_label": config.phase_label(analysis.phase),
        "manifestations": [dict(config.MANIFESTATIONS).get(m, m) for m in analysis.manifestations],
        "distrust": distrust_context(analysis, contributions),
        "steps": Step.choices,
        "breadcrumbs": breadcrumbs(crumb("Analyse", "analysis:index", org_slug), (analysis.title, None)),
    }
    return render(request, "analysis/analysis_detail.html", context)


@org_view(municipality_only=True)
@require_safe
def analysis_history(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    analysis = selectors.analysis_for(membership=request.membership, pk=pk)
    snapshots = list(selectors.analysis_snapshots(analysis=analysis))
    old, new, diff = _pick(request, snapshots)
    if old is not None and new is not None:
        diff = compare.diff_analyses(old.data, new.data)
    context = {
        "analysis": analysis,
        "snapshots": snapshots,
        "old": old,
        "new": new,
        "diff": diff,
        "breadcrumbs": breadcrumbs(
            crumb("Analyse", "analysis:index", org_slug),
            (analysis.title, reverse("analysis:analysis_detail", args=[org_slug, pk])),
            ("Geschiedenis", None),
        ),
    }
    return render(request, "analysis/analysis_history.html", context)
