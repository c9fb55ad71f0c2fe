"""The public method items from seed 004 (info sheet after session 1 of edition 3) and docs/DOMAIN.md.

Seeded by `services.seed_method_items`; `key` makes seeding idempotent.
"""

from __future__ import annotations

SOURCE = "Infoblad bijeenkomst 1, Leernetwerk polarisatie voor gemeenten (ESS, 2022)"

METHODS: list[dict] = [
    {
        "key": "methode-brandsma",
        "title": "Denkkader polarisatie van Bart Brandsma",
        "source": SOURCE,
        "themes": ["lokale-analyse"],
        "body": (
            "Het denkkader van Bart Brandsma gaat uit van drie basiswetten. Polarisatie is een "
            "gedachteconstructie: wij-zij-denken, gebouwd op identiteiten en groepen. Polarisatie heeft "
            "brandstof nodig: het groeit door uitspraken over identiteiten; zonder brandstof neemt het af. "
            "Polarisatie draait om gevoel: feiten en cijfers landen slecht.\n\n"
            "Brandsma onderscheidt vijf rollen. De pusher levert brandstof met absolute woorden als 'alle' "
            "en 'nooit'; er is altijd een tegenpusher. De joiner kiest een kant, maar gematigder. Het stille "
            "midden voelt druk om te kiezen en verzet zich daartegen; daar horen ook mensen bij die door hun "
            "werk neutraal moeten blijven, zoals de burgemeester, de politie en de leraar. De bruggenbouwer "
            "staat boven de polen en voegt vaak onbedoeld brandstof toe. De zondebok verschijnt bij sterke "
            "polarisatie en wordt in het midden gevonden. 'Leider van het stille midden' is een houding, geen "
            "zesde rol.\n\n"
            "De polarisatiekaart: breng voor een afgebakend gebied alle wij-zij-paren in beeld en noteer de "
            "bijkomende incidenten en conflicten. Kies daarna één wij-zij en geef alle betrokkenen een plek in "
            "een rol. Voorbeelden uit de praktijk: anti en pro Zwarte Piet, de harde kern van een voetbalclub "
            "tegenover andere clubs, de gemeente tegenover een wijk over het spoor, nieuwkomers tegenover "
            "oorspronkelijke bewoners."
        ),
    },
    {
        "key": "methode-gamechangers",
        "title": "De vier gamechangers van Brandsma",
        "source": SOURCE,
        "themes": ["dialoog"],
        "body": (
            "Vier manieren om een polarisatiedynamiek te doorbreken. Verander van doelgroep: investeer in het "
            "stille midden, niet in de polen. Verander van onderwerp: praat niet over identiteiten, maar over "
            "de vraag of het dilemma van het midden zelf. Verander van positie: ga niet boven de partijen "
            "staan, maar midden tussen de mensen. Verander van toon: niet moraliseren, wel bemiddelen en "
            "verbinden.\n\n"
            "Voor gemeenten betekent dit bijvoorbeeld: niet alleen in gesprek gaan met de luidste stemmen, "
            "maar juist met bewoners die zich nog niet hebben uitgesproken, en als ambtenaar laten zien dat u "
            "het vraagstuk van de buurt serieus neemt."
        ),
    },
    {
        "key": "methode-kis-analysekader",
        "title": "Analysekader polarisatie van KIS",
        "source": SOURCE,
        "themes": ["lokale-analyse"],
        "body": (
            "Het analysekader van het Kennisplatform Inclusief Samenleven (KIS) helpt om polarisatie in een "
            "buurt preventief aan te pakken. Ambtenaren uit het veiligheidsdomein, het sociaal domein en het "
            "ruimtelijk domein trekken vanaf de start samen op en spreken een gemeenschappelijke taal. De "
            "stappen: voorbereiding, analyse, oplossingsrichting en interventies.\n\n"
            "U brengt in kaart: de verschijningsvormen (vervreemding, vooroordelen, stereotypering, "
            "onbegrip, discriminatie, uitsluiting), de betrokken groepen, oorzaken en risicofactoren, de "
            "aanjagers van polarisatie, dieperliggende sentimenten en triggers, de fase, de locaties, de rol "
            "van de overheid en de beschermende krachten in het gebied. Inventariseer ook welk beleid er al "
            "is, zodat witte vlekken zichtbaar worden. Faseringen die in gebruik zijn: rust, ongemak, "
            "spanningen, incidenten; of sluimerend ongenoegen, oplopende spanningen, escalatie en na de "
            "escalatie."
        ),
    },
    {
        "key": "methode-dilemmalogica",
        "title": "Dilemmalogica: besluiten uitleggen met de afwegingen erbij",
        "source": SOURCE,
        "themes": ["wantrouwen-overheid", "dialoog"],
        "dividing_lines": ["burger-overheid"],
        "body": (
            "Bij Dilemmalogica legt de overheid een beslissing uit door inzicht te geven in de verschillende "
            "overwegingen en dilemma's. Erken eerst de zorg. Bundel dan de standpunten: laat zien wat mensen "
            "verbindt onder wat hen verdeelt. Bied tot slot een perspectief.\n\n"
            "Door transparant te zijn over de afweging zien inwoners dat hun belang is meegewogen. Ook als de "
            "uitkomst voor een deel van de inwoners niet de gewenste is, verkleint u de ruimte voor ruis en "
            "wantrouwen en blijft het vertrouwen in een integere overheid eerder bestaan."
        ),
    },
    {
        "key": "methode-deep-democracy",
        "title": "Deep Democracy (methode Lewis)",
        "source": SOURCE,
        "themes": ["dialoog"],
        "body": (
            "Deep Democracy geeft ruimte aan alle stemmen en sentimenten die leven in een groep. Haal alle "
            "stemmen op en zoek actief naar het 'nee'. Verspreid het alternatieve standpunt, zodat niemand er "
            "alleen voor staat. Voeg de wijsheid van de minderheid toe aan het besluit van de meerderheid. "
            "Verken de onderstroom: wat wordt er niet gezegd, maar wel gevoeld?\n\n"
            "De methode helpt om onuitgesproken fricties boven tafel te krijgen, bijvoorbeeld in een "
            "bewonersavond over een omstreden project of in een team dat verdeeld is."
        ),
    },
]
