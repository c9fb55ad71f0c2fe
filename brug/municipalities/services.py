"""Writes for reference data and neighbourhoods."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, transaction

from brug.core.audit import record
from brug.core.errors import BrugError
from brug.core.models import Membership

from .models import Municipality, Neighbourhood

REFERENCE_CSV = Path(__file__).parent / "data" / "gemeenten.csv"
EXPECTED_COLUMNS = ["cbs_code", "naam", "provincie", "inwoners", "peiljaar"]


class ReferenceDataError(BrugError):
    """The reference CSV cannot be loaded; the message is Dutch and names the line."""


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int


def _parse_reference_csv(text: str) -> list[dict[str, str | int]]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != EXPECTED_COLUMNS:
        raise ReferenceDataError(
            f"Onverwachte kolommen: {reader.fieldnames}; verwacht: {', '.join(EXPECTED_COLUMNS)}"
        )
    rows: list[dict[str, str | int]] = []
    seen: set[str] = set()
    for line_no, row in enumerate(reader, start=2):
        code = (row.get("cbs_code") or "").strip()
        if len(code) != 6 or not code.startswith("GM") or not code[2:].isdigit():
            raise ReferenceDataError(f"Regel {line_no}: ongeldige CBS-code {code!r}")
        if code in seen:
            raise ReferenceDataError(f"Regel {line_no}: CBS-code {code} komt dubbel voor")
        seen.add(code)
        name = (row.get("naam") or "").strip()
        province = (row.get("provincie") or "").strip()
        if not name or not province:
            raise ReferenceDataError(f"Regel {line_no}: naam en provincie zijn verplicht")
        try:
            population = int(row.get("inwoners") or "")
            year = int(row.get("peiljaar") or "")
        except ValueError:
            raise ReferenceDataError(f"Regel {line_no}: inwoners en peiljaar moeten getallen zijn") from None
        if population <= 0 or not 1900 < year < 2200:
            raise ReferenceDataError(f"Regel {line_no}: inwoners of peiljaar buiten bereik")
        rows.append(
            {"cbs_code": code, "name": name, "province": province, "population": population, "year": year}
        )
    if not rows:
        raise ReferenceDataError("Het bestand bevat geen gemeenten")
    return rows


def load_municipalities(*, path: Path = REFERENCE_CSV) -> LoadResult:
    """Load or update all municipalities; a bad file changes nothing."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ReferenceDataError("Het bestand is geen UTF-8") from None
    except OSError as exc:
        raise ReferenceDataError(f"Kan het bestand niet lezen: {exc.strerror}") from None
    rows = _parse_reference_csv(text)
    created = updated = 0
    with transaction.atomic():
        existing = {m.cbs_code: m for m in Municipality.objects.filter(fictional=False)}
        for row in rows:
            municipality = existing.get(str(row["cbs_code"]))
            values = {
                "name": row["name"],
                "province": row["province"],
                "population": row["population"],
                "reference_year": row["year"],
            }
            if municipality is None:
                Municipality.objects.create(cbs_code=row["cbs_code"], **values)
                created += 1
            elif any(getattr(municipality, key) != value for key, value in values.items()):
                for key, value in values.items():
                    setattr(municipality, key, value)
                municipality.save()
                updated += 1
    return LoadResult(created=created, updated=updated)


class NeighbourhoodError(BrugError):
    pass


def add_neighbourhood(
    *, membership: Membership, name: str, cbs_code: str = "", nicknames: str = ""
) -> Neighbourhood:
    municipality = membership.organisation.municipality
    if municipality is None:
        raise NeighbourhoodError("Alleen een gemeente kan wijken toevoegen")
    name = name.strip()
    if not name:
        raise NeighbourhoodError("Geef de wijk een naam")
    try:
        with transaction.atomic():
            hood = Neighbourhood.objects.create(
                municipality=municipality, name=name, cbs_code=cbs_code.strip(), nicknames=nicknames.strip()
            )
            record(
                membership=membership,
                action="municipalities.neighbourhood.add",
                obj=hood,
                fields=["name", "cbs_code", "nicknames"],
            )
    except IntegrityError:
        raise NeighbourhoodError(f"De wijk ‘{name}’ bestaat al") from None
    return hood


def remove_neighbourhood(*, membership: Membership, neighbourhood: Neighbourhood) -> None:
    with transaction.atomic():
        record(membership=membership, action="municipalities.neighbourhood.remove", obj=neighbourhood)
        neighbourhood.delete()
