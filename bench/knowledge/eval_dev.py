"""Part 3 of the knowledge search evaluation: a development set to tune on, written like part 2.

Hand-written items, the way a municipality writes up its own case, method note or lesson (local
polarisation: opvang, woningnood, jongeren, windturbines, stikstof, desinformatie, sleutelfiguren,
wijkaanpak, herdenkingen, Sinterklaas, moskee en kerk, demonstraties, raadsvergaderingen onder
druk, bedreigde bestuurders), plus plain municipal news as distractors. The queries were written
after the items, as officers type them, on purpose in other words: synonyms, descriptions,
compounds, abbreviations, spelling variants and questions ("hoe ga ik om met ...").

Unlike part 2 (eval_heldout.py, held out, never tuned on) this part *is* used to choose the search
constants and to look at failures (bench/knowledge/tune.py), together with part 1. It was written
without looking at part 2's items or queries. Grades: 3 = what the officer is looking for,
2 = clearly useful, 1 = partly relevant.
"""

from __future__ import annotations

# key -> (title, body)
ITEMS: dict[str, tuple[str, str]] = {
    "opvang_sporthal": (
        "Informatiebijeenkomst over tijdelijke opvang in sporthal De Wetering",
        "In september vroeg het COA of wij binnen drie weken 150 plekken konden bieden. Het college "
        "koos voor sporthal De Wetering, voor zes maanden. De bijeenkomst voor omwonenden in het "
        "buurthuis trok ruim 300 mensen; er waren er 120 verwacht. Al na tien minuten werd de "
        "burgemeester uitgefloten en konden vragen niet meer worden beantwoord.\n\n"
        "Wat we achteraf anders hadden gedaan: geen plenaire zaal maar een inloop met tafels "
        "(veiligheid, school, sportclubs, COA), vooraf een brief met de feiten bij de mensen in de "
        "straten rond de sporthal, en de beheerder van de sporthal zelf aan het woord. Een deel van "
        "de boosheid ging niet over de vluchtelingen maar over de sportverenigingen die hun zaal "
        "kwijtraakten. Daar hadden we eerder een oplossing voor moeten zoeken.",
    ),
    "opvang_klankbord": (
        "Een half jaar klankbordgroep bij de opvanglocatie aan de Parallelweg",
        "Sinds de opening van de opvanglocatie komt elke zes weken een klankbordgroep bijeen: acht "
        "buren, de locatiemanager van het COA, de wijkagent, een medewerker van de gemeente en twee "
        "bewoners van de locatie. Signalen over fietsen in de berm, drukte bij de supermarkt en "
        "geluid 's avonds worden daar besproken en binnen twee weken opgepakt.\n\n"
        "Les: de eerste maanden ging het vooral over overlast; nu komen er ook initiatieven uit, "
        "zoals een taalcafé en een gezamenlijke schoonmaakactie. Het helpt dat dezelfde mensen "
        "steeds aan tafel zitten en dat we terugkoppelen wat er met een melding is gebeurd.",
    ),
    "opvang_amv": (
        "Kleinschalige woonvoorziening voor alleenstaande minderjarige vreemdelingen",
        "In een voormalig kantoorpand wonen sinds het voorjaar 24 jongens van 15 tot 17 jaar die "
        "zonder ouders naar Nederland kwamen. Begeleiding 24 uur per dag door een jeugdzorgaanbieder. "
        "In de buurt gingen verhalen rond over diefstal die niet klopten. We nodigden de buren uit "
        "voor een kop koffie op de locatie, waar ze de jongens en de mentoren konden ontmoeten. "
        "Een paar jongens voetballen nu bij de plaatselijke club. Voogdij ligt bij Nidos; met hen "
        "maakten we afspraken over school en vrije tijd.",
    ),
    "woning_flexwoningen": (
        "Flexwoningen op het oude sportpark: wie komt er wonen?",
        "De gemeente laat 60 verplaatsbare woningen bouwen voor mensen die snel een dak boven hun "
        "hoofd nodig hebben: gescheiden ouders, jongeren die uit de jeugdzorg komen, "
        "arbeidsmigranten en vergunninghouders. In de wijk ontstond het beeld dat 'de nieuwkomers "
        "voorgaan'. Op sociale media werd het project 'het azc van de wethouder' genoemd.\n\n"
        "We hebben de toewijzing openbaar gemaakt: een derde voor statushouders, twee derde voor "
        "andere woningzoekenden uit de eigen gemeente. Omwonenden mochten meedenken over de "
        "inrichting van het terrein. De toon werd milder toen bleek dat ook kinderen van "
        "buurtbewoners er kans maakten.",
    ),
    "woning_dorp_starters": (
        "Jonge dorpsbewoners kunnen niet blijven: casus Oosterhoeve",
        "In Oosterhoeve zijn in tien jaar nauwelijks woningen gebouwd. Jonge stellen vertrekken naar "
        "de stad, de voetbalclub krijgt geen elftal meer rond en de basisschool krimpt. Bij het "
        "dorpsoverleg viel het woord 'vergeten dorp'. Tegelijk was er verzet tegen nieuwbouw aan "
        "de rand van het dorp vanwege het uitzicht.\n\n"
        "Met de dorpsraad zijn we een traject gestart voor een kleine uitbreiding met "
        "starterswoningen en een zelfbouwkavel, met voorrang voor mensen met een binding met het "
        "dorp. Belangrijk: de tegenstanders zaten vanaf het begin aan tafel.",
    ),
    "jongeren_drill": (
        "Drillvideo's en ruzie tussen twee groepen jongeren",
        "Na een steekincident in de zomer zagen jongerenwerkers dat twee groepen uit verschillende "
        "wijken elkaar via muziekclips online uitdaagden. De teksten noemden straten en namen. "
        "Samen met politie, leerplicht en het jongerenwerk hebben we per jongere gekeken wie hem "
        "het beste kan bereiken. Een rapper uit de stad gaf workshops over teksten schrijven zonder "
        "te dreigen. Ouders kregen een avond over wat hun kinderen online zien. Het aantal "
        "incidenten daalde, maar de clips blijven een bron van spanning.",
    ),
    "jongeren_klas": (
        "Docenten handelingsverlegen na het oplaaien van het conflict in Gaza",
        "Leraren van twee middelbare scholen meldden dat lessen ontspoorden: leerlingen "
        "schreeuwden, er vielen scheldwoorden en sommige docenten vermeden het onderwerp helemaal. "
        "De gemeente bood via het onderwijsnetwerk een training aan over het voeren van een "
        "moeilijk gesprek in de klas, met ruimte voor emoties en duidelijke grenzen. Ook een "
        "imam en een rabbijn uit de regio vertelden samen over hun samenwerking. Docenten willen "
        "vooral praktische zinnen die ze morgen kunnen gebruiken.",
    ),
    "wind_participatie": (
        "Omgevingsdialoog over drie windturbines langs de provinciale weg",
        "Een energiecoöperatie en een projectontwikkelaar willen drie turbines van 200 meter "
        "plaatsen. De gemeente eist dat omwonenden kunnen meedoen: 50 procent lokaal eigendom en "
        "een omgevingsfonds van 0,50 euro per megawattuur. In de gesprekken bleek dat mensen niet "
        "tegen duurzame energie zijn, maar wel tegen het gevoel dat 'de polder vol wordt gezet' "
        "door bedrijven van buiten.\n\n"
        "We organiseerden keukentafelgesprekken met de bewoners binnen 1.200 meter. Wat werkte: "
        "een onafhankelijke procesbegeleider, en open zijn over wat niet meer te veranderen is.",
    ),
    "wind_gezondheid": (
        "Slagschaduw, geluid en slaap: avond met de GGD",
        "Bewoners van het buitengebied maakten zich zorgen over de gevolgen van de geplande "
        "molens voor hun gezondheid. Op Facebook circuleerden filmpjes over 'ziek van "
        "laagfrequent geluid'. Wij vroegen de GGD om een avond te verzorgen over wat wel en niet "
        "bekend is. De medisch milieukundige legde uit dat vooral hinder en slaapverstoring "
        "voorkomen. Bewoners waardeerden dat hun klachten serieus werden genomen. Afspraak: er "
        "komt een meldpunt en een stilstandvoorziening bij slagschaduw.",
    ),
    "stikstof_trekkers": (
        "Honderden tractoren voor het gemeentehuis: hoe we het protest ontvingen",
        "Op een dinsdagochtend reden ruim 300 trekkers de stad in, uit protest tegen de "
        "stikstofplannen van het Rijk. De burgemeester besloot het protest niet te verbieden maar "
        "wel af te spreken waar de voertuigen konden staan. De wethouder landbouw ging met een "
        "delegatie in gesprek en nam een petitie in ontvangst. Wegen naar het ziekenhuis bleven "
        "vrij. Les: de gemeente gaat niet over het stikstofbeleid, maar inwoners zien haar wel als "
        "eerste overheid. Benoem wat u kunt doen en wat niet.",
    ),
    "stikstof_keukentafel": (
        "Keukentafelgesprekken met agrariërs over het gebiedsprogramma",
        "De provincie werkt aan een gebiedsprogramma rond het Natura 2000-gebied. Veel "
        "veehouders voelen zich weggezet als vervuiler. Onze plattelandscoördinator bezocht 40 "
        "boerenbedrijven. Het ging over de toekomst van het bedrijf, opvolging, schulden en de "
        "angst om onteigend te worden. Sommige gezinnen waren overbelast; we verwezen door naar "
        "Zorg om Boer en Tuinder. De signalen hebben we gebundeld voor de provincie. Lesson: begin "
        "met luisteren, niet met kaarten en rekenmodellen.",
    ),
    "desinfo_5g": (
        "Zendmast in brand gestoken na berichten over 5G",
        "In april werd een mast aan de rand van de wijk in brand gestoken. In lokale Telegramgroepen "
        "werd al weken beweerd dat de nieuwe antennes mensen ziek maakten en dat de gemeente "
        "'meewerkte aan een plan'. De politie deed onderzoek; de gemeente plaatste samen met de "
        "GGD een uitleg over straling en frequenties op de website. We merkten dat feiten alleen "
        "weinig doen bij mensen die de overheid al niet vertrouwen. Een huisarts uit het dorp die "
        "het verhaal vertelde, werd beter gehoord dan de gemeente.",
    ),
    "desinfo_protocol": (
        "Werkwijze communicatie bij onjuiste informatie die zich snel verspreidt",
        "Ons team communicatie werkt sinds vorig jaar met een vast stappenplan als er valse of "
        "misleidende berichten over de gemeente rondgaan. Stap 1: bepaal of het schade doet en "
        "hoe snel het zich verspreidt. Stap 2: reageer niet op elk bericht, maar zet één helder "
        "verhaal met de feiten op de eigen kanalen. Stap 3: informeer raadsleden en "
        "wijkmedewerkers zodat zij het juiste antwoord kunnen geven. Stap 4: houd bij welke "
        "verhalen terugkomen. Het stappenplan is getest in een oefening met de veiligheidsregio.",
    ),
    "sleutel_bruggenbouwers": (
        "Informele leiders uit de gemeenschappen als bruggenbouwers",
        "In onze stad wonen grote Turkse, Marokkaanse, Syrische en Eritrese gemeenschappen. Via "
        "moskeebesturen, zelforganisaties en winkeliers hebben we 25 mensen gevonden die in hun "
        "kring gezag hebben. Zij horen eerder dan wij wat er speelt en kunnen, als het nodig is, "
        "rust brengen. Ze krijgen een kleine vergoeding en twee keer per jaar een "
        "trainingsdag. Belangrijk is dat zij geen verlengstuk van de politie worden: het gaat om "
        "wederzijds vertrouwen.",
    ),
    "sleutel_onderhoud": (
        "Les: een netwerk van sleutelfiguren heeft onderhoud nodig",
        "Drie jaar na de start waren van de 30 sleutelfiguren nog 12 actief. Ze hoorden nooit wat "
        "er met hun signalen gebeurde en de contactpersoon bij de gemeente was twee keer "
        "gewisseld. We hebben nu één vast aanspreekpunt, een appgroep, een jaarlijkse bijeenkomst "
        "met de burgemeester en we laten na elk signaal binnen een week iets terughoren. Het "
        "netwerk groeit weer.",
    ),
    "wijk_buurtpreventie": (
        "Buurtpreventie, wijkagent en wijkteam werken samen in de Vogelbuurt",
        "Na een reeks inbraken richtten bewoners een buurtpreventieteam op met een WhatsApp-groep. "
        "De groep werd al snel een plek voor verdachtmakingen tegen nieuwe bewoners met een "
        "migratieachtergrond. Met de wijkagent en de beheerders hebben we spelregels opgesteld: "
        "meld gedrag, geen uiterlijk. De wijkagent is lid van de groep. Het wijkteam sluit aan "
        "bij de maandelijkse ronde. Sindsdien gaat het gesprek meer over de buurt zelf.",
    ),
    "wijk_integraal": (
        "Integrale wijkaanpak in Rivierenkwartier: tien jaar investeren",
        "Het Rivierenkwartier scoort laag op leefbaarheid: veel armoede, schulden, eenzaamheid en "
        "criminaliteit. De gemeente, twee woningcorporaties, zorgaanbieders, scholen en de politie "
        "hebben een wijkakkoord gesloten voor tien jaar. Bewoners zitten in de stuurgroep. Eerste "
        "resultaten: een huiskamer in de wijk, schuldhulp aan de keukentafel en een plan voor "
        "renovatie van 400 portiekflats. Lastig blijft dat iedere partner eigen budgetten en "
        "verantwoording heeft.",
    ),
    "herdenking_4mei": (
        "Dodenherdenking: discussie over wie een krans mag leggen",
        "Het comité 4 mei kreeg het verzoek om ook slachtoffers van latere oorlogen te herdenken, "
        "waaronder burgers in het Midden-Oosten. Daarop volgden boze reacties. De burgemeester "
        "sprak met het comité, veteranen, de joodse gemeenschap en de initiatiefnemers. Besloten "
        "werd de plechtigheid te houden zoals zij is, met twee minuten stilte, en op een andere "
        "dag een gesprek te organiseren over wat herdenken voor verschillende groepen betekent. "
        "De herdenking verliep in stilte; er waren extra boa's aanwezig.",
    ),
    "herdenking_ketikoti": (
        "Keti Koti: het slavernijverleden samen met de gemeenschap herdenken",
        "Voor het eerst organiseerde de gemeente op 1 juli een herdenking en viering. Een "
        "werkgroep van Surinaamse en Antilliaanse inwoners bepaalde het programma. Er was kritiek "
        "van inwoners die vonden dat 'het verleden moet rusten'. We kozen ervoor het gesprek daarover "
        "niet uit de weg te gaan: een dialoogtafel na afloop, met een historicus. Volgend jaar "
        "betrekken we ook scholen.",
    ),
    "sinterklaas_intocht": (
        "Intocht van de Sint zonder ongelukken: afspraken met actiegroepen",
        "Elk jaar spanning rond de intocht: actievoerders tegen Zwarte Piet en een groep die de "
        "traditie wil verdedigen. Vorig jaar werd een vreedzaam protest bekogeld met eieren. Dit "
        "jaar hebben we beide groepen apart uitgenodigd, vaste plekken op afstand van de route "
        "aangewezen en met het intochtcomité afgesproken dat er alleen schoorsteenpieten meelopen. "
        "Kinderen merkten niets van de spanning; de politie hoefde niet in te grijpen.",
    ),
    "moskee_uitbreiding": (
        "Uitbreiding van de moskee: bezwaren uit de straat",
        "De moskeevereniging wil een tweede verdieping en een minaret van 15 meter. Er kwamen 80 "
        "zienswijzen binnen, over parkeren en drukte op vrijdag, maar ook met teksten over "
        "'islamisering'. We splitsten de ruimtelijke bezwaren van de rest: over parkeren en verkeer "
        "zijn nieuwe afspraken gemaakt. Het moskeebestuur hield een open dag en een buurtontbijt. "
        "De gemeente sprak zich uit tegen discriminerende reacties, zonder de zorgen over verkeer "
        "weg te zetten.",
    ),
    "kerk_herbestemming": (
        "De dorpskerk wordt appartementen: verdriet in het dorp",
        "Het kerkbestuur kon het gebouw niet meer onderhouden en verkocht het aan een ontwikkelaar. "
        "Veel dorpsgenoten, ook wie nooit naar de kerk ging, voelden het als het verlies van het "
        "hart van het dorp. Er werd een petitie gestart en er ontstond ruzie tussen oude "
        "families en nieuwe inwoners. De gemeente bemiddelde: de toren en de klok blijven, en in "
        "het voormalige koor komt een ontmoetingsruimte voor het dorp.",
    ),
    "demo_draaiboek": (
        "Draaiboek demonstraties: de rol van de burgemeester",
        "De burgemeester beschermt het recht om te demonstreren en kan alleen beperkingen opleggen "
        "om de gezondheid, het verkeer of wanorde te voorkomen, niet vanwege de inhoud. Ons "
        "draaiboek: melding ontvangen, kennismakingsgesprek met de organisator, afstemmen met "
        "politie, afspraken over plek en tijd op papier, tijdens de manifestatie een contactpersoon "
        "van de gemeente ter plaatse, en een evaluatie achteraf. Voorbeelden van voorschriften en "
        "een model-brief zitten in de bijlage.",
    ),
    "demo_tegenprotest": (
        "Twee manifestaties op één plein: koranverscheuring en tegenprotest",
        "Een activist kondigde aan op de markt een koran te willen verscheuren. Moslimorganisaties "
        "en antiracismegroepen meldden een tegendemonstratie. De burgemeester stond beide toe, op "
        "gescheiden plekken met hekken en politie ertussen. Vooraf sprak de gemeente met de "
        "moskeebesturen, die hun achterban opriepen weg te blijven. Na afloop ging een "
        "bijeenkomst in het stadhuis over wat vrijheid van meningsuiting en respect voor geloof "
        "voor ons samen betekenen.",
    ),
    "raad_geschorst": (
        "Raadsvergadering geschorst na verstoring vanaf de publieke tribune",
        "Tijdens het debat over de opvang van asielzoekers riepen mensen op de tribune leuzen en "
        "werden raadsleden uitgescholden. De voorzitter schorste de vergadering en liet de tribune "
        "ontruimen. Later bleek dat oproepen om te komen in een landelijke Telegramgroep waren "
        "verspreid. De griffie heeft nu een protocol voor orde in de raadszaal met de bode, "
        "beveiliging en politie, en de vergadering wordt bij onrust buiten de zaal via een scherm "
        "gevolgd.",
    ),
    "raad_insprekers": (
        "Spelregels voor insprekers en bezoekers van de raad",
        "Iedereen mag bij een commissievergadering vijf minuten inspreken. Na incidenten met "
        "beledigingen heeft de raad het reglement van orde aangepast: aanmelden vooraf, geen "
        "borden of spandoeken in de zaal, en de voorzitter mag het woord ontnemen. De griffier "
        "belt insprekers vooraf om uit te leggen wat er met hun inbreng gebeurt. Dat gesprek "
        "haalt vaak al veel spanning weg.",
    ),
    "bestuurder_bedreigd": (
        "Wethouder bedreigd na besluit over opvang: wat we hebben geregeld",
        "Na het besluit over een opvanglocatie kreeg de wethouder berichten met doodsbedreigingen "
        "en stond er 's nachts iemand bij zijn huis. De burgemeester deed samen met hem aangifte. "
        "Politie en de gemeente zorgden voor beveiligingsmaatregelen aan huis en een vaste "
        "contactpersoon. Zijn gezin kreeg nazorg. Wij hebben een protocol gemaakt voor "
        "bestuurders en raadsleden die worden bedreigd, met een telefoonnummer dat 24 uur per dag "
        "bereikbaar is.",
    ),
    "bestuurder_weerbaar": (
        "Weerbaar bestuur: training voor raadsleden over online intimidatie",
        "Steeds meer raadsleden krijgen haatberichten via X, Instagram en e-mail, vooral vrouwen en "
        "raadsleden met een migratieachtergrond. Sommigen overwegen te stoppen. De griffie "
        "organiseerde met het netwerk Weerbaar Bestuur een training: hoe herkent u wat strafbaar "
        "is, hoe legt u berichten vast, wanneer doet u aangifte en hoe beschermt u uw "
        "persoonsgegevens. Raadsleden vonden het steunend om ervaringen met elkaar te delen.",
    ),
    "agressie_medewerkers": (
        "Agressie tegen baliemedewerkers en handhavers",
        "Het aantal meldingen van agressie tegen medewerkers aan de balie, bij de "
        "klantcontactcentrale en tegen onze boa's is in twee jaar verdubbeld. We voerden de "
        "norm 'veilig werken' in: elke uitschelding wordt gemeld, de leidinggevende belt dezelfde "
        "dag, en de gemeente verhaalt schade op de dader. Medewerkers volgen een training "
        "de-escalatie. Handhavers werken in het donker altijd met twee.",
    ),
    "methode_polen": (
        "Methodenotitie: positie kiezen als gemeente tussen twee polen",
        "Bij een heftige tegenstelling voelen ambtenaren de druk om een kant te kiezen. Volgens het "
        "denkkader van Bart Brandsma versterkt dat de tegenstelling. Deze notitie beschrijft vier "
        "verschuivingen: niet naar de polen maar naar het midden kijken, het onderwerp veranderen "
        "van het conflict naar de onderliggende zorgen, de toon veranderen van beschuldigen naar "
        "vragen, en niet alleen de leiders van de polen uitnodigen. Met voorbeelden uit onze "
        "eigen praktijk.",
    ),
    "methode_bibliotheek": (
        "Lessen uit vijf jaar gespreksavonden in de bibliotheek",
        "Sinds 2021 organiseren bibliotheek en gemeente maandelijks een avond waarop inwoners "
        "met elkaar in gesprek gaan over een onderwerp dat schuurt: wonen, klimaat, vaccinatie, "
        "migratie. Lessen: kleine groepen van acht, een getrainde gespreksleider per tafel, geen "
        "wethouder die komt uitleggen, vooraf afspraken over luisteren. Mensen komen vaker terug "
        "als ze merken dat er echt naar hen geluisterd wordt. Moeilijk blijft het om mensen die "
        "het niet met ons eens zijn binnen te krijgen.",
    ),
    "les_communicatie": (
        "Les: vertel het de buren voordat het in de krant staat",
        "Bij drie gevoelige besluiten lazen omwonenden het eerst in de krant of op Facebook. Dat "
        "gaf het gevoel dat alles al besloten was en achter hun rug om. Onze regel nu: wie het "
        "meest geraakt wordt, hoort het als eerste, persoonlijk of met een brief aan huis, daarna "
        "de raad, daarna de pers. Plan de communicatie mee vanaf het eerste moment en leg uit wat "
        "nog open ligt.",
    ),
    "vertrouwen_corona": (
        "Na de coronajaren: een groep inwoners heeft afgehaakt",
        "In het sociaal-wijkonderzoek zegt een op de vijf inwoners weinig of geen vertrouwen meer te "
        "hebben in de gemeente en het Rijk. Tijdens de pandemie zijn contacten verbroken: mensen "
        "die zich niet lieten vaccineren voelden zich buitengesloten. Zij komen niet meer naar "
        "inspraakavonden en reageren niet op enquêtes. We zoeken hen op via verenigingen, de "
        "markt en huisbezoeken, en we proberen beloften kleiner te maken zodat we ze kunnen nakomen.",
    ),
    "lhbti_vlag": (
        "Regenboogvlag bij het gemeentehuis drie keer vernield",
        "Tijdens de Coming Out-week hing de regenboogvlag aan de mast bij het gemeentehuis. Hij werd "
        "drie keer naar beneden gehaald en verbrand. Op sociale media werd de gemeente verweten "
        "'een ideologie op te dringen'. De burgemeester ging het gesprek aan met jongeren uit de "
        "buurt en met de plaatselijke kerken. Roze organisaties kregen ondersteuning voor een "
        "veiligere Pride. De vlag hangt er volgend jaar weer.",
    ),
    "drag_voorlezen": (
        "Voorleesmiddag met een dragartiest: protest bij de bibliotheek",
        "De bibliotheek organiseerde een voorleesmiddag met een dragartiest voor kinderen. Een "
        "landelijke actiegroep riep op tot protest; ouders werden online uitgescholden. Met de "
        "bibliotheek en de politie hebben we de middag laten doorgaan, met beveiliging bij de "
        "ingang en een plek voor demonstranten aan de overkant. Achteraf gesprekken met "
        "bezorgde ouders uit de wijk die wel vragen hadden maar niet met de actiegroep wilden "
        "worden vereenzelvigd.",
    ),
    "arbeidsmigranten": (
        "Huisvesting van arbeidsmigranten op het bedrijventerrein",
        "Distributiecentra in de regio werken met duizenden Poolse, Roemeense en Bulgaarse "
        "werknemers. Ze wonen vaak met te veel in een rijtjeshuis, wat overlast en ergernis in "
        "wijken geeft. De gemeente staat nu huisvesting toe op een bedrijventerrein, met eisen aan "
        "beheer en kwaliteit. Werkgevers betalen mee. In de wijken blijft het "
        "gevoel dat 'er steeds meer vreemden komen'; we organiseren ontmoetingen via de "
        "sportclubs.",
    ),
    "spanningsmonitor": (
        "Spanningsmonitor: signalen uit de wijken op één plek",
        "Signalen over spanningen kwamen binnen bij wijkagenten, jongerenwerk, corporaties en het "
        "klantcontactcentrum, maar niemand had het overzicht. Eens per maand vult elke partner nu "
        "een korte vragenlijst in per wijk. Het team openbare orde maakt er een kaart van met een "
        "kleur per wijk en bespreekt de rode wijken in het driehoeksoverleg. Zo zagen we de onrust "
        "rond de flexwoningen al weken voordat het in de raad kwam.",
    ),
    "jaarwisseling": (
        "Jaarwisseling: vernielingen en geweld tegen hulpverleners",
        "Tijdens oud en nieuw werden brandweerlieden en ambulancepersoneel in de wijk Zuid bekogeld "
        "met vuurwerk. Bushokjes en afvalbakken werden vernield. We hielden een evaluatie met "
        "bewoners, jongerenwerk en hulpdiensten. Voor dit jaar: een vuurwerkvrije zone, een "
        "alternatief programma voor jongeren in het buurthuis, en ouders die als buurtvaders op "
        "straat staan.",
    ),
    # plain municipal news: distractors
    "nieuws_afval": (
        "Nieuw ophaalschema voor gft en restafval",
        "Vanaf 1 januari wordt het restafval eens in de vier weken opgehaald en gft elke twee "
        "weken. De afvalkalender staat in de app. Grofvuil kunt u gratis afleveren bij het "
        "afvalbrengstation, vier keer per jaar.",
    ),
    "nieuws_begroting": (
        "Begroting 2027: lasten stijgen beperkt",
        "Het college presenteert een sluitende begroting. De onroerendezaakbelasting stijgt met de "
        "inflatie. Er gaat extra geld naar onderhoud van wegen en naar de jeugdzorg. De raad "
        "behandelt de begroting op 6 november.",
    ),
    "nieuws_wegwerk": (
        "Werkzaamheden aan de Rijksstraatweg",
        "Van 3 tot en met 28 maart wordt het asfalt van de Rijksstraatweg vernieuwd. Het verkeer "
        "wordt omgeleid via de Molenweg. Bussen rijden een aangepaste route. Fietsers kunnen er "
        "wel langs.",
    ),
    "nieuws_bibliotheek": (
        "Bibliotheek langer open op zaterdag",
        "Vanaf februari is de bibliotheek op zaterdag open tot 17.00 uur. Er komt een "
        "studieplek-reservering voor scholieren in de examenperiode en een spreekuur van het "
        "Digitaal Hulpplein.",
    ),
    "nieuws_kunstgras": (
        "Nieuw kunstgrasveld voor voetbalvereniging SVW",
        "De gemeente legt deze zomer een nieuw kunstgrasveld aan bij het sportpark. De oude mat "
        "wordt gerecycled. De vereniging kan het veld vanaf september gebruiken voor trainingen "
        "en wedstrijden.",
    ),
    "nieuws_subsidie": (
        "Subsidie voor isolatie en zonnepanelen",
        "Woningeigenaren kunnen tot 2.500 euro subsidie krijgen voor isolatie, een warmtepomp of "
        "zonnepanelen. Het Energieloket geeft gratis advies aan huis. Aanvragen kan tot het "
        "budget op is.",
    ),
    "nieuws_paspoort": (
        "Paspoort of identiteitskaart aanvragen: maak online een afspraak",
        "Voor een paspoort of identiteitskaart maakt u online een afspraak. Neem een pasfoto en "
        "uw oude document mee. Het nieuwe document ligt na vijf werkdagen klaar.",
    ),
    "nieuws_koningsdag": (
        "Koningsdag: vrijmarkt en spelletjes in het centrum",
        "Op Koningsdag is er een vrijmarkt in de binnenstad van 8.00 tot 15.00 uur. Op het "
        "Raadhuisplein zijn er spelletjes voor kinderen en het muziekkorps speelt om 11.00 uur. "
        "Het centrum is afgesloten voor auto's.",
    ),
}

