"""The monitor page and the theme editor with its live preview."""

from __future__ import annotations

import time
from datetime import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from brug.core.access import EDITORS, MANAGERS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs
from brug.core.errors import add_form_error
from brug.core.versioning import StaleObject, stale_to_form

from .. import monitor, selectors, services
from ..forms import MonitorConfigForm, ThemeForm

PERIODS = {"7": 7, "30": 30, "90": 90}
PREVIEW_BUDGET_SECONDS = 3.0


@org_view(personal_data=True, municipality_only=True)
def monitor_page(request: OrgRequest, org_slug: str) -> HttpResponse:
    # A read never writes: the default themes come with the first signal or import, or from the
    # button on the theme list.
    days = PERIODS.get(request.GET.get("periode", "30"), 30)
    unit = "week" if request.GET.get("per") == "week" else "dag"
    data = monitor.build(request.membership.organisation, days=days, unit=unit)
    return render(
        request,
        "signals/monitor.html",
        {
            "m": data,
            "score_refresh": selectors.running_score_refresh(membership=request.membership),
            "period": str(days),
            "unit": unit,
            "alerts": selectors.alerts_for(membership=request.membership)[:5],
            "breadcrumbs": breadcrumbs(("Signalen", f"/o/{org_slug}/signalen/"), ("Monitor", None)),
        },
    )


@org_view(personal_data=True, municipality_only=True)
def theme_list(request: OrgRequest, org_slug: str) -> HttpResponse:
    """The themes; without any yet, an editor adds the default set with one button (a POST)."""
    if request.method == "POST":
        if not request.membership.can_edit:
            raise PermissionDenied
        added = services.ensure_default_themes(
            organisation=request.membership.organisation, membership=request.membership
        )
        messages.success(
            request, f"{added} standaardthema's toegevoegd." if added else "Er waren al thema's."
        )
        return redirect("signals:themes", org_slug=org_slug)
    return render(
        request,
        "signals/theme_list.html",
        {
            "themes": selectors.themes_for(membership=request.membership),
            "breadcrumbs": breadcrumbs(("Signalen", f"/o/{org_slug}/signalen/"), ("Thema's", None)),
        },
    )


def _error_context(query: str, position: int | None) -> dict[str, object]:
    # The caret sits under the character where the parser stopped.
    if position is None:
        return {}
    position = max(0, min(position, len(query)))
    return {
        "error_before": query[:position],
        "error_at": query[position : position + 1] or " ",
        "error_after": query[position + 1 :],
        "error_position": position + 1,
    }


@org_view(EDITORS, personal_data=True, municipality_only=True)
def theme_edit(request: OrgRequest, org_slug: str, pk: int | None = None) -> HttpResponse:
    theme = selectors.theme_for(membership=request.membership, pk=pk) if pk else None
    initial = (
        {
            "name": theme.name,
            "query": theme.query,
            "description": theme.description,
            "active": theme.active,
            "version": theme.version,
        }
        if theme
        else {"active": True}
    )
    form = ThemeForm(request.POST or None, initial=initial)
    context: dict[str, object] = {}
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.save_theme(
                    membership=request.membership,
                    theme=theme,
                    name=data["name"],
                    query=data["query"],
                    description=data["description"],
                    active=data["active"],
                    version=data.get("version"),
                )
            except StaleObject as exc:
                assert theme is not None  # only an edit can be stale
                theme.refresh_from_db(fields=["version"])
                stale_to_form(form, exc, current_version=theme.version)
                status = 409
            except services.ThemeError as exc:
                if exc.field == "query":
                    context.update(_error_context(data["query"], exc.position))
                add_form_error(form, exc)
            else:
                messages.success(request, "Het thema is opgeslagen. Berichten worden opnieuw ingedeeld.")
                return redirect("signals:themes", org_slug=org_slug)
        status = 409 if status == 409 else 400
    title = f"Thema '{theme.name}' bewerken" if theme else "Nieuw thema"
    context.update(
        {
            "form": form,
            "theme": theme,
            "title": title,
            "breadcrumbs": breadcrumbs(
                ("Signalen", f"/o/{org_slug}/signalen/"),
                ("Thema's", f"/o/{org_slug}/signalen/themas/"),
                (title, None),
            ),
        }
    )
    return render(request, "signals/theme_form.html", context, status=status)


