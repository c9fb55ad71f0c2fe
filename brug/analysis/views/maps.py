"""Map pages: the map with its pairs, one pair as Brandsma's diagram, advice and history."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs, crumb
from brug.core.errors import add_form_error

from .. import compare, config, selectors, services
from ..diagram import layout
from ..forms import (
    ActorForm,
    FuelForm,
    IncidentForm,
    MapForm,
    MoveForm,
    PairForm,
    VersionNameForm,
    role_choices,
)
from ..gamechanger import advise
from ..models import Actor, PolarisationMap, UsThemPair


def _map_initial(pmap: PolarisationMap) -> dict[str, Any]:
    return {
        "title": pmap.title,
        "as_of": pmap.as_of,
        "whole_municipality": pmap.whole_municipality,
        "neighbourhoods": list(pmap.neighbourhoods.all()),
        "phase": pmap.phase,
        "description": pmap.description,
        "version": pmap.version,
    }


@org_view(EDITORS, municipality_only=True)
def map_create(request: OrgRequest, org_slug: str) -> HttpResponse:
    membership = request.membership
    form = MapForm(request.POST or None, membership=membership, initial={"as_of": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pmap = services.create_map(
                membership=membership,
                title=data["title"],
                as_of=data["as_of"],
                whole_municipality=data["whole_municipality"],
                neighbourhoods=list(data["neighbourhoods"]),
                phase=data["phase"],
                description=data["description"],
            )
        except services.AnalysisError as exc:
            add_form_error(form, exc)
        else:
            messages.success(request, "De kaart is gemaakt. Voeg nu de wij-zij-paren toe.")
            return redirect("analysis:map_detail", org_slug=org_slug, pk=pmap.pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "breadcrumbs": breadcrumbs(crumb("Analyse", "analysis:index", org_slug), ("Nieuwe kaart", None)),
    }
    return render(request, "analysis/map_form.html", context, status=status)


def _render_map(
    request: OrgRequest,
    pmap: PolarisationMap,
    *,
    form: MapForm | None = None,
    pair_form: PairForm | None = None,
    status: int = 200,
    stale: bool = False,
) -> HttpResponse:
    membership = request.membership
    pairs = pmap.pairs.prefetch_related("incidents", "actors")
    context = {
        "map": pmap,
        "pairs": pairs,
        "form": form or MapForm(initial=_map_initial(pmap), membership=membership),
        "pair_form": pair_form or PairForm(),
        "stale": stale,
        "phase_label": config.phase_label(pmap.phase),
        "breadcrumbs": breadcrumbs(
            crumb("Analyse", "analysis:index", pmap.organisation.slug), (pmap.title, None)
        ),
    }
    return render(request, "analysis/map_detail.html", context, status=status)


@org_view(municipality_only=True)
def map_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    membership = request.membership
    pmap = selectors.map_for(membership=membership, pk=pk)
    if request.method != "POST":
        return _render_map(request, pmap)
    if not membership.can_edit:
        raise PermissionDenied
    form = MapForm(request.POST, membership=membership)
    if not form.is_valid():
        return _render_map(request, pmap, form=form, status=400)
    data = form.cleaned_data
    try:
        services.update_map(
            membership=membership,
            pmap=pmap,
            version=data["version"] or 0,
            title=data["title"],
            as_of=data["as_of"],
            whole_municipality=data["whole_municipality"],
            neighbourhoods=list(data["neighbourhoods"]),
            phase=data["phase"],
            description=data["description"],
        )
    except services.StaleVersion as exc:
        # Keep everything the user typed; carry the new version so a deliberate re-save works.
        pmap.refresh_from_db()
        post = request.POST.copy()
        post["version"] = str(pmap.version)
        kept = MapForm(post, membership=membership)
        kept.is_valid()
        kept.add_error(None, str(exc))
        return _render_map(request, pmap, form=kept, status=409, stale=True)
    except services.AnalysisError as exc:
        add_form_error(form, exc)
        return _render_map(request, pmap, form=form, status=400)
    messages.success(request, "De kaart is opgeslagen.")
    return redirect(reverse("analysis:map_detail", args=[org_slug, pmap.pk]) + "#h-editmap")


@org_view(EDITORS, municipality_only=True)
@require_POST
def pair_add(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    pmap = selectors.map_for(membership=request.membership, pk=pk)
    form = PairForm(request.POST)
    if form.is_valid():
        try:
            pair = services.add_pair(membership=request.membership, pmap=pmap, **form.cleaned_data)
        except services.AnalysisError as exc:
            add_form_error(form, exc)
        else:
            messages.success(request, f"Het paar ‘{pair}’ is toegevoegd.")
            return redirect(reverse("analysis:map_detail", args=[org_slug, pmap.pk]) + f"#paar-{pair.pk}")
    return _render_map(request, pmap, pair_form=form, status=400)


@org_view(EDITORS, municipality_only=True)
@require_POST
def pair_remove(request: OrgRequest, org_slug: str, pk: int, pair_pk: int) -> HttpResponse:
    pair = selectors.pair_for(membership=request.membership, pk=pair_pk, map_pk=pk)
    services.remove_pair(membership=request.membership, pair=pair)
    messages.success(request, f"Het paar ‘{pair}’ is verwijderd.")
    return redirect(reverse("analysis:map_detail", args=[org_slug, pk]) + "#paren")


def _render_pair(request: OrgRequest, pair: UsThemPair, status: int = 200, **bound: Any) -> HttpResponse:
    membership = request.membership
    actors = list(pair.actors.all())
    choices = role_choices(pair)
    rows = []
    for actor in actors:
        move = MoveForm(initial={"role": actor.role}, auto_id=f"id_move_{actor.pk}_%s")
        cast(forms.ChoiceField, move.fields["role"]).choices = choices
        rows.append({"actor": actor, "role_label": dict(choices)[actor.role], "move_form": move})
    context = {
        "map": pair.map,
        "pair": pair,
        "rows": rows,
        "diagram": layout(pair, actors),
        "incidents": pair.incidents.select_related("neighbourhood"),
        "fuel": pair.fuel.all(),
        "actor_form": bound.get("actor_form") or ActorForm(pair=pair),
        "incident_form": bound.get("incident_form") or IncidentForm(membership=membership, prefix="incident"),
        "edit_form": bound.get("edit_form")
        or PairForm(
            prefix="pair",
            initial={
                "pole_a": pair.pole_a,
                "pole_b": pair.pole_b,
                "dividing_line": pair.dividing_line,
                "description": pair.description,
                "version": pair.version,
            },
        ),
        "fuel_form": bound.get("fuel_form") or FuelForm(pair=pair, prefix="fuel"),
        "breadcrumbs": breadcrumbs(
            crumb("Analyse", "analysis:index", pair.map.organisation.slug),
            (pair.map.title, reverse("analysis:map_detail", args=[pair.map.organisation.slug, pair.map.pk])),
            (str(pair), None),
        ),
    }
    return render(request, "analysis/pair_detail.html", context, status=status)


@org_view(municipality_only=True)
@require_safe
def pair_detail(request: OrgRequest, org_slug: str, pk: int, pair_pk: int) -> HttpResponse:
    pair = selectors.pair_for(membership=request.membership, pk=pair_pk, map_pk=pk)
    return _render_pair(request, pair)


def _pair_url(pair: UsThemPair) -> str:
    return reverse("analysis:pair_detail", args=[pair.map.organisation.slug, pair.map_id, pair.pk])


def _actor_anchor(actor: Actor) -> str:
    # The row of one actor in the table "Betrokkenen per rol" (id in pair_detail.html).
    return f"#betrokkene-{actor.pk}"


@org_view(EDITORS, municipality_only=True)
@require_POST
def actor_add(request: OrgRequest, org_slug: str, pk: int, pair_pk: int) -> HttpResponse:
    pair = selectors.pair_for(membership=request.membership, pk=pair_pk, map_pk=pk)
    form = ActorForm(request.POST, pair=pair)
    if form.is_valid():
        try:
            actor = services.add_actor(membership=request.membership, pair=pair, **form.cleaned_data)
        except services.AnalysisError as exc:
            add_form_error(form, exc, field="label")
        else:
            messages.success(request, f"‘{actor.label}’ staat op de kaart.")
            # Back to the placed actor's row, right above the form, not to the top of the page.
            return redirect(_pair_url(pair) + _actor_anchor(actor))
    return _render_pair(request, pair, status=400, actor_form=form)


@org_view(EDITORS, municipality_only=True)
@require_POST
def pair_edit(request: OrgRequest, org_slug: str, pk: int, pair_pk: int) -> HttpResponse:
    pair = selectors.pair_for(membership=request.membership, pk=pair_pk, map_pk=pk)
    form = PairForm(request.POST, prefix="pair")
    if form.is_valid():
        try:
            services.update_pair(membership=request.membership, pair=pair, **form.cleaned_data)
        except services.AnalysisError as exc:
            add_form_error(form, exc)
        else:
            messages.success(request, "Het paar is opgeslagen.")
            return redirect(_pair_url(pair) + "#h-editpair")
    pair.refresh_from_db()
    return _render_pair(request, pair, status=400, edit_form=form)


@org_view(EDITORS, municipality_only=True)
@require_POST
def incident_remove(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    incident = selectors.incident_for(membership=request.membership, pk=pk)
    services.remove_incident(membership=request.membership, incident=incident)
    messages.success(request, "Het incident is verwijderd.")
    return redirect(_pair_url(incident.pair) + "#incidenten")


@org_view(EDITORS, municipality_only=True)
@require_POST
def fuel_remove(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    fuel = selectors.fuel_for(membership=request.membership, pk=pk)
    services.remove_fuel(membership=request.membership, fuel=fuel)
    messages.success(request, "De uitspraak is verwijderd.")
    return redirect(_pair_url(fuel.pair) + "#brandstof")


@org_view(EDITORS, municipality_only=True)
@require_POST
def incident_add(request: OrgRequest, org_slug: str, pk: int, pair_pk: int) -> HttpResponse:
    pair = selectors.pair_for(membership=request.membership, pk=pair_pk, map_pk=pk)
    form = IncidentForm(request.POST, membership=request.membership, prefix="incident")
    if form.is_valid():
        try:
            services.add_incident(membership=request.membership, pair=pair, **form.cleaned_data)
        except services.AnalysisError as exc:
            add_form_error(form, exc)
        else:
            messages.success(request, "Het incident is toegevoegd.")
            return redirect(_pair_url(pair) + "#incidenten")
    return _render_pair(request, pair, status=400, incident_form=form)


@org_view(EDITORS, municipality_only=True)
@require_POST
def fuel_add(request: OrgRequest, org_slug: str, pk: int, pair_pk: int) -> HttpResponse:
    pair = selectors.pair_for(membership=request.membership, pk=pair_pk, map_pk=pk)
    form = FuelForm(request.POST, pair=pair, prefix="fuel")
    if form.is_valid():
        try:
            services.add_fuel(membership=request.membership, pair=pair, **form.cleaned_data)
        except services.AnalysisError as exc:
            add_form_error(form, exc)
        else:
            messages.success(request, "De uitspraak is toegevoegd.")
            return redirect(_pair_url(pair) + "#brandstof")
    return _render_pair(request, pair, status=400, fuel_form=form)


@org_view(EDITORS, municipality_only=True)
@require_POST
def actor_move(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    # One endpoint for the keyboard form (redirect) and the drag script (JSON).
    actor = selectors.actor_for(membership=request.membership, pk=pk)
    wants_json = request.headers.get("X-Requested-With") == "fetch"
    form = MoveForm(request.POST)
    if not form.is_valid():
        message = "Kies een rol uit de lijst."
        if wants_json:
            return JsonResponse({"ok": False, "error": message}, status=400)
        messages.error(request, message)
        return redirect(_pair_url(actor.pair) + "#tabel")
    services.move_actor(membership=request.membership, actor=actor, role=form.cleaned_data["role"])
    label = dict(role_choices(actor.pair))[actor.role]
    if wants_json:
        return JsonResponse({"ok": True, "role": actor.role, "label": label})
    messages.success(request, f"‘{actor.label}’ is verplaatst naar {label}.")
    return redirect(_pair_url(actor.pair) + _actor_anchor(actor))


@org_view(EDITORS, municipality_only=True)
@require_POST
def actor_remove(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    actor = selectors.actor_for(membership=request.membership, pk=pk)
    pair = actor.pair
    services.remove_actor(membership=request.membership, actor=actor)
    messages.success(request, f"‘{actor.label}’ is van de kaart gehaald.")
    return redirect(_pair_url(pair) + "#tabel")


@org_view(municipality_only=True)
@require_safe
def map_advice(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    pmap = selectors.map_for(membership=request.membership, pk=pk)
    advice = advise(services.map_data(pmap))
    context = {
        "map": pmap,
        "advice": advice,
        "applying": [a for a in advice if a["applies"]],
        "breadcrumbs": breadcrumbs(
            crumb("Analyse", "analysis:index", org_slug),
            (pmap.title, reverse("analysis:map_detail", args=[org_slug, pmap.pk])),
            ("Game-changer-advies", None),
        ),
    }
    return render(request, "analysis/map_advice.html", context)


@org_view(municipality_only=True)
@require_safe
def map_history(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    pmap = selectors.map_for(membership=request.membership, pk=pk)
    snapshots = list(selectors.map_snapshots(pmap=pmap))
    old, new, diff = _pick(request, snapshots)
    side_by_side: list[dict[str, Any]] = []
    if old is not None and new is not None:
        diff = compare.diff_maps(old.data, new.data)
        side_by_side = _side_by_side(old, new)
    context = {
        "map": pmap,
        "snapshots": snapshots,
        "old": old,
        "new": new,
        "diff": diff,
        "side_by_side": side_by_side,
        "version_form": VersionNameForm(),
        "breadcrumbs": breadcrumbs(
            crumb("Analyse", "analysis:index", org_slug),
            (pmap.title, reverse("analysis:map_detail", args=[org_slug, pmap.pk])),
            ("Geschiedenis", None),
        ),
    }
    return render(request, "analysis/map_history.html", context)


def _pick(request: OrgRequest, snapshots: list[Any]) -> tuple[Any, Any, None]:
    """The two snapshots to compare: from ?van=&tot= (ids), else the oldest and the newest."""
    by_id = {str(s.pk): s for s in snapshots}
    old = by_id.get(request.GET.get("van", ""))
    new = by_id.get(request.GET.get("tot", ""))
    if len(snapshots) >= 2:
        old = old or snapshots[-1]
        new = new or snapshots[0]
    if old is not None and new is not None and (old.taken_on, old.pk) > (new.taken_on, new.pk):
        old, new = new, old
    return old, new, None


def _side_by_side(old: Any, new: Any) -> list[dict[str, Any]]:
    """Per pair, the old and the new diagram, each actor marked as added, moved or removed."""
    rows = []
    for old_pair, new_pair in compare.matched_pairs(old.data, new.data):
        marks = compare.actor_changes(old_pair, new_pair)
        row: dict[str, Any] = {"label": (new_pair or old_pair or {}).get("label", "")}
        for side, snap, data in (("old", old, old_pair), ("new", new, new_pair)):
            if data is None:
                row[side] = None
                continue
            pair = SimpleNamespace(
                pk=f"v{snap.pk}-{data.get('id', 0)}", pole_a=data["pole_a"], pole_b=data["pole_b"]
            )
            actors = [
                SimpleNamespace(
                    label=a["label"],
                    role=a["role"],
                    is_government=a.get("is_government", False),
                    leads_middle=a.get("leads_middle", False),
                    change=marks[side].get(a["label"].casefold(), ""),
                )
                for a in data["actors"]
            ]
            row[side] = {"pair": pair, "diagram": layout(pair, actors)}
        rows.append(row)
    return rows


@org_view(EDITORS, municipality_only=True)
@require_POST
def map_version_save(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    # A version on demand, named for the moment it marks ("voor de raadsvergadering").
    pmap = selectors.map_for(membership=request.membership, pk=pk)
    form = VersionNameForm(request.POST)
    if form.is_valid():
        try:
            snap = services.save_named_version(
                membership=request.membership, pmap=pmap, name=form.cleaned_data["name"]
            )
        except services.AnalysisError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"De kaart is bewaard als versie ‘{snap.name}’.")
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("analysis:map_history", org_slug=org_slug, pk=pk)
