"""Start conversations in pairs: propose by meaning of the learning questions, then adjust."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
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


def question_vectors(registrations: list[Registration]) -> np.ndarray:
    """Embeddings of the learning questions; only new or changed questions are embedded again."""
    texts = [_question(r) for r in registrations]
    hashes = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
    stale = [
        i for i, r in enumerate(registrations) if r.question_vector_hash != hashes[i] or not r.question_vector
    ]
    fresh = embed([texts[i] for i in stale]) if stale else np.zeros((0, 512), dtype=np.float32)
    for row, i in enumerate(stale):
        registration = registrations[i]
        registration.question_vector = fresh[row].astype(np.float32).tobytes()
        registration.question_vector_hash = hashes[i]
        registration.save(update_fields=["question_vector", "question_vector_hash"])
    if not registrations:
        return np.zeros((0, 512), dtype=np.float32)
    return np.vstack([np.frombuffer(bytes(r.question_vector), dtype=np.float32) for r in registrations])


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
    vectors = question_vectors(registrations)
    proposed, left = propose_pairs(items, vectors)
    Pair.objects.filter(edition=edition).delete()
    pairs = [
        Pair.objects.create(edition=edition, first_id=p.first, second_id=p.second, score=p.score)
        for p in proposed
    ]
    record(action="learning.pairs_proposed", obj=edition, membership=membership)
    by_id = {r.pk: r for r in registrations}
    return pairs, [by_id[pk] for pk in left]


def _tell_pair(pair: Pair) -> None:
    from django.utils import timezone
    from django.utils.formats import date_format

    from ..models import NotificationKind
    from .calendar import pair_ics
    from .notify import notify_registrations

    assert pair.scheduled_at is not None
    when = date_format(timezone.localtime(pair.scheduled_at), "l j F Y \\o\\m H:i")
    notify_registrations(
        [pair.first, pair.second],
        kind=NotificationKind.PAIR,
        subject=f"Uw startgesprek: {pair.first.municipality} en {pair.second.municipality}",
        body=f"Uw gemeente voert het startgesprek samen met een andere gemeente: {pair.first.municipality} "
        f"en {pair.second.municipality}. Het gesprek is op {when}, online. U kent elkaars leervragen "
        "vooraf via de deelnemerspagina. In de bijlage staat de afspraak voor uw agenda.",
        ics=pair_ics(pair),
        ics_name="startgesprek.ics",
    )


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
    before = (pair.first_id, pair.second_id, pair.scheduled_at)
    pair.first, pair.second, pair.scheduled_at = first, second, scheduled_at
    pair.save()
    if scheduled_at is not None and before != (pair.first_id, pair.second_id, pair.scheduled_at):
        _tell_pair(pair)
    record(
        action="learning.pair_updated",
        obj=pair,
        membership=membership,
        fields=["first", "second", "scheduled_at"],
    )
    return pair
