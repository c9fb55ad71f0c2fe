"""Deleting a whole map, analysis or impact scan, and editing or deleting the municipality's own
interventions. Every delete is a confirmation page first (GET shows what goes and what stays),
then a POST; only editors, and only objects of their own organisation (404 otherwise)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.breadcrumbs import Crumb, breadcrumbs, crumb
from brug.core.errors import add_form_error

from .. import selectors, services
from ..forms import InterventionForm


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _confirm(
    request: OrgRequest,
    *,
    heading: str,
    kind: str,
    name: str,
    goes: list[str],
    stays: list[str],
    cancel_url: str,
    crumbs: list[Crumb],
    blocked: str = "",
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "heading": heading,
        "kind": kind,
        "name": name,
        "goes": goes,
        "stays": stays,
        "cancel_url": cancel_url,
        "blocked": blocked,
        "error": error,
        "breadcrumbs": crumbs,
    }
    return render(request, "analysis/confirm_delete.html", context, status=status)


@org_view(EDITORS, municipality_only=True)
def map_delete(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    pmap = selectors.map_for(membership=request.membership, pk=pk)
    if request.method == "POST":
        title = services.delete_map(membership=request.membership, pmap=pmap)
        messages.success(request, f"De polarisatiekaart ‘{title}’ is verwijderd.")
        return redirect("analysis:index", org_slug=org_slug)
    s = selectors.map_delete_summary(pmap=pmap)
    goes = [
        _n(s["pairs"], "wij-zij-paar", "wij-zij-paren"),
        _n(s["incidents"], "incident", "incidenten"),
        _n(s["actors"], "betrokkene", "betrokkenen"),
        _n(s["fuel"], "uitspraak (brandstof)", "uitspraken (brandstof)"),
        _n(s["snapshots"], "versie in de geschiedenis", "versies in de geschiedenis"),
    ]
    stays = []
    if s["signal_incidents"]:
        stays.append(
            f"{_n(s['signal_incidents'], 'incident komt', 'incidenten komen')} uit een signaal. "
            "De signalen zelf blijven bestaan; alleen de koppeling met de kaart verdwijnt."
        )
    if s["analyses"]:
        stays.append(
            f"{_n(s['analyses'], 'gezamenlijke analyse gebruikt', 'gezamenlijke analyses gebruiken')} "
            "deze kaart. De analyses blijven bestaan, maar zonder kaart."
        )
    if s["scans"]:
        stays.append(
            f"{_n(s['scans'], 'impactscan verwijst', 'impactscans verwijzen')} naar paren op deze kaart. "
            "De impactscans blijven bestaan, zonder die paren."
        )
    url = reverse("analysis:map_detail", args=[org_slug, pmap.pk])
    return _confirm(
        request,
        heading="Polarisatiekaart verwijderen",
        kind="de polarisatiekaart",
        name=pmap.title,
        goes=goes,
        stays=stays,
        cancel_url=url,
        crumbs=breadcrumbs(
            crumb("Analyse", "analysis:index", org_slug), (pmap.title, url), ("Verwijderen", None)
        ),
    )


@org_view(EDITORS, municipality_only=True)
def analysis_delete(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    analysis = selectors.analysis_for(membership=request.membership, pk=pk)
    if request.method == "POST":
        title = services.delete_analysis(membership=request.membership, analysis=analysis)
        messages.success(request, f"De gezamenlijke analyse ‘{title}’ is verwijderd.")
        return redirect("analysis:index", org_slug=org_slug)
    s = selectors.analysis_delete_summary(analysis=analysis)
    goes = [
        _n(s["contributions"], "bijdrage van een medewerker", "bijdragen van medewerkers"),
        _n(s["chosen"], "gekozen interventie", "gekozen interventies"),
        _n(s["snapshots"], "versie in de geschiedenis", "versies in de geschiedenis"),
        _n(s["shares"], "registratie van delen", "registraties van delen"),
    ]
    stays = []
    if analysis.map is not None:
        stays.append(f"De polarisatiekaart ‘{analysis.map.title}’ blijft bestaan.")
    if s["published"]:
        stays.append(
            f"{_n(s['published'], 'geanonimiseerde versie staat', 'geanonimiseerde versies staan')} in de "
            "kennisbank. Die blijft daar staan; trek haar zo nodig in de kennisbank in."
        )
    stays.append("De interventies zelf blijven in de catalogus.")
    url = reverse("analysis:analysis_detail", args=[org_slug, analysis.pk])
    return _confirm(
        request,
        heading="Gezamenlijke analyse verwijderen",
        kind="de gezamenlijke analyse",
        name=analysis.title,
        goes=goes,
        stays=stays,
        cancel_url=url,
        crumbs=breadcrumbs(
            crumb("Analyse", "analysis:index", org_slug), (analysis.title, url), ("Verwijderen", None)
        ),
    )


@org_view(EDITORS, municipality_only=True)
def impact_delete(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    scan = selectors.impact_scan_for(membership=request.membership, pk=pk)
    if request.method == "POST":
        project = services.delete_impact_scan(membership=request.membership, scan=scan)
        messages.success(request, f"De impactscan ‘{project}’ is verwijderd.")
        return redirect("analysis:index", org_slug=org_slug)
    s = selectors.impact_scan_delete_summary(scan=scan)
    stays = [
        f"De koppeling met {_n(s['neighbourhoods'], 'wijk', 'wijken')} en "
        f"{_n(s['pairs'], 'wij-zij-paar', 'wij-zij-paren')} verdwijnt; de wijken en paren zelf blijven bestaan."
    ]
    url = reverse("analysis:impact_detail", args=[org_slug, scan.pk])
    return _confirm(
        request,
        heading="Sociale impactscan verwijderen",
        kind="de impactscan",
        name=scan.project,
        goes=["De impactscan met groepen, spanningen, maatregelen, eigenaar en herziendatum."],
        stays=stays,
        cancel_url=url,
        crumbs=breadcrumbs(
            crumb("Analyse", "analysis:index", org_slug), (scan.project, url), ("Verwijderen", None)
        ),
    )


@org_view(EDITORS, municipality_only=True)
def intervention_edit(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    # The selector only finds the municipality's own entries: a global or foreign one answers 404.
    membership = request.membership
    item = selectors.own_intervention_for(membership=membership, pk=pk)
    initial = {
        "name": item.name,
        "category": item.category,
        "summary": item.summary,
        "how": item.how,
        "phases": item.phases,
        "manifestations": item.manifestations,
        "source": item.source,
    }
    form = InterventionForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                saved = services.update_intervention(membership=membership, item=item, **form.cleaned_data)
            except services.AnalysisError as exc:
                add_form_error(form, exc)
            else:
                messages.success(request, f"‘{saved.name}’ is opgeslagen.")
                return redirect("analysis:catalogue", org_slug=org_slug)
    catalogue_url = reverse("analysis:catalogue", args=[org_slug])
    context = {
        "item": item,
        "form": form,
        "breadcrumbs": breadcrumbs(
            crumb("Analyse", "analysis:index", org_slug),
            ("Interventies", catalogue_url),
            (f"{item.name} bewerken", None),
        ),
    }
    return render(request, "analysis/intervention_form.html", context, status=status)


@org_view(EDITORS, municipality_only=True)
def intervention_delete(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    membership = request.membership
    item = selectors.own_intervention_for(membership=membership, pk=pk)
    catalogue_url = reverse("analysis:catalogue", args=[org_slug])
    error = ""
    if request.method == "POST":
        try:
            name = services.delete_intervention(membership=membership, item=item)
        except services.AnalysisError as exc:
            error = str(exc)
        else:
            messages.success(request, f"‘{name}’ is uit uw catalogus verwijderd.")
            return redirect("analysis:catalogue", org_slug=org_slug)
    used = services.intervention_in_use(item)
    blocked = (
        f"Deze interventie is gekozen in {_n(used, 'gezamenlijke analyse', 'gezamenlijke analyses')}. "
        "Haal haar daar eerst weg (stap 4); daarna kunt u haar verwijderen."
        if used
        else ""
    )
    return _confirm(
        request,
        heading="Interventie verwijderen",
        kind="de interventie",
        name=item.name,
        goes=["De interventie uit de catalogus van uw gemeente."],
        stays=["De landelijke interventies en die van andere gemeenten veranderen niet."],
        cancel_url=catalogue_url,
        crumbs=breadcrumbs(
            crumb("Analyse", "analysis:index", org_slug),
            ("Interventies", catalogue_url),
            ("Verwijderen", None),
        ),
        blocked=blocked,
        error=error if not blocked else "",
        status=400 if error else 200,
    )
