"""Demo dialogues for Voorbeeldstad: an open one about wind turbines and an imported Pol.is one.

Idempotent: an existing dialogue (by slug) is left alone. The votes are simulated residents of
three kinds (for, against, "only if the neighbourhood shares in it"), so the map shows groups.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from brug.core.demo import DemoContext
from brug.core.models import Membership

from .models import Dialogue, Moderation, Participant, Statement, StatementStatus, Vote
from .services import create_dialogue, import_polis, secret_hash
from .services.opinion_map import recompute_map

WIND_SLUG = "windmolens-noorderveld"
SEATTLE_SLUG = "minimumloon-seattle"
SEATTLE_DIR = Path(__file__).parent / "demo_data" / "15-per-hour-seattle"

# Statement, then the chance to agree for the three kinds of resident: for, against, conditional.
WIND_STATEMENTS: list[tuple[str, tuple[float, float, float]]] = [
    ("Windmolens bij Noorderveld zijn nodig om onze klimaatdoelen te halen.", (0.95, 0.15, 0.6)),
    ("De molens verpesten het uitzicht over de polder.", (0.1, 0.9, 0.45)),
    ("Ik maak me zorgen over geluid en slagschaduw in de wijk.", (0.2, 0.95, 0.7)),
    ("Omwonenden moeten mee kunnen verdienen aan de opbrengst van de molens.", (0.7, 0.45, 0.97)),
    ("Een energiecoöperatie van inwoners zou de molens moeten bezitten.", (0.6, 0.25, 0.95)),
    ("De gemeente heeft ons te laat betrokken bij dit plan.", (0.35, 0.95, 0.85)),
    ("Liever zonnepanelen op daken dan windmolens in het landschap.", (0.2, 0.9, 0.5)),
    ("Windmolens zijn goed voor de lokale werkgelegenheid.", (0.8, 0.15, 0.5)),
    ("De afstand tot de huizen moet minstens 1 kilometer zijn.", (0.25, 0.95, 0.75)),
    ("Ik vertrouw de metingen van het geluid door de ontwikkelaar niet.", (0.15, 0.9, 0.55)),
    ("Het is eerlijk dat elke wijk een deel van de energie-opwek draagt.", (0.9, 0.2, 0.7)),
    ("Er moet een onafhankelijk loket komen voor klachten over de molens.", (0.8, 0.85, 0.95)),
    ("De opbrengst moet deels naar een fonds voor de wijk gaan.", (0.75, 0.5, 0.95)),
    ("Inwoners moeten mogen meebeslissen over de plek van de molens.", (0.6, 0.9, 0.95)),
    ("Ik ben bang dat mijn huis minder waard wordt.", (0.1, 0.9, 0.55)),
]
RESIDENT_STATEMENTS = [
    ("Kunnen de molens 's nachts stiller draaien?", StatementStatus.APPROVED, ""),
    ("Maak een proefperiode van twee jaar met een evaluatie door de buurt.", StatementStatus.PENDING, ""),
    ("Wethouder X liegt over alles en moet weg.", StatementStatus.REJECTED, "persoonlijk"),
    ("Laat de kinderen op school meedenken over de energie van de toekomst.", StatementStatus.PENDING, ""),
]
KINDS = (0.42, 0.36, 0.22)
N_RESIDENTS = 260


def _simulate_votes(dialogue: Dialogue) -> None:
    rng = random.Random(2026)  # noqa: S311 - simulation, not security
    start = timezone.now() - timedelta(days=12)
    statements = list(
        Statement.objects.filter(dialogue=dialogue, status=StatementStatus.APPROVED).order_by("number")
    )
    chances = {
        s.number: WIND_STATEMENTS[s.number][1] if s.number < len(WIND_STATEMENTS) else (0.5, 0.6, 0.8)
        for s in statements
    }
    participants = []
    kinds = []
    for number in range(N_RESIDENTS):
        # Many people join in the first days, then a tail.
        joined = start + timedelta(hours=min(280.0, rng.expovariate(1 / 60)))
        participants.append(
            Participant(
                dialogue=dialogue,
                number=number,
                token_hash=secret_hash(f"demo:{dialogue.pk}:{number}"),
                created_at=joined,
            )
        )
        kinds.append(rng.choices(range(3), weights=KINDS)[0])
    Participant.objects.bulk_create(participants)
    saved = {p.number: p for p in Participant.objects.filter(dialogue=dialogue)}
    votes = []
    for participant, kind in zip(participants, kinds, strict=True):
        seen = rng.sample(statements, k=rng.randint(min(8, len(statements)), len(statements)))
        for i, statement in enumerate(seen):
            roll = rng.random()
            if roll < 0.08:
                value = 0
            else:
                value = 1 if rng.random() < chances[statement.number][kind] else -1
            at = participant.created_at + timedelta(seconds=20 * i)
            votes.append(
                Vote(
                    dialogue=dialogue,
                    participant=saved[participant.number],
                    statement=statement,
                    value=value,
                    created_at=at,
                    updated_at=at,
                )
            )
    Vote.objects.bulk_create(votes, batch_size=2000)


def load_wind(membership: Membership) -> Dialogue:
    existing = Dialogue.objects.filter(slug=WIND_SLUG).first()
    if existing is not None:
        return existing
    dialogue = create_dialogue(
        membership=membership,
        seed_statements=[text for text, _ in WIND_STATEMENTS],
        slug=WIND_SLUG,
        title="Windmolens bij Noorderveld",
        question="Hoe kijkt u aan tegen drie windmolens ten noorden van Noorderveld?",
        introduction=(
            "De gemeente onderzoekt of er drie windmolens kunnen komen in de polder ten noorden van Noorderveld. "
            "Voordat de gemeenteraad besluit, willen we weten wat er leeft. Stem op de stellingen en voeg zelf "
            "toe wat u mist. Er zijn geen goede of foute antwoorden."
        ),
        moderation=Moderation.BEFORE,
        opens_at=timezone.now() - timedelta(days=12),
        closes_at=timezone.now() + timedelta(days=30),
        map_public=True,
        allow_statements=True,
    )
    for text, status, reason in RESIDENT_STATEMENTS:
        number = Statement.objects.filter(dialogue=dialogue).count()
        Statement.objects.create(
            dialogue=dialogue, number=number, text=text, status=status, reject_reason=reason
        )
    _simulate_votes(dialogue)
    recompute_map(dialogue_id=dialogue.pk)
    return dialogue


def load_seattle(membership: Membership) -> Dialogue | None:
    if Dialogue.objects.filter(slug=SEATTLE_SLUG).exists() or not SEATTLE_DIR.is_dir():
        return None
    files = {path.name: path.read_bytes() for path in SEATTLE_DIR.glob("*.csv")}
    dialogue = import_polis(
        membership=membership,
        files=files,
        title="Minimumloon van $15 per uur (Seattle, 2014)",
        slug=SEATTLE_SLUG,
        source_note=(
            "Data was gathered using the Polis software (compdemocracy.org/polis) and is sub-licensed under "
            "CC BY 4.0 with Attribution to The Computational Democracy Project. "
            "https://compdemocracy.org/case-studies/2014-seattle-15-per-hour"
        ),
    )
    Dialogue.objects.filter(pk=dialogue.pk).update(
        question="Hoe zal het nieuwe minimumloon van $15 per uur Seattle beïnvloeden? (Engelstalig voorbeeld uit Pol.is)"
    )
    recompute_map(dialogue_id=dialogue.pk)
    return dialogue


def load(ctx: DemoContext) -> None:
    org = ctx.orgs["voorbeeldstad"]
    user = ctx.users.get("coordinator")
    membership = Membership.objects.filter(organisation=org, user=user).first() if user else None
    if membership is None:
        membership = Membership.objects.filter(organisation=org).first()
    if membership is None:
        return
    load_wind(membership)
    load_seattle(membership)