@org_view(EDITORS, personal_data=True, municipality_only=True)
@require_POST
def theme_preview(request: OrgRequest, org_slug: str) -> HttpResponse:
    """htmx: which recent messages the query would match, or where its syntax error is."""
    from brug.text import parse_query

    query = request.POST.get("query", "")[:5000]
    context: dict[str, object] = {"query": query}
    if not query.strip():
        return render(request, "signals/_theme_preview.html", {"empty": True})
    try:
        services.check_query(query)
    except services.ThemeError as exc:
        context.update({"error": exc.message, **_error_context(query, exc.position)})
        return render(request, "signals/_theme_preview.html", context)
    compiled = parse_query(query)
    # Every stored message, newest first, until the time budget is spent (then the page says how
    # many were checked): a preview over all messages without letting the request run away.
    deadline = time.monotonic() + PREVIEW_BUDGET_SECONDS
    hits: list[tuple[int, datetime, str]] = []
    count = checked = 0
    finished = True
    for batch in selectors.message_text_batches(membership=request.membership):
        for row in batch:
            if compiled.matches(row[2]):
                count += 1
                if len(hits) < 10:
                    hits.append(row)
        checked += len(batch)
        if time.monotonic() > deadline:
            finished = False
            break
    total = checked if finished else selectors.message_text_count(membership=request.membership)
    context.update(
        {
            "hits": [{"occurred_at": moment, "text": text} for _, moment, text in hits],
            "count": count,
            "checked": checked,
            "total": total,
            "finished": finished,
            "budget": PREVIEW_BUDGET_SECONDS,
        }
    )
    return render(request, "signals/_theme_preview.html", context)


@org_view(MANAGERS, personal_data=True, municipality_only=True)
def monitor_settings(request: OrgRequest, org_slug: str) -> HttpResponse:
    """Coordinators set the phase scale, thresholds and the retention period of message texts."""
    config = selectors.monitor_config(organisation=request.membership.organisation)
    form = MonitorConfigForm(request.POST or None, instance=config)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.save_monitor_config(
                membership=request.membership,
                config=form.save(commit=False),
                phases=form.cleaned_data["phases_text"],
                changed=form.changed_data,
            )
            messages.success(request, "De instellingen van de monitor zijn opgeslagen.")
            return redirect("signals:monitor", org_slug=org_slug)
        status = 400
    return render(
        request,
        "signals/monitor_settings.html",
        {
            "form": form,
            "breadcrumbs": breadcrumbs(
                ("Signalen", f"/o/{org_slug}/signalen/"),
                ("Monitor", f"/o/{org_slug}/signalen/monitor/"),
                ("Instellingen", None),
            ),
        },
        status=status,
    )


@org_view(EDITORS, personal_data=True, municipality_only=True)
def theme_delete(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes the theme (messages stay, its counts go)."""
    theme = selectors.theme_for(membership=request.membership, pk=pk)
    if request.method == "POST":
        name = theme.name
        services.delete_theme(membership=request.membership, theme=theme)
        messages.success(request, f"Het thema '{name}' is verwijderd.")
        return redirect("signals:themes", org_slug=org_slug)
    return render(
        request,
        "signals/theme_delete.html",
        {
            "theme": theme,
            "linked": theme.signals.count(),
            "breadcrumbs": breadcrumbs(
                ("Signalen", f"/o/{org_slug}/signalen/"),
                ("Thema's", f"/o/{org_slug}/signalen/themas/"),
                (f"'{theme.name}' verwijderen", None),
            ),
        },
    )


def _int_or_none(value: str) -> int | None:
    return int(value) if value.isdigit() else None


@org_view(personal_data=True, municipality_only=True)
def trends_page(request: OrgRequest, org_slug: str) -> HttpResponse:
    """Tone, hostility and framing over time per theme and per neighbourhood, with the previous period."""
    from .. import trends

    membership = request.membership
    days = PERIODS.get(request.GET.get("periode", "30"), 30)
    unit = "week" if request.GET.get("per") == "week" else "dag"
    themes = list(selectors.themes_for(membership=membership))
    hoods = list(selectors.neighbourhoods_for(membership=membership))
    theme_id = _int_or_none(request.GET.get("thema", ""))
    hood_id = _int_or_none(request.GET.get("wijk", ""))
    # Only this organisation's themes and neighbourhoods: another id is ignored, never looked up.
    theme = next((t for t in themes if t.pk == theme_id), None)
    hood = next((n for n in hoods if n.pk == hood_id), None)
    data = trends.build(
        membership.organisation,
        days=days,
        unit=unit,
        theme_id=theme.pk if theme else None,
        neighbourhood_id=hood.pk if hood else None,
    )
    return render(
        request,
        "signals/trends.html",
        {
            "t": data,
            "themes": themes,
            "hoods": hoods,
            "theme": theme,
            "hood": hood,
            "period": str(days),
            "unit": unit,
            "breadcrumbs": breadcrumbs(("Signalen", f"/o/{org_slug}/signalen/"), ("Trends", None)),
        },
    )
