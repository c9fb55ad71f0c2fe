"""The network's own targets (size, partner organisations, broad meetings) and how far it is, in sentences.

The guide (Delft's practice) names 30–40 people, about ten fixed partner organisations and a broad
meeting twice a year; every network can set its own numbers. Pure: plain values in, sentences out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class TargetLine:
    key: str
    label: str
    sentence: str
    met: bool


def partner_organisations(employers: Iterable[str], group_partners: Iterable[str]) -> list[str]:
    """Distinct organisations, compared without case: employers of active people and working-group partners."""
    seen: dict[str, str] = {}
    for name in [*employers, *group_partners]:
        clean = " ".join(name.split())
        if clean:
            seen.setdefault(clean.casefold(), clean)
    return sorted(seen.values(), key=str.casefold)


def next_meeting_due(last: date | None, per_year: int, today: date) -> date | None:
    """When the next broad meeting is due: the last one plus a year divided by the target; None if no target."""
    if per_year <= 0:
        return None
    if last is None:
        return today
    return last + timedelta(days=365 // per_year)


def progress(
    *,
    active: int,
    size_min: int,
    size_max: int,
    organisations: list[str],
    organisations_target: int,
    meeting_dates: list[date],
    meetings_per_year: int,
    today: date,
) -> list[TargetLine]:
    lines = []
    if active < size_min:
        size = f"{active} actieve sleutelfiguren; het doel is {size_min} tot {size_max}: werf er nog {size_min - active}."
    elif active > size_max:
        size = f"{active} actieve sleutelfiguren, meer dan het doel van {size_min} tot {size_max}. Past het netwerk nog bij elkaar?"
    else:
        size = f"{active} actieve sleutelfiguren, binnen het doel van {size_min} tot {size_max}."
    lines.append(TargetLine("omvang", "Omvang", size, size_min <= active <= size_max))
    count = len(organisations)
    if count >= organisations_target:
        orgs = f"{count} partnerorganisaties; het doel van {organisations_target} is gehaald."
    else:
        orgs = f"{count} partnerorganisaties; het doel is {organisations_target}: nog {organisations_target - count} te gaan."
    lines.append(TargetLine("partners", "Partnerorganisaties", orgs, count >= organisations_target))
    year_ago = today - timedelta(days=365)
    recent = [d for d in meeting_dates if year_ago < d <= today]
    last = max((d for d in meeting_dates if d <= today), default=None)
    due = next_meeting_due(last, meetings_per_year, today)
    if meetings_per_year <= 0:
        meet = "Geen doel voor brede bijeenkomsten."
        met = True
    elif due is not None and due <= today:
        meet = (
            f"{len(recent)} brede {'bijeenkomst' if len(recent) == 1 else 'bijeenkomsten'} in het afgelopen jaar "
            f"(doel: {meetings_per_year} per jaar). De volgende is nu aan de beurt."
        )
        met = False
    else:
        meet = (
            f"{len(recent)} brede {'bijeenkomst' if len(recent) == 1 else 'bijeenkomsten'} in het afgelopen jaar "
            f"(doel: {meetings_per_year} per jaar). De volgende uiterlijk {due:%d-%m-%Y}."
        )
        met = len(recent) >= meetings_per_year
    lines.append(TargetLine("bijeenkomsten", "Brede bijeenkomsten", meet, met))
    return lines
