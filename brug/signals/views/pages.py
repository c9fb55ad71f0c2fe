"""Reported signals: list, officer form, detail with triage and 'why this score', alerts, algorithms."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.markdown import render_markdown

from .. import selectors, services
from ..forms import OfficerSignalForm, StatusForm
from ..models import SignalStatus
from ..models.signals import STATUS_ORDER

KIND_LABELS = dict(OfficerSignalForm.KIND_CHOICES)


def crumbs(request: OrgRequest, *items: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    slug = request.membership.organisation.slug
    return [("Signalen", f"/o/{slug}/signalen/"), *items]


@org_view(personal_data=True)
def signal_list(request: OrgRequest, org_slug: str) -> HttpResponse:
    # First visit seeds the default themes so the monitor has something to show.
    services.ensure_default_themes(organisation=request.membership.organisation)
    status = request.GET.get("status", "")
    page = Paginator(selectors.reported_signals(membership=request.membership, status=status), 25).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "signals/signal_list.html",
        {
            "page": page,
            "status": status,
            "statuses": SignalStatus.choices,
            "alerts": selectors.alerts(membership=request.membership).filter(seen_at__isnull=True)[:5],
            "breadcrumbs": [("Signalen", None)],
        },
    )


@org_view(EDITORS, personal_data=True)
def signal_new(request: OrgRequest, org_slug: str) -> HttpResponse:
    org = request.membership.organisation
    form = OfficerSignalForm(request.POST or None, municipality_id=org.municipality_id)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                signal = services.create_signal(
                    organisation=org,
                    channel="medewerker",
                    text=f"[{KIND_LABELS[data['kind']]}] {data['text']}",
                    occurred_at=data["occurred_at"],
                    neighbourhood=data["neighbourhood"],
                    place=data["place"],
                    severity=data["severity"],
                    actor=request.user,  # type: ignore[arg-type]
                )
            except services.SignalError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, "Het signaal is vastgelegd.")
                return redirect("signals:detail", org_slug=org_slug, pk=signal.pk)
        status = 400
    return render(
        request,
        "signals/signal_form.html",
        {
            "form": form,
            "breadcrumbs": crumbs(request, ("Nieuw signaal", None)),
        },
        status=status,
    )


def _incident_support(request: OrgRequest) -> tuple[Any, Any] | None:
    """The polarisation-map part may be absent; then the incident button is hidden."""
    try:
        analysis_services = importlib.import_module("brug.analysis.services")
        analysis_selectors = importlib.import_module("brug.analysis.selectors")
    except ImportError:
        return None
    if not hasattr(analysis_services, "create_incident_from_signal") or not hasattr(
        analysis_selectors, "pairs_for"
    ):
        return None
    return analysis_services, analysis_selectors


@org_view(personal_data=True)
def signal_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    signal = selectors.signal_for(membership=request.membership, pk=pk)
    support = _incident_support(request)
    pairs = (
        list(support[1].pairs_for(membership=request.membership).select_related("map")[:50])
        if support
        else []
    )
    incidents = list(signal.incidents.all()) if hasattr(signal, "incidents") else []  # type: ignore[attr-defined]
    index = STATUS_ORDER.index(signal.status)
    return render(
        request,
        "signals/signal_detail.html",
        {
            "signal": signal,
            "form": StatusForm(initial={"status": STATUS_ORDER[min(index + 1, len(STATUS_ORDER) - 1)]}),
            "statuses": SignalStatus.choices,
            "pairs": pairs,
            "incident_support": support is not None,
            "incidents": incidents,
            "breadcrumbs": crumbs(request, (f"Signaal {signal.pk}", None)),
        },
    )


@org_view(EDITORS, personal_data=True)
@require_POST
def signal_status(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    signal = selectors.signal_for(membership=request.membership, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(
                membership=request.membership,
                signal=signal,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, f"Status gewijzigd in '{signal.get_status_display()}'.")
        except services.SignalError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, "Kies een bestaande status.")
    return redirect("signals:detail", org_slug=org_slug, pk=pk)


@org_view(EDITORS, personal_data=True)
@require_POST
def signal_incident(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    signal = selectors.signal_for(membership=request.membership, pk=pk)
    support = _incident_support(request)
    if support is None:
        raise Http404
    try:
        pair = support[1].pair_for(membership=request.membership, pk=int(request.POST.get("pair", "0")))
    except ValueError:
        raise Http404 from None
    support[0].create_incident_from_signal(membership=request.membership, pair=pair, signal=signal)
    messages.success(request, f"Incident toegevoegd aan het wij-zij-paar '{pair}'.")
    return redirect("signals:detail", org_slug=org_slug, pk=pk)


@org_view(personal_data=True)
def alert_list(request: OrgRequest, org_slug: str) -> HttpResponse:
    page = Paginator(selectors.alerts(membership=request.membership), 30).get_page(request.GET.get("pagina"))
    return render(
        request,
        "signals/alert_list.html",
        {"page": page, "breadcrumbs": crumbs(request, ("Meldingen", None))},
    )


@org_view(EDITORS, personal_data=True)
@require_POST
def alert_seen(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    alert = selectors.alert_for(membership=request.membership, pk=pk)
    services.mark_alert_seen(membership=request.membership, alert=alert)
    return redirect("signals:alerts", org_slug=org_slug)


ALGORITHMS = [
    ("thema-herkenning.md", "Thema-herkenning"),
    ("toon.md", "Toon"),
    ("vijandigheid.md", "Vijandigheid"),
    ("wij-zij-framing.md", "Wij-zij-framing"),
    ("spanningsniveau-en-pieken.md", "Spanningsniveau en pieken"),
]


@org_view(personal_data=True)
def algorithms(request: OrgRequest, org_slug: str) -> HttpResponse:
    folder = Path(settings.BASE_DIR) / "docs" / "algorithms"
    docs = []
    for name, title in ALGORITHMS:
        path = folder / name
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        docs.append({"slug": name[:-3], "title": title, "html": render_markdown(text)})
    return render(
        request,
        "signals/algorithms.html",
        {"docs": docs, "breadcrumbs": crumbs(request, ("Algoritmeregister", None))},
    )
