"""Part 4 of the knowledge search evaluation: a new held-out part, written on 2026-11-29.

Why: part 2 (eval_heldout.py) has been scored twice by earlier sessions and is from now on a
development part. This part was written by an author who did not read the search code (selectors,
index, text, thesaurus, brug/text/query.py), the tuning script or its results, nor the items and
queries of parts 2 and 3 (only their docstrings and data format). It is meant to judge, once, the
search improvements made after it was written, on data nobody tuned on.

How it was written: first the items, about 50 texts as municipalities and the expertise unit
write them in the knowledge base of a learning network on polarisation (cases, dilemmas,
successes, methods, tips, reports after sessions), in their own voice and of varying length, a
few with Markdown; five are ordinary municipal news that no query is about (distractors). Then,
without copying from the texts, the queries, as officers type them into a search box: short,
some questions, some typos and abbreviations, singular/plural and compound variants, and several
that describe an item in other words without sharing a word with it. Grades: 3 = what the officer
looks for, 2 = clearly useful, 1 = partly relevant; every item not named is 0.

Never tune on this part and never read its items, queries or per-query results to get ideas:
run it only to report (bench/knowledge/eval.py), once per round of changes.

Known limit: one author wrote both the items and the queries (items first), so this part is
independent of the search and of the earlier parts, not of its author.
"""

from __future__ import annotations

