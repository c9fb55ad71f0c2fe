"""Themes: a Dutch name plus a Boolean query; the default set and loading from JSON.

The default queries follow the dividing lines named by the learning network (stikstof,
windmolens, opvang, woningkrapte, inflatie, gender, corona, Sinterklaas, gentrificatie,
jongerenoverlast, anti-overheid). They aim at recall on informal local posts; a municipality
can replace or extend them with its own JSON file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from brug.text.query import Query, QuerySyntaxError, parse_query


@dataclass(frozen=True)
class Theme:
    name: str
    query: str
    description: str = ""
    compiled: Query = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Parse at construction so that a broken theme fails when it is loaded, not mid-stream.
        object.__setattr__(self, "compiled", parse_query(self.query))


_GOV = (
    'overheid* OR regering OR kabinet OR "den haag" OR politici OR politiek OR politicus OR '
    "gemeente* OR ambtena* OR burgemeester OR wethouder* OR rutte OR minister* OR staat OR "
    "bestuurder* OR raadsleden OR gemeenteraad OR provincie"
)
_DISTRUST = (
    "liegen OR liegt OR leugen* OR corrupt* OR zakkenvul* OR dictat* OR verraad* OR verrader* OR "
    'belazer* OR "lak aan" OR schijt OR maffia OR "doen maar" OR wakker OR "niet te vertrouwen" OR '
    'wantrouw* OR incompetent* OR "moeten weg" OR "moet weg" OR aftreden OR "ons geld" OR '
    'tribunaal OR "luistert niet" OR "luisteren niet" OR "nummer" OR "over ons" OR '
    'arrogant* OR "boven ons" OR klootjesvolk OR "gewone burger" OR "gewone mensen" OR bedonderd OR '
    'bedrieg* OR "niks meer" OR "niet meer" OR "weer eens" OR "zoals altijd" OR "doof" OR oplichter* OR '
    "uitknijpen OR uitgeknepen OR "
    'pesten OR "in de steek" OR "vergeten" OR "geen vertrouwen" OR "geen zin meer" OR vertrouw* OR '
    '"niet gehoord" OR gehoord OR doorgedrukt OR typisch OR "in de kou" OR uitlachen OR "lachen ons uit" OR '
    '((luistert OR luisteren OR antwoord) NEAR/3 (nooit OR niet OR geen)) OR "zonder overleg" OR '
    '"zonder iemand" OR "ook maar iemand" OR volksverrader* OR poppenkast OR "ja vast"'
)

_DEFAULTS: list[tuple[str, str, str]] = [
    (
        "stikstof",
        "Stikstofbeleid, boerenprotesten, uitkoop van boerderijen, natuurgebieden.",
        'stikstof* OR ammoniak OR "natura 2000" OR pas-melder* OR boerenprotest* OR boerenactie* '
        'OR trekker* OR tractor* OR "omgekeerde vlag*" OR #bboeren OR boerenbedrijf* OR melkveehouder* '
        "OR veehouder* OR remkes OR depositie* OR natuurinclusie* OR (boer* NEAR/8 (protest* OR demonstr* OR subsidie* OR uitkoop* OR uitgekocht OR onteigen* OR actie* "
        "OR remkes OR natuur OR stoppen OR verdwijnen OR opkopen OR mest*)) OR piekbelaster* OR mestbeleid",
    ),
    (
        "windmolens",
        "Windturbines en windparken op land, geluid, slagschaduw, zonneparken als buur.",
        'windmol* OR windturbine* OR windpark* OR "wind op land" OR windenergie OR slagschaduw '
        "OR megamolen* OR (molen* NEAR/10 (meter OR hoog OR hoge OR geluid OR herrie OR bouwen OR "
        "dorp* OR horizon OR uitzicht OR energie*)) OR (turbine* NEAR/6 (wind OR geluid OR horizon)) "
        "OR zonnepark* OR zonneweide*",
    ),
    (
        "opvang vluchtelingen en statushouders",
        "Asielopvang (azc, noodopvang), spreiding, huisvesting van statushouders.",
        "azc* OR asielzoeker* OR vluchteling* OR statushouder* OR asiel* OR gelukzoeker* "
        'OR coa OR aanmeldcentrum OR "ter apel" OR spreidingswet OR noodopvang OR opvanglocatie* '
        "OR migrant* OR (opvang* NEAR/6 (oekrain* OR syri* OR eritre* OR gemeente OR dorp OR wijk OR "
        "hotel OR boot OR pand OR kazerne)) OR oekrainer* OR #geenazc* OR invasie OR "
        "(voorrang NEAR/6 (woning* OR huis OR huizen))",
    ),
    (
        "woningnood",
        "Woningkrapte, huurprijzen, wachtlijsten, betaalbaar wonen, starters.",
        "woningnood OR woningkrapte OR woningtekort OR wooncrisis OR huizenmarkt OR woningmarkt "
        "OR huurprijs* OR huurwoning* OR huurhuis* OR huurverhoging* OR woningcorporatie* "
        "OR huisjesmelker* OR woningzoekende* OR kamernood OR wachtlijst* OR wachttijd* OR inschrijfduur "
        "OR woonwagen* OR tiny OR (sociale NEAR/2 huur*) OR corporatie* OR verhuurder* OR urgentie* OR inschrijftijd OR woonnet OR woningzoek* OR eengezinswoning* OR seniorenflat* OR flexwoning* OR leegstand OR huurflat* OR koopwoning* OR koopappartement* OR (huis NEAR/6 (krijgen OR wachten OR ingeschreven OR voorrang)) OR ((nergens OR niks) NEAR/3 (wonen OR vinden OR huis)) OR huur OR huren OR ((starter* OR betaalbare OR betaalbaar OR "
        "woning OR woningen OR huis OR huizen OR appartement* OR kamer OR studio) NEAR/8 (geen OR "
        "vinden OR onbetaalbaar OR duur OR duurder OR bouwen OR bouw OR tekort OR wachten OR ton OR "
        "overbieden OR overboden OR kopen OR huren OR jaar OR wachtlijst)) OR nieuwbouw* OR woonwijk*",
    ),
    (
        "gentrificatie",
        "Opwaardering van wijken, verdringing van oorspronkelijke bewoners, nieuwkomers met geld.",
        "gentrific* OR gentrified OR yup* OR hipster* OR bakfiets* OR expat* OR import* NEAR/3 "
        '(amsterdammer* OR randstedeling* OR yup*) OR "oorspronkelijke bewoners" OR "oude bewoners" '
        'OR verdring* OR verdreven OR koffiebar* OR speciaalzaak* OR "flat white" OR havermelk* '
        "OR lunchroom* OR conceptstore* OR (wijk NEAR/8 (duur* OR opgeknapt OR opgewaardeerd OR "
        "onbetaalbaar OR verandert OR veranderd OR hip OR hippe OR wegjagen OR weggejaagd)) "
        'OR (sloop* NEAR/8 (koop* OR dure OR duur)) OR wegbestemd OR herontwikkel* OR hip OR hippe OR yogastudio* OR markthal OR "poke bowl*" OR middeldure OR "nieuwe mensen" OR nieuwkomers OR randstedeling* OR "import uit" OR volksbuurt OR arbeiderswijk OR ((buurt OR wijk) NEAR/8 (rijke OR rijk OR geld OR toerist OR verdubbeld OR onbetaalbaar)) OR ((expats OR beleggers) NEAR/8 (huizen OR kopen OR wijk))',
    ),
    (
        "jongerenoverlast",
        "Overlast van groepen jongeren: hangplekken, vernielingen, lachgas, scooters, vuurwerk.",
        "jongerenoverlast OR hangjonger* OR hangplek* OR hangplek OR lachgas* OR straatterreur "
        "OR vandalisme OR samenscholingsverbod OR scooterjong* OR ((jongeren OR jongere OR jeugd OR "
        "jongens OR jochies OR tieners OR pubers OR groepje* OR groep OR kids OR snotneuzen OR etters "
        "OR hangjeugd) NEAR/8 (overlast OR rotzooi OR lawaai OR herrie OR vernield OR vernieling* OR "
        "intimid* OR hangen OR hangt OR scooter* OR vuurwerk OR brommer* OR bushokje OR "
        "speeltuin OR rondhangen OR hufters OR blowen OR geschreeuw OR schreeuwen OR ballonnen OR "
        'patatje)) OR jeugdboa* OR "rondhangende" OR jongerenwerk* OR skatebaan OR "jeugd van tegenwoordig" '
        "OR vuurwerkbom* OR jochies OR bushokje* OR vandalen OR ((tieners OR jongens OR jochies) NEAR/8 (gooien OR "
        "gooit OR stenen OR vernielen OR bekrast)) OR (scooter* NEAR/8 (park OR stoep OR geraced OR racen OR "
        "scheuren OR plankgas))",
    ),
    (
        "gender",
        "Genderdebat: transgender personen, non-binair, genderneutraal, LHBTI+, pride.",
        "gender* OR transgender* OR trans OR transvrouw* OR transman* OR transmannen OR non-binair* "
        "OR nonbinair* OR lhbt* OR lgbt* OR queer* OR pride OR regenboog* OR homo* OR lesbi* "
        'OR voornaamwoord* OR dragqueen* OR "drag queen*" OR "x in het paspoort" OR '
        '"derde gender" OR travestie* OR "biologisch geslacht" OR geslachtsregistratie',
    ),
    (
        "corona",
        "Coronamaatregelen, vaccinatie, lockdowns, mondkapjes, coronatoegangsbewijs.",
        "corona* OR covid* OR vaccin* OR prik OR prikje OR booster* OR mondkap* OR mondkapje* "
        'OR lockdown* OR avondklok OR qr* OR coronapas OR "1,5 meter" OR "anderhalve meter" OR '
        'rivm OR "hugo de jonge" OR plandemie OR pandemie OR ggd OR virus OR ic-bedden OR '
        "wappie* OR ongevaccineerd* OR gevaccineerd* OR ongeprikt* OR anti-vax* OR antivax* OR "
        '"2g" OR "3g" OR omikron OR omicron OR "long covid" OR viroloog*',
    ),
    (
        "Sinterklaas (Zwarte Piet)",
        "Sinterklaasfeest, intocht, discussie over Zwarte Piet en roetveegpiet.",
        'sinterklaas* OR sint OR sinterklaasintocht* OR "zwarte piet*" OR zwartepiet* OR '
        'roetveegpiet* OR roetpiet* OR "pieten" OR kozp OR "kick out zwarte piet" OR intocht* '
        'OR pepernoot* OR pepernoten OR pakjesavond OR schoencadeau* OR stoomboot OR "de goedheiligman" '
        "OR goedheiligman OR (piet* NEAR/3 (zwart* OR roet* OR schmink* OR blackface OR kleur*)) OR blackface",
    ),
    (
        "inflatie",
        "Inflatie en koopkracht: prijzen van boodschappen en energie, armoede, rondkomen.",
        "inflatie OR koopkracht* OR energierekening* OR energieprijs* OR gasprijs* OR gasrekening* "
        'OR stroomprijs* OR energietoeslag* OR voedselbank* OR armoede OR rondkomen OR "rond komen" '
        'OR "rond te komen" OR prijsstijging* OR "alles wordt duurder" OR "gas en licht" OR '
        "((boodschappen OR supermarkt* OR prijzen OR energie OR gas OR stroom OR benzine OR tanken OR "
        "brood OR melk OR kaas OR eten OR loon OR lonen OR salaris OR uitkering OR aow OR pensioen OR "
        "rekening*) NEAR/8 (duur OR duurder OR gestegen OR stijg* OR verdubbeld OR onbetaalbaar OR "
        'betalen OR euro OR procent OR rondkomen OR omhoog)) OR schulden OR schuldhulp* OR minimumloon OR minima OR verwarm* OR "niet rond" OR energiefonds OR energiemaatschappij* OR "bijzondere bijstand" OR (ontbijt NEAR/6 (betalen OR geld OR armoede)) OR (prijzen NEAR/4 (stijgen OR dalende OR omhoog OR gestegen)) OR boodschappen',
    ),
    (
        "anti-overheid",
        "Wantrouwen jegens overheid, politiek en bestuur: liegen, niet gehoord worden, verraad.",
        f"(({_GOV}) NEAR/12 ({_DISTRUST})) OR zakkenvuller* OR landverraad* OR landverrader* OR "
        'tribunaal OR nexit OR "great reset" OR plandemie OR dictatuur OR "omgekeerde vlag*" OR '
        'regime OR "we worden belazerd" OR wef OR neppolitiek* OR "nep democratie" OR '
        '"kartel" OR "volksverraad*" OR soevereinen OR soeverein*',
    ),
]


def default_themes() -> list[Theme]:
    """The eleven default themes of Brug (Dutch names)."""
    return [Theme(name, query, description) for name, description, query in _DEFAULTS]


def load_themes(path: str | Path) -> list[Theme]:
    """Themes from a JSON file holding a list of {"name", "query", "description"?} objects.

    Raises ValueError naming the theme when an entry is malformed or its query does not parse.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError("Het themabestand moet een lijst van {name, query} bevatten.")
    themes: list[Theme] = []
    for index, item in enumerate(data):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("name"), str)
            or not isinstance(item.get("query"), str)
        ):
            raise ValueError(f"Thema {index + 1}: 'name' en 'query' zijn verplicht en moeten tekst zijn.")
        try:
            themes.append(Theme(item["name"], item["query"], str(item.get("description", ""))))
        except QuerySyntaxError as exc:
            raise ValueError(f"Thema ‘{item['name']}’: {exc.message} (positie {exc.position})") from exc
    return themes
