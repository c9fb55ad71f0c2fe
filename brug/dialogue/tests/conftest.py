"""Fixtures for the dialogue tests: an open dialogue of the tenancy's municipality, residents."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from brug.core.models import Membership
from brug.dialogue import services
from brug.dialogue.models import Dialogue, Moderation, Statement
from brug.dialogue.selectors import forget_vote_targets

SEEDS = [
    "Windmolens zijn nodig voor het klimaat.",
    "De molens verpesten het uitzicht.",
    "Omwonenden moeten meeprofiteren van de opbrengst.",
    "Ik maak me zorgen over geluid in de wijk.",
    "Inwoners moeten meebeslissen over de plek.",
    "Liever zonnepanelen op daken dan molens.",
    "Er moet een onafhankelijk klachtenloket komen.",
    "De gemeente heeft ons te laat betrokken.",
]


@pytest.fixture(autouse=True)
def _clean_caches() -> None:
    cache.clear()  # rate-limit counters must not leak between tests
    forget_vote_targets()


def make_dialogue(org: Any, user: Any, **overrides: Any) -> Dialogue:
    membership = Membership.objects.get(organisation=org, user=user)
    fields: dict[str, Any] = {
        "slug": "windmolens",
        "title": "Windmolens bij Noorderveld",
        "question": "Hoe kijkt u aan tegen windmolens bij Noorderveld?",
        "introduction": "De gemeente wil weten wat er leeft.",
        "moderation": Moderation.BEFORE,
        "opens_at": timezone.now() - timedelta(days=1),
        "closes_at": timezone.now() + timedelta(days=10),
        "map_public": True,
        "allow_statements": True,
    }
    fields.update(overrides)
    seeds = fields.pop("seeds", SEEDS)
    return services.create_dialogue(membership=membership, seed_statements=seeds, **fields)


@pytest.fixture
def dialogue(tenancy: Any) -> Dialogue:
    return make_dialogue(tenancy.org, tenancy.coordinator)


def first_statement(dialogue: Dialogue) -> Statement:
    return Statement.objects.filter(dialogue=dialogue).order_by("number").first()  # type: ignore[return-value]


def resident_client(dialogue: Dialogue) -> Client:
    """A resident's browser after opening the dialogue page (which hands out the anonymous cookie)."""
    client = Client()
    client.get(f"/d/{dialogue.slug}/")
    return client


def vote(client: Client, dialogue: Dialogue, statement: Statement, value: str) -> Any:
    if "brug_dialoog" not in client.cookies:
        client.get(f"/d/{dialogue.slug}/")
    return client.post(f"/d/{dialogue.slug}/stem/", {"statement": statement.pk, "vote": value})
