"""A thesaurus of the polarisation field and of general municipal Dutch: words an officer types
and the words texts use, and the abbreviations of municipal practice with their long forms.

Used only to widen a query (at half weight, after the query's own words); meaning search with
embeddings covers the rest. Keys and values are plain lower-case words; lookup is by stem, so
"nepnieuwsberichten" is not here but "nepnieuws" covers "nepnieuws" and its plural.

The groups were written from general knowledge of how municipalities write (never from the
held-out evaluation part, bench/knowledge/eval_heldout.py). An abbreviation ("amv", "boa", "wom")
brings in the words of its long form, for the word search and for the query's embedding (USE does
not know Dutch municipal abbreviations): `meaning_text`.
"""

from __future__ import annotations

import functools

from brug.text.normalise import normalise, words
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
    # general municipal Dutch
    ("woningnood", "woningtekort", "woningkrapte", "wooncrisis", "woningzoekenden", "woningmarkt"),
    ("statushouders", "vergunninghouders", "verblijfsvergunning", "nieuwkomers", "inburgering"),
    ("vluchtelingen", "vluchteling", "asielzoekers", "asielzoeker", "ontheemden"),
    ("opvang", "opvanglocatie", "noodopvang", "asielopvang", "coa"),
    ("platteland", "dorp", "dorpen", "buitengebied", "dorpskern", "kernen"),
    (
        "boeren",
        "agrariers",
        "agrarisch",
        "agrarische",
        "veehouders",
        "melkveehouders",
        "trekkers",
        "tractoren",
    ),
    ("demonstratie", "manifestatie", "betoging", "demonstranten", "actievoerders", "tegendemonstratie"),
    ("bedreiging", "bedreigd", "bedreigen", "doodsbedreiging", "intimidatie", "haatberichten"),
    (
        "bestuurders",
        "bestuurder",
        "wethouder",
        "burgemeester",
        "raadsleden",
        "politici",
        "volksvertegenwoordigers",
    ),
    ("gemeenteraad", "raad", "raadsvergadering", "raadszaal", "raadsleden", "commissievergadering"),
    ("inspreken", "insprekers", "inspraak", "inspraakavond"),
    ("agressie", "geweld", "uitschelden", "uitgescholden", "belagen", "bekogeld"),
    ("handhavers", "handhaver", "boa", "handhaving", "toezichthouders"),
    ("hulpverleners", "hulpdiensten", "brandweer", "ambulance", "ambulancepersoneel"),
    ("jaarwisseling", "oudjaar", "oudejaarsavond", "oudennieuw", "vuurwerk"),
    ("herdenking", "herdenken", "dodenherdenking", "kranslegging", "plechtigheid"),
    ("slavernij", "slavernijverleden", "ketikoti", "koloniaal"),
    ("sinterklaas", "sint", "sinterklaasfeest", "intocht", "zwartepiet", "pieten", "roetveegpieten"),
    ("moskee", "gebedshuis", "kerk", "synagoge", "geloofsgemeenschap"),
    ("islamofobie", "moslimhaat", "moslimdiscriminatie", "moslims", "islam"),
    ("discriminatie", "racisme", "uitsluiting", "vooroordelen"),
    (
        "lhbti",
        "lhbtiq",
        "homo",
        "homoseksualiteit",
        "homovijandigheid",
        "regenboog",
        "regenboogvlag",
        "pride",
        "transgender",
    ),
    ("school", "scholen", "onderwijs", "docenten", "leraren", "leerkrachten", "klas", "leerlingen"),
    ("wijkaanpak", "buurtaanpak", "wijkteam", "wijkagent", "wijkprogramma"),
    ("achterstandswijk", "krachtwijk", "probleemwijk", "aandachtswijk", "kwetsbare", "leefbaarheid"),
    ("woningcorporatie", "corporatie", "woningbouwvereniging", "verhuurder"),
    ("buurtpreventie", "buurtwacht", "burgerwacht", "buurtapp", "whatsappgroep", "surveilleren"),
    ("bruggenbouwers", "sleutelfiguren", "verbinders"),
    ("windenergie", "windmolens", "windmolen", "turbines", "windturbine"),
    ("participatie", "meedoen", "burgerparticipatie", "omgevingsdialoog", "draagvlak", "inspraak"),
    ("gezondheid", "ggd", "gezondheidsklachten"),
    ("desinformatie", "fake", "fakenews", "hoax", "misleidend", "onwaarheden"),
    ("arbeidsmigranten", "arbeidsmigratie", "seizoenarbeiders", "uitzendkrachten"),
    ("communicatie", "voorlichting", "informeren", "persbericht"),
    ("jongeren", "jeugd", "jeugdgroepen", "jongerengroepen", "jongerenwerker"),
    ("oorlog", "conflict", "gaza", "israel", "palestijnen", "oekraine"),
    ("monitor", "monitoring", "spanningsmonitor", "signalen", "dashboard"),
    ("dialoog", "gespreksavond", "dialoogavond", "gespreksleider", "gesprekstafel"),
]

# Abbreviations of municipal practice: the long form's words widen the query (at half weight) and
# are added to the text that is embedded for meaning search.
ABBREVIATIONS: dict[str, str] = {
    "azc": "asielzoekerscentrum",
    "amv": "alleenstaande minderjarige vreemdelingen",
    "coa": "centraal orgaan opvang asielzoekers",
    "ind": "immigratie- en naturalisatiedienst",
    "boa": "buitengewoon opsporingsambtenaar handhaver",
    "ggd": "gemeentelijke gezondheidsdienst",
    "wom": "wet openbare manifestaties demonstraties",
    "apv": "algemene plaatselijke verordening",
    "oov": "openbare orde en veiligheid",
    "lhbti": "lesbisch homo biseksueel transgender intersekse",
    "lhbtiq": "lesbisch homo biseksueel transgender intersekse queer",
    "wmo": "wet maatschappelijke ondersteuning",
    "nctv": "nationaal coördinator terrorismebestrijding en veiligheid",
    "ozb": "onroerendezaakbelasting",
    "vng": "vereniging van nederlandse gemeenten",
    "kis": "kennisplatform inclusief samenleven",
    "cjg": "centrum voor jeugd en gezin",
    "rib": "raadsinformatiebrief",
    "bibob": "wet bevordering integriteitsbeoordelingen",
}


def stem(word: str) -> str:
    # brug.text's normalisation and stemmer, as brug.knowledge.text (imported directly: text uses this module).
    return text_stem(normalise(word))


@functools.cache
def _index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for group in GROUPS:
        for word in group:
            index.setdefault(stem(word), set()).update(normalise(w) for w in group if w != word)
    for short, long in ABBREVIATIONS.items():
        index.setdefault(stem(short), set()).update(normalise(long).replace("-", " ").split())
    return {key: frozenset(values) for key, values in index.items()}


def meaning_text(query: str) -> str:
    """The query as it is embedded: with the long form of each abbreviation it holds appended."""
    found = [ABBREVIATIONS[w] for w in dict.fromkeys(words(query)) if w in ABBREVIATIONS]
    return f"{query} ({'; '.join(found)})" if found else query


def related_words(word: str) -> frozenset[str]:
    return _index().get(stem(word.lower()), frozenset())
