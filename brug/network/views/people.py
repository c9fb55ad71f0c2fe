"""Phase 2 pages: key figures, their selection conversation, status and personal link."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from brug.core.access import OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs, crumb
from brug.core.versioning import StaleObject, stale_to_form

from .. import selectors, services
from ..forms import ConversationForm, KeyFigureForm, StatusForm
from ..models import KeyFigure, KeyFigureStatus
from .common import PEOPLE, apply_error


def _person_form_page(
    request: OrgRequest, org_slug: str, key_figure: KeyFigure | None = None
) -> HttpResponse:
    membership = request.membership
    services.ensure_default_domains(organisation=membership.organisation)
    initial = {}
    if key_figure is None and request.GET.get("netwerk", "").isdigit():
        initial["networks"] = selectors.networks_for(membership=membership).filter(pk=request.GET["netwerk"])
    form = KeyFigureForm(request.POST or None, instance=key_figure, initial=initial, membership=membership)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.save_key_figure(
                    membership=membership, data=form.cleaned_data, key_figure=key_figure
                )
            except StaleObject as exc:
                assert key_figure is not None  # only an edit can be stale
                key_figure.refresh_from_db(fields=["version"])
                stale_to_form(form, exc, current_version=key_figure.version)
                status = 409
            except services.NetworkError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, f"{saved.name} is opgeslagen.")
                return redirect("network:person_detail", org_slug=org_slug, pk=saved.pk)
        status = 409 if status == 409 else 400
    title = "Nieuwe sleutelfiguur of kandidaat" if key_figure is None else f"{key_figure.name} bewerken"
    extra = (
        []
        if key_figure is None
        else [(key_figure.name, reverse("network:person_detail", args=[org_slug, key_figure.pk]))]
    )
    context = {
        "form": form,
        "title": title,
        "key_figure": key_figure,
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            *extra,
            (title, None),
        ),
    }
    return render(request, "network/person_form.html", context, status=status)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def person_create(request: OrgRequest, org_slug: str) -> HttpResponse:
    return _person_form_page(request, org_slug)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def person_edit(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    return _person_form_page(
        request, org_slug, selectors.key_figure_for(membership=request.membership, pk=pk)
    )


def _signal_count(key_figure: KeyFigure) -> int:
    from brug.signals.models import Signal

    return Signal.objects.filter(organisation=key_figure.organisation, key_figure_id=key_figure.pk).count()


def _detail(
    request: OrgRequest,
    key_figure: KeyFigure,
    status_form: StatusForm | None = None,
    code: int = 200,
    token: str = "",
) -> HttpResponse:
    link = key_figure.signal_links.filter(revoked_at__isnull=True).first()
    context = {
        "kf": key_figure,
        "status_form": status_form or StatusForm(initial={"status": key_figure.status}),
        "conversations": key_figure.conversations.select_related("held_by"),
        # Every status change is history: shown here, with the person's version number.
        "status_history": [
            (
                change.changed_at,
                KeyFigureStatus(change.old_status).label if change.old_status else "",
                KeyFigureStatus(change.new_status).label,
            )
            for change in key_figure.status_changes.order_by("-changed_at", "-id")
        ],
        "referrals": key_figure.referrals.filter(erased_at__isnull=True),
        "signal_count": _signal_count(key_figure),
        "link": link,
        "token_url": request.build_absolute_uri(reverse("network:signal_link", args=[token]))
        if token
        else "",
        "can_converse": key_figure.status
        in (KeyFigureStatus.CANDIDATE, KeyFigureStatus.IN_CONVERSATION, KeyFigureStatus.STOPPED),
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", key_figure.organisation.slug),
            crumb("Sleutelfiguren", "network:index", key_figure.organisation.slug),
            (key_figure.name, None),
        ),
    }
    return render(request, "network/person_detail.html", context, status=code)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def person_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    return _detail(request, selectors.key_figure_for(membership=request.membership, pk=pk))


@org_view(PEOPLE, personal_data=True, municipality_only=True)
@require_POST
def person_status(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    key_figure = selectors.key_figure_for(membership=request.membership, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(
                membership=request.membership, key_figure=key_figure, status=form.cleaned_data["status"]
            )
        except services.NetworkError as exc:
            # Shown in the alert at the top of the box: the reason matters more than the field.
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, f"De status van {key_figure.name} is nu “{key_figure.get_status_display()}”."
            )
            return redirect("network:person_detail", org_slug=org_slug, pk=pk)
    key_figure.refresh_from_db()
    return _detail(request, key_figure, status_form=form, code=400)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def conversation(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    key_figure = selectors.key_figure_for(membership=request.membership, pk=pk)
    form = ConversationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.record_conversation(
                    membership=request.membership, key_figure=key_figure, data=form.cleaned_data
                )
            except services.NetworkError as exc:
                apply_error(form, exc)
            else:
                messages.success(
                    request, f"Het selectiegesprek is vastgelegd. Status: {key_figure.get_status_display()}."
                )
                return redirect("network:person_detail", org_slug=org_slug, pk=pk)
        status = 400
    context = {
        "form": form,
        "kf": key_figure,
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            (key_figure.name, reverse("network:person_detail", args=[org_slug, pk])),
            ("Selectiegesprek", None),
        ),
    }
    return render(request, "network/conversation_form.html", context, status=status)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
@require_POST
def link_issue(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    # The token is shown once, in this response; Brug keeps only its hash.
    key_figure = selectors.key_figure_for(membership=request.membership, pk=pk)
    try:
        token = services.issue_link(membership=request.membership, key_figure=key_figure)
    except services.NetworkError as exc:
        messages.error(request, exc.message)
        return redirect("network:person_detail", org_slug=org_slug, pk=pk)
    return _detail(request, key_figure, token=token)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
@require_POST
def link_revoke(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    key_figure = selectors.key_figure_for(membership=request.membership, pk=pk)
    if services.revoke_link(membership=request.membership, key_figure=key_figure):
        messages.success(request, "De persoonlijke meldlink werkt niet meer.")
    else:
        messages.info(request, "Er was geen werkende meldlink.")
    return redirect("network:person_detail", org_slug=org_slug, pk=pk)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def signal_sender(request: OrgRequest, org_slug: str, signal_pk: int) -> HttpResponse:
    # Follow-up of a key figure's signal: only when they ticked "mag contact opnemen", and audited.
    from brug.signals import selectors as signal_selectors

    signal = signal_selectors.signal_for(membership=request.membership, pk=signal_pk)
    key_figure = services.reveal_signal_sender(membership=request.membership, signal=signal)
    if key_figure is None:
        raise Http404
    context = {
        "kf": key_figure,
        "signal": signal,
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            (key_figure.name, reverse("network:person_detail", args=[org_slug, key_figure.pk])),
            ("Contact over een signaal", None),
        ),
    }
    return render(request, "network/signal_sender.html", context)
