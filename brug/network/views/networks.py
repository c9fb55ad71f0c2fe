"""Phase 1 pages: the networks, their set-up checklist, and their coverage and graph."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from brug.core.access import OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs, crumb
from brug.core.versioning import StaleObject, stale_to_form

from .. import coverage, graph, selectors, services, targets
from ..forms import DomainForm, NetworkForm
from ..models import KeyFigureStatus, Network
from ..models.people import split_list
from .common import PEOPLE, apply_error

LABELS = {f.name: f.verbose_name for f in Network._meta.get_fields() if hasattr(f, "verbose_name")}


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def index(request: OrgRequest, org_slug: str) -> HttpResponse:
    membership = request.membership
    status = request.GET.get("status", "")
    if status not in KeyFigureStatus.values:
        status = ""
    context = {
        "networks": selectors.networks_for(membership=membership),
        "people": selectors.key_figures_for(membership=membership, status=status),
        "statuses": KeyFigureStatus.choices,
        "status": status,
        "due": selectors.retention_due(membership=membership),
        "breadcrumbs": breadcrumbs(crumb("Overzicht", "core:dashboard", org_slug), ("Sleutelfiguren", None)),
    }
    return render(request, "network/index.html", context)


def _network_form_page(request: OrgRequest, org_slug: str, network: Network | None = None) -> HttpResponse:
    membership = request.membership
    services.ensure_default_domains(organisation=membership.organisation)
    form = NetworkForm(request.POST or None, instance=network, membership=membership)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.save_network(membership=membership, data=form.cleaned_data, network=network)
            except StaleObject as exc:
                assert network is not None  # only an edit can be stale
                network.refresh_from_db(fields=["version"])
                stale_to_form(form, exc, current_version=network.version)
                status = 409
            except services.NetworkError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, f"Netwerk “{saved.name}” is opgeslagen.")
                return redirect("network:network_detail", org_slug=org_slug, pk=saved.pk)
        status = 409 if status == 409 else 400
    title = "Nieuw netwerk opzetten" if network is None else f"{network.name} bewerken"
    extra = (
        []
        if network is None
        else [(network.name, reverse("network:network_detail", args=[org_slug, network.pk]))]
    )
    context = {
        "form": form,
        "network": network,
        "title": title,
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            *extra,
            (title, None),
        ),
    }
    return render(request, "network/network_form.html", context, status=status)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def network_create(request: OrgRequest, org_slug: str) -> HttpResponse:
    return _network_form_page(request, org_slug)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def network_edit(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    network = selectors.network_for(membership=request.membership, pk=pk)
    return _network_form_page(request, org_slug, network)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def network_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    network = selectors.network_for(membership=request.membership, pk=pk)
    active = list(selectors.active_in(network))
    groups = list(selectors.working_groups_for(network))
    meetings = list(selectors.meetings_for(network))
    context = {
        "network": network,
        "targets": targets.progress(
            active=len(active),
            size_min=network.target_size_min,
            size_max=network.target_size_max,
            organisations=targets.partner_organisations(
                [kf.employer for kf in active],
                [p for g in groups for p in split_list(g.partner_organisations)],
            ),
            organisations_target=network.target_partner_organisations,
            meeting_dates=[m.held_on for m in meetings],
            meetings_per_year=network.broad_meetings_per_year,
            today=timezone.localdate(),
        ),
        "revisions": [
            (rev, [str(LABELS.get(name, name)) for name in rev.changed])
            for rev in network.revisions.select_related("revised_by")[:10]
        ],
        "first_version": network.revisions.count() <= 10,
        "people": network.key_figures.filter(erased_at__isnull=True).select_related("domain"),
        "meetings": selectors.meetings_for(network),
        "groups": selectors.working_groups_for(network),
        "trainings": selectors.trainings_for(network),
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            (network.name, None),
        ),
    }
    return render(request, "network/network_detail.html", context)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def network_coverage(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    network = selectors.network_for(membership=request.membership, pk=pk)
    active = list(selectors.active_in(network))
    context = {
        "network": network,
        "coverage": coverage.compute(network, active),
        "graph": graph.analyse(active, list(selectors.working_groups_for(network))),
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            (network.name, reverse("network:network_detail", args=[org_slug, network.pk])),
            ("Dekking en netwerkkaart", None),
        ),
    }
    return render(request, "network/coverage.html", context)


@org_view(PEOPLE, personal_data=True, municipality_only=True)
def domains(request: OrgRequest, org_slug: str) -> HttpResponse:
    membership = request.membership
    services.ensure_default_domains(organisation=membership.organisation)
    form = DomainForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.add_domain(membership=membership, name=form.cleaned_data["name"])
            except services.NetworkError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, "Domein toegevoegd.")
                return redirect("network:domains", org_slug=org_slug)
        status = 400
    context = {
        "form": form,
        "domains": selectors.domains_for(membership=membership),
        "breadcrumbs": breadcrumbs(
            crumb("Overzicht", "core:dashboard", org_slug),
            crumb("Sleutelfiguren", "network:index", org_slug),
            ("Domeinen", None),
        ),
    }
    return render(request, "network/domains.html", context, status=status)