# key -> (title, body)
ITEMS: dict[str, tuple[str, str]] = {
    "sf_opzet": (
        "Zo zijn wij begonnen met een netwerk van sleutelfiguren",
        "## Aanleiding\n\n"
        "Na een paar onrustige maanden in Noord merkten we dat we als gemeente pas hoorden wat er speelde "
        "als het al op straat lag. De burgemeester vroeg om een netwerk van mensen die dichter bij de "
        "bewoners staan dan wij.\n\n"
        "## Hoe we het aanpakten\n\n"
        "- Eerst een visie op papier: waarvoor is het netwerk, en wat doet de gemeente wel en niet.\n"
        "- Steun van het college vooraf geregeld, inclusief een klein budget voor bijeenkomsten.\n"
        "- Begonnen met acht mensen: twee jongerenwerkers, de wijkagent, een imam, een voorzitter van "
        "een sportvereniging, een docent en twee actieve bewoners.\n"
        "- Met iedereen vooraf een persoonlijk gesprek: heb je er tijd voor, zit je al in andere "
        "netwerken, wat wil je er zelf mee?\n\n"
        "## Wat we leerden\n\n"
        "Klein beginnen werkte. Het eerste half jaar was vooral kennismaken en vertrouwen opbouwen. "
        "Pas daarna kwamen de eerste meldingen binnen, en die waren waardevol: we wisten eerder van "
        "een opkomend conflict tussen twee families dan de politie.",
    ),
    "sf_werving": (
        "Nieuwe mensen vinden voor ons sleutelfigurennetwerk: voorbij de usual suspects",
        "Ons netwerk bestond na drie jaar vooral uit mensen die de gemeente toch al kende: de vaste "
        "insprekers, bestuurders van zelforganisaties en professionals. Jongeren, vrouwen uit de "
        "Turkse gemeenschap en de nieuwe bewoners van de Havenbuurt ontbraken. We hebben een "
        "profiel gemaakt van wat we zoeken (toegang tot een groep, vertrouwd bij die groep, open "
        "voor andere meningen, geen eigen belang) en de huidige leden gevraagd wie zij kennen die "
        "daaraan voldoet. Via die sneeuwbal kwamen er zes nieuwe mensen bij. Tip: vraag niet 'wie "
        "is de vertegenwoordiger', maar 'naar wie luisteren mensen echt'.",
    ),
    "sf_onderhoud": (
        "Het netwerk levend houden: wat we na twee jaar anders doen",
        "Na twee jaar zagen we de opkomst bij de bijeenkomsten teruglopen en vielen er leden af. "
        "Uit een korte rondgang bleek waarom: mensen meldden iets en hoorden daarna nooit meer wat er "
        "mee gebeurd was. Nu koppelen we binnen een week terug, ook als het antwoord is dat we niets "
        "konden doen. Twee keer per jaar is er een training (dit jaar over omgaan met online haat en "
        "over gespreksvoering) en het netwerk kiest zelf de thema's voor de brede bijeenkomst. "
        "Wie stopt, krijgt een afscheidsgesprek; daar leren we veel van.",
    ),
    "sf_app": (
        "Dilemma: een appgroep met onze sleutelpersonen?",
        "Een aantal leden van ons netwerk vroeg om een WhatsApp-groep om snel signalen te kunnen "
        "delen. Handig, maar de functionaris gegevensbescherming was kritisch: in zo'n groep worden "
        "al snel namen genoemd en gevoelige gegevens gedeeld, bijvoorbeeld over geloof of afkomst, "
        "en de gemeente heeft er geen grip op. We kozen voor een tussenweg: een meldformulier zonder "
        "account voor signalen, en een groep alleen voor praktische zaken zoals data van "
        "bijeenkomsten. In de afspraken staat dat er in de groep geen personen besproken worden.",
    ),
    "azc_inloop": (
        "Inloopbijeenkomst over het asielzoekerscentrum in Westerbroek: wat goed ging",
        "Na de ervaringen in buurgemeenten wilden we geen zaalavond met een microfoon. We huurden de "
        "gymzaal van de basisschool en zetten zes tafels neer: veiligheid, onderwijs, zorg, het gebouw, "
        "werk en vrijwilligers, en een tafel 'zorgen en vragen' met de burgemeester. Het COA, de "
        "politie en de GGD waren er met mensen die konden antwoorden.\n\n"
        "Er kwamen ongeveer 400 inwoners. Er was boosheid, maar het bleef beheersbaar omdat niemand "
        "een podium had. Vragen die we niet konden beantwoorden schreven we op, en de antwoorden "
        "stonden twee weken later op de website en in het huis-aan-huisblad. Een groep omwonenden "
        "heeft zich daarna gemeld voor een klankbordgroep. Wat we anders zouden doen: de direct "
        "omwonenden een dag eerder apart uitnodigen, zij voelden zich nu gelijkgesteld aan mensen "
        "van ver buiten het dorp.",
    ),
    "azc_vechtpartij": (
        "Na de vechtpartij bij de supermarkt naast de noodopvang",
        "Op zaterdagmiddag raakten twee bewoners van de noodopvang slaags met een groep jongens uit het "
        "dorp bij de Jumbo. Binnen een uur ging er een filmpje rond met de tekst dat 'de asielzoekers "
        "een meisje hadden aangevallen', wat niet klopte. Wat we deden: de burgemeester stond binnen "
        "twee uur op het plein en sprak met winkeliers en omstanders, politie en gemeente brachten één "
        "gezamenlijk bericht uit met wat bekend was en wat nog niet, en de volgende avond was er een "
        "gesprek met de buurt in het dorpshuis. Het COA zette extra begeleiders in. De rust keerde "
        "binnen een week terug, maar de opvang blijft in het dorp een gevoelig onderwerp.",
    ),
    "oek_hotel": (
        "Ontheemden uit Oekraïne in hotel De Linde: spanningen over ongelijke behandeling",
        "In het voormalige hotel wonen sinds 2022 ruim honderd Oekraïners. In het begin was de "
        "steun in de gemeente groot. Na een jaar hoorden we steeds vaker dat 'zij alles krijgen' "
        "terwijl asielzoekers in de sporthal slapen en eigen inwoners geen huis kunnen vinden. Ook "
        "vanuit de Syrische gemeenschap kwam de vraag waarom er met twee maten wordt gemeten. We "
        "hebben in de wijkkrant uitgelegd welke regels voor wie gelden en waarom, en een "
        "ontmoetingsmiddag georganiseerd met Oekraïense en Syrische vrouwen. Het gevoel van "
        "oneerlijkheid is daarmee niet weg, maar het gesprek erover is milder geworden.",
    ),
    "oek_school": (
        "Tip: Oekraïense kinderen op school, betrek de ouders van de klas",
        "Op de Regenboogschool kwamen in één keer 22 Oekraïense leerlingen binnen. De school "
        "organiseerde een koffieochtend voor alle ouders met een tolk. Daardoor ontstonden "
        "speelafspraken en verdween het mopperen op het schoolplein grotendeels.",
    ),
    "desinfo_gerucht": (
        "Een vals gerucht over een aanranding: hoe wij het ontkrachtten",
        "Op een Facebookgroep van het dorp verscheen een bericht dat een vrouw in het park zou zijn "
        "aangerand door 'iemand van het azc'. Het bericht werd honderden keren gedeeld en er werd "
        "opgeroepen om 's avonds 'zelf te gaan patrouilleren'. De politie had geen melding en geen "
        "aangifte. We hebben samen met de politie één kort bericht gemaakt: er is geen melding, "
        "heeft u iets gezien, meld het dan bij de politie. De wijkagent plaatste het zelf in de groep, "
        "omdat hij daar bekend en vertrouwd is; een bericht van 'de gemeente' zou minder goed zijn "
        "ontvangen. De beheerder van de groep heeft het oorspronkelijke bericht daarna verwijderd.\n\n"
        "Les: snel zijn is belangrijker dan volledig zijn, en laat het bericht brengen door iemand "
        "die de mensen al vertrouwen. Herhaal de onjuiste bewering niet in de kop.",
    ),
    "online_privacy": (
        "Wat mogen we online volgen? Afspraken met onze FG",
        "Communicatie wilde na de onrust van vorig jaar dagelijks bijhouden wat er in lokale groepen "
        "werd geschreven. Samen met de functionaris gegevensbescherming hebben we de grens "
        "vastgelegd: we volgen openbare berichten over onderwerpen (opvang, windpark, "
        "vuurwerk), niet over personen of groepen. Geen nepaccounts, geen besloten groepen, geen "
        "lijsten met namen. Er is een verwerkingsregister en een DPIA. Deze afspraken staan ook in "
        "de uitleg op onze website.",
    ),
    "complot_gesprek": (
        "In gesprek blijven met inwoners die complotten geloven",
        "Bij ons spreekuur kwamen steeds vaker mensen die ervan overtuigd zijn dat 'de elite' of "
        "'Den Haag' een verborgen plan heeft, van de coronavaccins tot de 15-minutenstad. Onze "
        "ervaring: met feiten alleen kom je er niet, want het gaat vooral om gevoel en wantrouwen. "
        "Wat helpt is nieuwsgierige vragen stellen (waar maakt u zich het meest zorgen om?), "
        "erkennen wat klopt aan de zorg, en de relatie vasthouden. Zeg eerlijk waar je het niet mee "
        "eens bent, zonder te moraliseren. Het Handboek voor gesprekken over complotdenken van Pharos "
        "en de training van het ROR hielpen onze medewerkers.",
    ),
    "avondklok": (
        "Terugblik op de onrust na de invoering van de avondklok, januari 2021",
        "## Wat er gebeurde\n\n"
        "Op de tweede avond na de invoering van de avondklok verzamelden zich ongeveer 200 jongeren in "
        "het centrum. Er werden ruiten ingegooid, een politieauto in brand gestoken en winkels "
        "geplunderd. De burgemeester riep een noodbevel uit en de ME greep in.\n\n"
        "## Wat we leerden\n\n"
        "- Een deel van de jongeren kwam van buiten de stad, afgesproken via Snapchat en Telegram.\n"
        "- Veel lokale jongeren waren er 'om te kijken'; ouders en jongerenwerkers haalden de avond "
        "erna veel jongeren van straat.\n"
        "- Ondernemers voelden zich in de steek gelaten: maak vooraf afspraken met de "
        "winkeliersvereniging.\n"
        "- Na afloop hebben we met jongeren gesproken. De boosheid ging veel breder dan de "
        "avondklok: geen werk, geen plek, het gevoel dat niemand naar hen luistert.",
    ),
    "demo_raad": (
        "Demonstratie bij het gemeentehuis tijdens de raadsvergadering over de opvang",
        "Tijdens de raadsvergadering over de komst van een opvanglocatie stonden er zo'n 300 "
        "mensen voor het gemeentehuis. Er werd met vuurwerk gegooid en een deel probeerde naar "
        "binnen te komen. De vergadering is geschorst en later zonder publiek voortgezet. Achteraf: "
        "de kennisgeving van de demonstratie was wel binnen, maar we hadden te weinig oog voor de "
        "oproepen op Telegram. Het recht om te demonstreren staat voorop; voortaan maken we per "
        "gevoelige raadsvergadering een risico-inschatting met politie en OOV en spreken we vooraf "
        "met de organisatoren over de plek en de tijd.",
    ),
    "boeren": (
        "Trekkers op de provinciale weg: de boerenacties en ons dorp",
        "Bij de acties tegen het stikstofbeleid stonden honderden trekkers op de N-weg en bij het "
        "provinciehuis. In ons dorp, waar veel families van de landbouw leven, was de steun groot. "
        "Tegelijk waren er inwoners die zich geïntimideerd voelden door de mestdumpingen en de "
        "brandende hooibalen langs de snelweg, en een raadslid kreeg een trekker voor de deur. "
        "We hebben de boeren uit onze gemeente uitgenodigd voor een gesprek met de wethouder over "
        "wat de gemeente wel en niet kan, want de besluiten liggen in Den Haag en bij de provincie. "
        "Dat gesprek werd gewaardeerd: 'eindelijk luistert iemand'. Aandachtspunt: het gevoel dat "
        "de stad over het platteland beslist, zit diep.",
    ),
    "vlaggen": (
        "Omgekeerde vlaggen langs de weg: laten hangen of weghalen?",
        "Langs bijna elke weg in het buitengebied hangen al maanden vlaggen op zijn kop, als teken "
        "van protest. Een deel hangt aan lantaarnpalen en bruggen van de gemeente. Weghalen zou olie "
        "op het vuur zijn, laten hangen voelt voor andere inwoners alsof de gemeente partij kiest. "
        "Ons college besloot: vlaggen op eigen grond laten we met rust, bij gevaar voor het verkeer "
        "halen we ze weg, en we leggen dat uit. Het heeft weinig ophef gegeven.",
    ),
    "polarisatiekaart": (
        "Werksessie: een kaart van alle tegenstellingen in de wijk",
        "Met het wijkteam, de politie, het jongerenwerk en twee beleidsmedewerkers hebben we een "
        "middag lang de Bloemenbuurt in kaart gebracht. Eerst schreven we alle tegenstellingen "
        "tussen groepen op die we kennen (oude en nieuwe bewoners, jongeren en ouderen, huurders en "
        "kopers, de buurt en de gemeente) met de incidenten die daarbij horen. Daarna kozen we één "
        "tegenstelling en zetten we iedereen die erbij betrokken is op een rol: wie zet het aan, wie "
        "sluit zich aan, wie staat ertussen. Opvallend: de grootste groep, de mensen die er gewoon "
        "willen wonen, hadden we nog nooit gesproken. Duur: drie uur, met een begeleider van buiten.",
    ),
    "brandsma_moskee": (
        "De rollen van Brandsma toegepast op de ophef over de uitbreiding van de moskee",
        "Rond de bouwaanvraag voor de uitbreiding van de moskee aan de Vaart liep de discussie hoog "
        "op. In het leernetwerk hebben we de rollen van Bart Brandsma erop gelegd. De aanjagers aan "
        "beide kanten (een lokale partij en een paar jongeren die alles als moslimhaat bestempelen) "
        "kregen alle aandacht. De meelopers volgden. De grootste groep buurtbewoners zei niets, maar "
        "maakte zich wel zorgen over parkeren en drukte op vrijdag. Onze wethouder probeerde "
        "bruggenbouwer te zijn en werd door beide kanten aangevallen. We hebben daarna het gesprek "
        "verlegd naar de parkeerdruk, de vraag van de buurt zelf, en dat werkte.",
    ),
    "stille_midden": (
        "Tip: richt je op de middengroep, niet op de schreeuwers",
        "Onze neiging was om met de hardste stemmen in gesprek te gaan. Dat gaf ze juist een "
        "podium. Nu zoeken we de mensen op die zwijgen: wat is hun vraag, wat hebben zij nodig? "
        "De toon wordt daardoor rustiger en de flanken verliezen publiek.",
    ),
    "keukentafel": (
        "Honderd voordeurgesprekken in de Kanaalwijk",
        "Na een reeks inbraken en een steekpartij voelden veel bewoners van de Kanaalwijk zich niet "
        "meer veilig en zeiden ze dat 'de gemeente hier nooit komt'. In vier weken hebben "
        "medewerkers van de gemeente, de woningcorporatie en het welzijnswerk in tweetallen aangebeld "
        "bij honderd adressen. We vroegen niet naar problemen maar: wat is er goed aan wonen hier, wat "
        "moet beter, wat wilt u zelf doen? Veel mensen vertelden over eenzaamheid en over de "
        "onderlinge spanning tussen oudere bewoners en nieuwe gezinnen. Er kwamen twaalf mensen die "
        "iets wilden organiseren. Het belangrijkste effect volgens bewoners: 'eindelijk staat er "
        "iemand op de stoep'.",
    ),
    "gentrificatie": (
        "Havenbuurt: oude buurtbewoners en nieuwkomers met bakfietsen",
        "Sinds de nieuwbouw aan de kade wonen er veel jonge gezinnen met goede banen in de "
        "Havenbuurt. Oudere bewoners voelen zich verdrongen: de bakker is een koffiebar geworden, de "
        "huren stijgen, en bij het buurtfeest ging het opeens over zuurdesem. Er vielen woorden over "
        "'import' en 'achterlijke types'. Het buurthuis organiseerde een buurtmaaltijd waar mensen "
        "zelf een gerecht meebrachten en een verhalenproject over de geschiedenis van de haven. "
        "Dat bracht de groepen niet helemaal bij elkaar, maar er wordt weer gegroet.",
    ),
    "radi_jongere": (
        "Casus: een 16-jarige die extreemrechtse filmpjes deelt",
        "Een docent van het Vakcollege zag dat een leerling van 16 in de klassenapp filmpjes deelde "
        "met nazisymbolen en teksten over 'omvolking'. De school meldde het bij de gemeente. In het "
        "casusoverleg met de politie, leerplicht en het jongerenwerk besloten we eerst in gesprek "
        "te gaan met de ouders, niet met een strafrechtelijke aanpak te beginnen. De jongen bleek "
        "eenzaam en veel online te zitten in groepen op Telegram. Het jongerenwerk heeft hem "
        "gekoppeld aan een mentor en een sportclub. Na een half jaar is het delen gestopt. Let op: "
        "dit ging goed doordat de school er vroeg bij was en de ouders open stonden.",
    ),
    "radi_training": (
        "Training voor jongerenwerkers: online radicalisering herkennen",
        "Jongerenwerkers gaven aan dat ze weinig zicht hebben op wat jongeren online zien. Met het "
        "Platform JEP organiseerden we twee middagen over memes, gamingplatforms, influencers en de "
        "manosphere, en over het verschil tussen provoceren en echt afglijden. Ook kwam aan bod "
        "wanneer je iets deelt met de gemeente en wat er dan gebeurt. De deelnemers vonden vooral "
        "de casussen uit de praktijk nuttig.",
    ),
    "jw_politie": (
        "Afspraken tussen jongerenwerk en wijkagenten over het delen van informatie",
        "Jongerenwerkers en wijkagenten werken in dezelfde wijken, maar wantrouwden elkaar: de "
        "jongerenwerkers waren bang hun vertrouwensrelatie met jongeren te verliezen, de politie "
        "vond dat ze niets terughoorde. Onder leiding van de gemeente hebben we een "
        "samenwerkingsconvenant gemaakt. Daarin staat wat het jongerenwerk wel deelt (trends, "
        "spanningen tussen groepen, plekken) en niet (namen, tenzij er gevaar is). Er is elke maand "
        "een overleg en er zijn korte lijnen bij acute zaken. Het belangrijkste was dat ze elkaar "
        "persoonlijk leerden kennen.",
    ),
    "hangplek": (
        "Overlast van een jongerengroep bij winkelcentrum De Brink",
        "Al maanden klaagden ondernemers en bewoners over een groep jongens die 's avonds bij het "
        "winkelcentrum rondhing: scooters, harde muziek, lachgas, intimidatie van het personeel van "
        "de supermarkt. Op Facebook werd geroepen om een samenscholingsverbod en 'hard optreden'. "
        "We hebben niet alleen gehandhaafd. Het jongerenwerk zocht de jongens op en vroeg wat ze "
        "wilden: een plek om te zijn. Met de ondernemers en bewoners is een afspraak gemaakt over "
        "een overdekte plek bij het sportpark. Handhaving en politie bleven langsgaan. Na drie "
        "maanden waren de meldingen gehalveerd.",
    ),
    "moskee_open": (
        "Open dag bij de moskee na de bekladding",
        "Nadat de gevel van de Turkse moskee was beklad met leuzen, nodigde het bestuur de buurt uit "
        "voor een open dag met thee en rondleidingen. De burgemeester en de pastoor van de "
        "naastgelegen parochie waren erbij. Er kwamen 350 mensen, veel van hen waren nog nooit "
        "binnen geweest. Een mooi voorbeeld van hoe een gemeenschap zelf het initiatief neemt; "
        "de gemeente hielp alleen met de publiciteit.",
    ),
    "interreligieus": (
        "Ontbijt van kerken, moskeeën en de synagoge",
        "Sinds drie jaar organiseert de Raad van Kerken samen met twee moskeeën en de joodse "
        "gemeente een jaarlijks ontbijt. Na 7 oktober 2023 stond het op het spel: een van de "
        "moskeebesturen wilde niet meer aan tafel. Dankzij persoonlijke contacten tussen de "
        "voorgangers is het toch doorgegaan, in kleinere kring en zonder pers. Juist in tijden van "
        "spanning bleek het contact van waarde. De gemeente faciliteert, maar staat niet vooraan.",
    ),
    "regenboog": (
        "De regenboogvlag bij het gemeentehuis: reacties en hoe we ermee omgingen",
        "Op Coming Out Day hingen we, zoals elk jaar, de regenboogvlag uit. Dit jaar kwamen er "
        "tientallen boze mails en berichten, zowel uit orthodox-christelijke hoek als van mensen die "
        "vinden dat de gemeente 'neutraal' moet zijn. Ook werd de vlag 's nachts gestolen. De "
        "burgemeester heeft de afzenders een persoonlijke brief gestuurd: waarom de gemeente er voor "
        "iedereen is, ook voor lhbti-inwoners, en dat hij het gesprek wil voeren. Met twee kerken is "
        "er een gesprek geweest. Aangifte gedaan van de diefstal.",
    ),
    "dragqueen": (
        "Voorleesmiddag met een dragartiest in de bibliotheek: dreiging en protest",
        "De bibliotheek had een voorleesmiddag voor kinderen gepland met een dragartiest. Online "
        "volgde een storm van reacties, een oproep van een landelijke actiegroep om te komen "
        "demonstreren en een dreigbericht aan de bibliotheek. Dilemma voor de burgemeester: het "
        "evenement verbieden zou toegeven aan intimidatie, doorgaan vroeg veel politie. Het is "
        "doorgegaan met beveiliging en een demonstratievak op afstand. Er kwamen 20 demonstranten "
        "en 60 tegendemonstranten. Les: spreek vooraf met de organisator over veiligheid en laat "
        "hem niet alleen staan.",
    ),
    "kernteam": (
        "Ons kernteam maatschappelijke onrust: elke week signaleren, duiden en handelen",
        "Sinds 2023 komt elke dinsdag een klein kernteam bijeen: OOV, het sociaal domein, "
        "communicatie, de politie en het jongerenwerk. We werken in drie stappen. Beeldvorming: "
        "welke signalen zijn er binnengekomen, van sleutelfiguren, wijkteams, de politie en online, "
        "en wat weten we zeker? Oordeelsvorming: wat betekent dit, hoe ernstig is het, welke "
        "opties zijn er? Besluitvorming: wie doet wat en wanneer koppelen we terug? Alles gaat in "
        "een logboek. Het kost een uur per week, maar we worden minder vaak verrast.",
    ),
    "fasen": (
        "Hoe bepalen we hoe ernstig een spanning is? Werken met fasen",
        "Om niet op elk signaal even hard te reageren, gebruiken we een eenvoudig fasemodel: rust, "
        "ongemak, spanningen en incidenten. Bij ongemak volgen we het en praten we met "
        "sleutelfiguren. Bij spanningen komt het kernteam extra bijeen en informeren we de "
        "burgemeester. Bij incidenten schakelen we naar de crisisstructuur. Het model helpt om "
        "samen dezelfde taal te spreken, maar het blijft een inschatting: een situatie kan in een "
        "dag van ongemak naar incident gaan.",
    ),
    "monitor_tool": (
        "Ervaringen met een tool voor het volgen van sociale media",
        "Een jaar lang hebben we een commerciële tool gebruikt die openbare berichten op X, "
        "Facebook en nieuwssites verzamelt met zoektermen. De grafieken met pieken zijn handig om te "
        "zien wanneer een onderwerp opspeelt, bijvoorbeeld rond het windpark. Maar er zit veel ruis "
        "in, sarcasme wordt verkeerd gelezen en lokale Facebookgroepen en Telegram zitten er "
        "grotendeels niet in. Zonder iemand die de berichten leest en duidt, zegt het weinig. We "
        "gebruiken het nu alleen als aanvulling op wat sleutelfiguren en wijkteams horen.",
    ),
    "burgemeester_gesprek": (
        "Dilemma: praat de burgemeester met de organisatoren van het protest tegen de opvang?",
        "De organisatoren van de protestavonden tegen de opvang vroegen om een gesprek met de "
        "burgemeester. Binnen het college waren de meningen verdeeld. Voor: het verlaagt de spanning "
        "en je hoort wat er leeft. Tegen: je geeft mensen die oproepen tot intimidatie een "
        "legitimiteit die ze niet verdienen, en andere inwoners zien de gemeente als partij. De "
        "burgemeester koos voor een gesprek zonder pers, met duidelijke grenzen vooraf: geen "
        "onderhandeling over het besluit, wel over hoe de buurt betrokken wordt. Het gesprek was "
        "stroef, maar de volgende demonstratie verliep zonder incidenten.",
    ),
    "bestuur_mee": (
        "Hoe krijg je het bestuur mee met een aanpak tegen polarisatie?",
        "In het leernetwerk gaven veel deelnemers aan dat ze zich als ambtenaar alleen voelen met dit "
        "onderwerp. De portefeuille is vaak verdeeld tussen de burgemeester (openbare orde) en een "
        "wethouder (sociaal domein), en polarisatie staat pas op de agenda als er iets misgaat. Tips "
        "uit de groep:\n\n"
        "1. Koppel het aan iets wat het college al wil, zoals het vertrouwen van inwoners of de "
        "opvangopgave.\n"
        "2. Laat een voorbeeld uit een buurgemeente zien.\n"
        "3. Vraag om een klein mandaat en een half jaar, niet om een groot programma.\n"
        "4. Zorg dat de burgemeester en de wethouder samen opdrachtgever zijn.",
    ),
    "comm_incident": (
        "Draaiboek: communicatie in de eerste 48 uur na een incident",
        "## Eerste uur\n\n"
        "- Stem met de politie af wat bekend is en wie naar buiten treedt.\n"
        "- Zeg wat je weet, wat je niet weet en wanneer je meer vertelt.\n\n"
        "## Eerste dag\n\n"
        "- Ga als bestuurder de straat op, niet alleen de media in.\n"
        "- Houd lokale Facebookgroepen in de gaten en reageer op onjuiste berichten via mensen die "
        "vertrouwd zijn.\n"
        "- Informeer sleutelfiguren en de raad voordat ze het uit de krant horen.\n\n"
        "## Tweede dag\n\n"
        "- Organiseer een plek waar mensen hun verhaal kwijt kunnen.\n"
        "- Vermijd woorden die een groep de schuld geven, ook als de dader tot die groep hoort.",
    ),
    "comm_toon": (
        "Tip voor de bewonersbrief: geen preek",
        "In onze eerste brief over de opvang stond dat 'wij in deze gemeente gastvrij zijn'. Dat "
        "werd gelezen als een verwijt. In de tweede brief beschreven we alleen wat er gaat gebeuren, "
        "wanneer, en waar mensen met vragen terechtkunnen. Die kwam veel beter aan.",
    ),
    "raadsleden_bedreigd": (
        "Raadsleden bedreigd na de stemming over het windpark",
        "Na het besluit over vier windturbines bij het Hoge Veld kregen drie raadsleden "
        "dreigberichten, en bij één van hen werd een brief thuis bezorgd. Sommige raadsleden dachten "
        "erover om te stoppen. De griffie en de burgemeester hebben direct contact gezocht, aangifte "
        "laten doen en een veiligheidsscan van de woning geregeld via de politie. Daarnaast is er "
        "een vertrouwenspersoon voor raadsleden en een training weerbaarheid. Belangrijk was dat de "
        "burgemeester het in de raad openlijk veroordeelde, namens alle fracties. Meer informatie: "
        "het programma Weerbaar Bestuur.",
    ),
    "windpark_impact": (
        "Sociale impact in beeld brengen vóór het windpark er komt",
        "Voordat de plannen voor het windpark in het buitengebied verder gaan, hebben we laten "
        "onderzoeken wat het project doet met de verhoudingen in de dorpen. Uit interviews bleek dat "
        "het niet alleen over geluid en slagschaduw gaat, maar over wie ervan profiteert: de "
        "grondeigenaren verdienen, de buren hebben de last. Ook families raakten onderling verdeeld. "
        "Op basis daarvan komt er een omgevingsfonds, een deel van de molens in handen van een "
        "coöperatie van inwoners en een onafhankelijke gespreksleider voor de dorpsavonden.",
    ),
    "statushouders_huis": (
        "Voorrang voor statushouders bij sociale huurwoningen: het gesprek met woningzoekenden",
        "In onze gemeente wachten jongeren gemiddeld negen jaar op een sociale huurwoning. Toen "
        "bekend werd dat er dit jaar 45 woningen naar statushouders gaan, ontstond veel woede: "
        "'zij gaan voor'. We hebben met de corporatie cijfers gedeeld: welk deel van de woningen het "
        "is, en dat er ook woningen bijgebouwd worden. Daarnaast hebben we een spreekuur voor "
        "starters ingericht en flexwoningen gebouwd voor zowel statushouders als jongeren uit het "
        "dorp. Die gemengde bewoning lijkt de scherpe randjes eraf te halen.",
    ),
    "sinterklaas": (
        "Een rustige intocht van Sinterklaas na twee onrustige jaren",
        "Na twee jaren met confrontaties tussen voor- en tegenstanders van Zwarte Piet bij de intocht "
        "zijn we ruim vooraf met beide groepen gaan praten, samen met het intochtcomité. Afspraken: "
        "roetveegpieten in de stoet, een vaste plek voor een demonstratie op afstand van de kinderen, "
        "en beide groepen beloofden geen oproepen online te plaatsen. De intocht verliep dit jaar "
        "zonder incidenten. Succesfactor volgens het comité: de gesprekken begonnen al in juni.",
    ),
    "herdenking": (
        "Dodenherdenking op 4 mei en de spanningen over Gaza",
        "Het 4 mei-comité kreeg vragen of er bij de herdenking ook aandacht zou zijn voor de "
        "slachtoffers in Gaza, en tegelijk zorgen van de joodse gemeenschap over mogelijke "
        "verstoringen. Het comité besloot de herdenking te houden zoals altijd, gericht op de "
        "Tweede Wereldoorlog en vredesmissies, met één minuut stilte voor alle slachtoffers van "
        "oorlog. Vooraf was er contact met de moskee en de joodse gemeente. Politie was aanwezig, "
        "maar niet zichtbaar. De herdenking verliep waardig.",
    ),
    "school_midden_oosten": (
        "Spanningen in de klas over Israël en Gaza",
        "Na oktober 2023 meldden docenten op het Stedelijk Lyceum ruzies in de klas, joodse "
        "leerlingen die zich onveilig voelden en moslimleerlingen die vonden dat hun verhaal niet "
        "gehoord werd. Docenten durfden het onderwerp niet aan. Samen met de school hebben we een "
        "training voor docenten georganiseerd over het voeren van lastige gesprekken in de klas. "
        "Regel die hielp: het is geen debat met winnaars, iedereen mag zijn verdriet benoemen, "
        "niemand mag een groep wegzetten.",
    ),
    "dilemmalogica": (
        "Dilemmalogica: hoe we het besluit over de noodopvang uitlegden",
        "Bij het besluit over de noodopvang wisten we dat een deel van de inwoners boos zou zijn, "
        "wat we ook besloten. In plaats van alleen het besluit te verdedigen, hebben we de "
        "afwegingen op tafel gelegd. Eerst erkennen we de zorg ('wij snappen dat u zich zorgen "
        "maakt over de veiligheid'), daarna laten we zien welke belangen tegen elkaar in gingen en "
        "wat ons bindt (iedereen wil een veilig dorp), en tot slot wat we gaan doen om de nadelen "
        "te beperken. Veel inwoners waren het er nog steeds niet mee eens, maar meerdere zeiden: "
        "'ik snap nu tenminste waarom'.",
    ),
    "deep_democracy": (
        "Deep Democracy op de bewonersavond over het nieuwe bestemmingsplan",
        "Op de avond over het bestemmingsplan voor de oude suikerfabriek werkten we met Deep "
        "Democracy. De gespreksleider vroeg steeds expliciet wie het er níet mee eens was, en "
        "nodigde anderen uit om zich daarbij aan te sluiten, zodat niemand er alleen voor stond. "
        "Het bezwaar van een kleine groep (te weinig groen) werd daarna meegenomen in het plan. "
        "Mensen waren verrast dat hun 'nee' welkom was.",
    ),
    "leernetwerk_sessie1": (
        "Verslag eerste bijeenkomst leernetwerk: dilemma's uit de praktijk",
        "Op 7 juli kwamen de vijftien deelnemende gemeenten voor het eerst bij elkaar in Utrecht. "
        "Na een korte inleiding over wat polarisatie is en wanneer het ongewenst wordt, werkten de "
        "deelnemers in groepjes aan hun eigen dilemma's. Veel genoemd:\n\n"
        "- Inwoners zien de gemeente als partij, hoe blijf je dan in gesprek?\n"
        "- Met wie ga je in gesprek, en met wie juist niet?\n"
        "- Hoe werken veiligheid en sociaal domein samen?\n"
        "- Hoe krijg je het bestuur mee?\n"
        "- Wanneer grijp je in, en wanneer hoort spanning bij verandering?\n\n"
        "Opdracht voor de volgende keer: breng een voorbeeld mee van iets dat wél werkte.",
    ),
    "leernetwerk_sessie2": (
        "Verslag tweede bijeenkomst: leren van wat wel lukte",
        "In de tweede sessie stonden successen centraal. Elke gemeente vertelde in vijf minuten over "
        "een moment waarop het goed ging, en de anderen vroegen door: wat deed je precies, en waarom "
        "werkte het? Terugkerende factoren: er waren al relaties voordat er iets gebeurde, er was "
        "iemand die snel kon schakelen met het bestuur, en de gemeente durfde in het midden te gaan "
        "staan in plaats van erboven. Een deelnemer: 'ik ga naar huis met drie dingen die ik morgen "
        "kan doen.' De presentaties staan in de bijlage.",
    ),
    "wantrouwen": (
        "'Ik ben maar een nummer': werken aan het vertrouwen van inwoners in de gemeente",
        "Uit onze inwonerspeiling bleek dat nog maar een derde van de inwoners de gemeente vertrouwt. "
        "In gesprekken kwamen steeds dezelfde verhalen terug: je ziet de gemeente nooit, je wordt "
        "van het kastje naar de muur gestuurd, de ene buurt krijgt meer dan de andere en je wordt "
        "niet gehoord. We zijn klein begonnen: een vaste contactpersoon per wijk, brieven in "
        "gewone taal, en bij elk besluit terugkoppelen wat er met de inbreng van inwoners is "
        "gedaan. Ook de ervaringen met de toeslagen spelen mee; daar hebben we apart aandacht voor.",
    ),
    "balie": (
        "Boze inwoners aan de balie: steun voor onze frontlijnmedewerkers",
        "Medewerkers van Burgerzaken en het Werkplein krijgen steeds vaker te maken met "
        "scheldpartijen en intimidatie, soms met complotdenken erachter. We hebben een training "
        "de-escalatie gegeven, een meldpunt voor incidenten ingericht en na elk incident is er een "
        "gesprek met de leidinggevende. Medewerkers zeiden vooral behoefte te hebben aan erkenning.",
    ),
    "voetbal": (
        "Spanningen langs de lijn bij de amateurvoetbalclub",
        "Bij wedstrijden tussen VV Oosterkwartier en de club uit het dorp ging het regelmatig mis: "
        "scheldwoorden over afkomst, ouders die het veld op liepen, een scheidsrechter die werd "
        "aangevallen. De twee clubs, de KNVB en de gemeente hebben samen afspraken gemaakt: een "
        "gesprek tussen de besturen voor elke wedstrijd, gastheren langs de lijn en een gezamenlijk "
        "jeugdtoernooi. Het is nog niet opgelost, maar de laatste drie wedstrijden verliepen "
        "sportief.",
    ),
    "vuurwerk": (
        "Jaarwisseling in de Zuidwijk: geweld tegen hulpverleners",
        "Bij de jaarwisseling werden brandweer en ambulance in de Zuidwijk bekogeld met vuurwerk. "
        "In de media en in de raad ging het snel over 'die jongeren' uit één wijk, wat bij "
        "bewoners kwaad bloed zette. Met bewoners, moskee en jongerenwerk hebben we dit jaar "
        "buurtvaders en -moeders op straat gehad en een alternatief feest georganiseerd. Het was "
        "rustiger, en de wijk voelde zich minder weggezet.",
    ),
    "ess_handreiking": (
        "Expertise-unit Sociale Stabiliteit: gratis advies voor gemeenten",
        "De ESS ondersteunt gemeenten en professionals bij vragen over polarisatie en radicalisering, "
        "met advies, trainingen en handreikingen, zoals de handreiking voor het opzetten van een "
        "lokaal netwerk. U kunt de adviespunt bellen of mailen; een eerste gesprek is kosteloos.",
    ),
    "nieuws_milieustraat": (
        "Nieuwe openingstijden van de milieustraat",
        "Vanaf 1 januari is de milieustraat aan de Industrieweg ook op zaterdagmiddag open. Grof "
        "afval en snoeiafval kunt u daar gratis inleveren. Neem uw pasje mee.",
    ),
    "nieuws_begroting": (
        "Raad stelt de begroting 2027 vast",
        "De gemeenteraad heeft de begroting voor 2027 vastgesteld. Er gaat meer geld naar "
        "onderhoud van wegen en naar de bibliotheek. De onroerendezaakbelasting stijgt met 3,5 "
        "procent.",
    ),
    "nieuws_glasvezel": (
        "Glasvezel in het buitengebied",
        "In het voorjaar wordt glasvezel aangelegd op alle adressen in het buitengebied. Bewoners "
        "krijgen een brief met de planning. De aansluiting is gratis als u zich vóór 1 maart "
        "aanmeldt.",
    ),
    "nieuws_isolatie": (
        "Subsidie voor het isoleren van uw woning",
        "Huiseigenaren kunnen dit jaar weer subsidie aanvragen voor dak-, vloer- en spouwisolatie. "
        "De regeling loopt tot het budget op is. Een energiecoach komt gratis bij u langs voor "
        "advies.",
    ),
    "nieuws_stationsplein": (
        "Werkzaamheden aan het Stationsplein",
        "Van maart tot juni wordt het Stationsplein opnieuw ingericht. Fietsers worden omgeleid via "
        "de Spoorstraat. De bussen stoppen tijdelijk aan de achterzijde van het station.",
    ),
}

