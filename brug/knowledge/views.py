"""Knowledge base pages: organisation pages under /o/<slug>/kennisbank/, public ones under /kennisbank/publiek/."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from brug.core import taxonomy
from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs

from . import selectors, services
from .forms import ItemForm, SearchForm
from .models import KnowledgeItem

PAGE_SIZE = 20


def _search_context(request: HttpRequest, form: SearchForm, **scope: Any) -> dict[str, Any]:
    """Search when there is a query, otherwise list the latest items; both honour the filters."""
    context: dict[str, Any] = {"form": form, "hits": None, "page": None, "query": ""}
    if not form.is_valid():
        return context
    data = form.cleaned_data
    filters = {"kind": data["kind"], "theme": data["theme"], "line": data["line"]}
    if data["q"]:
        context["query"] = data["q"]
        hits = selectors.search(query=data["q"], **filters, **scope)
        context["hits"] = hits
        context["related_count"] = sum(1 for hit in hits if hit.related)
        context["found_count"] = len(hits) - context["related_count"]
    else:
        items = selectors.filtered(selectors.visible_items(**scope), **filters)
        context["page"] = Paginator(items, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return context


@org_view()
def item_list(request: OrgRequest, org_slug: str) -> HttpResponse:
    membership = request.membership
    form = SearchForm(request.GET)  # bound even when empty: no query lists the latest items
    context = _search_context(request, form, membership=membership)
    if context["query"]:
        # Who else is working on this question: other municipalities with items close in meaning.
        context["similar"] = selectors.similar_municipalities(
            vector=selectors.query_vector(context["query"]), membership=membership
        )
    context["breadcrumbs"] = breadcrumbs(("Kennisbank", None))
    status = 200 if form.is_valid() else 400
    return render(request, "knowledge/list.html", context, status=status)


@org_view()
def item_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    membership = request.membership
    # Through the one visibility selector: another organisation's own item is a 404.
    item = get_object_or_404(selectors.visible_items(membership=membership), pk=pk)
    similar = selectors.similar_municipalities(
        vector=selectors.item_vector(item), membership=membership, exclude_item_id=item.pk, themes=item.themes
    )
    context = {
        "item": item,
        "similar": similar,
        "can_edit": membership.can_edit and item.organisation_id == membership.organisation_id,
        "has_pdf": selectors.has_pdf(item),
        "breadcrumbs": breadcrumbs(
            ("Kennisbank", reverse("knowledge:list", args=[org_slug])), (item.title, None)
        ),
        **_labels(item),
    }
    return render(request, "knowledge/detail.html", context)


@org_view(roles=EDITORS)
@require_http_methods(["GET", "POST"])
def item_add(request: OrgRequest, org_slug: str) -> HttpResponse:
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.publish_item(membership=request.membership, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Het item staat in de kennisbank.")
            return redirect(item.url_for(org_slug))
    return _form_page(request, form, title="Kennis toevoegen", org_slug=org_slug)


@org_view(roles=EDITORS)
@require_http_methods(["GET", "POST"])
def item_edit(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    membership = request.membership
    item = get_object_or_404(selectors.own_items(membership=membership), pk=pk)
    initial = {
        f: getattr(item, f) for f in ("kind", "title", "body", "themes", "dividing_lines", "visibility")
    }
    form = ItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_item(membership=membership, item=item, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "De wijzigingen zijn opgeslagen.")
            return redirect(item.url_for(org_slug))
    return _form_page(request, form, title=f"Bewerken: {item.title}", org_slug=org_slug, item=item)


@org_view()
def item_pdf(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.visible_items(membership=request.membership), pk=pk)
    return _pdf_response(item)


def public_list(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    context = _search_context(request, form, user=None)
    status = 200 if form.is_valid() else 400
    return render(request, "knowledge/public_list.html", context, status=status)


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.public_items(), pk=pk)
    context = {
        "item": item,
        "has_pdf": selectors.has_pdf(item),
        "breadcrumbs": breadcrumbs(
            ("Openbare kennisbank", reverse("knowledge:public_list")), (item.title, None)
        ),
        **_labels(item),
    }
    return render(request, "knowledge/public_detail.html", context)


def public_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _pdf_response(get_object_or_404(selectors.public_items(), pk=pk))


# ---- helpers -----------------------------------------------------------------------------------


def _labels(item: KnowledgeItem) -> dict[str, list[str]]:
    return {
        "theme_labels": taxonomy.labels(item.themes, taxonomy.themes()),
        "line_labels": taxonomy.labels(item.dividing_lines, taxonomy.dividing_lines()),
    }


def _add_errors(form: ItemForm, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _form_page(
    request: HttpRequest, form: ItemForm, *, title: str, org_slug: str, **extra: Any
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "breadcrumbs": breadcrumbs(("Kennisbank", reverse("knowledge:list", args=[org_slug])), (title, None)),
        **extra,
    }
    return render(request, "knowledge/form.html", context, status=400 if form.errors else 200)


def _pdf_response(item: KnowledgeItem) -> HttpResponse:
    blob = selectors.pdf_bytes(item)
    if not blob:
        raise Http404
    response = HttpResponse(blob, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="kennisbank-{item.pk}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
