"""Texts for the learning-network demo (fictional people; real municipalities of the reference list)."""

from __future__ import annotations

CALL_TEXT_2027 = """Overheden worstelen met een afname van vertrouwen van burgers in de overheid en een toename van het anti-overheid en anti-institutiesentiment ('verticale polarisatie'). Ook hebben overheden te maken met 'horizontale polarisatie', zoals een toenemend wij-zij denken tussen groepen.

In dit leernetwerk gaat u aan de slag met uw eigen casuïstiek en vragen rondom polarisatie die aan de orde zijn binnen uw gemeente. U krijgt kennis en tools aangereikt en er is ruimte om uit te wisselen met andere gemeenten.

U neemt deel als duo: een beleidsmedewerker en een strategisch beleidsadviseur of communicatieadviseur (of samen met een wijkprofessional). Deelname is gratis; reken op 4 à 5 dagdelen per persoon."""

# cbs_code, person 1 (name, function, domain), person 2, learning question, advice ("" = no intake yet)
REGISTRATIONS_2027 = [
    (
        "GM0513",
        ("Pieter van Dijk", "Beleidsmedewerker inclusie", "sociaal"),
        ("Samira Bakker", "Casusregisseur openbare orde en veiligheid", "veiligheid"),
        "Hoe gaan we om met anti-overheidssentiment rond de opvang van vluchtelingen, en hoe werken veiligheid en sociaal domein daarin samen?",
        "geschikt",
    ),
    (
        "GM0150",
        ("Maarten Wolters", "Adviseur openbare orde en veiligheid", "veiligheid"),
        ("Ilse Kamphuis", "Communicatieadviseur", "communicatie"),
        "Hoe houden we een bondgenotennetwerk van diverse inwoners actief, ook als de spanning oploopt?",
        "geschikt",
    ),
    (
        "GM0344",
        ("Noor el Idrissi", "Strategisch adviseur samenleven", "sociaal"),
        ("Jeroen Blom", "Wijkprofessional", "wijkprofessional"),
        "Hoe voeren we het gesprek met inwoners die zich niet gehoord voelen over woningbouw in hun wijk?",
        "geschikt",
    ),
    (
        "GM0193",
        ("Lisa Hoekstra", "Beleidsadviseur veiligheid", "veiligheid"),
        ("Ahmed Bouzid", "Communicatieadviseur", "communicatie"),
        "Hoe herkennen we vroeg dat online polarisatie lokaal gevolgen krijgt?",
        "geschikt",
    ),
    (
        "GM0106",
        ("Marieke Drent", "Beleidsmedewerker leefbaarheid", "sociaal"),
        ("Tom Wessels", "Wijkagent-coördinator", "veiligheid"),
        "Hoe gaan we om met spanningen tussen jongerengroepen en buurtbewoners?",
        "geschikt",
    ),
    (
        "GM0080",
        ("Sjoukje de Vries", "Strategisch adviseur", "sociaal"),
        ("Pieter Zijlstra", "Communicatieadviseur", "communicatie"),
        "Hoe communiceren we betrouwbaar over windmolens als inwoners de overheid wantrouwen?",
        "wachtlijst",
    ),
    (
        "GM0935",
        ("Claire Janssen", "Beleidsmedewerker diversiteit", "sociaal"),
        ("Rik Houben", "Adviseur openbare orde", "veiligheid"),
        "Wie is probleemeigenaar van polarisatie binnen de gemeente en hoe maken we de aanpak integraal?",
        "geschikt",
    ),
    (
        "GM0718",
        ("Esther Koene", "Beleidsmedewerker sociaal domein", "sociaal"),
        ("Bas Verhage", "Wijkprofessional", "wijkprofessional"),
        "Hoe gaan we om met wij-zij denken tussen oude en nieuwe bewoners van een wijk in verandering?",
        "geschikt",
    ),
    (
        "GM0995",
        ("Fatma Yildiz", "Beleidsadviseur", "sociaal"),
        ("Kees Brouwer", "Communicatieadviseur", "communicatie"),
        "Hoe kunnen we als gemeente bijdragen aan positief contact tussen groepen inwoners, ook online?",
        "",
    ),
    (
        "GM0917",
        ("Anouk Claessens", "Adviseur veiligheid", "veiligheid"),
        ("Yusuf Demir", "Wijkprofessional", "wijkprofessional"),
        "Wanneer is polarisatie ongewenst en moeten we handelen? Hoe beoordelen we dat?",
        "geschikt",
    ),
    (
        "GM0981",
        ("Ingrid Lemmens", "Beleidsmedewerker", "sociaal"),
        ("Frank Meertens", "Medewerker communicatie", "communicatie"),
        "Hoe gaan we in een kleine gemeente om met felle discussies over de huisvesting van statushouders?",
        "geschikt",
    ),
    (
        "GM0184",
        ("Hendrik Kapitein", "Beleidsmedewerker veiligheid", "veiligheid"),
        ("Geertje Post", "Jongerenwerker", "wijkprofessional"),
        "Hoe blijven we in gesprek met inwoners die zich tegen de overheid keren, in een hechte gemeenschap?",
        "",
    ),
    (
        "GM0060",
        ("Wietske Metz", "Beleidsmedewerker", "sociaal"),
        ("Jelle Bakker", "Adviseur communicatie", "communicatie"),
        "Hoe voorkomen we dat discussies over woningkrapte tussen eilanders en nieuwkomers escaleren?",
        "niet_geschikt",
    ),
    (
        "GM0153",
        ("Sanne Oude Luttikhuis", "Strategisch adviseur veiligheid", "veiligheid"),
        ("Mohamed Aziz", "Beleidsmedewerker integratie", "sociaal"),
        "Hoe betrekken we het stille midden bij spanningen rond de opvang van asielzoekers?",
        "geschikt",
    ),
    (
        "GM1730",
        ("Janneke Hofstra", "Beleidsmedewerker leefbaarheid", "sociaal"),
        ("Roel Dijkstra", "Wijkprofessional", "wijkprofessional"),
        "Hoe gaan we om met wantrouwen rond stikstofbeleid onder boeren en dorpsbewoners?",
        "",
    ),
    (
        "GM1969",
        ("Marit Veenstra", "Adviseur samenleving", "sociaal"),
        ("Daan Smit", "Communicatieadviseur", "communicatie"),
        "Hoe handelen we als overheid betrouwbaarder en vanuit vertrouwen naar inwoners?",
        "geschikt",
    ),
    (
        "GM0147",
        ("Lotte Nijhuis", "Beleidsmedewerker", "sociaal"),
        ("Erik ter Horst", "Boa-coördinator", "veiligheid"),
        "Hoe gaan we om met jongerenoverlast die uitgroeit tot een conflict tussen groepen in het dorp?",
        "wachtlijst",
    ),
    (
        "GM0664",
        ("Nienke Sinke", "Beleidsadviseur veiligheid", "veiligheid"),
        ("Omar Haddou", "Wijkprofessional", "wijkprofessional"),
        "Hoe maken we een goede analyse van de lokale situatie voordat spanningen oplopen?",
        "geschikt",
    ),
    (
        "GM0632",
        ("Wendy van Leeuwen", "Strategisch communicatieadviseur", "communicatie"),
        ("Hans Vos", "Beleidsmedewerker sociaal domein", "sociaal"),
        "Hoe gaan we om met de paradox dat we zowel aanstichter als oplosser van problemen zijn in de ogen van inwoners?",
        "",
    ),
    (
        "GM0505",
        ("Rachida Amrani", "Adviseur openbare orde", "veiligheid"),
        ("Peter Kuijpers", "Beleidsmedewerker wijken", "sociaal"),
        "Hoe gaan we om met gentrificatie en de spanningen die dat oplevert in oude wijken?",
        "geschikt",
    ),
]

