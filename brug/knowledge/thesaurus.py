"""A small thesaurus of the polarisation field: words an officer types and the words texts use.

Used only to widen a query (at half weight, after the query's own words); meaning search with
embeddings covers the rest. Keys and values are plain lower-case words; lookup is by stem, so
"nepnieuwsberichten" is not here but "nepnieuws" covers "nepnieuws" and its plural.
"""

from __future__ import annotations

import functools

from brug.text.normalise import normalise
from brug.text.normalise import stem as text_stem

GROUPS: list[tuple[str, ...]] = [
    (
        "desinformatie",
        "nepnieuws",
        "misinformatie",
        "onjuist",
        "geruchten",
        "complot",
        "complotdenken",
        "complottheorie",
        "complottheorieën",
        "nepbericht",
        "trollen",
        "feiten",
    ),
    ("azc", "asielzoekerscentrum", "asielopvang", "asielzoekers", "opvang", "vluchtelingen", "statushouders"),
    ("sleutelfiguur", "sleutelpersonen", "voelsprieten", "sleutelfiguren", "vertrouwenspersonen"),
    ("polarisatie", "tegenstellingen", "verdeeldheid", "spanningen", "wijzij", "kloof"),
    ("wijzij", "wijzijdenken", "tegenstellingen", "polarisatie"),
    ("jongeren", "jongerenwerk", "hangjongeren", "tieners"),
    ("online", "internet", "sociale", "media", "socialemedia", "facebook", "telegram", "tiktok"),
    ("windmolens", "windturbines", "windpark", "energietransitie", "zonnepark"),
    ("boeren", "stikstof", "boerenprotest", "landbouw"),
    ("bewonersavond", "informatieavond", "inspraakavond", "bijeenkomst"),
    ("dialoog", "gesprek", "gesprekken", "dialoogtafel", "buurtgesprek"),
    ("vertrouwen", "wantrouwen", "overheid", "gemeente"),
    ("signalen", "signaleren", "monitoring", "vroegsignalering"),
    ("demonstratie", "protest", "betoging", "demonstraties"),
    ("radicalisering", "extremisme", "radicaal", "extremistisch"),
    ("gentrificatie", "verdringing", "nieuwkomers", "arbeiderswijk"),
    ("moskee", "kerk", "geloof", "religie", "levensbeschouwing"),
    ("corona", "coronamaatregelen", "vaccinatie", "pandemie"),
    ("stille", "midden", "zwijgende", "meerderheid"),
    ("bemiddelen", "mediation", "verbinden", "verbinding"),
]


def stem(word: str) -> str:
    # brug.text's normalisation and stemmer, as brug.knowledge.text (imported directly: text uses this module).
    return text_stem(normalise(word))


@functools.cache
def _index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for group in GROUPS:
        for word in group:
            index.setdefault(stem(word), set()).update(normalise(w) for w in group if w != word)
    return {key: frozenset(values) for key, values in index.items()}


def related_words(word: str) -> frozenset[str]:
    return _index().get(stem(word.lower()), frozenset())
