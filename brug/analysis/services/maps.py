"""Writes on polarisation maps: the map itself (with optimistic concurrency), pairs, incidents,
actors and fuel. Every change takes a dated snapshot so that dates can be compared."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from brug.core.audit import record
from brug.core.models import Membership
from brug.core.versioning import StaleObject, save_if_unchanged
from brug.municipalities.models import Neighbourhood

from .. import config
from ..models import Actor, FuelStatement, Incident, MapSnapshot, PolarisationMap, UsThemPair
from .common import AnalysisError, StaleVersion, changed_fields, clean_label, not_in_future, require_editor


def _check_neighbourhoods(membership: Membership, hoods: list[Neighbourhood]) -> None:
    municipality_id = membership.organisation.municipality_id
    if any(h.municipality_id != municipality_id for h in hoods):
        raise AnalysisError("Kies alleen wijken van uw eigen gemeente.")


def create_map(
    *,
    membership: Membership,
    title: str,
    as_of: dt.date,
    whole_municipality: bool = True,
    neighbourhoods: list[Neighbourhood] | None = None,
    phase: str = "",
    description: str = "",
) -> PolarisationMap:
    require_editor(membership)
    hoods = list(neighbourhoods or [])
    _check_neighbourhoods(membership, hoods)
    if not whole_municipality and not hoods:
        raise AnalysisError("Kies de hele gemeente of ten minste één wijk.")
    with transaction.atomic():
        pmap = PolarisationMap.objects.create(
            organisation=membership.organisation,
            title=clean_label(title, "De titel"),
            as_of=as_of,
            whole_municipality=whole_municipality,
            phase=phase,
            description=description,
            created_by=membership.user,
            updated_by=membership.user,
        )
        pmap.neighbourhoods.set(hoods)
        record(action="analysis.map.create", obj=pmap, membership=membership)
        snapshot_map(pmap=pmap, membership=membership)
    return pmap


def update_map(
    *,
    membership: Membership,
    pmap: PolarisationMap,
    version: int,
    title: str,
    as_of: dt.date,
    whole_municipality: bool,
    neighbourhoods: list[Neighbourhood],
    phase: str = "",
    description: str = "",
) -> PolarisationMap:
    """Save the map form; refused (StaleVersion) if someone saved after `version` was read."""
    require_editor(membership)
    _check_neighbourhoods(membership, neighbourhoods)
    if not whole_municipality and not neighbourhoods:
        raise AnalysisError("Kies de hele gemeente of ten minste één wijk.")
    title = clean_label(title, "De titel")
    new = {
        "title": title,
        "as_of": as_of,
        "whole_municipality": whole_municipality,
        "phase": phase,
        "description": description,
    }
    with transaction.atomic():
        stored = PolarisationMap.objects.get(pk=pmap.pk)
        changed = changed_fields(stored, new)
        if set(stored.neighbourhoods.values_list("pk", flat=True)) != {h.pk for h in neighbourhoods}:
            changed.append("neighbourhoods")
        # The version in the WHERE clause makes check-and-bump one atomic statement.
        updated = PolarisationMap.objects.filter(pk=pmap.pk, version=version).update(
            version=F("version") + 1, updated_by=membership.user, updated_at=timezone.now(), **new
        )
        if not updated:
            current = PolarisationMap.objects.select_related("updated_by").get(pk=pmap.pk)
            who = current.updated_by.name if current.updated_by else "iemand anders"
            raise StaleVersion(who=who, when=current.updated_at)
        pmap.refresh_from_db()
        pmap.neighbourhoods.set(neighbourhoods)
        record(action="analysis.map.update", obj=pmap, membership=membership, fields=changed)
        snapshot_map(pmap=pmap, membership=membership)
    return pmap


def _touch(pmap: PolarisationMap, membership: Membership) -> None:
    PolarisationMap.objects.filter(pk=pmap.pk).update(updated_by=membership.user, updated_at=timezone.now())
    snapshot_map(pmap=pmap, membership=membership)


def add_pair(
    *,
    membership: Membership,
    pmap: PolarisationMap,
    pole_a: str,
    pole_b: str,
    dividing_line: str,
    description: str = "",
    version: int | None = None,  # the pair form's hidden field; a new pair has no version yet
) -> UsThemPair:
    require_editor(membership)
    pole_a = clean_label(pole_a, "De naam van de linker pool (wij)")
    pole_b = clean_label(pole_b, "De naam van de rechter pool (zij)")
    if pole_a.casefold() == pole_b.casefold():
        raise AnalysisError(
            "De twee polen hebben dezelfde naam. Een wij-zij-paar heeft twee verschillende polen."
        )
    if config.dividing_line(dividing_line) is None:
        raise AnalysisError("Kies een scheidslijn uit de lijst.")
    with transaction.atomic():
        pair = UsThemPair.objects.create(
            map=pmap, pole_a=pole_a, pole_b=pole_b, dividing_line=dividing_line, description=description
        )
        record(action="analysis.pair.create", obj=pair, membership=membership)
        _touch(pmap, membership)
    return pair


def update_pair(
    *,
    membership: Membership,
    pair: UsThemPair,
    pole_a: str,
    pole_b: str,
    dividing_line: str,
    description: str = "",
    version: int | None = None,
) -> UsThemPair:
    require_editor(membership)
    pole_a = clean_label(pole_a, "De naam van de linker pool (wij)")
    pole_b = clean_label(pole_b, "De naam van de rechter pool (zij)")
    if pole_a.casefold() == pole_b.casefold():
        raise AnalysisError(
            "De twee polen hebben dezelfde naam. Een wij-zij-paar heeft twee verschillende polen."
        )
    if config.dividing_line(dividing_line) is None:
        raise AnalysisError("Kies een scheidslijn uit de lijst.")
    with transaction.atomic():
        changed = changed_fields(
            UsThemPair.objects.get(pk=pair.pk),
            {"pole_a": pole_a, "pole_b": pole_b, "dividing_line": dividing_line, "description": description},
        )
        pair.pole_a, pair.pole_b, pair.dividing_line, pair.description = (
            pole_a,
            pole_b,
            dividing_line,
            description,
        )
        try:
            save_if_unchanged(
                pair, version=version, fields=["pole_a", "pole_b", "dividing_line", "description"]
            )
        except StaleObject as exc:
            raise StaleVersion(who=exc.who, when=exc.when) from None
        record(action="analysis.pair.update", obj=pair, membership=membership, fields=changed)
        _touch(pair.map, membership)
    return pair


def remove_incident(*, membership: Membership, incident: Incident) -> None:
    require_editor(membership)
    with transaction.atomic():
        record(action="analysis.incident.delete", obj=incident, membership=membership)
        pmap = incident.pair.map
        incident.delete()
        _touch(pmap, membership)


def remove_fuel(*, membership: Membership, fuel: FuelStatement) -> None:
    require_editor(membership)
    with transaction.atomic():
        record(action="analysis.fuel.delete", obj=fuel, membership=membership)
        pmap = fuel.pair.map
        fuel.delete()
        _touch(pmap, membership)


def remove_pair(*, membership: Membership, pair: UsThemPair) -> None:
    require_editor(membership)
    with transaction.atomic():
        record(action="analysis.pair.delete", obj=pair, membership=membership)
        pmap = pair.map
        pair.delete()
        _touch(pmap, membership)


def add_incident(
    *,
    membership: Membership,
    pair: UsThemPair,
    date: dt.date,
    what: str,
    severity: int = 2,
    neighbourhood: Neighbourhood | None = None,
    place: str = "",
    source: str = "",
    signal: Any = None,
) -> Incident:
    require_editor(membership)
    not_in_future(date, "De datum van het incident")
    what = clean_label(what, "Wat er gebeurde")
    if neighbourhood is not None:
        _check_neighbourhoods(membership, [neighbourhood])
    with transaction.atomic():
        incident = Incident(
            pair=pair,
            date=date,
            what=what,
            severity=severity,
            neighbourhood=neighbourhood,
            place=place,
            source=source,
        )
        if signal is not None:
            incident.signal = signal
        incident.save()
        record(action="analysis.incident.create", obj=incident, membership=membership)
        _touch(pair.map, membership)
    return incident


def _label_taken(pair: UsThemPair, label: str, exclude: int | None = None) -> Actor | None:
    qs = pair.actors.filter(label__iexact=label)
    if exclude:
        qs = qs.exclude(pk=exclude)
    return qs.first()


def add_actor(
    *,
    membership: Membership,
    pair: UsThemPair,
    label: str,
    role: str,
    is_government: bool = False,
    leads_middle: bool = False,
    note: str = "",
) -> Actor:
    require_editor(membership)
    label = clean_label(label, "De betrokkene")
    if role not in dict(config.ROLE_CHOICES):
        raise AnalysisError("Kies een rol uit de lijst.")
    if leads_middle and role != config.Role.MIDDLE:
        raise AnalysisError(
            "De houding ‘leider van het stille midden’ hoort bij het stille midden. Kies die rol, "
            "of zet het vinkje uit."
        )
    taken = _label_taken(pair, label)
    if taken is not None:
        raise AnalysisError(
            f"‘{taken.label}’ staat al op deze kaart als {taken.get_role_display().lower()}. Eén betrokkene heeft "
            "één rol tegelijk: verplaats de bestaande in plaats van hem twee keer te plaatsen."
        )
    try:
        with transaction.atomic():
            actor = Actor.objects.create(
                pair=pair,
                label=label,
                role=role,
                is_government=is_government,
                leads_middle=leads_middle,
                note=note,
            )
            record(action="analysis.actor.create", obj=actor, membership=membership)
            _touch(pair.map, membership)
    except IntegrityError:  # two people adding the same actor at the same moment
        raise AnalysisError(
            f"‘{label}’ staat al op deze kaart. Eén betrokkene heeft één rol tegelijk."
        ) from None
    return actor


def move_actor(*, membership: Membership, actor: Actor, role: str) -> Actor:
    require_editor(membership)
    if role not in dict(config.ROLE_CHOICES):
        raise AnalysisError("Kies een rol uit de lijst.")
    with transaction.atomic():
        # The stance belongs to the silent middle: leaving the middle drops it.
        leads_middle = actor.leads_middle and role == config.Role.MIDDLE
        changed = changed_fields(actor, {"role": role, "leads_middle": leads_middle})
        actor.role, actor.leads_middle = role, leads_middle
        actor.save(update_fields=["role", "leads_middle"])
        record(action="analysis.actor.move", obj=actor, membership=membership, fields=changed)
        _touch(actor.pair.map, membership)
    return actor


def remove_actor(*, membership: Membership, actor: Actor) -> None:
    require_editor(membership)
    with transaction.atomic():
        record(action="analysis.actor.delete", obj=actor, membership=membership)
        pmap = actor.pair.map
        actor.delete()
        _touch(pmap, membership)


def add_fuel(
    *,
    membership: Membership,
    pair: UsThemPair,
    pole: str,
    date: dt.date,
    channel: str,
    text: str,
    by_government: bool = False,
    moralising: bool = False,
    identity_framed: bool = False,
) -> FuelStatement:
    require_editor(membership)
    not_in_future(date, "De datum van de uitspraak")
    if pole not in ("a", "b"):
        raise AnalysisError("Kies de pool waar de uitspraak brandstof aan geeft.")
    text = clean_label(text, "De uitspraak")
    with transaction.atomic():
        fuel = FuelStatement.objects.create(
            pair=pair,
            pole=pole,
            date=date,
            channel=channel,
            text=text,
            by_government=by_government,
            moralising=moralising,
            identity_framed=identity_framed,
        )
        record(action="analysis.fuel.create", obj=fuel, membership=membership)
        _touch(pair.map, membership)
    return fuel


def map_data(pmap: PolarisationMap) -> dict[str, Any]:
    """The whole map as plain JSON-able data (snapshots, comparisons, game-changer advice)."""
    pairs = []
    for pair in pmap.pairs.prefetch_related("actors", "fuel", "incidents"):
        line = config.dividing_line(pair.dividing_line)
        pairs.append(
            {
                "id": pair.pk,
                "label": str(pair),
                "pole_a": pair.pole_a,
                "pole_b": pair.pole_b,
                "dividing_line": pair.dividing_line,
                "dividing_line_label": line.label if line else pair.dividing_line,
                "identity_line": bool(line and line.identity),
                "actors": [
                    {
                        "label": a.label,
                        "role": a.role,
                        "is_government": a.is_government,
                        "leads_middle": a.leads_middle,
                    }
                    for a in pair.actors.all()
                ],
                "fuel": [
                    {
                        "pole": f.pole,
                        "by_government": f.by_government,
                        "moralising": f.moralising,
                        "identity_framed": f.identity_framed,
                        "text": f.text,
                    }
                    for f in pair.fuel.all()
                ],
                "incidents": len(pair.incidents.all()),
            }
        )
    return {
        "title": pmap.title,
        "as_of": pmap.as_of.isoformat(),
        "area": pmap.area_label,
        "phase": pmap.phase,
        "version": pmap.version,
        "pairs": pairs,
    }


def snapshot_map(*, pmap: PolarisationMap, membership: Membership, on: dt.date | None = None) -> MapSnapshot:
    """One snapshot per map per day: later saves on the same day replace that day's snapshot."""
    pmap.refresh_from_db()
    snap, _ = MapSnapshot.objects.update_or_create(
        map=pmap,
        taken_on=on or timezone.localdate(),
        name="",
        defaults={"version": pmap.version, "data": map_data(pmap), "saved_by": membership.user},
    )
    return snap


MAX_VERSION_NAME = 120


@transaction.atomic
def save_named_version(*, membership: Membership, pmap: PolarisationMap, name: str) -> MapSnapshot:
    """ "Bewaar als versie": the map as it is now, under a name, kept beside the daily versions."""
    require_editor(membership)
    name = " ".join((name or "").split())
    if not name:
        raise AnalysisError("Geef de versie een naam, bijvoorbeeld ‘voor de raadsvergadering van 12 maart’.")
    if len(name) > MAX_VERSION_NAME:
        raise AnalysisError(f"De naam is te lang: ten hoogste {MAX_VERSION_NAME} tekens.")
    pmap.refresh_from_db()
    snap = MapSnapshot.objects.create(
        map=pmap,
        taken_on=timezone.localdate(),
        name=name,
        version=pmap.version,
        data=map_data(pmap),
        saved_by=membership.user,
    )
    record(action="analysis.map.version_saved", obj=snap, membership=membership, fields=["name"])
    return snap
