"""Partners without an account: the coordinator's page of personal links, and the partner's own page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs

from .. import config, distrust, selectors, services
from ..forms import PartnerContributionForm, PartnerInviteForm
from ..models import Contribution


@org_view(EDITORS, municipality_only=True)
def partner_links(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    analysis = selectors.analysis_for(membership=request.membership, pk=pk)
    form = PartnerInviteForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                link, _url = services.invite_partner(
                    membership=request.membership, analysis=analysis, **form.cleaned_data
                )
            except services.AnalysisError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"{link.name} krijgt een e-mail met een persoonlijke link.")
                return redirect("analysis:partner_links", org_slug=org_slug, pk=pk)
        status = 400
    context = {
        "analysis": analysis,
        "form": form,
        "links": selectors.partner_links_for(analysis=analysis),
        "now": timezone.now(),
        "breadcrumbs": breadcrumbs(
            ("Analyse", reverse("analysis:index", args=[org_slug])),
            (analysis.title, reverse("analysis:analysis_detail", args=[org_slug, pk])),
            ("Partners", None),
        ),
    }
    return render(request, "analysis/partner_links.html", context, status=status)


@org_view(EDITORS, municipality_only=True)
@require_POST
def partner_link_revoke(request: OrgRequest, org_slug: str, pk: int, link_pk: int) -> HttpResponse:
    analysis = selectors.analysis_for(membership=request.membership, pk=pk)
    link = selectors.partner_link_for(analysis=analysis, pk=link_pk)
    services.revoke_partner_link(membership=request.membership, link=link)
    messages.success(request, f"De link van {link.name} werkt niet meer. Een gegeven bijdrage blijft staan.")
    return redirect("analysis:partner_links", org_slug=org_slug, pk=pk)


STATE_TEXT = {
    "unknown": "Deze link bestaat niet. Controleer of u de hele link uit de e-mail hebt gebruikt.",
    "revoked": "Deze link is ingetrokken. Neem contact op met de gemeente als u toch wilt bijdragen.",
    "expired": "Deze link is verlopen. Vraag de gemeente om een nieuwe link.",
    "closed": "De gemeente heeft de analyse afgerond; bijdragen kan niet meer. Dank voor uw belangstelling.",
}


@never_cache
def partner_contribution(request: HttpRequest, token: str) -> HttpResponse:
    # Public: the token in the link is the proof. Unknown, revoked and expired links look alike
    # apart from what the holder can do about it, and show nothing of the analysis.
    state, link = services.partner_link_state(token)
    if state != "ok" or link is None:
        return render(
            request,
            "analysis/partner_invalid.html",
            {"text": STATE_TEXT[state]},
            status=404 if state == "unknown" else 410,
        )
    analysis = link.analysis
    own = Contribution.objects.filter(partner=link).first()
    initial = {}
    if own is not None:
        initial = {
            "phase": own.phase,
            "manifestations": own.manifestations,
            **own.answers,
            **{f"narrative_{k}": v.get("strength", "") for k, v in own.narratives.items()},
            **{f"narrative_{k}_example": v.get("example", "") for k, v in own.narratives.items()},
        }
    form = PartnerContributionForm(
        request.POST if request.method == "POST" else None, phase_model=analysis.phase_model, initial=initial
    )
    status = 200
    saved = False
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.save_partner_contribution(
                    link=link,
                    phase=data["phase"],
                    manifestations=data["manifestations"],
                    answers={key: data.get(key, "") for key, _l, _h in config.DIMENSIONS},
                    narratives=form.narratives(),
                )
            except services.AnalysisError as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                saved = True
        else:
            status = 400
    context = {
        "link": link,
        "analysis": analysis,
        "organisation": analysis.organisation,
        "domain_label": dict(config.DOMAINS).get(link.domain, link.domain),
        "form": form,
        "saved": saved,
        "narrative_count": len(distrust.NARRATIVES),
    }
    return render(request, "analysis/partner_form.html", context, status=status)
