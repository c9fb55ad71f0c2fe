"""Start conversations in pairs: propose by meaning of the learning questions, then adjust."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from brug.core.audit import record
from brug.core.models import Membership
from brug.core.versioning import save_if_unchanged
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


def in_the_running(registrations: QuerySet[Registration], *, edition: Edition) -> QuerySet[Registration]:
    """Who can sit in a pair: once the selection is decided only the admitted municipalities (not
    the waiting list, not who withdrew); before that everyone not rejected or withdrawn."""
    if edition.selection_decided_at is not None:
        return registrations.filter(status=Status.SELECTED)
    return registrations.exclude(status__in=[Status.REJECTED, Status.WITHDRAWN])


@transaction.atomic
def propose_and_store(*, membership: Membership, edition: Edition) -> tuple[list[Pair], list[Registration]]:
    """Replace the edition's pairs by a new proposal among the municipalities in the running."""
    registrations = list(
        in_the_running(Registration.objects.filter(edition=edition), edition=edition)
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
    by_id = {r.pk: r for r in registrations}
    position = {r.pk: i for i, r in enumerate(registrations)}
    if len(left) == 1 and pairs:
        # An odd one out joins the pair whose questions are closest to its own: a trio.
        alone = left[0]

        def closeness(pair: Pair) -> float:
            v = vectors[position[alone]]
            return float(v @ vectors[position[pair.first_id]] + v @ vectors[position[pair.second_id]])

        best = max(pairs, key=lambda pair: (closeness(pair), -pair.pk))
        best.third_id = alone
        best.save(update_fields=["third"])
        left = []
    record(action="learning.pairs.propose", obj=edition, membership=membership)
    return pairs, [by_id[pk] for pk in left]


class PairError(ValueError):
    """A refused pair; the message is Dutch and shown to the facilitator."""


def _check_members(pair: Pair, members: list[Registration]) -> None:
    if len({m.pk for m in members}) != len(members):
        raise PairError("Een koppel bestaat uit verschillende gemeenten.")
    if any(m.edition_id != pair.edition_id for m in members):
        raise PairError("Een koppel bestaat uit gemeenten van deze editie.")
    others = Pair.objects.filter(edition_id=pair.edition_id).exclude(pk=pair.pk)
    taken = {pk for row in others.values_list("first_id", "second_id", "third_id") for pk in row if pk}
    double = [m for m in members if m.pk in taken]
    if double:
        names = ", ".join(str(m.municipality) for m in double)
        raise PairError(f"{names} zit al in een ander koppel. Een gemeente zit in één koppel.")


@transaction.atomic
def remove_pair(*, membership: Membership, pair: Pair) -> None:
    record(action="learning.pair.delete", obj=pair, membership=membership)
    pair.delete()


def _tell_pair(pair: Pair) -> None:
    from django.utils.formats import date_format

    from ..models import NotificationKind
    from .calendar import pair_ics
    from .notify import notify_registrations

    assert pair.scheduled_at is not None
    when = date_format(timezone.localtime(pair.scheduled_at), "l j F Y \\o\\m H:i")
    notify_registrations(
        pair.members,
        kind=NotificationKind.PAIR,
        subject=f"Uw startgesprek: {pair.names}",
        body=f"Uw gemeente voert het startgesprek samen met "
        f"{'andere gemeenten' if pair.third_id else 'een andere gemeente'}: {pair.names}. Het gesprek is op "
        f"{when}, online. U kent elkaars leervragen vooraf via de deelnemerspagina. In de bijlage staat de "
        "afspraak voor uw agenda.",
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
    third: Registration | None = None,
    version: int | None = None,
) -> Pair:
    _check_members(pair, [m for m in (first, second, third) if m is not None])
    if scheduled_at is not None and scheduled_at < timezone.now() and scheduled_at != pair.scheduled_at:
        raise PairError("De datum van het startgesprek ligt in het verleden. Kies een datum in de toekomst.")
    before = (pair.first_id, pair.second_id, pair.third_id, pair.scheduled_at)
    pair.first, pair.second, pair.third, pair.scheduled_at = first, second, third, scheduled_at
    save_if_unchanged(pair, version=version)  # StaleObject if someone saved since
    if scheduled_at is not None and before != (
        pair.first_id,
        pair.second_id,
        pair.third_id,
        pair.scheduled_at,
    ):
        _tell_pair(pair)
    record(
        action="learning.pair.update",
        obj=pair,
        membership=membership,
        fields=["first", "second", "third", "scheduled_at"],
    )
    return pair
