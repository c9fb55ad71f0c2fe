"""Realistic Dutch knowledge items for the benchmark, made by recombining real sentences.

Sentences come from the seed documents in /work/shared/seeds (the learning-network articles and
the info sheet), Brug's method texts and demo items, plus a list of case sentences written for
this benchmark. An item is a title built from a topic and a place, and 3 to 8 sentences.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path("/work/shared/seeds")

EXTRA_SENTENCES = """
Na een incident op het plein liepen de spanningen tussen jongeren en buurtbewoners op.
De wijkagent en het jongerenwerk spraken met beide groepen over wat er gebeurd was.
Op sociale media gingen geruchten rond die de onrust verder aanwakkerden.
Ondernemers in het winkelcentrum voelen zich niet serieus genomen door de gemeente.
Bewoners van het dorp zijn verdeeld over de komst van windmolens aan de rand van de polder.
De informatieavond over de opvang van vluchtelingen trok veel boze reacties.
We hebben een netwerk van sleutelfiguren gevraagd om signalen uit de wijk te delen.
Het stille midden liet tijdens de bijeenkomst nauwelijks van zich horen.
Een sociale impact rapportage hielp om vooraf te zien wat het project met de wijk doet.
De burgemeester koos ervoor om eerst te luisteren en pas later een besluit te nemen.
Statushouders kregen een woning in een wijk waar veel mensen al lang op een wachtlijst staan.
Het gevoel van ongelijke behandeling speelde een grote rol in de gesprekken.
Tijdens de Sinterklaasintocht waren er demonstraties van voor- en tegenstanders van Zwarte Piet.
Boeren protesteerden bij het provinciehuis tegen de stikstofmaatregelen.
De coronamaatregelen zorgden voor een diepe kloof tussen inwoners en de overheid.
Door de stijgende prijzen maken veel huishoudens zich zorgen over hun energierekening.
Met een polarisatiekaart brachten we alle wij-zij-tegenstellingen in de buurt in beeld.
De analyse werd samen gedaan door collega's uit het sociaal domein en het veiligheidsdomein.
We merkten dat het vertrouwen in de gemeente in sommige wijken heel laag is.
Een dialoogtafel met bewoners van verschillende achtergronden bracht de partijen dichter bij elkaar.
Het genderdebat op de middelbare school leidde tot verhitte discussies tussen ouders.
Sporttrainers en docenten zijn belangrijke voelsprieten in de wijk.
De moskee en de kerk organiseerden samen een buurtmaaltijd.
Nieuwe bewoners met hoge inkomens veranderen het karakter van de oude arbeiderswijk.
Oorspronkelijke bewoners voelen zich verdrongen door de gentrificatie.
We leerden dat je niet moet moraliseren, maar moet bemiddelen.
Het college wilde eerst cijfers zien voordat het geld vrijmaakte voor de aanpak.
Online polarisatie zegt niet altijd iets over wat er offline gebeurt.
Jongeren voelen zich niet gehoord bij de plannen voor het nieuwe jongerencentrum.
De raad was verdeeld over de vraag of de gemeente een rol moest nemen.
""".strip().splitlines()

TOPICS = [
    "Spanningen rond de opvang van vluchtelingen",
    "Onrust over windmolens",
    "Jongerenoverlast bij het winkelcentrum",
    "Wantrouwen na de coronamaatregelen",
    "Boerenprotest tegen stikstofbeleid",
    "Woningkrapte en huisvesting van statushouders",
    "Dialoog over Zwarte Piet",
    "Gentrificatie in de oude wijk",
    "Polarisatiekaart van de binnenstad",
    "Netwerk van sleutelfiguren opgezet",
    "Genderdebat op school",
    "Inflatie en zorgen over de energierekening",
    "Gesprekken met het stille midden",
    "Samenwerking tussen veiligheid en sociaal domein",
    "Steun van het college voor de aanpak",
    "Sociale impact rapportage bij nieuwbouw",
    "Bewonersavond liep uit de hand",
    "Online geruchten over een azc",
    "Deep Democracy in de gemeenteraad",
    "Dilemmalogica bij een omstreden besluit",
]
PLACES = [
    "Noorderveld",
    "de Spoorzijde",
    "het centrum",
    "De Akkers",
    "Oude Haven",
    "Molenwijk",
    "Westerpark",
    "het dorp",
    "de polder",
    "de binnenstad",
    "de nieuwbouwwijk",
    "het buitengebied",
    "de regio",
]


def seed_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", path.read_text(encoding="utf-8"))
        text = re.sub(r"[#*_>|]", " ", text)
        for part in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            if 40 <= len(part) <= 260 and part[0].isupper() and part[-1] in ".!?":
                sentences.append(part)
    return sentences


def sentence_pool() -> list[str]:
    from brug.knowledge.demo import DEMO_ITEMS
    from brug.knowledge.methods import METHODS

    pool = seed_sentences() + EXTRA_SENTENCES
    for body in [m["body"] for m in METHODS] + [d[7] for d in DEMO_ITEMS]:
        pool += [s for s in re.split(r"(?<=[.!?])\s+", " ".join(body.split())) if len(s) >= 30]
    return list(dict.fromkeys(pool))


@dataclass
class FakeItem:
    title: str
    sentences: list[int]  # indexes into the pool
    kind: str
    visibility: str
    org_index: int
    themes: list[str]

    def body(self, pool: list[str]) -> str:
        return " ".join(pool[i] for i in self.sentences)


def generate(n: int, *, organisations: int, seed: int = 7) -> tuple[list[str], list[str], list[FakeItem]]:
    """(sentence pool, title pool, items); deterministic for a seed."""
    from brug.core.taxonomy import DEFAULT_THEMES

    rng = random.Random(seed)
    pool = sentence_pool()
    titles = [f"{t} in {p}" for t in TOPICS for p in PLACES]
    kinds = ["casus", "dilemma", "succes", "kennisproduct", "analyse", "methode"]
    visibilities = ["organisatie"] * 3 + ["netwerk"] * 4 + ["publiek"] * 3
    theme_keys = [t.key for t in DEFAULT_THEMES]
    items = [
        FakeItem(
            title=titles[rng.randrange(len(titles))],
            sentences=rng.sample(range(len(pool)), rng.randint(3, 8)),
            kind=rng.choice(kinds),
            visibility=rng.choice(visibilities),
            org_index=rng.randrange(organisations),
            themes=rng.sample(theme_keys, rng.randint(0, 2)),
        )
        for _ in range(n)
    ]
    return pool, titles, items


QUERIES = """
polarisatie
polariseren in de wijk
gemeenten
wijken
sleutelfiguren
windmolens
stikstof
azc
opvang van vluchtelingen
huisvesting statushouders
woningkrapte
jongerenoverlast
hangjongeren bij het winkelcentrum
Zwarte Piet
Sinterklaasintocht
coronamaatregelen
wantrouwen in de overheid
vertrouwen tussen burgers en overheid
het stille midden
bruggenbouwer
pusher en joiner
zondebok
gamechangers
Brandsma
denkkader polarisatie
analysekader KIS
polarisatiekaart
wij-zij denken
dilemmalogica
Deep Democracy
dialoog met bewoners
bewonersavond liep uit de hand
boze reacties op een informatieavond
geruchten op sociale media
online polarisatie
sociale impact rapportage
gentrificatie
nieuwe bewoners en oude bewoners
genderdebat op school
inflatie en energierekening
boerenprotest
samenwerking veiligheid en sociaal domein
steun van het bestuur
hoe krijg ik de wethouder mee
met wie ga je in gesprek
wanneer moet de gemeente ingrijpen
hoe bouw je een netwerk van sleutelfiguren op
voelsprieten in de samenleving
signalen uit de wijk
leernetwerk polarisatie
kennisproduct infoblad
intake met gemeenten
leervragen van deelnemers
verschuivende scheidslijnen
kansarm en kansrijk
jong en oud
stad en platteland
links en rechts
burgers tegenover de overheid
anti-overheidssentiment
ongelijke behandeling
ik ben een nummer
niet gehoord worden
incompetentie van bestuurders
escalatie na een incident
oplopende spanningen
sluimerend ongenoegen
beschermende krachten in de buurt
witte vlekken in beleid
risicofactoren en aanjagers
moskee en kerk samen
sportverenigingen en scholen
jongerenwerk
wijkagent
buurtmaaltijd
verbinding in de buurt
radicalisering
discriminatie op de arbeidsmarkt
uitsluiting en vooroordelen
emancipatie van minderheden
productieve polarisatie
segregatie
tegenstellingen tussen groepen
verhitte discussie in de gemeenteraad
onrust in het dorp over nieuwbouw
demonstratie bij het gemeentehuis
bemiddelen in plaats van moraliseren
de toon van de communicatie
besluit uitleggen aan inwoners
transparant zijn over afwegingen
minderheid en meerderheid
onderstroom in de groep
maatschappelijke spanningen
sociale stabiliteit
veerkrachtige samenleving
hoe voorkom je dat mensen tegenover elkaar komen te staan
wat werkte bij het verminderen van spanningen
ervaringen van andere gemeenten met een azc
asielzoekers
tieners die rondhangen
""".strip().splitlines()
