"""Themes and dividing lines for tagging knowledge items.

No official list exists (docs/DOMAIN.md), so both are configurable: set `BRUG_KNOWLEDGE_THEMES` or
`BRUG_KNOWLEDGE_DIVIDING_LINES` in settings to a list of (key, label) pairs. The defaults come
from seeds 001 and 004. Keys are stored on items; labels are only shown.
"""

from __future__ import annotations

from django.conf import settings

DEFAULT_THEMES: list[tuple[str, str]] = [
    ("corona", "Corona"),
    ("stikstof", "Stikstof"),
    ("windmolens", "Windmolens"),
    ("woningkrapte", "Woningkrapte"),
    ("inflatie", "Inflatie"),
    ("genderdebat", "Genderdebat"),
    ("opvang-vluchtelingen", "Opvang vluchtelingen"),
    ("huisvesting-statushouders", "Huisvesting statushouders"),
    ("gentrificatie", "Gentrificatie"),
    ("jongerenoverlast", "Jongerenoverlast"),
    ("sinterklaas", "Sinterklaas / Zwarte Piet"),
    ("wantrouwen-overheid", "Wantrouwen in de overheid"),
    ("sleutelfiguren", "Netwerk van sleutelfiguren"),
    ("dialoog", "Dialoog"),
    ("lokale-analyse", "Lokale analyse"),
]

DEFAULT_DIVIDING_LINES: list[tuple[str, str]] = [
    ("etnisch-cultureel-religieus", "Etnisch, cultureel, religieus"),
    ("arm-rijk", "Arm / rijk (kansarm / kansrijk)"),
    ("jong-oud", "Jong / oud"),
    ("opleiding", "Hoog / laag opgeleid"),
    ("stad-platteland", "Stad / platteland"),
    ("links-rechts", "Links / rechts"),
    ("burger-overheid", "Burger / overheid"),
]


def themes() -> list[tuple[str, str]]:
    return list(getattr(settings, "BRUG_KNOWLEDGE_THEMES", DEFAULT_THEMES))


def dividing_lines() -> list[tuple[str, str]]:
    return list(getattr(settings, "BRUG_KNOWLEDGE_DIVIDING_LINES", DEFAULT_DIVIDING_LINES))


def _normalise(value: str) -> str:
    return " ".join(value.lower().replace("-", " ").replace("/", " ").split())


def resolve(
    values: list[str] | tuple[str, ...], choices: list[tuple[str, str]]
) -> tuple[list[str], list[str]]:
    """Map keys or labels (any case) to keys; returns (keys, unknown values)."""
    lookup: dict[str, str] = {}
    for key, label in choices:
        lookup[_normalise(key)] = key
        lookup[_normalise(label)] = key
    keys: list[str] = []
    unknown: list[str] = []
    for value in values:
        found = lookup.get(_normalise(str(value)))
        if found is None:
            unknown.append(str(value))
        elif found not in keys:
            keys.append(found)
    return keys, unknown


def labels(keys: list[str], choices: list[tuple[str, str]]) -> list[str]:
    names = dict(choices)
    return [names.get(k, k) for k in keys]
