"""Distrust narratives and the five dilemmas of the learning network's info sheet, as plain data.

Source: infoblad 'Leernetwerk polarisatie voor gemeenten' (ESS, 2022), which cites research by the
Verwey-Jonker Instituut for the five narratives that explain distrust of residents in government.
The advice lines say what the info sheet and the KIS frame suggest; they are suggestions for the
core team, never conclusions, and each names the narrative it comes from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SOURCE = "Infoblad leernetwerk polarisatie (ESS, 2022), naar onderzoek van het Verwey-Jonker Instituut"


@dataclass(frozen=True)
class Narrative:
    key: str
    label: str
    quote: str
    advice: str


NARRATIVES = [
    Narrative(
        "overheid_onzichtbaar",
        "Onzichtbaarheid van de overheid",
        "‘Ik kan er niet bij komen, achter alle websites en callcenters…’",
        "Maak de gemeente bereikbaar en zichtbaar in de wijk: een vast gezicht, spreekuur op een bekende plek, "
        "een telefoonnummer dat wordt opgenomen.",
    ),
    Narrative(
        "burger_onzichtbaar",
        "Onzichtbaarheid van de burger",
        "‘Ik ben een nummer.’",
        "Zoek persoonlijk contact: huisbezoeken, gesprekken via sleutelfiguren, en spreek mensen aan als buurtbewoner, "
        "niet als dossier.",
    ),
    Narrative(
        "ongelijke_behandeling",
        "Ongelijke behandeling",
        "‘Waarom zij wel, en wij niet?’",
        "Leg besluiten uit met de afwegingen en dilemma’s erbij (Dilemmalogica), zodat inwoners zien dat hun belang "
        "is meegewogen, ook als de uitkomst hen niet bevalt.",
    ),
    Narrative(
        "burger_niet_gehoord",
        "Het niet horen van de burger",
        "‘Ik kan wel meepraten, maar daar gebeurt toch niets mee.’",
        "Laat na elke inspraak zien wat er met de inbreng is gedaan, en wat niet en waarom; vraag alleen mee te "
        "praten waar nog iets te kiezen valt.",
    ),
    Narrative(
        "incompetentie",
        "Incompetentie van bestuurders en ambtenaren",
        "‘Ze bakken er niets van.’",
        "Wees open over wat mis ging en wat er nu gebeurt; beloof alleen wat de gemeente kan waarmaken en meld "
        "voortgang op vaste momenten.",
    ),
]
NARRATIVE_KEYS = [n.key for n in NARRATIVES]

# How strongly a narrative is heard locally, as an officer judges it from their own domain.
STRENGTHS = [("", "Niet gehoord"), ("soms", "Soms gehoord"), ("sterk", "Sterk aanwezig")]
STRENGTH_LABEL = dict(STRENGTHS)


@dataclass(frozen=True)
class Dilemma:
    key: str
    label: str
    question: str


DILEMMAS = [
    Dilemma(
        "partij",
        "Partij zijn",
        "Hoe pakt de gemeente een rol als zij in de ogen van inwoners ook ‘partij’ is? "
        "Hoe krijgt u zicht op hoe inwoners naar de gemeente kijken?",
    ),
    Dilemma("met_wie", "Met wie in gesprek", "Met wie gaat de gemeente in gesprek, en met wie (nog) niet?"),
    Dilemma(
        "samen",
        "Veiligheid en sociaal domein samen",
        "Hoe trekken veiligheid en het sociaal domein hierin samen op? Wie is probleemeigenaar?",
    ),
    Dilemma(
        "bestuur",
        "Steun bij bestuurders",
        "Hoe krijgt u steun van burgemeester en wethouders voor deze aanpak?",
    ),
    Dilemma(
        "ingrijpen",
        "Wanneer ingrijpen",
        "Grijpt de gemeente nu actief in, of hoort dit bij een ‘natuurlijke’ maatschappelijke verandering?",
    ),
]
DILEMMA_KEYS = [d.key for d in DILEMMAS]

MAX_EXAMPLE = 500
MAX_CHOICE = 300
MAX_WHY = 1500


@dataclass(frozen=True)
class NarrativeRow:
    narrative: Narrative
    # (domain label, strength key, example) per contribution that named this narrative
    heard: list[tuple[str, str, str]]

    @property
    def strong_count(self) -> int:
        return sum(1 for _d, strength, _e in self.heard if strength == "sterk")


def narrative_rows(
    contributions: Sequence[tuple[str, Mapping[str, Mapping[str, str]]]],
) -> list[NarrativeRow]:
    """Per narrative, which domains hear it and how strongly; contributions as (domain label, narratives)."""
    rows = []
    for narrative in NARRATIVES:
        heard = []
        for domain_label, narratives in contributions:
            entry = narratives.get(narrative.key) or {}
            strength = entry.get("strength", "")
            if strength:
                heard.append((domain_label, strength, entry.get("example", "")))
        rows.append(NarrativeRow(narrative=narrative, heard=heard))
    return rows


def narrative_sentences(rows: Sequence[NarrativeRow], contribution_count: int) -> list[str]:
    """The report's sentences about distrust, each computed from the contributions."""
    if contribution_count == 0:
        return ["Er zijn nog geen bijdragen: over wantrouwen valt nog niets te zeggen."]
    heard = [r for r in rows if r.heard]
    if not heard:
        return [f"In {_bijdragen(contribution_count)} is geen van de vijf verhalen van wantrouwen genoemd."]
    sentences = []
    for row in heard:
        domains = sorted({d for d, _s, _e in row.heard})
        where = _and_list(domains)
        if row.strong_count:
            sentences.append(
                f"‘{row.narrative.label}’ wordt sterk gehoord ({row.strong_count} van {len(row.heard)} "
                f"{'noemingen' if len(row.heard) != 1 else 'noeming'}; {where})."
            )
        else:
            sentences.append(f"‘{row.narrative.label}’ wordt soms gehoord ({where}).")
    return sentences


def narrative_advice(rows: Sequence[NarrativeRow]) -> list[tuple[str, str]]:
    """(narrative label, advice) for every narrative heard strongly by at least one domain."""
    return [(r.narrative.label, r.narrative.advice) for r in rows if r.strong_count]


def dilemma_rows(answers: Mapping[str, Mapping[str, str]]) -> list[tuple[Dilemma, str, str]]:
    """(dilemma, choice, why) in the fixed order; empty strings where the team has not answered yet."""
    return [
        (d, (answers.get(d.key) or {}).get("choice", ""), (answers.get(d.key) or {}).get("why", ""))
        for d in DILEMMAS
    ]


def dilemma_sentence(answers: Mapping[str, Mapping[str, str]]) -> str:
    answered = sum(1 for _d, choice, _w in dilemma_rows(answers) if choice)
    if answered == 0:
        return "Het kernteam heeft de vijf dilemma’s nog niet beantwoord."
    if answered == len(DILEMMAS):
        return "Het kernteam heeft bij alle vijf dilemma’s een keuze gemaakt en uitgelegd waarom."
    return f"Het kernteam heeft bij {answered} van de vijf dilemma’s een keuze gemaakt; de andere staan nog open."


def _bijdragen(count: int) -> str:
    return "de enige bijdrage" if count == 1 else f"alle {count} bijdragen"


def _and_list(values: Sequence[str]) -> str:
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " en " + values[-1]
