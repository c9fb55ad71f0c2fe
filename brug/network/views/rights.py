"""Data-subject rights: inspection (page and JSON) and erasure of one key figure."""

from __future__ import annotations

import json
import re
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from brug.core.access import MANAGERS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs, crumb

from .. import selectors, services
from ..forms import EraseForm
from .common import PEOPLE

ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, str) and ISO_MOMENT.match(value):
        return value[:16].replace("T", " ")
    return str(value)


def readable(data: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    """The export as (label, plain text, lines) for the inspection page; lists become lines."""
    rows: list[tuple[str, str, list[str]]] = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            rows.append((key, "", [_text(item) for item in value]))
        else:
            rows.append((key, _text(value), []))
    return rows


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def person_export(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    key_figure = selectors.key_figure_for(membership=request.membership, pk=pk)
    data = services.export_key_figure(membership=request.membership, key_figure=key_figure)
    context = {
        "kf": key_figure,
        "rows": readable(data),
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            (key_figure.name, reverse("network:person_detail", args=[org_slug, pk])),
            ("Inzage", None),
        ),
    }
    return render(request, "network/person_export.html", context)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def person_export_json(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    key_figure = selectors.key_figure_for(membership=request.membership, pk=pk)
    data = services.export_key_figure(membership=request.membership, key_figure=key_figure)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="sleutelfiguur-{key_figure.pk}.json"'
    response["Cache-Control"] = "no-store"
    return response


@org_view(MANAGERS, personal_data=True, municipality_only=True)
def person_erase(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    # Only coordinators erase: it cannot be undone.
    key_figure = selectors.key_figure_for(membership=request.membership, pk=pk)
    form = EraseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            count = services.erase_key_figure(membership=request.membership, key_figure=key_figure)
            messages.success(
                request,
                "De gegevens zijn gewist. "
                + (f"{count} signalen zijn geanonimiseerd en blijven bewaard." if count else ""),
            )
            return redirect("network:index", org_slug=org_slug)
        status = 400
    context = {
        "kf": key_figure,
        "form": form,
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            (key_figure.name, reverse("network:person_detail", args=[org_slug, pk])),
            ("Wissen", None),
        ),
    }
    return render(request, "network/person_erase.html", context, status=status)
