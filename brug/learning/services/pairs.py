"""Start conversations in pairs: propose by meaning of the learning questions, then adjust."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership
from brug.text.embeddings import embed

from ..algorithms.pairing import Item, propose_pairs
from ..models import Edition, Pair, Registration, Status


def _question(r: Registration) -> str:
    intake = getattr(r, "intake", None)
    extra = intake.learning_questions if intake is not None else ""
    return f"{r.learning_question}\n{extra}".strip()


@transaction.atomic
def propose_and_store(*, membership: Membership, edition: Edition) -> tuple[list[Pair], list[Registration]]:
    """Replace the edition's pairs by a new proposal; registrations not rejected take part."""
    registrations = list(
        Registration.objects.filter(edition=edition)
        .exclude(status=Status.REJECTED)
        .select_related("municipality", "intake")
        .order_by("pk")
    )
    items = [Item(id=r.pk, size=r.size, region=r.region) for r in registrations]
    vectors = embed([_question(r) for r in registrations])
    proposed, left = propose_pairs(items, vectors)
    Pair.objects.filter(edition=edition).delete()
    pairs = [
        Pair.objects.create(edition=edition, first_id=p.first, second_id=p.second, score=p.score)
        for p in proposed
    ]
    record(action="learning.pairs_proposed", obj=edition, membership=membership)
    by_id = {r.pk: r for r in registrations}
    return pairs, [by_id[pk] for pk in left]


@transaction.atomic
def update_pair(
    *,
    membership: Membership,
    pair: Pair,
    first: Registration,
    second: Registration,
    scheduled_at: dt.datetime | None,
) -> Pair:
    if first == second:
        raise ValueError("Een koppel bestaat uit twee verschillende gemeenten.")
    pair.first, pair.second, pair.scheduled_at = first, second, scheduled_at
    pair.save()
    record(
        action="learning.pair_updated",
        obj=pair,
        membership=membership,
        fields=["first", "second", "scheduled_at"],
    )
    return pair
