"""The global interventions (seed 004 and the domain guide). Plain data: the seeding reads it.

Phases use the keys of both default phase models, so a suggestion works whichever model an
analysis uses. A municipality adds its own entries in the app; these stay the same for all.
"""

from __future__ import annotations

EARLY = ["rust", "ongemak", "sluimerend"]
RISING = ["ongemak", "spanningen", "sluimerend", "oplopend"]
HIGH = ["spanningen", "incidenten", "oplopend", "escalatie"]
AFTER = ["incidenten", "na_escalatie"]

GLOBAL_INTERVENTIONS: list[dict[str, object]] = [
    {
        "slug": "dialoog",
        "name": "Dialoogmethoden",
        "category": "Dialoog",
        "summary": "Gesprekken waarin inwoners elkaars verhaal horen en onuitgesproken fricties boven tafel komen.",
        "how": "Kies een neutrale gespreksleider en een veilige plek; nodig vooral het stille midden uit, niet alleen de pushers.",
        "phases": EARLY + ["spanningen", "oplopend", "na_escalatie"],
        "manifestations": ["onbegrip", "vooroordelen", "stereotypering", "vervreemding"],
        "source": "Infoblad leernetwerk polarisatie (ESS, 2022); KIS, Theorieën en aanpakken van polarisatie",
    },
    {
        "slug": "dilemmalogica",
        "name": "Dilemmalogica",
        "category": "Communicatie",
        "summary": "Een besluit uitleggen door de afwegingen en dilemma's te laten zien, zodat inwoners zien dat hun belang is meegewogen.",
        "how": "Erken de zorg, bundel de standpunten (wat bindt onder wat verdeelt) en bied een perspectief.",
        "phases": ["ongemak", "spanningen", "sluimerend", "oplopend"],
        "manifestations": ["vervreemding", "onbegrip"],
        "source": "Infoblad leernetwerk polarisatie (ESS, 2022)",
    },
    {
        "slug": "deep-democracy",
        "name": "Deep Democracy",
        "category": "Dialoog",
        "summary": "Ruimte geven aan alle stemmen en sentimenten die leven, ook de minderheid en de onderstroom.",
        "how": "Verzamel alle stemmen, zoek actief naar het 'nee', verspreid het alternatief zodat niemand alleen staat, voeg de wijsheid van de minderheid toe aan het besluit.",
        "phases": RISING,
        "manifestations": ["onbegrip", "uitsluiting", "vervreemding"],
        "source": "Infoblad leernetwerk polarisatie (ESS, 2022); Lewis-methode",
    },
    {
        "slug": "gamechanger-doelgroep",
        "name": "Game changer: verander de doelgroep",
        "category": "Denkkader Brandsma",
        "summary": "Investeer in het stille midden in plaats van in de pushers op de polen.",
        "how": "Breng in kaart wie het midden vormt (ook wie beroepshalve neutraal moet zijn) en richt aandacht, tijd en middelen op hen.",
        "phases": EARLY + RISING + HIGH,
        "manifestations": ["vooroordelen", "stereotypering", "onbegrip"],
        "source": "Bart Brandsma, Polarisatie – inzicht in de dynamiek van wij-zij denken",
    },
    {
        "slug": "gamechanger-onderwerp",
        "name": "Game changer: verander het onderwerp",
        "category": "Denkkader Brandsma",
        "summary": "Van identiteiten ('wie zij zijn') naar de eigen vraag of het dilemma van het midden.",
        "how": "Vraag het midden naar hun zorg (veiligheid, wonen, het feest voor de kinderen) en maak dat het gesprek.",
        "phases": RISING + HIGH,
        "manifestations": ["stereotypering", "vooroordelen", "discriminatie"],
        "source": "Bart Brandsma, Polarisatie",
    },
    {
        "slug": "gamechanger-positie",
        "name": "Game changer: verander de positie",
        "category": "Denkkader Brandsma",
        "summary": "Van bruggenbouwer boven de polen naar een plek in het midden, als leider van het stille midden.",
        "how": "Stop met bemiddelen tussen de polen; ga tussen de mensen in het midden staan en spreek namens hun vragen.",
        "phases": RISING + HIGH,
        "manifestations": ["vervreemding", "onbegrip"],
        "source": "Bart Brandsma, Polarisatie",
    },
    {
        "slug": "gamechanger-toon",
        "name": "Game changer: verander de toon",
        "category": "Denkkader Brandsma",
        "summary": "Niet moraliseren, maar bemiddelend spreken: geen oordeel over wie goed of fout is.",
        "how": "Toets teksten en toespraken op morele oordelen over groepen; benoem gedeelde zorgen en feiten zonder schuld.",
        "phases": RISING + HIGH + AFTER,
        "manifestations": ["vervreemding", "vooroordelen", "uitsluiting"],
        "source": "Bart Brandsma, Polarisatie",
    },
    {
        "slug": "contact-tussen-groepen",
        "name": "Contact tussen groepen",
        "category": "Ontmoeting",
        "summary": "Groepen ontmoeten elkaar rond een gezamenlijk doel, op gelijke voet en met steun van de gemeente.",
        "how": "Organiseer samenwerking aan iets concreets (buurtfeest, sport, moestuin) in plaats van een gesprek óver de tegenstelling.",
        "phases": EARLY + ["spanningen", "oplopend", "na_escalatie"],
        "manifestations": ["vooroordelen", "stereotypering", "uitsluiting", "onbegrip"],
        "source": "KIS, Theorieën en aanpakken van polarisatie",
    },
    {
        "slug": "sleutelfigurennetwerk",
        "name": "Sleutelfigurennetwerk",
        "category": "Netwerk",
        "summary": "Een netwerk van betrokken inwoners en professionals dat spanningen vroeg signaleert en helpt duiden.",
        "how": "Bouw het netwerk op in rustige tijden, houd het warm, deel terug wat er met signalen gebeurt.",
        "phases": EARLY + RISING + HIGH + AFTER,
        "manifestations": ["vervreemding", "onbegrip", "discriminatie", "uitsluiting"],
        "source": "Handreiking sleutelfigurennetwerken; infoblad leernetwerk",
    },
    {
        "slug": "sociale-impactrapportage",
        "name": "Sociale impactrapportage",
        "category": "Eigen handelen",
        "summary": "Bij grote projecten vooraf nagaan wat het project doet met de maatschappelijke stabiliteit.",
        "how": "Breng geraakte groepen en verwachte spanningen in kaart, spreek maatregelen en een eigenaar af.",
        "phases": EARLY + ["spanningen", "oplopend"],
        "manifestations": ["vervreemding", "uitsluiting"],
        "source": "Infoblad leernetwerk polarisatie (ESS, 2022)",
    },
    {
        "slug": "antidiscriminatie",
        "name": "Melden en aanpakken van discriminatie",
        "category": "Bescherming",
        "summary": "Zorg dat inwoners discriminatie kunnen melden en dat er iets mee gebeurt.",
        "how": "Werk samen met de antidiscriminatievoorziening, maak melden makkelijk en koppel terug.",
        "phases": ["spanningen", "incidenten", "oplopend", "escalatie", "na_escalatie"],
        "manifestations": ["discriminatie", "uitsluiting"],
        "source": "KIS",
    },
    {
        "slug": "nazorg-herstel",
        "name": "Herstel na een incident",
        "category": "Nazorg",
        "summary": "Na een escalatie het gesprek en het vertrouwen in de wijk herstellen.",
        "how": "Ga snel en zichtbaar de wijk in, luister naar slachtoffers en omstanders, vermijd schuldtoewijzing aan groepen.",
        "phases": AFTER + ["escalatie"],
        "manifestations": ["vervreemding", "uitsluiting", "discriminatie"],
        "source": "Domeingids Brug",
    },
]
