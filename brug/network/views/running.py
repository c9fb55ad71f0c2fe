"""Phase 3 pages: broad meetings, working groups, trainings, and turnover over time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from brug.core.access import OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs, crumb

from .. import charts, selectors, services
from ..forms import MeetingForm, TrainingForm, WorkingGroupForm
from .common import PEOPLE, apply_error

KINDS: dict[str, tuple[type, Callable[..., Any], str, str]] = {
    # url kind: form, service, keyword for an existing object, page title
    "bijeenkomst": (MeetingForm, services.save_meeting, "meeting", "Brede bijeenkomst vastleggen"),
    "werkgroep": (WorkingGroupForm, services.save_working_group, "group", "Werkgroep vastleggen"),
    "training": (TrainingForm, services.save_training, "training", "Training vastleggen"),
}
LOOKUP = {
    "bijeenkomst": selectors.meeting_for,
    "werkgroep": selectors.working_group_for,
    "training": selectors.training_for,
}


def _phase3_form(request: OrgRequest, org_slug: str, pk: int, kind: str, item_pk: int | None) -> HttpResponse:
    network = selectors.network_for(membership=request.membership, pk=pk)
    if kind not in KINDS:
        raise Http404
    form_class, save, keyword, title = KINDS[kind]
    instance = LOOKUP[kind](network, item_pk) if item_pk is not None else None
    form = form_class(request.POST or None, instance=instance, network=network)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                save(
                    membership=request.membership,
                    network=network,
                    data=form.cleaned_data,
                    **{keyword: instance},
                )
            except services.NetworkError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, "Opgeslagen.")
                return redirect("network:network_detail", org_slug=org_slug, pk=pk)
        status = 400
    context = {
        "form": form,
        "title": title,
        "network": network,
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            (network.name, reverse("network:network_detail", args=[org_slug, pk])),
            (title, None),
        ),
    }
    return render(request, "network/phase3_form.html", context, status=status)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def phase3_create(request: OrgRequest, org_slug: str, pk: int, kind: str) -> HttpResponse:
    return _phase3_form(request, org_slug, pk, kind, None)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def phase3_edit(request: OrgRequest, org_slug: str, pk: int, kind: str, item_pk: int) -> HttpResponse:
    return _phase3_form(request, org_slug, pk, kind, item_pk)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def turnover(request: OrgRequest, org_slug: str) -> HttpResponse:
    rows = selectors.turnover(membership=request.membership)
    context = {
        "rows": rows,
        "chart": charts.turnover_bars(rows),
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            ("Verloop en activiteit", None),
        ),
    }
    return render(request, "network/turnover.html", context)