# query -> {item key: grade}; 3 = what the officer looks for, 2 = clearly useful, 1 = partly
JUDGEMENTS: dict[str, dict[str, int]] = {
    # sleutelfiguren
    "lokaal netwerk als voelspriet oprichten": {
        "sf_opzet": 3,
        "sf_werving": 2,
        "ess_handreiking": 2,
        "sf_onderhoud": 1,
        "sf_app": 1,
    },
    "hoe begin je met sleutelpersonen?": {
        "sf_opzet": 3,
        "sf_werving": 2,
        "ess_handreiking": 1,
        "sf_onderhoud": 1,
        "sf_app": 1,
    },
    "sleutelfiguuren werven": {"sf_werving": 3, "sf_opzet": 2, "sf_onderhoud": 1},
    "diverse samenstelling netwerk": {"sf_werving": 3, "sf_opzet": 1},
    "netwerk sleutelfiguren deelnemers haken af": {"sf_onderhoud": 3, "sf_werving": 1},
    "whatsappgroep signalen AVG": {"sf_app": 3, "online_privacy": 2, "kernteam": 1},
    # opvang, azc, Oekraïne, woningen
    "bewonersbijeenkomst nieuwe asielopvang": {
        "azc_inloop": 3,
        "dilemmalogica": 1,
        "comm_toon": 1,
        "burgemeester_gesprek": 1,
        "demo_raad": 1,
        "azc_vechtpartij": 1,
        "deep_democracy": 1,
    },
    "informatieavond azc omwonenden": {"azc_inloop": 3, "demo_raad": 1, "burgemeester_gesprek": 1},
    "opstootje bij opvang nepfilmpje": {"azc_vechtpartij": 3, "desinfo_gerucht": 2, "comm_incident": 2},
    "oekraiense vluchtelingen jaloezie": {"oek_hotel": 3, "statushouders_huis": 1, "oek_school": 1},
    "oekraïense leerlingen in de klas": {"oek_school": 3, "oek_hotel": 1},
    "voorrangsregeling vergunninghouders woningnood": {"statushouders_huis": 3, "oek_hotel": 1},
    "praat burgemeester met actievoerders azc?": {
        "burgemeester_gesprek": 3,
        "demo_raad": 1,
        "azc_inloop": 1,
        "boeren": 1,
        "sinterklaas": 1,
    },
    # desinformatie en online
    "nepnieuws facebook asielzoekers": {
        "desinfo_gerucht": 3,
        "azc_vechtpartij": 2,
        "comm_incident": 1,
    },
    "hoe weerleg je een vals gerucht?": {
        "desinfo_gerucht": 3,
        "comm_incident": 2,
        "azc_vechtpartij": 2,
        "complot_gesprek": 1,
    },
    "mag de gemeente sociale media volgen?": {"online_privacy": 3, "monitor_tool": 2, "sf_app": 1},
    "social media monitoring tool": {"monitor_tool": 3, "online_privacy": 2, "kernteam": 1},
    "complotdenkers": {"complot_gesprek": 3, "balie": 1, "wantrouwen": 1},
    "hoe praat je met wappies": {"complot_gesprek": 3, "balie": 1},
    # openbare orde, demonstraties, rellen
    "coronarellen": {"avondklok": 3, "vuurwerk": 1},
    "lessen avondklokrellen jongeren": {"avondklok": 3, "vuurwerk": 1, "hangplek": 1},
    "betoging raadszaal": {"demo_raad": 3, "raadsleden_bedreigd": 1, "burgemeester_gesprek": 1},
    "risico inschatting demonstraties": {
        "demo_raad": 3,
        "dragqueen": 2,
        "sinterklaas": 1,
        "burgemeester_gesprek": 1,
    },
    "stikstofprotest": {"boeren": 3, "vlaggen": 2},
    "agrariers onvrede platteland": {"boeren": 3, "vlaggen": 2},
    "vlag ondersteboven": {"vlaggen": 3, "boeren": 1},
    "oud en nieuw rellen wijk weggezet": {"vuurwerk": 3, "avondklok": 1},
    # analyse en Brandsma
    "wij-zij denken in kaart brengen": {"polarisatiekaart": 3, "brandsma_moskee": 2, "stille_midden": 1},
    "polarisatiekaart oefening": {"polarisatiekaart": 3, "brandsma_moskee": 1},
    "pusher bruggenbouwer zondebok": {"brandsma_moskee": 3, "polarisatiekaart": 2, "stille_midden": 2},
    "stille midden": {
        "stille_midden": 3,
        "brandsma_moskee": 2,
        "polarisatiekaart": 1,
        "leernetwerk_sessie2": 1,
    },
    # wijk en jongeren
    "huis aan huis gesprekken onveilige buurt": {"keukentafel": 3, "wantrouwen": 1},
    "gentrificatie": {"gentrificatie": 3, "keukentafel": 1},
    "yuppen tegenover oorspronkelijke bewoners": {
        "gentrificatie": 3,
        "keukentafel": 1,
        "polarisatiekaart": 1,
    },
    "puber extreemrechts": {"radi_jongere": 3, "radi_training": 2},
    "radicaliesering herkennen jongerenwerkers": {"radi_training": 3, "radi_jongere": 2, "jw_politie": 1},
    "scholing jeugdwerkers internet extremisme": {"radi_training": 3, "radi_jongere": 1},
    "convenant politie en jongerenwerk": {"jw_politie": 3, "radi_jongere": 1, "hangplek": 1},
    "beroepsgeheim jongerenwerker": {"jw_politie": 3},
    "hangjongeren": {"hangplek": 3, "vuurwerk": 1, "avondklok": 1},
    "racisme bij voetbal": {"voetbal": 3},
    # religie en lhbti
    "vandalisme gebedshuis": {"moskee_open": 3, "interreligieus": 1},
    "interreligieuze dialoog": {"interreligieus": 3, "moskee_open": 2},
    "samenwerking kerk en moskee": {"interreligieus": 3, "moskee_open": 2, "regenboog": 1},
    "regenboogvlag ophef": {"regenboog": 3, "vlaggen": 1, "dragqueen": 1},
    "lhbt acceptatie weerstand orthodoxe kerken": {"regenboog": 3, "dragqueen": 2},
    "dragshow kinderen demonstranten": {"dragqueen": 3, "regenboog": 1},
    "evenement verbieden vanwege dreiging?": {"dragqueen": 3, "demo_raad": 1, "burgemeester_gesprek": 1},
    "dodenherdenking israel palestina": {"herdenking": 3, "school_midden_oosten": 2, "interreligieus": 1},
    "antisemitisme op school": {"school_midden_oosten": 3, "herdenking": 1, "interreligieus": 1},
    "zwartepietdiscussie": {"sinterklaas": 3},
    # signalering en duiding
    "signaleren duiden interveniëren": {
        "kernteam": 3,
        "fasen": 2,
        "monitor_tool": 1,
        "sf_app": 1,
        "sf_opzet": 1,
    },
    "BOB-model": {"kernteam": 3, "fasen": 1},
    "OOV en sociaal domein samenwerken": {
        "kernteam": 3,
        "leernetwerk_sessie1": 2,
        "bestuur_mee": 1,
        "jw_politie": 1,
        "fasen": 1,
    },
    "escalatieladder": {"fasen": 3, "kernteam": 1},
    # bestuur, communicatie, dilemma's, methoden
    "wethouder meekrijgen in polarisatieaanpak": {"bestuur_mee": 3, "leernetwerk_sessie1": 2},
    "ambtelijke eenzaamheid": {"bestuur_mee": 3, "leernetwerk_sessie1": 1, "ess_handreiking": 1},
    "crisiscommunicatie": {"comm_incident": 3, "azc_vechtpartij": 2, "desinfo_gerucht": 1},
    "communcatie na steekpartij": {"comm_incident": 3, "azc_vechtpartij": 2, "keukentafel": 1},
    "toon brief omwonenden": {"comm_toon": 3, "dilemmalogica": 2, "comm_incident": 1},
    "intimidatie van politici": {"raadsleden_bedreigd": 3, "balie": 1, "boeren": 1, "demo_raad": 1},
    "windmolens weerstand dorp": {"windpark_impact": 3, "raadsleden_bedreigd": 2},
    "sociale impactrapportage": {"windpark_impact": 3},
    "impopulair besluit uitleggen": {
        "dilemmalogica": 3,
        "comm_toon": 1,
        "deep_democracy": 1,
        "vlaggen": 1,
    },
    "lewis methode minderheid": {"deep_democracy": 3},
    "verslagen leernetwerk": {"leernetwerk_sessie1": 3, "leernetwerk_sessie2": 3, "bestuur_mee": 1},
    "wat werkte wel? goede voorbeelden": {
        "leernetwerk_sessie2": 3,
        "moskee_open": 1,
        "sinterklaas": 1,
        "azc_inloop": 1,
        "leernetwerk_sessie1": 1,
    },
    "anti-overheidssentiment": {"wantrouwen": 3, "complot_gesprek": 2, "balie": 1, "boeren": 1},
    "agressie loket": {"balie": 3, "complot_gesprek": 1},
    "ondersteuning rijk bij polarisatie": {"ess_handreiking": 3, "leernetwerk_sessie1": 1},
}
