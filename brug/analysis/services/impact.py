"""Writes on social impact scans: the guiding questions, answered in rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership
from brug.municipalities.models import Neighbourhood

from .. import config
from ..models import ImpactScan, UsThemPair
from .common import AnalysisError, changed_fields, clean_label, require_editor

MAX_ROW_TEXT = 500


def _text(row: Mapping[str, object], key: str) -> str:
    value = row.get(key) or ""
    if not isinstance(value, str):
        raise AnalysisError("Vul tekst in.")
    value = value.strip()
    if len(value) > MAX_ROW_TEXT:
        raise AnalysisError(f"Een regel is te lang: ten hoogste {MAX_ROW_TEXT} tekens.")
    return value


def _groups(rows: Sequence[Mapping[str, object]]) -> list[dict[str, str]]:
    clean = []
    for number, row in enumerate(rows, start=1):
        name, how = _text(row, "name"), _text(row, "how")
        if how and not name:
            raise AnalysisError(f"Groep {number}: vul ook in welke groep het is.", field="groups")
        if name:
            clean.append({"name": name, "how": how})
    if not clean:
        raise AnalysisError("Noem ten minste één groep die het project raakt.", field="groups")
    return clean


def _tensions(rows: Sequence[Mapping[str, object]]) -> list[dict[str, str]]:
    clean = []
    for number, row in enumerate(rows, start=1):
        what, between = _text(row, "what"), _text(row, "between")
        if between and not what:
            raise AnalysisError(f"Spanning {number}: vul ook in welke spanning het is.", field="tensions")
        if what:
            clean.append({"what": what, "between": between})
    if not clean:
        raise AnalysisError("Noem ten minste één spanning die kan ontstaan.", field="tensions")
    return clean


def _measures(rows: Sequence[Mapping[str, object]]) -> list[dict[str, str]]:
    clean = []
    for number, row in enumerate(rows, start=1):
        what, who = _text(row, "what"), _text(row, "who")
        due = row.get("due") or None
        if due is not None and not isinstance(due, dt.date):
            raise AnalysisError(f"Maatregel {number}: vul een geldige datum in.", field="measures")
        if (who or due) and not what:
            raise AnalysisError(f"Maatregel {number}: vul ook in wat de maatregel is.", field="measures")
        if what:
            clean.append({"what": what, "who": who, "due": due.isoformat() if due else ""})
    return clean


def save_impact_scan(
    *,
    membership: Membership,
    scan: ImpactScan | None = None,
    project: str,
    kind: str,
    neighbourhoods: list[Neighbourhood],
    groups: Sequence[Mapping[str, object]],
    tensions: Sequence[Mapping[str, object]],
    pairs: list[UsThemPair],
    measures: Sequence[Mapping[str, object]] = (),
    owner: str,
    review_date: dt.date,
) -> ImpactScan:
    require_editor(membership)
    if kind not in dict(config.PROJECT_KINDS):
        raise AnalysisError("Kies een soort project uit de lijst.")
    org = membership.organisation
    if any(h.municipality_id != org.municipality_id for h in neighbourhoods):
        raise AnalysisError("Kies alleen wijken van uw eigen gemeente.")
    if any(p.map.organisation_id != org.pk for p in pairs):
        raise AnalysisError("Kies alleen wij-zij-paren van uw eigen kaarten.")
    fields = {
        "project": clean_label(project, "De naam van het project"),
        "kind": kind,
        "groups": _groups(groups),
        "tensions": _tensions(tensions),
        "measures": _measures(measures),
        "owner": clean_label(owner, "Wie het opvolgt"),
        "review_date": review_date,
    }
    with transaction.atomic():
        if scan is None:
            scan = ImpactScan.objects.create(organisation=org, created_by=membership.user, **fields)
            action, changed = "analysis.impact.create", [*fields, "neighbourhoods", "pairs"]
        else:
            changed = changed_fields(ImpactScan.objects.get(pk=scan.pk), fields)
            if set(scan.neighbourhoods.values_list("pk", flat=True)) != {h.pk for h in neighbourhoods}:
                changed.append("neighbourhoods")
            if set(scan.pairs.values_list("pk", flat=True)) != {p.pk for p in pairs}:
                changed.append("pairs")
            for key, value in fields.items():
                setattr(scan, key, value)
            scan.save()
            action = "analysis.impact.update"
        scan.neighbourhoods.set(neighbourhoods)
        scan.pairs.set(pairs)
        record(action=action, obj=scan, membership=membership, fields=changed)
    return scan
