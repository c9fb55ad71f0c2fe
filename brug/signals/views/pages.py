"""Reported signals: list, officer form, detail with triage and 'why this score', alerts, algorithms."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs
from brug.core.errors import add_form_error
from brug.core.markdown import render_markdown

from .. import hooks, selectors, services
from ..forms import OfficerSignalForm, StatusForm
from ..models import SignalStatus
from ..models.signals import STATUS_ORDER

KIND_LABELS = dict(OfficerSignalForm.KIND_CHOICES)


@org_view(personal_data=True, municipality_only=True)
def signal_list(request: OrgRequest, org_slug: str) -> HttpResponse:
    status = request.GET.get("status", "")
    q = request.GET.get("q", "")[:200]
    page = Paginator(
        selectors.reported_signals(membership=request.membership, status=status, q=q), 25
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "signals/signal_list.html",
        {
            "page": page,
            "status": status,
            "q": q,
            "filter_query": urlencode({"status": status, "q": q}),
            "statuses": SignalStatus.choices,
            "alerts": selectors.alerts_for(membership=request.membership).filter(seen_at__isnull=True)[:5],
            "breadcrumbs": breadcrumbs(("Signalen", None)),
        },
    )


def _from_message(request: OrgRequest) -> dict[str, Any]:
    """'Maak signaal' on the messages page: start from that message (its text, moment and wijk)."""
    raw = request.GET.get("bericht", "")
    if not raw.isdigit():
        return {}
    message = selectors.signal_for(membership=request.membership, pk=int(raw))
    if message.text_purged_at or not message.text:
        return {}
    return {
        "kind": "observatie",
        "text": f"Naar aanleiding van een bericht ({message.get_channel_display().lower()}, "
        f"{timezone.localtime(message.occurred_at):%d-%m-%Y %H:%M}): {message.text}"[:10_000],
        "occurred_at": timezone.localtime(message.occurred_at).strftime("%Y-%m-%dT%H:%M"),
        "neighbourhood": message.neighbourhood_id,
        "place": "",
    }


@org_view(EDITORS, personal_data=True, municipality_only=True)
def signal_new(request: OrgRequest, org_slug: str) -> HttpResponse:
    org = request.membership.organisation
    form = OfficerSignalForm(
        request.POST or None, municipality_id=org.municipality_id, initial=_from_message(request)
    )
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
                    submission=data.get("submission") or "",
                )
            except services.SignalError as exc:
                add_form_error(form, exc)
            else:
                messages.success(request, "Het signaal is vastgelegd.")
                return redirect("signals:detail", org_slug=org_slug, pk=signal.pk)
        status = 400
    return render(
        request,
        "signals/signal_form.html",
        {
            "form": form,
            "breadcrumbs": breadcrumbs(("Signalen", f"/o/{org_slug}/signalen/"), ("Nieuw signaal", None)),
        },
        status=status,
    )


@org_view(personal_data=True, municipality_only=True)
def signal_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    signal = selectors.signal_for(membership=request.membership, pk=pk)
    support = hooks.incidents.get()
    pairs = list(support.pairs_for(request.membership)[:50])
    incidents = list(support.incidents_of(signal))
    index = STATUS_ORDER.index(signal.status)
    return render(
        request,
        "signals/signal_detail.html",
        {
            "signal": signal,
            "form": StatusForm(initial={"status": STATUS_ORDER[min(index + 1, len(STATUS_ORDER) - 1)]}),
            "statuses": SignalStatus.choices,
            "pairs": pairs,
            "incidents": incidents,
            "breadcrumbs": breadcrumbs(
                ("Signalen", f"/o/{org_slug}/signalen/"), (f"Signaal {signal.pk}", None)
            ),
        },
    )


@org_view(EDITORS, personal_data=True, municipality_only=True)
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


@org_view(EDITORS, personal_data=True, municipality_only=True)
@require_POST
def signal_incident(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    signal = selectors.signal_for(membership=request.membership, pk=pk)
    support = hooks.incidents.get()
    try:
        pair = support.pair_for(request.membership, int(request.POST.get("pair", "0")))
    except ValueError:
        raise Http404 from None
    support.create_incident(request.membership, pair, signal)
    messages.success(request, f"Incident toegevoegd aan het wij-zij-paar '{pair}'.")
    return redirect("signals:detail", org_slug=org_slug, pk=pk)


@org_view(personal_data=True, municipality_only=True)
def alert_list(request: OrgRequest, org_slug: str) -> HttpResponse:
    page = Paginator(selectors.alerts_for(membership=request.membership), 30).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "signals/alert_list.html",
        {
            "page": page,
            "breadcrumbs": breadcrumbs(("Signalen", f"/o/{org_slug}/signalen/"), ("Meldingen", None)),
        },
    )


@org_view(EDITORS, personal_data=True, municipality_only=True)
@require_POST
def alert_seen(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    alert = selectors.alert_for(membership=request.membership, pk=pk)
    services.mark_alert_seen(membership=request.membership, alert=alert)
    return redirect("signals:alerts", org_slug=org_slug)


ALGORITHMS = [
    ("tekstmodel.md", "Tekstmodel: vijandigheid, wij-zij, toon en thema's"),
    ("thema-herkenning.md", "Thema-herkenning"),
    ("toon.md", "Toon"),
    ("vijandigheid.md", "Vijandigheid"),
    ("wij-zij-framing.md", "Wij-zij-framing"),
    ("spanningsniveau-en-pieken.md", "Spanningsniveau en pieken"),
]


@org_view(personal_data=True, municipality_only=True)
def algorithms(request: OrgRequest, org_slug: str) -> HttpResponse:
    from brug.text import register

    folder = Path(settings.BASE_DIR) / "docs" / "algorithms"
    metrics = register.load_metrics()
    docs = []
    for name, title in ALGORITHMS:
        path = folder / name
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        # The measured figures come from the benchmark's data file, never from hand-copied text.
        text = register.fill(text, metrics)
        docs.append({"slug": name[:-3], "title": title, "html": render_markdown(text)})
    return render(
        request,
        "signals/algorithms.html",
        {
            "docs": docs,
            "breadcrumbs": breadcrumbs(("Signalen", f"/o/{org_slug}/signalen/"), ("Algoritmeregister", None)),
        },
    )