# query -> {item key: grade}; written after the items, in other words.
JUDGEMENTS: dict[str, dict[str, int]] = {
    "hoe ga ik om met boze omwonenden bij een nieuw asielzoekerscentrum": {
        "opvang_sporthal": 3,
        "opvang_klankbord": 2,
        "les_communicatie": 2,
        "raad_geschorst": 1,
    },
    "azc buren betrekken na de opening": {"opvang_klankbord": 3, "opvang_sporthal": 1},
    "AMV opvang in de wijk": {"opvang_amv": 3},
    "jonge asielzoekers zonder ouders": {"opvang_amv": 3},
    "tijdelijke woningen voor mensen met een urgente woonvraag": {
        "woning_flexwoningen": 3,
        "arbeidsmigranten": 1,
        "woning_dorp_starters": 1,
    },
    "voorrang vergunninghouders woningtoewijzing onrust": {"woning_flexwoningen": 3},
    "jongeren trekken weg uit het dorp door gebrek aan huizen": {"woning_dorp_starters": 3},
    "woningtekort op het platteland": {"woning_dorp_starters": 3, "woning_flexwoningen": 1},
    "rivaliserende jeugdgroepen en muziekclips": {"jongeren_drill": 3},
    "drill rap": {"jongeren_drill": 3},
    "leerkrachten weten niet hoe ze het gesprek over de oorlog moeten voeren": {"jongeren_klas": 3},
    "omwonenden laten meeprofiteren van windenergie": {"wind_participatie": 3, "wind_gezondheid": 1},
    "gezondheidsklachten door windmolens": {"wind_gezondheid": 3, "wind_participatie": 1},
    "trekkers in de stad": {"stikstof_trekkers": 3, "stikstof_keukentafel": 1, "demo_draaiboek": 1},
    "in gesprek met boeren over natuurbeleid": {"stikstof_keukentafel": 3, "stikstof_trekkers": 1},
    "complottheorie over straling van telefoonmasten": {"desinfo_5g": 3, "desinfo_protocol": 1},
    "fake news weerleggen als gemeente": {"desinfo_protocol": 3, "desinfo_5g": 2},
    "desinformatie": {"desinfo_protocol": 3, "desinfo_5g": 3},
    "informele leiders in migrantengemeenschappen": {"sleutel_bruggenbouwers": 3, "sleutel_onderhoud": 2},
    "contact met sleutelpersonen onderhouden": {"sleutel_onderhoud": 3, "sleutel_bruggenbouwers": 2},
    "buurtapp en wijkagent": {"wijk_buurtpreventie": 3, "spanningsmonitor": 1},
    "achterstandswijk aanpakken samen met de woningcorporatie": {
        "wijk_integraal": 3,
        "wijk_buurtpreventie": 1,
    },
    "onrust rond de kranslegging op 4 mei": {"herdenking_4mei": 3},
    "herdenken van de slavernij": {"herdenking_ketikoti": 3},
    "protest tegen zwarte piet bij de sinterklaasintocht": {"sinterklaas_intocht": 3},
    "bezwaren tegen de uitbreiding van een gebedshuis": {"moskee_uitbreiding": 3, "kerk_herbestemming": 1},
    "kerkgebouw krijgt een nieuwe bestemming": {"kerk_herbestemming": 3},
    "wet openbare manifestaties": {"demo_draaiboek": 3, "demo_tegenprotest": 2, "stikstof_trekkers": 1},
    "betoging en tegendemonstratie tegelijk": {"demo_tegenprotest": 3, "demo_draaiboek": 2},
    "publiek verstoort de gemeenteraad": {"raad_geschorst": 3, "raad_insprekers": 2},
    "regels voor inspreken tijdens de raadsvergadering": {"raad_insprekers": 3, "raad_geschorst": 2},
    "wethouder met de dood bedreigd": {"bestuurder_bedreigd": 3, "bestuurder_weerbaar": 2},
    "intimidatie van politici op sociale media": {
        "bestuurder_weerbaar": 3,
        "bestuurder_bedreigd": 2,
        "raad_geschorst": 1,
    },
    "boa's uitgescholden": {"agressie_medewerkers": 3, "jaarwisseling": 1},
    "hoe blijf ik neutraal tussen twee kampen": {"methode_polen": 3, "methode_bibliotheek": 1},
    "goede dialoogavonden organiseren": {
        "methode_bibliotheek": 3,
        "methode_polen": 1,
        "herdenking_ketikoti": 1,
    },
    "in welke volgorde informeer ik bewoners, raad en pers": {"les_communicatie": 3, "opvang_sporthal": 1},
    "inwoners die de overheid niet meer vertrouwen na corona": {"vertrouwen_corona": 3, "desinfo_5g": 1},
    "homovijandigheid": {"lhbti_vlag": 3, "drag_voorlezen": 2},
    "dragqueen leest voor aan kinderen": {"drag_voorlezen": 3, "lhbti_vlag": 1},
    "overlast van arbeidsmigranten in rijtjeshuizen": {"arbeidsmigranten": 3, "woning_flexwoningen": 1},
    "spanningen in wijken monitoren": {"spanningsmonitor": 3, "wijk_buurtpreventie": 1},
    "geweld tegen brandweer met oud en nieuw": {"jaarwisseling": 3, "agressie_medewerkers": 1},
    "ondermijning van de democratie door bedreiging van bestuurders": {
        "bestuurder_bedreigd": 3,
        "bestuurder_weerbaar": 3,
        "raad_geschorst": 2,
    },
    "moslimgemeenschap betrekken bij spanningen": {
        "demo_tegenprotest": 3,
        "moskee_uitbreiding": 2,
        "sleutel_bruggenbouwers": 2,
    },
    "feestdagen en tradities die schuren": {
        "sinterklaas_intocht": 3,
        "herdenking_ketikoti": 2,
        "herdenking_4mei": 2,
    },
    # descriptions without the items' own words
    "asielzoekers in een gymzaal": {"opvang_sporthal": 3, "opvang_klankbord": 1},
    "burgemeester uitgejouwd op een inspraakavond": {"opvang_sporthal": 3, "raad_geschorst": 1},
    "nieuwkomers met een verblijfsvergunning huisvesten": {"woning_flexwoningen": 3, "opvang_amv": 1},
    "agrarische sector boos op de overheid": {"stikstof_trekkers": 3, "stikstof_keukentafel": 3},
    "online haat tegen gemeenteraadsleden": {"bestuurder_weerbaar": 3, "bestuurder_bedreigd": 1},
    "hulpverleners belaagd": {"jaarwisseling": 3, "agressie_medewerkers": 1},
    "islamofobie": {"moskee_uitbreiding": 3, "demo_tegenprotest": 2},
    "Israël en de Palestijnen als onderwerp in de les": {"jongeren_klas": 3},
    "kwetsbare wijk met veel problemen": {"wijk_integraal": 3},
    "polarisatie": {"methode_polen": 3, "methode_bibliotheek": 1, "wijk_buurtpreventie": 1},
    "racisme rond het kinderfeest in december": {"sinterklaas_intocht": 3},
    "burgers die zelf surveilleren": {"wijk_buurtpreventie": 3},
}
