"""Overview page, the interventions catalogue and social impact scans."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs
from brug.core.errors import add_form_error
from brug.core.pdf import render_pdf

from .. import config, distrust, method, selectors, services
from ..forms import ImpactScanForm, InterventionForm, impact_initial
from ..models import ImpactScan
from .report import _pdf_css


@org_view(municipality_only=True)
@require_safe
def index(request: OrgRequest, org_slug: str) -> HttpResponse:
    membership = request.membership
    context = {
        "maps": selectors.maps_for(membership=membership),
        "analyses": selectors.analyses_for(membership=membership),
        "scans": selectors.impact_scans_for(membership=membership),
        "decisions": selectors.decisions_for(membership=membership),
        "today": timezone.localdate(),
        "breadcrumbs": breadcrumbs(("Analyse", None)),
    }
    return render(request, "analysis/index.html", context)


@org_view(municipality_only=True)
@require_safe
def method_card(request: OrgRequest, org_slug: str) -> HttpResponse:
    # One printable page with the method, for the table at a core-team meeting.
    context = _method_card_context()
    context["breadcrumbs"] = breadcrumbs(
        ("Analyse", reverse("analysis:index", args=[org_slug])), ("Methodekaart", None)
    )
    return render(request, "analysis/method_card.html", context)


@org_view(municipality_only=True)
@require_safe
def method_card_pdf(request: OrgRequest, org_slug: str) -> HttpResponse:
    # The same card as a tagged PDF (PDF/UA), for readers who cannot use the browser's print.
    context = _method_card_context()
    context["pdf"] = True
    context["pdf_css"] = mark_safe(_pdf_css())  # noqa: S308 - our own static files
    html = render_to_string("analysis/method_card_pdf.html", context, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="methodekaart.pdf"'
    return response


def _method_card_context() -> dict[str, Any]:
    return {
        "laws": method.LAWS,
        "roles": method.ROLES,
        "leader": method.MIDDLE_LEADER,
        "game_changers": method.GAME_CHANGER_INTRO,
        "phase_intro": method.PHASE_INTRO,
        "phase_models": config.phase_models(),
        "kis_steps": method.KIS_STEPS,
        "narratives": distrust.NARRATIVES,
        "dilemmas": distrust.DILEMMAS,
        "sources": [method.BRANDSMA, method.KIS, method.INFOBLAD],
    }


@org_view(municipality_only=True)
def catalogue(request: OrgRequest, org_slug: str) -> HttpResponse:
    membership = request.membership
    form = InterventionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not membership.can_edit:
            raise PermissionDenied
        status = 400
        if form.is_valid():
            try:
                item = services.add_intervention(membership=membership, **form.cleaned_data)
            except services.AnalysisError as exc:
                add_form_error(form, exc)
            else:
                messages.success(request, f"‘{item.name}’ staat in uw catalogus.")
                return redirect("analysis:catalogue", org_slug=org_slug)
    phases = dict(config.all_phases())
    manifest = dict(config.MANIFESTATIONS)
    items = [
        {
            "item": i,
            # Only the municipality's own entries can be edited or deleted, never the global ones.
            "own": i.organisation_id == membership.organisation.pk,
            "phases": [phases.get(p, p) for p in i.phases],
            "manifestations": [manifest.get(m, m) for m in i.manifestations],
        }
        for i in selectors.interventions_for(membership=membership)
    ]
    context = {
        "items": items,
        "form": form,
        "breadcrumbs": breadcrumbs(
            ("Analyse", reverse("analysis:index", args=[org_slug])), ("Interventies", None)
        ),
    }
    return render(request, "analysis/catalogue.html", context, status=status)


@org_view(EDITORS, municipality_only=True)
def impact_create(request: OrgRequest, org_slug: str) -> HttpResponse:
    return _impact_form(request, org_slug, None)


@org_view(municipality_only=True)
def impact_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    scan = selectors.impact_scan_for(membership=request.membership, pk=pk)
    if request.method == "POST" and not request.membership.can_edit:
        raise PermissionDenied
    return _impact_form(request, org_slug, scan)


def _impact_form(request: OrgRequest, org_slug: str, scan: ImpactScan | None) -> HttpResponse:
    membership = request.membership
    initial, rows = impact_initial(scan) if scan else ({}, {})
    form = ImpactScanForm(
        request.POST if request.method == "POST" else None, membership=membership, initial=initial, rows=rows
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = services.save_impact_scan(
                    membership=membership,
                    scan=scan,
                    project=data["project"],
                    kind=data["kind"],
                    neighbourhoods=list(data["neighbourhoods"]),
                    groups=form.answers("group"),
                    tensions=form.answers("tension"),
                    pairs=list(data["pairs"]),
                    measures=form.answers("measure"),
                    owner=data["owner"],
                    review_date=data["review_date"],
                )
            except services.AnalysisError as exc:
                add_form_error(form, exc)
            else:
                messages.success(request, f"De impactscan ‘{saved.project}’ is opgeslagen.")
                return redirect("analysis:impact_detail", org_slug=org_slug, pk=saved.pk)
    title = scan.project if scan else "Nieuwe sociale impactscan"
    context = {
        "scan": scan,
        "form": form,
        "title": title,
        "breadcrumbs": breadcrumbs(("Analyse", reverse("analysis:index", args=[org_slug])), (title, None)),
    }
    return render(request, "analysis/impact_form.html", context, status=status)
