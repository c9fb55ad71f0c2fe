"""The method in the tool: short Dutch explanations shown beside each step, and on the method card.

Sources are named with every block. Keep the texts short: an officer reads them while placing an
actor or choosing a phase, not as a course. The longer explanation is in the handreiking.
"""

from __future__ import annotations

from dataclasses import dataclass

BRANDSMA = "Bart Brandsma, Polarisatie. Inzicht in de dynamiek van wij-zij denken (2016)"
KIS = "Kennisplatform Inclusief Samenleven (KIS), analysekader polarisatie"
INFOBLAD = "Infoblad leernetwerk polarisatie voor gemeenten (ESS, 2022)"

LAWS = [
    (
        "Polarisatie is een denkconstructie",
        "Wij-zij-denken gaat over identiteiten en groepen: ‘wij’ en ‘zij’ "
        "bestaan vooral in ons hoofd en in wat we erover zeggen.",
    ),
    (
        "Polarisatie heeft brandstof nodig",
        "Ze groeit doordat er over identiteiten wordt gepraat en geoordeeld. Zonder brandstof neemt ze af.",
    ),
    (
        "Polarisatie is een gevoelsdynamiek",
        "Het gaat om gevoelens en emoties. Feiten en cijfers komen niet "
        "aan, of juist als bewijs voor het eigen gelijk.",
    ),
]


@dataclass(frozen=True)
class RoleText:
    name: str
    text: str


ROLES = [
    RoleText(
        "Pusher", "Staat aan een pool en geeft brandstof: zegt ‘wij’ en ‘zij’ en wil dat iedereen kiest."
    ),
    RoleText("Joiner", "Kiest een kant en volgt de pusher; de pool groeit met elke joiner."),
    RoleText(
        "Stille midden",
        "Kiest (nog) geen kant. De pushers trekken aan het midden; het midden is waar het om gaat.",
    ),
    RoleText(
        "Bruggenbouwer",
        "Wil de polen verbinden, maar praat vooral met de polen en kan zo juist "
        "brandstof geven of het midden uit het oog verliezen.",
    ),
    RoleText(
        "Zondebok",
        "Krijgt de schuld, vaak iemand uit het midden die geen kant kiest; daarmee slinkt het midden.",
    ),
]
MIDDLE_LEADER = (
    "Leider van het stille midden",
    "Iemand die in het midden blijft staan en de vragen en "
    "zorgen van het midden serieus neemt, zonder partij te kiezen.",
)

GAME_CHANGER_INTRO = (
    "Een game changer is een andere manier van kijken en handelen die de dynamiek doorbreekt, in plaats van "
    "haar te voeden. Brandsma noemt er vier: verander de doelgroep (het midden, niet de polen), het onderwerp "
    "(de vraag van het midden, niet de identiteit van groepen), de positie (in het midden, niet als partij of "
    "bruggenbouwer) en de toon (bemiddelend, niet moraliserend)."
)

PHASE_INTRO = (
    "Een fasemodel helpt om in te schatten hoe ver de spanningen zijn opgelopen, en dus welke aanpak past. "
    "In een rustige fase past preventie en verbinding; bij incidenten of escalatie ook veiligheid en "
    "nazorg. Kies het model dat uw gemeente gewend is en houd het binnen één analyse vast."
)

KIS_STEPS = [
    (
        "Voorbereiding",
        "Wie doet mee? Bij voorkeur collega’s uit veiligheid, sociaal domein, ruimtelijk domein "
        "en communicatie.",
    ),
    (
        "Analyse",
        "Ieder vult vanuit het eigen domein in: groepen, oorzaken, aanjagers, sentimenten, plekken, de "
        "rol van de overheid, beschermende krachten en bestaand beleid.",
    ),
    ("Richting", "Samen één beeld: de fase, de verschijningsvormen en de richting van de oplossing."),
    ("Interventies", "Kies passende interventies en schrijf op waarom."),
]
