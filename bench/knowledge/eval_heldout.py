"""Held-out evaluation part for knowledge search: hand-written items and officer queries in other words.

Why a second part: in `eval_data.py` the generated items are built from sentences that share
the queries' vocabulary, so the first part mostly measures whether a word is found. Here the
40 items were written first, as a municipality would write up its own case or note (with the
words a practitioner uses: "vergunninghouders", "agrariërs", "hoge molens", "gelote inwoners"),
and only then the queries, as an officer would type them, deliberately in other words:
synonyms ("statushouders" for "vergunninghouders"), descriptions ("gentrificatie" for an item
about young couples buying into a working-class street), compounds ("gemeenteraadsleden",
"coronademonstratie") and abbreviations. Eight items are ordinary municipal news (parking,
budget, passports) that no query is about: distractors.

Nothing in the search (thesaurus, weights, pool sizes, fusion constant) was changed after this
part was written: it is reported as held out. Grades: 3 = what the officer looks for,
2 = clearly useful, 1 = partly relevant; every item not named is 0.

Known limit: one author wrote both the items and the queries (items first), so this part is
independent of the search, not of the author.
"""

from __future__ import annotations

# key -> (title, body)
ITEMS: dict[str, tuple[str, str]] = {
    "h01": (
        "Zorgen over de nieuwe opvanglocatie aan de Dorpsstraat",
        "In het voormalige kantoorpand komen tweehonderd mensen die in Nederland bescherming zoeken. "
        "Omwonenden vrezen voor hun veiligheid en voelen zich overvallen door het besluit. Wij organiseerden "
        "kleine tafelgesprekken in plaats van één grote zaalavond, met het COA en de wijkagent erbij.",
    ),
    "h02": (
        "Vergunninghouders een huurhuis geven",
        "Vergunninghouders krijgen volgens de taakstelling een woning van de corporatie. Starters die al jaren "
        "ingeschreven staan vinden dat oneerlijk en er ontstond een felle discussie in de lokale facebookgroep. "
        "We legden uit hoe de wachtlijst werkt en om hoeveel woningen het echt gaat.",
    ),
    "h03": (
        "Bewerkt filmpje over de burgemeester ging rond",
        "Een bewerkt filmpje suggereerde dat de burgemeester geld had aangenomen van een projectontwikkelaar. "
        "Het werd binnen een dag duizenden keren doorgestuurd. Communicatie zette de feiten op een rij zonder "
        "het filmpje zelf opnieuw te verspreiden.",
    ),
    "h04": (
        "Zendmasten en ziekte: gesprekken aan de voordeur",
        "Inwoners kwamen naar het spreekuur met de overtuiging dat de nieuwe zendmasten mensen ziek maken. "
        "Sommigen weigerden de monteurs toe te laten. Een huisarts en een ingenieur gingen samen met hen in "
        "gesprek, zonder hen belachelijk te maken.",
    ),
    "h05": (
        "Vertrouwde inwoners die ons vertellen wat er speelt",
        "In Oost werken we met een groep vertrouwde inwoners: een kapper, een voetbaltrainer, de voorzitter "
        "van de moskee en een buurtmoeder. Zij horen als eersten wat er gebeurt en bellen de wijkregisseur. "
        "Eens per kwartaal komen ze bij elkaar.",
    ),
    "h06": (
        "De juiste mensen vinden voor een buurtnetwerk",
        "Vraag wijkagenten, jongerenwerkers en huisartsen wie in de buurt gezag heeft. Kijk verder dan de "
        "gebruikelijke bewonerscommissie. Geef een vrijwilligersvergoeding en houd de afspraken licht, anders "
        "haken mensen af.",
    ),
    "h07": (
        "Oude bewoners en nieuwe kopers in de Schilderswijk-Noord",
        "Door de stijgende huizenprijzen trekken jonge tweeverdieners de oude volksbuurt in. Bewoners die er "
        "hun hele leven wonen zien de slager en de snackbar verdwijnen voor koffiebars. Op het straatfeest "
        "bleven de twee groepen apart staan.",
    ),
    "h08": (
        "Trekkers op de toegangsweg en een beklad gemeentehuis",
        "Na het provinciale plan om veehouderijen uit te kopen blokkeerden agrariërs de toegangswegen. Op de "
        "gevel van het gemeentehuis werd een omgekeerde vlag geschilderd. De burgemeester nodigde de "
        "agrarische belangenvereniging uit voor een gesprek aan de keukentafel.",
    ),
    "h09": (
        "Bezwaar tegen hoge molens langs de dijk",
        "Het plan voor vijf hoge molens langs de dijk leidde tot een bewonersinitiatief tegen slagschaduw en "
        "geluid. Anderen wilden juist meedoen via een energiecoöperatie. Een onafhankelijke procesbegeleider "
        "leidde de gesprekken tussen beide kanten.",
    ),
    "h10": (
        "Jongens die rondhangen bij de supermarkt",
        "Een groep van vijftien tieners komt 's avonds samen op het parkeerterrein. Winkeliers en ouderen "
        "voelen zich onveilig door scooters en harde muziek. Het jongerenwerk maakte met de jongens afspraken "
        "en regelde een eigen plek in het buurthuis.",
    ),
    "h11": (
        "Leerling deelde haatdragende memes in de klas",
        "Een docent zag dat een leerling van vijftien haatdragende memes over moslims deelde en geweld "
        "goedpraatte. De school belde het Veiligheidshuis voor advies. Samen met de ouders en een mentor werd "
        "een traject gestart.",
    ),
    "h12": (
        "Herkennen dat iemand afglijdt",
        "Let op afzondering van oude vrienden, een plotselinge fascinatie voor geweld en taal waarin de eigen "
        "groep tegenover de rest staat. Eén teken zegt weinig; het gaat om het patroon. Bespreek twijfel "
        "altijd in het casusoverleg.",
    ),
    "h13": (
        "De aankomst van de Sint zonder scheldpartijen",
        "Jarenlang liep de aankomst van de Sint uit op ruzie tussen voor- en tegenstanders van de traditionele "
        "schmink. Dit jaar kozen de organisatoren met een werkgroep voor pieten met veegjes. Politie en "
        "gemeente spraken vooraf met beide kanten.",
    ),
    "h14": (
        "Demonstratie tegen de avondklok op het marktplein",
        "Tijdens de pandemie verzamelden honderden mensen zich op het marktplein tegen de avondklok. Een kleine "
        "groep zocht de confrontatie met de ME. Achteraf sprak de burgemeester met de organisatoren over hoe "
        "het volgende keer vreedzaam kan.",
    ),
    "h15": (
        "Niemand gelooft de brieven nog",
        "In een wijk waar veel gezinnen gedupeerd zijn door de toeslagenaffaire, gelooft bijna niemand nog wat "
        "de overheid belooft. Hulpverleners merken dat brieven ongeopend blijven. We zetten in op vaste "
        "gezichten aan huis in plaats van formulieren.",
    ),
    "h16": (
        "Een avond waar iedereen aan het woord kwam",
        "Met een ervaren moderator en tafels van acht personen voerden voor- en tegenstanders een goed "
        "gesprek. De spelregels: niemand onderbreken en iedereen spreekt uit eigen ervaring. Aan het eind "
        "schreef elke tafel één gedeelde zorg op.",
    ),
    "h17": (
        "Publieke tribune ontruimd tijdens de raadsvergadering",
        "Bij het debat over het opvangbeleid werd de publieke tribune ontruimd na gescheld en gegooi met "
        "flesjes. Raadsleden kregen daarna dreigmails. De griffie zorgde voor beveiliging en een meldpunt.",
    ),
    "h18": (
        "Haatberichten en een bezoek aan huis voor een wethouder",
        "Een wethouder kreeg na een besluit over een gebedshuis haatberichten en een onaangekondigd bezoek aan "
        "huis. De gemeente schakelde de politie in en zorgde voor nazorg. Hoe bescherm je lokale bestuurders "
        "zonder het debat te smoren?",
    ),
    "h19": (
        "De stemmen die je op inspraakavonden niet hoort",
        "Op inspraakavonden hoor je vooral de luidste stemmen. De meeste inwoners hebben een genuanceerde "
        "mening maar zeggen niets. Met een korte enquête en gesprekken op straat haalden we hun mening alsnog "
        "op.",
    ),
    "h20": (
        "Eén tafel voor welzijn en openbare orde",
        "Het team openbare orde en de collega's van welzijn en zorg hadden elk hun eigen beeld van de wijk. Nu "
        "is er een wekelijkse tafel waar beide afdelingen casussen bespreken. Zo vallen signalen niet meer "
        "tussen twee loketten.",
    ),
    "h21": (
        "Het college moet achter de aanpak staan",
        "Ambtenaren durven pas te handelen als burgemeester en wethouders zichtbaar achter de aanpak staan. We "
        "vroegen het college om een uitgesproken mandaat en een vaste contactpersoon in het college.",
    ),
    "h22": (
        "Een keuze uitleggen die niet iedereen bevalt",
        "Leg uit welke belangen zijn gewogen en waarom de keuze zo uitviel. Erken wat mensen verliezen. Een "
        "brief alleen is te weinig: ga ook langs bij de mensen die het meest geraakt worden.",
    ),
    "h23": (
        "Petities over een nieuwe gebedsruimte",
        "De plannen voor een nieuwe gebedsruimte van de islamitische gemeenschap leidden tot petities en "
        "tegenpetities. Een interreligieus overleg van kerken en moskee nam het initiatief tot een open dag.",
    ),
    "h24": (
        "Hoe een vals bericht een menigte op de been bracht",
        "Een bericht dat een buurtbewoner een kind had lastiggevallen ging rond via WhatsApp. Binnen een uur "
        "stond een menigte voor zijn deur. Later bleek het bericht niet te kloppen; de man verhuisde.",
    ),
    "h25": (
        "Ouders tegen lessen over seksuele diversiteit",
        "Ouders protesteerden tegen lessen over seksuele diversiteit op een basisschool. Leraren voelden zich "
        "onder druk gezet. De school organiseerde een ouderavond met een externe gespreksleider.",
    ),
    "h26": (
        "Gezinnen die de gasrekening niet meer kunnen betalen",
        "Huishoudens met een krappe beurs konden de stijgende gaskosten niet meer opbrengen. Op sociale media "
        "groeide de woede richting Den Haag. Het loket voor energiehulp kwam met een bus de wijk in.",
    ),
    "h27": (
        "Tieners benaderd via gamechats",
        "Via gamechats en TikTok benaderen extremistische groepen tieners met memes en uitnodigingen voor "
        "besloten groepen. Ouders hebben geen idee wat hun kinderen zien. We gaven workshops mediawijsheid "
        "op middelbare scholen.",
    ),
    "h28": (
        "Twee kampen in het dorp",
        "Sinds de discussie over de nieuwe woonwijk is het dorp verdeeld in twee kampen die elkaar niet meer "
        "groeten. Verenigingen merken het aan de bar. Een dorpsdialoog met een neutrale voorzitter bracht de "
        "eerste toenadering.",
    ),
    "h29": (
        "Handreiking: spanningen in kaart brengen",
        "Begin met in kaart brengen welke groepen er zijn, wie de aanjagers zijn en wie zwijgt. Noteer welke "
        "onderwerpen de tegenstelling voeden. Herhaal de analyse elk half jaar en deel haar met de partners.",
    ),
    "h30": (
        "Leegstaande stallen verhuurd aan criminelen",
        "In het buitengebied worden leegstaande stallen verhuurd voor drugslabs. Boeren worden onder druk gezet "
        "om mee te werken. De gemeente werkt samen met politie en belastingdienst.",
    ),
    "h31": (
        "Een voetbaltoernooi tussen straten",
        "Een toernooi tussen straten met bewoners van heel verschillende afkomst bracht ouders met elkaar in "
        "gesprek. Trainers spreken jongens aan op racistische opmerkingen.",
    ),
    "h32": (
        "Gelote inwoners adviseren over het klimaatplan",
        "Honderd gelote inwoners praatten op zes zaterdagen over het lokale klimaatplan. Hun advies werd "
        "grotendeels overgenomen. Deelnemers met heel verschillende opvattingen vonden elkaar.",
    ),
    "h33": (
        "Geen snelle oplossing als groepen tegenover elkaar staan",
        "Verwacht geen snelle oplossing wanneer groepen tegenover elkaar staan. Richt je op de mensen in het "
        "midden in plaats van op de uitersten, en verleg het gesprek van identiteit naar gedeelde zorgen.",
    ),
    "h34": (
        "Een externe begeleider voor beladen gesprekken",
        "Voor beladen onderwerpen huren we een externe facilitator in die geen belang heeft bij de uitkomst. "
        "Kies iemand met ervaring in conflicten in buurten, en spreek vooraf af wat er met de uitkomst gebeurt.",
    ),
    # distractors: ordinary municipal news
    "h35": (
        "Begroting 2027 vastgesteld",
        "De raad stelde de begroting vast met extra geld voor wegen en riolering.",
    ),
    "h36": (
        "Nieuwe parkeerregels in het centrum",
        "Vanaf januari betalen bezoekers ook op zaterdag voor parkeren. Bewoners krijgen een vergunning.",
    ),
    "h37": (
        "Aanbesteding groenonderhoud",
        "Het onderhoud van plantsoenen en bermen gaat naar een nieuwe aannemer.",
    ),
    "h38": (
        "Online afspraak voor paspoort en rijbewijs",
        "Inwoners maken voortaan online een afspraak voor een paspoort of rijbewijs bij de publieksbalie.",
    ),
    "h39": ("Zwembad langer open", "Het zwembad is in de zomer op werkdagen tot tien uur 's avonds open."),
    "h40": (
        "Nieuwe afvalkalender",
        "De gft-container wordt in de winter eens per twee weken geleegd; de kalender staat in de app.",
    ),
    "h41": ("Subsidie voor isolatie", "Huiseigenaren krijgen subsidie voor spouwmuur- en dakisolatie."),
    "h42": (
        "Werkzaamheden aan de brug",
        "De brug over het kanaal is in maart twee weken dicht voor onderhoud.",
    ),
}

