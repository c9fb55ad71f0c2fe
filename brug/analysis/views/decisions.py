"""Dilemmalogica decision explanations: the officer's pages and the public page for residents."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from brug.core.access import EDITORS, MANAGERS, OrgRequest, org_view
from brug.core.breadcrumbs import Crumb, breadcrumbs, crumb
from brug.core.errors import add_form_error

from .. import distrust, selectors, services
from ..forms import DecisionForm
from ..models import DecisionExplanation, DecisionStatus, JointAnalysis

FIELD_LABELS = {
    "title": "titel",
    "decision": "het besluit",
    "concern": "de zorg die wij erkennen",
    "considerations": "afwegingen",
    "interests": "belangen",
    "common_ground": "wat ons bindt",
    "dilemmas": "dilemma's",
    "perspective": "perspectief",
    "dialogue_key": "dialoog",
    "contact": "contact",
    "analysis": "analyse",
    "status": "status",
}


def _crumbs(org_slug: str, *extra: tuple[str, str | None]) -> list[Crumb]:
    return breadcrumbs(crumb("Analyse", "analysis:index", org_slug), *extra)


def _notes(analysis: JointAnalysis | None) -> dict[str, str]:
    # The core team's answer to each dilemma in the analysis, shown beside the field.
    if analysis is None:
        return {}
    notes = {}
    for key, answer in (analysis.dilemmas or {}).items():
        choice, why = answer.get("choice", ""), answer.get("why", "")
        if choice:
            notes[key] = f"{choice}{f' – {why}' if why else ''}"
    return notes


def _form_page(
    request: OrgRequest,
    org_slug: str,
    explanation: DecisionExplanation | None,
    form: DecisionForm,
    status: int,
) -> HttpResponse:
    context = {
        "explanation": explanation,
        "form": form,
        "versions": list(explanation.versions.select_related("saved_by")) if explanation else [],
        "labels": FIELD_LABELS,
        "public_url": request.build_absolute_uri(
            reverse("analysis:decision_public", args=[explanation.public_slug])
        )
        if explanation
        else "",
        "breadcrumbs": _crumbs(org_slug, ("Uitleg van een besluit", None)),
    }
    return render(request, "analysis/decision_form.html", context, status=status)


@org_view(EDITORS, municipality_only=True)
def decision_create(request: OrgRequest, org_slug: str) -> HttpResponse:
    membership = request.membership
    analysis = None
    if (raw := request.GET.get("analyse", "")).isdigit():
        analysis = selectors.analysis_for(membership=membership, pk=int(raw))
    initial: dict[str, Any] = {}
    if analysis is not None:
        initial = {"analysis": analysis, "title": analysis.title}
        for key, answer in (analysis.dilemmas or {}).items():
            if answer.get("why"):
                initial[f"dilemma_{key}"] = answer["why"]
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        membership=membership,
        initial=initial,
        dilemma_notes=_notes(analysis),
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.save_decision(membership=membership, data=form.service_data())
            except services.AnalysisError as exc:
                add_form_error(form, exc)
            else:
                messages.success(
                    request, "De uitleg is opgeslagen als concept. Bekijk het voorbeeld voordat u publiceert."
                )
                return redirect("analysis:decision_detail", org_slug=org_slug, pk=saved.pk)
        return _form_page(request, org_slug, None, form, 400)
    return _form_page(request, org_slug, None, form, 200)


@org_view(municipality_only=True)
def decision_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    membership = request.membership
    explanation = selectors.decision_for(membership=membership, pk=pk)
    if request.method == "POST" and not membership.can_edit:
        raise PermissionDenied
    initial: dict[str, Any] = {
        name: getattr(explanation, name) for name in (*DecisionForm.TEXT_FIELDS, "version")
    }
    for key, text in explanation.dilemmas.items():
        initial[f"dilemma_{key}"] = text
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        membership=membership,
        initial=initial,
        dilemma_notes=_notes(explanation.analysis),
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_decision(
                    membership=membership,
                    explanation=explanation,
                    data=form.service_data(),
                    version=form.cleaned_data["version"],
                )
            except services.AnalysisError as exc:
                add_form_error(form, exc)
            else:
                if explanation.is_public:
                    messages.success(
                        request,
                        "Opgeslagen. Inwoners zien de nieuwe versie direct; de wijziging staat in de geschiedenis.",
                    )
                else:
                    messages.success(request, "De uitleg is opgeslagen.")
                return redirect("analysis:decision_detail", org_slug=org_slug, pk=pk)
        return _form_page(request, org_slug, explanation, form, 400)
    return _form_page(request, org_slug, explanation, form, 200)


def _public_context(explanation: DecisionExplanation) -> dict[str, Any]:
    versions = list(explanation.versions.all())
    edits = [v for v in versions if v.event == "bewerkt"]
    return {
        "explanation": explanation,
        "considerations": [line.strip() for line in explanation.considerations.splitlines() if line.strip()],
        "interests": [line.strip() for line in explanation.interests.splitlines() if line.strip()],
        "dilemmas": [
            (d, explanation.dilemmas[d.key]) for d in distrust.DILEMMAS if d.key in explanation.dilemmas
        ],
        "dialogue": selectors.linked_dialogue(explanation),
        "edits": [(v.saved_at, [FIELD_LABELS.get(name, name) for name in v.changed]) for v in edits],
        "version_number": max((v.number for v in versions), default=0),
    }


@org_view(municipality_only=True)
@require_safe
def decision_preview(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    # Exactly the page residents will see, with a banner that it is a preview.
    explanation = selectors.decision_for(membership=request.membership, pk=pk)
    context = _public_context(explanation)
    context["preview"] = True
    context["back_url"] = reverse("analysis:decision_detail", args=[org_slug, pk])
    return render(request, "analysis/decision_public.html", context)


@org_view(MANAGERS, municipality_only=True)
@require_POST
def decision_publish(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    explanation = selectors.decision_for(membership=request.membership, pk=pk)
    try:
        services.publish_decision(membership=request.membership, explanation=explanation)
    except services.AnalysisError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "De uitleg is gepubliceerd. Iedereen met de link kan hem lezen.")
    return redirect(reverse("analysis:decision_detail", args=[org_slug, pk]) + "#h-status")


@org_view(MANAGERS, municipality_only=True)
@require_POST
def decision_withdraw(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    explanation = selectors.decision_for(membership=request.membership, pk=pk)
    try:
        services.withdraw_decision(membership=request.membership, explanation=explanation)
    except services.AnalysisError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, "De uitleg is ingetrokken. Wie de link opent, leest dat hij is ingetrokken."
        )
    return redirect(reverse("analysis:decision_detail", args=[org_slug, pk]) + "#h-status")


@require_safe
def decision_public(request: HttpRequest, slug: str) -> HttpResponse:
    # Public, no login: residents read the explanation on their phone. A draft is not found;
    # a withdrawn one says so (410) and shows nothing of its content.
    explanation = selectors.public_decision(slug=slug)
    if explanation.status == DecisionStatus.WITHDRAWN:
        return render(request, "analysis/decision_withdrawn.html", {"explanation": explanation}, status=410)
    response = render(request, "analysis/decision_public.html", _public_context(explanation))
    response["X-Robots-Tag"] = "noindex"
    return response
