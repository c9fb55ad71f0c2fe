"""The one taxonomy of dividing lines (scheidslijnen) and themes, used by every part of Brug.

The knowledge base tags items with themes and dividing lines; a local analysis gives every
us-them pair one dividing line or theme (`pair_terms()`); sharing an analysis with the knowledge
base passes the keys on as they are. No official list exists (docs/DOMAIN.md), so both lists are
configurable: set `BRUG_DIVIDING_LINES` or `BRUG_THEMES` in settings to lists of `Term`. The
defaults come from seeds 001 and 004. Keys are stored; labels are only shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Term:
    key: str
    label: str
    # True when the opposition runs along who people *are* (origin, faith, culture, group):
    # Brandsma's second game changer then suggests changing the topic.
    identity: bool = False
    # False for themes about Brug's own methods (network, dialogue, analysis): tags for the
    # knowledge base, not something a us-them pair can be about.
    tension: bool = True


DEFAULT_DIVIDING_LINES: list[Term] = [
    Term("etnisch-cultureel-religieus", "Etnisch, cultureel, religieus", identity=True),
    Term("arm-rijk", "Arm / rijk (kansarm / kansrijk)"),
    Term("jong-oud", "Jong / oud"),
    Term("opleiding", "Hoog / laag opgeleid"),
    Term("stad-platteland", "Stad / platteland"),
    Term("links-rechts", "Links / rechts"),
    Term("burger-overheid", "Burger / overheid"),
    Term("nieuwkomers-gevestigden", "Nieuwkomers / oorspronkelijke bewoners", identity=True),
    Term("supporters", "Supporters en clubs", identity=True),
    Term("anders", "Anders"),
]

DEFAULT_THEMES: list[Term] = [
    Term("corona", "Corona"),
    Term("stikstof", "Stikstof"),
    Term("windmolens", "Windmolens"),
    Term("woningkrapte", "Woningkrapte"),
    Term("inflatie", "Inflatie"),
    Term("genderdebat", "Genderdebat"),
    Term("opvang-vluchtelingen", "Opvang vluchtelingen"),
    Term("huisvesting-statushouders", "Huisvesting statushouders"),
    Term("gentrificatie", "Gentrificatie"),
    Term("jongerenoverlast", "Jongerenoverlast"),
    Term("sinterklaas", "Sinterklaas / Zwarte Piet", identity=True),
    Term("wantrouwen-overheid", "Wantrouwen in de overheid"),
    Term("sleutelfiguren", "Netwerk van sleutelfiguren", tension=False),
    Term("dialoog", "Dialoog", tension=False),
    Term("lokale-analyse", "Lokale analyse", tension=False),
]


def line_terms() -> list[Term]:
    return list(getattr(settings, "BRUG_DIVIDING_LINES", DEFAULT_DIVIDING_LINES))


def theme_terms() -> list[Term]:
    return list(getattr(settings, "BRUG_THEMES", DEFAULT_THEMES))


def pair_terms() -> list[Term]:
    """What a us-them pair can run along: every dividing line, then the themes of tension."""
    return line_terms() + [t for t in theme_terms() if t.tension]


def term(key: str) -> Term | None:
    return next((t for t in line_terms() + theme_terms() if t.key == key), None)


def is_dividing_line(key: str) -> bool:
    return any(t.key == key for t in line_terms())


def themes() -> list[tuple[str, str]]:
    return [(t.key, t.label) for t in theme_terms()]


def dividing_lines() -> list[tuple[str, str]]:
    return [(t.key, t.label) for t in line_terms()]


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
