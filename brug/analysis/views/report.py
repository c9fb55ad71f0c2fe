"""The report for the council or board (HTML and PDF from the same template) and sharing it
anonymised with the learning network after a preview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from brug.core.access import OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs
from brug.core.errors import add_form_error
from brug.core.pdf import render_pdf

from .. import compare, config, selectors, services
from ..diagram import layout
from ..forms import ShareForm
from ..gamechanger import advise
from ..models import JointAnalysis
from ..services.share import preview_fingerprint
from .analyses import contribution_rows, distrust_context


def report_context(request: OrgRequest, analysis: JointAnalysis) -> dict[str, Any]:
    diagrams, advice = [], []
    scans: list[Any] = []
    if analysis.map is not None:
        pairs = list(analysis.map.pairs.prefetch_related("actors", "incidents"))
        diagrams = [{"pair": p, "diagram": layout(p, list(p.actors.all()))} for p in pairs if p.actors.all()]
        advice = [a for a in advise(services.map_data(analysis.map)) if a["applies"]]
        scans = list(
            selectors.impact_scans_for(membership=request.membership)
            .filter(pairs__map=analysis.map)
            .distinct()
        )
    contributions, differences = contribution_rows(analysis)
    return {
        "analysis": analysis,
        "pmap": analysis.map,
        "diagrams": diagrams,
        "advice": advice,
        "scans": scans,
        "contributions": contributions,
        "differences": differences,
        # Why computed here: the report once said "hetzelfde" while its own table said otherwise.
        "domain_sentences": compare.domain_summary(len(contributions), differences),
        "distrust": distrust_context(analysis, contributions),
        "chosen": analysis.chosen.select_related("intervention"),
        "phase_label": config.phase_label(analysis.phase),
        "manifestations": [dict(config.MANIFESTATIONS).get(m, m) for m in analysis.manifestations],
        "made_on": timezone.localdate(),
        "organisation": request.membership.organisation,
    }


@org_view(municipality_only=True)
@require_safe
def report(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    analysis = selectors.analysis_for(membership=request.membership, pk=pk)
    context = report_context(request, analysis)
    context["breadcrumbs"] = breadcrumbs(
        ("Analyse", reverse("analysis:index", args=[org_slug])),
        (analysis.title, reverse("analysis:analysis_detail", args=[org_slug, pk])),
        ("Rapport", None),
    )
    return render(request, "analysis/report.html", context)


def _pdf_css() -> str:
    # The PDF gets its CSS inline: WeasyPrint then never fetches a URL or a local file.
    parts = []
    for name in ("analysis/analysis.css", "analysis/report-pdf.css"):
        found = finders.find(name)
        if found:
            parts.append(Path(str(found)).read_text(encoding="utf-8"))
    return "\n".join(parts)


@org_view(municipality_only=True)
@require_safe
def report_pdf(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    analysis = selectors.analysis_for(membership=request.membership, pk=pk)
    context = report_context(request, analysis)
    context["pdf_css"] = mark_safe(_pdf_css())  # noqa: S308 - our own static files
    html = render_to_string("analysis/report_pdf.html", context, request=request)
    pdf = render_pdf(html)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="analyse-{analysis.pk}.pdf"'
    return response


@org_view(municipality_only=True)
def share(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    membership = request.membership
    analysis = selectors.analysis_for(membership=membership, pk=pk)
    preview = services.share_preview(membership=membership, analysis=analysis)
    form = ShareForm(request.POST or None, initial={"fingerprint": preview_fingerprint(preview)})
    if request.method == "POST":
        if not membership.can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.share_anonymised(
                    membership=membership,
                    analysis=analysis,
                    visibility=form.cleaned_data["visibility"],
                    fingerprint=form.cleaned_data["fingerprint"],
                )
            except services.AnalysisError as exc:
                add_form_error(form, exc)
            else:
                messages.success(request, "De geanonimiseerde analyse is gedeeld met de kennisbank.")
                return redirect("analysis:analysis_detail", org_slug=org_slug, pk=pk)
    context = {
        "analysis": analysis,
        "preview": preview,
        "form": form,
        "shares": analysis.shares.all(),
        "breadcrumbs": breadcrumbs(
            ("Analyse", reverse("analysis:index", args=[org_slug])),
            (analysis.title, reverse("analysis:analysis_detail", args=[org_slug, pk])),
            ("Delen", None),
        ),
    }
    return render(request, "analysis/share.html", context, status=400 if request.method == "POST" else 200)
