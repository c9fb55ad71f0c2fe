"""Made-up but realistic Dutch local messages, for the demo, the test file and the benchmark.

Nothing here is a real post or a real person; handles are invented.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

TEMPLATES: dict[str, list[str]] = {
    "windmolens": [
        "Die windmolens van 250 meter bij {place} maken ons dorp kapot, niemand luistert naar ons.",
        "Weer een informatieavond over het windpark, maar de gemeente heeft alles al besloten.",
        "Slagschaduw en herrie van de windturbines, wie gaat onze schade betalen?",
        "Ik snap wel dat we duurzame energie nodig hebben, maar waarom altijd hier bij {place}?",
        "Mooi dat het windpark er komt, eindelijk schone stroom voor {place}.",
        "Zij in Den Haag beslissen en wij moeten naar die megamolens kijken. Schandalig!",
    ],
    "woningnood": [
        "Al acht jaar op de wachtlijst voor een sociale huurwoning in {place}, dit is toch niet normaal.",
        "Mijn dochter vindt geen betaalbare woning, starters hebben geen kans meer.",
        "De huurprijzen in {place} zijn onbetaalbaar geworden.",
        "Goed nieuws: er komen 200 nieuwe huurwoningen aan de rand van {place}.",
    ],
    "opvang vluchtelingen en statushouders": [
        "Het azc in {place} gaat open, ik hoop dat de buurt ze een kans geeft.",
        "Die asielzoekers krijgen alles en wij gewone mensen niks.",
        "Informatieavond over de noodopvang was rommelig, veel vragen bleven open.",
        "Statushouders krijgen voorrang op een woning terwijl wij al jaren wachten.",
        "Mooi initiatief: taalcafé voor vluchtelingen in de bibliotheek van {place}.",
    ],
    "jongerenoverlast": [
        "Weer hangjongeren bij het winkelcentrum in {place}, vuurwerk tot diep in de nacht.",
        "Die jongeren zijn nergens bang voor, de politie doet niks.",
        "Jongerenwerk organiseert een voetbaltoernooi op het plein in {place}, top!",
    ],
    "stikstof": [
        "De boeren worden weggejaagd met dat stikstofbeleid, wij staan achter onze boeren.",
        "Trekkers op de snelweg vanochtend, protest tegen de uitkoop van boerderijen.",
    ],
    "anti-overheid": [
        "De gemeente liegt gewoon, ze hebben lak aan ons.",
        "Ik heb geen vertrouwen meer in de politiek, het zijn allemaal zakkenvullers.",
        "Wethouder komt eindelijk praten in {place}, benieuwd of ze echt luisteren.",
    ],
    "": [
        "Gezellige braderie vandaag in {place}, veel mensen op straat.",
        "Wie weet waar ik mijn grofvuil kwijt kan?",
        "De nieuwe bibliotheek in {place} is echt prachtig geworden.",
        "Fietspad langs het kanaal ligt er weer netjes bij.",
        "Mooi concert in het park gisteravond.",
    ],
}
WEIGHTS = {
    "windmolens": 3,
    "woningnood": 4,
    "opvang vluchtelingen en statushouders": 3,
    "jongerenoverlast": 2,
    "stikstof": 1,
    "anti-overheid": 2,
    "": 6,
}
SPIKE_TERM = "hoogspanningsstation"
SPIKE_TEMPLATES = [
    "Nu willen ze ook nog een " + SPIKE_TERM + " naast de windmolens bij {place}, wij pikken dit niet!",
    "Protest tegen de windmolens en het " + SPIKE_TERM + " morgen op het gemeentehuis, iedereen komen!",
    "Zij beslissen over ons hoofd heen: windpark plus " + SPIKE_TERM + ". Schande.",
    "Windturbines van 250 meter bij {place}? Nooit! Wij komen in actie.",
]


def messages(
    *,
    days: int,
    per_day: int,
    places: list[str],
    end: datetime,
    spike_days: int = 2,
    spike_per_day: int = 0,
    seed: int = 7,
) -> Iterator[dict[str, str]]:
    """Yield rows {text, date, channel, url, author, neighbourhood}, oldest first."""
    rng = random.Random(seed)
    themes = list(TEMPLATES)
    weights = [WEIGHTS[t] for t in themes]
    start = end - timedelta(days=days)
    for d in range(days):
        day_start = start + timedelta(days=d + 1)
        count = max(1, int(per_day * rng.uniform(0.8, 1.2)))
        in_spike = spike_per_day and d >= days - spike_days
        if in_spike:
            count += spike_per_day
        for i in range(count):
            if in_spike and i >= count - spike_per_day:
                template = rng.choice(SPIKE_TEMPLATES)
            else:
                template = rng.choice(TEMPLATES[rng.choices(themes, weights)[0]])
            place = rng.choice(places)
            moment = day_start - timedelta(seconds=rng.randint(0, 86_000))
            yield {
                "text": template.format(place=place),
                "date": moment.isoformat(timespec="seconds"),
                "channel": "online" if rng.random() < 0.85 else "media",
                "url": f"https://voorbeeld.example/bericht/{d}-{i}",
                "author": f"@inwoner{rng.randint(1, 400)}",
                "neighbourhood": place if rng.random() < 0.6 else "",
            }