# query -> {item key: grade}; written after the items, in other words than the items use.
JUDGEMENTS: dict[str, dict[str, int]] = {
    "boze buurtbewoners over een azc": {"h01": 3, "h17": 1, "h16": 1},
    "statushouders voorrang bij sociale huur": {"h02": 3},
    "gemanipuleerde video over het gemeentebestuur": {"h03": 3, "h24": 1},
    "complotdenken over straling": {"h04": 3, "h03": 1},
    "sleutelfiguren": {"h05": 3, "h06": 3},
    "sleutelpersonen werven": {"h06": 3, "h05": 2},
    "gentrificatie": {"h07": 3},
    "boerenprotest": {"h08": 3, "h30": 1},
    "weerstand tegen een windpark": {"h09": 3},
    "hangjongeren": {"h10": 3, "h31": 1},
    "radicalisering op school": {"h11": 3, "h12": 2, "h27": 2},
    "vroege signalen van radicalisering": {"h12": 3, "h11": 2, "h27": 1},
    "zwarte piet discussie": {"h13": 3},
    "coronademonstratie": {"h14": 3},
    "vertrouwen in de overheid herstellen": {"h15": 3, "h22": 1},
    "dialoogavond organiseren": {"h16": 3, "h34": 2, "h01": 1, "h28": 1, "h32": 1},
    "intimidatie van gemeenteraadsleden": {"h17": 3, "h18": 2},
    "politici thuis opgezocht door boze inwoners": {"h18": 3, "h17": 2},
    "zwijgende meerderheid": {"h19": 3, "h33": 2},
    "integrale aanpak sociaal domein en handhaving": {"h20": 3},
    "bestuurlijk draagvlak": {"h21": 3},
    "hoe breng ik een onwelgevallig raadsbesluit over": {"h22": 3, "h03": 1},
    "weerstand tegen moskeebouw": {"h23": 3, "h18": 1},
    "oproer door een vals bericht in de buurtapp": {"h24": 3, "h03": 2},
    "lhbti-voorlichting en protesterende ouders": {"h25": 3},
    "energiearmoede": {"h26": 3},
    "online werving door radicale groepen": {"h27": 3, "h11": 1},
    "tweedeling in een kleine kern": {"h28": 3, "h33": 1},
    "polarisatie analyseren": {"h29": 3, "h33": 2},
    "burgerberaad": {"h32": 3},
    "onafhankelijke gespreksleider": {"h34": 3, "h16": 2, "h09": 1, "h25": 1, "h28": 1},
    "wij-zij denken doorbreken": {"h33": 3, "h28": 2, "h16": 1, "h31": 1},
    "sport en verbinding tussen culturen": {"h31": 3},
    "ondermijning op het platteland": {"h30": 3},
    "inwoners die de gemeente niets meer geloven": {"h15": 3, "h04": 1, "h03": 1},
}
