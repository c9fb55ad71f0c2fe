"""Evaluation data for knowledge search: a generated knowledge base with known topics, and
realistic queries of municipal officers with graded relevance judgements.

The generated base: for every topic a handful of sentences written the way officers write them
(compounds, plurals, hyphens, synonyms), combined into items with a place and some neutral
filler. An item's topic is known, so a query's judgements can be given per topic:
grade 3 = the topic the query is about, 1 = a topic that is partly relevant. The demo knowledge
base (brug.knowledge.demo and the method texts) is judged by title.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

PLACES = [
    "Noorderveld",
    "de Spoorzijde",
    "Molenwijk",
    "Oude Haven",
    "het dorp",
    "de binnenstad",
    "Westerpark",
]

FILLER = [
    "Het college besprak de voortgang in het najaar.",
    "De gemeenteraad wordt in het voorjaar opnieuw geïnformeerd.",
    "Collega's van verschillende afdelingen werkten hierin samen.",
    "We evalueren de aanpak over een jaar.",
    "De kosten vielen binnen het bestaande budget.",
    "Er is een verslag gemaakt voor intern gebruik.",
]

TOPICS: dict[str, tuple[list[str], list[str]]] = {
    "azc": (
        ["Komst van een asielzoekerscentrum in {p}", "Onrust over de noodopvang in {p}"],
        [
            "De aankondiging van een asielzoekerscentrum leidde tot boze reacties van omwonenden.",
            "Op de informatieavond over de opvang van vluchtelingen werd geschreeuwd.",
            "Omwonenden maakten zich zorgen over veiligheid rond het azc.",
            "We spraken met bewoners over de noodopvang en de afspraken met het COA.",
            "Een klankbordgroep van buurtbewoners denkt mee over de opvanglocatie.",
        ],
    ),
    "desinformatie": (
        ["Geruchten op sociale media in {p}", "Onjuiste berichten online over {p}"],
        [
            "Online gingen berichten rond met onjuiste informatie over de plannen.",
            "Een nepbericht op Facebook werd honderden keren gedeeld.",
            "Complottheorieën over de gemeente vonden hun weg naar de buurtapp.",
            "We reageerden met feiten en een korte uitleg op de website.",
            "Valse informatie op Telegram zorgde voor extra onrust.",
        ],
    ),
    "sleutelfiguren": (
        ["Netwerk van sleutelfiguren in {p}", "Sleutelpersonen als voelsprieten in {p}"],
        [
            "Een sleutelfiguur kent de buurt en deelt signalen met de gemeente.",
            "We hebben sleutelfiguren geworven onder trainers, docenten en imams.",
            "Het netwerk van sleutelpersonen komt vier keer per jaar bij elkaar.",
            "Sleutelfiguren zijn de voelsprieten van de wijk.",
            "Nieuwe sleutelfiguren krijgen een training in het herkennen van spanningen.",
        ],
    ),
    "wijzij": (
        ["Wij-zij-denken in {p}", "Polarisatiekaart van {p}"],
        [
            "Met een polarisatiekaart brachten we alle wij-zij-tegenstellingen in beeld.",
            "Het wij/zij-denken tussen oude en nieuwe bewoners werd sterker.",
            "Groepen komen steeds meer tegenover elkaar te staan.",
            "We gebruikten het denkkader van Brandsma om de polarisatie te begrijpen.",
            "Bruggenbouwers probeerden de tegenpolen met elkaar in gesprek te brengen.",
        ],
    ),
    "jongeren": (
        ["Jongerenoverlast bij het winkelcentrum in {p}", "Hangjongeren in {p}"],
        [
            "Groepen jongeren hangen 's avonds rond bij het winkelcentrum.",
            "Ondernemers klagen over overlast van hangjongeren.",
            "Het jongerenwerk zocht de jongeren op straat op.",
            "Jongeren voelen zich niet welkom in de wijk.",
            "Een jongerenwerker begeleidde een gesprek tussen ondernemers en jongeren.",
        ],
    ),
    "windmolens": (
        ["Verzet tegen windmolens bij {p}", "Windpark en draagvlak in {p}"],
        [
            "Bewoners zijn verdeeld over de komst van windturbines.",
            "De actiegroep tegen het windpark vraagt om een apart overleg.",
            "Boeren en dorpsbewoners kijken verschillend naar de energietransitie.",
            "We organiseerden een dorpsgesprek over de windmolens.",
            "Omwonenden van de turbines willen meedelen in de opbrengst.",
        ],
    ),
    "stikstof": (
        ["Boerenprotest in {p}", "Stikstofbeleid en boeren in {p}"],
        [
            "Boeren protesteerden met trekkers bij het provinciehuis.",
            "De stikstofmaatregelen zorgen voor onzekerheid op het platteland.",
            "Boerengezinnen voelen zich niet gehoord door de overheid.",
            "Omgekeerde vlaggen hangen langs de wegen in het buitengebied.",
            "We gingen op bezoek bij agrariërs om te luisteren.",
        ],
    ),
    "statushouders": (
        ["Huisvesting van statushouders in {p}", "Woningkrapte en voorrang in {p}"],
        [
            "Statushouders krijgen voorrang op een sociale huurwoning.",
            "Woningzoekenden op de wachtlijst vinden dat oneerlijk.",
            "Het gevoel van ongelijke behandeling speelt een grote rol.",
            "We legden uit hoe de woningtoewijzing werkt.",
            "De woningcorporatie en de gemeente organiseerden samen een inloopavond.",
        ],
    ),
    "corona": (
        ["Wantrouwen na de coronamaatregelen in {p}", "Protest tegen de coronaregels in {p}"],
        [
            "De coronamaatregelen zorgden voor een diepe kloof tussen inwoners en overheid.",
            "Demonstranten tegen de lockdown verzamelden zich op het plein.",
            "Het vertrouwen in de overheid daalde sterk tijdens de pandemie.",
            "Vaccinatie werd een onderwerp waarover families ruzie kregen.",
            "We zochten het gesprek met ondernemers die boos waren over de sluiting.",
        ],
    ),
    "zwartepiet": (
        ["Sinterklaasintocht in {p}", "Dialoog over Zwarte Piet in {p}"],
        [
            "Voor- en tegenstanders van Zwarte Piet demonstreerden bij de intocht.",
            "We spraken weken voor de Sinterklaasintocht met beide kanten.",
            "Het intochtcomité koos zelf voor roetveegpieten.",
            "De politie en de gemeente maakten afspraken over de demonstratievakken.",
            "De intocht verliep rustig dankzij goede voorbereiding.",
        ],
    ),
    "gentrificatie": (
        ["Gentrificatie in {p}", "Oude en nieuwe bewoners in {p}"],
        [
            "Nieuwe bewoners met hoge inkomens veranderen het karakter van de arbeiderswijk.",
            "Oorspronkelijke bewoners voelen zich verdrongen uit hun buurt.",
            "De nieuwe koffiebar werd een symbool van de veranderende wijk.",
            "Huurprijzen stegen sterk na de renovatie.",
            "Een buurtmaaltijd bracht oude en nieuwe bewoners samen.",
        ],
    ),
    "stillemidden": (
        ["Het stille midden in {p}", "Gesprekken met de zwijgende meerderheid in {p}"],
        [
            "Het stille midden liet tijdens de bijeenkomst nauwelijks van zich horen.",
            "De luidste stemmen bepaalden het debat, de meerderheid zweeg.",
            "We nodigden bewoners persoonlijk uit die nooit naar avonden komen.",
            "Kleine gesprekken aan de keukentafel werkten beter dan een grote zaal.",
            "Middengroepen voelen zich niet vertegenwoordigd door de actiegroepen.",
        ],
    ),
    "samenwerking": (
        ["Samenwerking tussen veiligheid en sociaal domein in {p}", "Een integrale aanpak in {p}"],
        [
            "Collega's uit het sociaal domein en het veiligheidsdomein deden samen de analyse.",
            "De wijkagent, het wijkteam en het jongerenwerk delen signalen.",
            "Een gezamenlijk overleg voorkomt dat iedereen langs elkaar heen werkt.",
            "De burgemeester en de wethouder zorgden voor bestuurlijke steun.",
            "We maakten afspraken over wie wat doet als spanningen oplopen.",
        ],
    ),
    "dialoog": (
        ["Dialoogtafel in {p}", "Buurtgesprekken in {p}"],
        [
            "Een dialoogtafel met bewoners van verschillende achtergronden bracht partijen dichter bij elkaar.",
            "In kleine groepen voerden we gesprekken met bewoners uit de straat.",
            "Een gespreksleider zorgde dat iedereen aan het woord kwam.",
            "Bewoners vertelden over hun zorgen en werden gehoord.",
            "Na het buurtgesprek nam de spanning zichtbaar af.",
        ],
    ),
    "radicalisering": (
        ["Signalen van radicalisering in {p}", "Extremisme onder jongeren in {p}"],
        [
            "Docenten zagen extremistische uitingen bij enkele leerlingen.",
            "Het veiligheidshuis besprak de signalen van radicalisering.",
            "Online haatzaaien trok jongeren naar extreme groepen.",
            "Een vertrouwenspersoon sprak met de ouders.",
            "We trainden professionals in het herkennen van radicaliseringssignalen.",
        ],
    ),
    "bewonersavond": (
        ["Bewonersavond liep uit de hand in {p}", "Verhitte informatieavond in {p}"],
        [
            "De bewonersavond liep uit de hand toen de wethouder werd uitgejouwd.",
            "Op de informatieavond was er geen ruimte voor vragen.",
            "Boze bewoners verlieten de zaal voor het einde.",
            "Een volgende keer kozen we voor een inloopmarkt met tafels per onderwerp.",
            "De gespreksleider greep in toen de toon grimmig werd.",
        ],
    ),
}


@dataclass(frozen=True)
class EvalItem:
    key: str
    topic: str
    title: str
    body: str


def generated_items(per_topic: int = 30, seed: int = 12) -> list[EvalItem]:
    rng = random.Random(seed)
    items = []
    for topic, (titles, sentences) in TOPICS.items():
        for i in range(per_topic):
            title = rng.choice(titles).format(p=rng.choice(PLACES))
            body = rng.sample(sentences, rng.randint(2, 4)) + rng.sample(FILLER, 2)
            rng.shuffle(body)
            items.append(EvalItem(f"gen-{topic}-{i}", topic, title, " ".join(body)))
    return items


# query -> {topic or "demo:<title start>": grade}. Grade 3: what the officer is looking for;
# 2: clearly useful; 1: partly relevant.
JUDGEMENTS: dict[str, dict[str, int]] = {
    # the queries of issue 12
    "asielzoekers": {"azc": 3, "statushouders": 1, "demo:Spanningen rond de komst van een azc": 3},
    "sleutelfiguren": {"sleutelfiguren": 3},
    "sleutelfiguren werven": {"sleutelfiguren": 3},
    "desinformatie": {"desinformatie": 3, "demo:Spanningen rond de komst van een azc": 1},
    "wij-zij": {"wijzij": 3, "demo:Denkkader polarisatie": 2},
    "wij/zij": {"wijzij": 3, "demo:Denkkader polarisatie": 2},
    "wij zij": {"wijzij": 3, "demo:Denkkader polarisatie": 2},
    # compounds and their parts
    "asielzoekerscentrum": {"azc": 3, "demo:Spanningen rond de komst van een azc": 3},
    "azc": {"azc": 3, "demo:Spanningen rond de komst van een azc": 3},
    "opvang van vluchtelingen": {"azc": 3, "statushouders": 1},
    "noodopvang": {"azc": 3},
    "sleutelfiguur": {"sleutelfiguren": 3},
    "sleutelpersonen": {"sleutelfiguren": 3},
    "voelsprieten in de wijk": {"sleutelfiguren": 3},
    "netwerk sleutelfiguren opzetten": {"sleutelfiguren": 3},
    "polarisatiekaart": {"wijzij": 3},
    "wij-zij-denken": {"wijzij": 3, "demo:Denkkader polarisatie": 2},
    "tegenstellingen tussen groepen": {"wijzij": 3, "demo:Denkkader polarisatie": 1},
    "bruggenbouwers": {"wijzij": 3, "demo:Denkkader polarisatie": 2},
    "denkkader Brandsma": {"wijzij": 2, "demo:Denkkader polarisatie": 3, "demo:De vier gamechangers": 2},
    # meaning and synonyms
    "nepnieuws": {"desinformatie": 3},
    "geruchten op sociale media": {"desinformatie": 3, "demo:Spanningen rond de komst van een azc": 1},
    "complotdenken": {"desinformatie": 3},
    "valse berichten online": {"desinformatie": 3},
    "hangjongeren": {"jongeren": 3, "demo:Jongerenoverlast bij het winkelcentrum": 3},
    "overlast door jongeren": {"jongeren": 3, "demo:Jongerenoverlast bij het winkelcentrum": 3},
    "jongerenwerker": {"jongeren": 3, "demo:Jongerenoverlast bij het winkelcentrum": 2},
    "winkelcentrum ondernemers klagen": {"jongeren": 3, "demo:Jongerenoverlast bij het winkelcentrum": 3},
    "windmolens": {"windmolens": 3, "demo:Met wie gaan we in gesprek over de windmolens": 3},
    "windturbines": {"windmolens": 3, "demo:Met wie gaan we in gesprek over de windmolens": 2},
    "windpark": {"windmolens": 3, "demo:Met wie gaan we in gesprek over de windmolens": 2},
    "energietransitie draagvlak": {"windmolens": 3},
    "boerenprotest": {"stikstof": 3},
    "stikstof": {"stikstof": 3},
    "boeren voelen zich niet gehoord": {"stikstof": 3},
    "trekkers bij het provinciehuis": {"stikstof": 3},
    "statushouders": {"statushouders": 3, "demo:Wanneer grijpen we in bij onrust over huisvesting": 3},
    "voorrang sociale huurwoning": {
        "statushouders": 3,
        "demo:Wanneer grijpen we in bij onrust over huisvesting": 2,
    },
    "woningkrapte": {"statushouders": 3, "demo:Wijkgesprekken over woningkrapte": 3},
    "ongelijke behandeling": {"statushouders": 3},
    "coronamaatregelen": {"corona": 3},
    "wantrouwen in de overheid": {"corona": 3, "stikstof": 1},
    "lockdown demonstratie": {"corona": 3},
    "Zwarte Piet": {"zwartepiet": 3, "demo:Sinterklaasintocht zonder escalatie": 3},
    "Sinterklaasintocht": {"zwartepiet": 3, "demo:Sinterklaasintocht zonder escalatie": 3},
    "roetveegpieten": {"zwartepiet": 3},
    "gentrificatie": {"gentrificatie": 3},
    "oude en nieuwe bewoners": {"gentrificatie": 3, "wijzij": 1},
    "verdringing uit de wijk": {"gentrificatie": 3},
    "het stille midden": {"stillemidden": 3, "demo:Met wie gaan we in gesprek over de windmolens": 1},
    "zwijgende meerderheid": {"stillemidden": 3},
    "samenwerking veiligheid en sociaal domein": {"samenwerking": 3},
    "integrale aanpak": {"samenwerking": 3},
    "bestuurlijke steun van de burgemeester": {"samenwerking": 3},
    "dialoogtafel": {"dialoog": 3},
    "buurtgesprek organiseren": {"dialoog": 3, "demo:Wijkgesprekken over woningkrapte": 2},
    "gespreksleider": {"dialoog": 3, "bewonersavond": 2},
    "radicalisering": {"radicalisering": 3},
    "extremisme onder leerlingen": {"radicalisering": 3},
    "signalen van radicalisering herkennen": {"radicalisering": 3},
    "bewonersavond liep uit de hand": {"bewonersavond": 3, "demo:Spanningen rond de komst van een azc": 2},
    "informatieavond": {"bewonersavond": 3, "azc": 1},
    "inloopmarkt in plaats van zaalbijeenkomst": {"bewonersavond": 3},
    "besluit uitleggen met afwegingen": {"demo:Dilemmalogica": 3},
    "Deep Democracy": {"demo:Deep Democracy": 3},
    "analysekader KIS": {"demo:Analysekader polarisatie van KIS": 3},
    "gamechangers": {"demo:De vier gamechangers": 3},
    "sociale impact rapportage": {"demo:Wijkgesprekken over woningkrapte": 3},
}
