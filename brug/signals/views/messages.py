"""The messages page: every message of the municipality, filtered, searched, paged and exported."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone

from brug.core.access import OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs
from brug.core.exports import ExportFormat, table_response

from .. import selectors
from ..forms import MessageFilterForm
from ..models import Channel, Signal, SignalStatus

EXPORT_LIMIT = 50_000


def _form(request: OrgRequest) -> MessageFilterForm:
    membership = request.membership
    themes = [(t.pk, t.name) for t in selectors.themes_for(membership=membership)]
    hoods = [(n.pk, n.name) for n in selectors.neighbourhoods_for(membership=membership)]
    data = request.GET if any(k in request.GET for k in MessageFilterForm.base_fields) else None
    return MessageFilterForm(data, themes=themes, hoods=hoods)


def _filters(form: MessageFilterForm) -> selectors.MessageFilters:
    if not form.is_bound or not form.is_valid():
        return selectors.MessageFilters()
    d = form.cleaned_data
    return selectors.MessageFilters(
        q=d["q"],
        theme=d["theme"],
        start=d["start"],
        end=d["end"],
        channel=d["channel"],
        neighbourhood=d["neighbourhood"],
        tone=d["tone"],
        hostile=d["hostile"],
        framed=d["framed"],
        status=d["status"],
    )


def _cursor(value: str) -> tuple[datetime, int] | None:
    """The keyset cursor 'moment_id' of the next page; anything malformed means the first page."""
    moment, _, pk = value.rpartition("_")
    try:
        at = datetime.fromisoformat(moment)
        number = int(pk)
    except ValueError:
        return None
    if timezone.is_naive(at):
        return None
    return at, number


def _next_url(base: str, cursor: tuple[datetime, int] | None) -> str:
    if cursor is None:
        return ""
    na = urlencode({"na": f"{cursor[0].isoformat()}_{cursor[1]}"})
    return f"?{base}&{na}" if base else f"?{na}"


def _query_without(request: OrgRequest, *drop: str) -> str:
    params: QueryDict = request.GET.copy()
    for key in drop:
        params.pop(key, None)
    return params.urlencode()


def _score(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def _items(rows: list[Signal], org_slug: str) -> list[dict[str, Any]]:
    """Everything a row shows, formatted once here: the page renders 50 rows, so every template
    lookup and filter per row counts (see bench/signals/messages_bench.py)."""
    channels = dict(Channel.choices)
    statuses = dict(SignalStatus.choices)
    base = f"/o/{org_slug}/signalen/"
    items = []
    for s in rows:
        why = s.why if isinstance(s.why, dict) else {}
        moment = timezone.localtime(s.occurred_at).strftime("%d-%m-%Y %H:%M")
        items.append(
            {
                "pk": s.pk,
                "moment": moment,
                "channel": channels.get(s.channel, s.channel),
                "hood": s.neighbourhood.name if s.neighbourhood_id and s.neighbourhood else "",
                "themes": ", ".join(s.theme_names) or "geen",  # type: ignore[attr-defined]
                "status": statuses.get(s.status, s.status),
                "purged_on": timezone.localtime(s.text_purged_at).strftime("%d-%m-%Y")
                if s.text_purged_at
                else "",
                "text": s.text if len(s.text) <= 600 else s.text[:599] + "…",
                "tone": _score(s.tone),
                "hostility": _score(s.hostility),
                "framing": _score(s.framing),
                "why_themes": "; ".join(s.theme_why) or "geen",  # type: ignore[attr-defined]
                "why_tone": "; ".join(why.get("tone") or []) or "geen toonwoorden",
                "why_hostility": "; ".join(why.get("hostility") or []) or "geen vijandige woorden",
                "why_framing": "; ".join(why.get("framing") or []) or "geen wij-zij-taal",
                "url": s.url,
                "reported": s.is_reported,
                "detail_url": f"{base}{s.pk}/",
            }
        )
    return items


@org_view(personal_data=True, municipality_only=True)
def message_list(request: OrgRequest, org_slug: str) -> HttpResponse:
    # Filters in the URL (GET), so a filtered list can be bookmarked, shared and exported as shown.
    form = _form(request)
    filters = _filters(form)
    after = _cursor(request.GET.get("na", ""))
    notes: list[str] = []
    rows, next_cursor = selectors.message_page(
        membership=request.membership, filters=filters, after=after, notes=notes
    )
    base = _query_without(request, "na")
    items = _items(rows, org_slug)
    return render(
        request,
        "signals/messages.html",
        {
            "form": form,
            "rows": rows,
            "items": items,
            "search_notes": notes,
            "score_refresh": selectors.running_score_refresh(membership=request.membership),
            "can_edit": request.membership.can_edit,
            "new_url": f"/o/{org_slug}/signalen/nieuw/",
            "algorithms_url": f"/o/{org_slug}/signalen/algoritmen/",
            "first_page": after is None,
            "next_url": _next_url(base, next_cursor),
            "first_url": f"?{base}",
            "export_query": base,
            "page_size": selectors.MESSAGE_PAGE,
            "export_limit": EXPORT_LIMIT,
            "breadcrumbs": breadcrumbs(("Signalen", f"/o/{org_slug}/signalen/"), ("Berichten", None)),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@org_view(personal_data=True, municipality_only=True)
def message_export(request: OrgRequest, org_slug: str) -> HttpResponse:
    """The filtered list as CSV or XLSX (formulas neutralised by brug.core.exports); no author data."""
    form = _form(request)
    filters = _filters(form)
    fmt: ExportFormat = "xlsx" if request.GET.get("formaat") == "xlsx" else "csv"
    qs = selectors.messages_for(membership=request.membership, filters=filters).select_related(
        "neighbourhood"
    )
    channels, statuses = dict(Channel.choices), dict(SignalStatus.choices)
    through = qs.model.themes.through

    def rows():  # type: ignore[no-untyped-def]
        batch: list = []
        for s in qs.only(
            "id",
            "occurred_at",
            "channel",
            "text",
            "url",
            "tone",
            "hostility",
            "framing",
            "status",
            "text_purged_at",
            "neighbourhood__name",
        )[:EXPORT_LIMIT].iterator(chunk_size=2000):
            batch.append(s)
            if len(batch) == 2000:
                yield from _with_themes(batch)
                batch = []
        yield from _with_themes(batch)

    def _with_themes(batch: list) -> list[list[object]]:  # type: ignore[type-arg]
        names: dict[int, list[str]] = {}
        for signal_id, name in through.objects.filter(signal_id__in=[s.pk for s in batch]).values_list(
            "signal_id", "theme__name"
        ):
            names.setdefault(signal_id, []).append(name)
        return [
            [
                s.pk,
                timezone.localtime(s.occurred_at).strftime("%Y-%m-%d %H:%M"),
                channels.get(s.channel, s.channel),
                s.neighbourhood.name if s.neighbourhood else "",
                ", ".join(sorted(names.get(s.pk, []))),
                "(tekst gewist na de bewaartermijn)" if s.text_purged_at else s.text,
                s.url,
                round(s.tone, 3),
                round(s.hostility, 3),
                round(s.framing, 3),
                statuses.get(s.status, s.status),
            ]
            for s in batch
        ]

    return table_response(
        filename=f"berichten-{timezone.localdate():%Y-%m-%d}",
        header=[
            "nummer",
            "moment",
            "bron",
            "wijk",
            "thema's",
            "tekst",
            "url",
            "toon",
            "vijandigheid",
            "wij-zij",
            "status",
        ],
        rows=rows(),
        fmt=fmt,
    )
