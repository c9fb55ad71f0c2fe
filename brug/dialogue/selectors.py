"""Every read of the dialogue part. Officer reads are scoped to the membership's organisation."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from brug.core.hooks import PublicDialogue
from brug.core.models import Membership, Organisation
from brug.opinion.matrix import MIN_VOTES

from .models import Dialogue, Participant, Statement, StatementStatus, Vote

GROUP_LETTERS = "ABCDEFGHIJ"


def group_label(group: int | str) -> str:
    index = int(group)
    return f"Groep {GROUP_LETTERS[index] if index < len(GROUP_LETTERS) else index + 1}"


def dialogues_for(*, membership: Membership) -> QuerySet[Dialogue]:
    return Dialogue.objects.filter(organisation=membership.organisation).annotate(
        n_participants=Count("participants", distinct=True),
        n_pending=Count("statements", filter=Q(statements__status=StatementStatus.PENDING), distinct=True),
    )


def dialogue_for(*, membership: Membership, slug: str) -> Dialogue:
    return get_object_or_404(Dialogue, organisation=membership.organisation, slug=slug)


def statement_for(*, dialogue: Dialogue, pk: int) -> Statement:
    return get_object_or_404(Statement, dialogue=dialogue, pk=pk)


def public_dialogue(*, slug: str, with_result: bool = True) -> Dialogue:
    qs = Dialogue.objects.select_related("organisation")
    if not with_result:
        # The stored map can be hundreds of kB of JSON: a vote must not read and parse it.
        qs = qs.defer("result", "cluster_state")
    return get_object_or_404(qs, slug=slug)


# slug -> (expires, id, opens_at, closes_at): what a vote needs, kept a few seconds in this process
# so that the hot path saves a query. Closing a dialogue reaches every process within VOTE_TARGET_TTL.
_vote_targets: dict[str, tuple[float, int, datetime, datetime | None]] = {}
VOTE_TARGET_TTL = 5.0


def vote_target(*, slug: str) -> Dialogue:
    """A light Dialogue (id, slug, open/close dates) for the vote request; 404 for an unknown slug."""
    now = time.monotonic()
    hit = _vote_targets.get(slug)
    if hit is None or hit[0] < now:
        row = Dialogue.objects.filter(slug=slug).values_list("id", "opens_at", "closes_at").first()
        if row is None:
            raise Http404
        hit = (now + VOTE_TARGET_TTL, *row)
        if len(_vote_targets) > 1000:
            _vote_targets.clear()
        _vote_targets[slug] = hit
    return Dialogue(id=hit[1], slug=slug, opens_at=hit[2], closes_at=hit[3])


def forget_vote_targets() -> None:
    _vote_targets.clear()


def statements_for(*, dialogue: Dialogue, status: str | None = None) -> QuerySet[Statement]:
    qs = Statement.objects.filter(dialogue=dialogue)
    return qs.filter(status=status) if status else qs


def counts_for(*, dialogue: Dialogue) -> dict[str, int]:
    by_status = dict(
        Statement.objects.filter(dialogue=dialogue)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    return {
        "participants": Participant.objects.filter(dialogue=dialogue, votes__isnull=False).distinct().count(),
        "votes": Vote.objects.filter(dialogue=dialogue).count(),
        "confirmed": Participant.objects.filter(dialogue=dialogue).exclude(email_hash="").count(),
        "approved": by_status.get(StatementStatus.APPROVED, 0),
        "pending": by_status.get(StatementStatus.PENDING, 0),
        "rejected": by_status.get(StatementStatus.REJECTED, 0),
    }


@dataclass
class ResidentView:
    """What a resident sees: the next statement, their progress and (when known) their group."""

    participant: Participant | None
    statement: Statement | None
    n_voted: int
    n_statements: int
    group: str | None = None
    group_size: int = 0
    votes_needed: int = 0
    group_statements: list[dict[str, Any]] = field(default_factory=list)


def _shuffle_key(participant_key: str, statement: Statement) -> str:
    # A stable order per resident, different between residents, so no statement always comes first.
    return hashlib.sha256(f"{participant_key}:{statement.pk}".encode()).hexdigest()


def resident_view(*, dialogue: Dialogue, participant: Participant | None, token_hint: str) -> ResidentView:
    approved = list(
        Statement.objects.filter(dialogue=dialogue, status=StatementStatus.APPROVED, is_meta=False)
    )
    voted: set[int] = set()
    if participant is not None:
        voted = set(Vote.objects.filter(participant=participant).values_list("statement_id", flat=True))
    todo = [s for s in approved if s.pk not in voted]
    # Seed statements first (they frame the question), then the residents' own, shuffled.
    todo.sort(key=lambda s: (not s.is_seed, _shuffle_key(token_hint, s)))
    n_voted = len([s for s in approved if s.pk in voted])
    view = ResidentView(
        participant=participant,
        statement=todo[0] if todo else None,
        n_voted=n_voted,
        n_statements=len(approved),
        votes_needed=max(0, min(MIN_VOTES, len(approved)) - n_voted),
    )
    result = dialogue.result or {}
    if participant is not None and str(participant.number) in result.get("groups", {}):
        group = result["groups"][str(participant.number)]
        view.group = group_label(group)
        view.group_size = result.get("group_sizes", {}).get(str(group), 0)
        texts = {s.number: s.text for s in approved}
        view.group_statements = [
            {
                "text": texts[r["statement_id"]],
                "direction": r["direction"],
                "share": round(100 * r["agree_share_in"]),
            }
            for r in result.get("repness", {}).get(str(group), [])[:3]
            if r["statement_id"] in texts
        ]
    return view


def public_dialogues(organisation: Organisation) -> list[PublicDialogue]:
    """The organisation's dialogues as other parts may link to them (fills core.hooks.public_dialogues)."""
    return [
        PublicDialogue(
            key=d.slug, title=d.title, url=reverse("dialogue:resident", args=[d.slug]), status=d.status_label
        )
        for d in Dialogue.objects.filter(organisation=organisation).only(
            "slug", "title", "opens_at", "closes_at"
        )
    ]