EDITION3_MUNICIPALITIES = [
    "GM0513",
    "GM0150",
    "GM0202",
    "GM0268",
    "GM0855",
    "GM0014",
    "GM0405",
    "GM0983",
    "GM0957",
    "GM0355",
    "GM0243",
    "GM1900",
    "GM0303",
    "GM0715",
    "GM0119",
]

INFOBLAD_BODY = """## Leernetwerk polarisatie voor gemeenten

In 2022 organiseert de Expertise-unit Sociale Stabiliteit (ESS) de derde editie van het leernetwerk. Dit jaar gaat het over de belangrijkste dilemma's die gemeenten bij de omgang met polarisatie ervaren, in een tijd waarin er sprake is van een toenemende kloof tussen burgers en overheden. Op 7 juli 2022 was de eerste bijeenkomst.

## Wat is polarisatie?

Polarisatie is het verdiepen van tegenstellingen tussen groepen in de samenleving die kunnen leiden tot spanningen tussen deze groepen en een toename van segregatie. Polarisatie kan ongewenst en ongemakkelijk zijn, maar hoeft niet per definitie nadelig of schadelijk te zijn.

## Wat zien we nu?

- Vertrouwen en een toenemende kloof tussen burgers en overheden
- Verschuivende scheidslijnen
- Online polarisatie

## Dilemma's uit de praktijk

- Hoe kunt u meer naar de voorkant bewegen bij het tegengaan van maatschappelijke spanningen?
- Hoe gaat u het gesprek aan met mensen die brandstof leveren aan polarisatie, of juist met het stille midden?
- Hoe pakt u de omgang met ongewenste polarisatie integraal aan?

## Methodes voor een lokale analyse

Er zijn methodes om een gedegen analyse van de lokale situatie te maken, zoals dilemmalogica en Deep Democracy."""
