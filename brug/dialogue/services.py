"""Every write of the dialogue part. Moderation decisions go to the audit log.

A vote is the hot path: it writes the vote row (one upsert), marks the dialogue dirty and
leaves the opinion map to a background recompute (see recompute.py).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from brug.core import ratelimit
from brug.core.audit import record
from brug.core.errors import BrugError
from brug.core.models import Membership
from brug.core.ratelimit import Limit
from brug.core.versioning import save_if_unchanged, unique_or_error

from .models import (
    STATEMENT_MAX_LENGTH,
    STATEMENT_MIN_LENGTH,
    Dialogue,
    Moderation,
    Participant,
    RejectReason,
    Statement,
    StatementStatus,
    Vote,
)
from .recompute import background_available, take_schedule_lock
from .selectors import forget_vote_targets
from .tasks import enqueue_recompute, schedule_recompute

VOTE_CODES = {"eens": 1, "oneens": -1, "overslaan": 0}
RATE_LIMIT_VOTES = int(getattr(settings, "BRUG_DIALOGUE_VOTES_PER_MINUTE", 60))


class DialogueError(BrugError):
    """A refusal worded for the resident or officer (Dutch); the view shows it."""

    status = 400


SLUG_TAKEN = "Deze korte naam is al in gebruik. Kies een andere korte naam."


class DialogueClosed(DialogueError):
    status = 403


class RateLimited(DialogueError):
    status = 429


def secret_hash(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def clean_statement_text(text: str) -> str:
    text = " ".join((text or "").split())
    if len(text) < STATEMENT_MIN_LENGTH:
        raise DialogueError(f"Een stelling is minstens {STATEMENT_MIN_LENGTH} tekens lang.")
    if len(text) > STATEMENT_MAX_LENGTH:
        raise DialogueError(f"Een stelling is hoogstens {STATEMENT_MAX_LENGTH} tekens lang (nu {len(text)}).")
    return text


def _next_number(model: type[models.Model], dialogue: Dialogue) -> int:
    top = model.objects.filter(dialogue=dialogue).aggregate(top=models.Max("number"))["top"]  # type: ignore[attr-defined]
    return 0 if top is None else top + 1


def _add_statement(
    *, dialogue: Dialogue, text: str, status: str, is_seed: bool, author: Participant | None
) -> Statement:
    # Two residents may submit at the same moment: retry on a taken number.
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Statement.objects.create(
                    dialogue=dialogue,
                    number=_next_number(Statement, dialogue),
                    text=text,
                    status=status,
                    is_seed=is_seed,
                    author=author,
                )
        except IntegrityError:
            continue
    raise DialogueError("Het lukte niet om de stelling op te slaan. Probeer het nog eens.")


@transaction.atomic
def create_dialogue(*, membership: Membership, seed_statements: list[str], **fields: object) -> Dialogue:
    fields.pop("version", None)
    # Two officers choosing the same short name at once: the unique slug decides, as a form error.
    with unique_or_error(SLUG_TAKEN, error=DialogueError):
        dialogue = Dialogue.objects.create(
            organisation=membership.organisation, created_by=membership.user, **fields
        )
    for text in seed_statements:
        _add_statement(
            dialogue=dialogue,
            text=clean_statement_text(text),
            status=StatementStatus.APPROVED,
            is_seed=True,
            author=None,
        )
    record(action="dialogue.created", obj=dialogue, membership=membership)
    return dialogue


@transaction.atomic
def update_dialogue(
    *, membership: Membership, dialogue: Dialogue, changed: list[str], version: int | None = None
) -> Dialogue:
    """Save a dialogue whose fields a form has already set; StaleObject if someone saved since `version`."""
    # Only the fields the officer changed: a recompute may have stored a new result meanwhile.
    concrete = {f.name for f in Dialogue._meta.concrete_fields}
    with unique_or_error(SLUG_TAKEN, error=DialogueError):
        save_if_unchanged(dialogue, version=version, fields=[f for f in changed if f in concrete])
    forget_vote_targets()  # this process sees new dates at once, others within a few seconds
    record(action="dialogue.updated", obj=dialogue, membership=membership, fields=changed)
    return dialogue


@transaction.atomic
def add_seed_statement(*, membership: Membership, dialogue: Dialogue, text: str) -> Statement:
    statement = _add_statement(
        dialogue=dialogue,
        text=clean_statement_text(text),
        status=StatementStatus.APPROVED,
        is_seed=True,
        author=None,
    )
    record(action="dialogue.statement_added", obj=statement, membership=membership)
    return statement


@transaction.atomic
def moderate_statement(
    *,
    membership: Membership,
    statement: Statement,
    approve: bool,
    reason: str = "",
    version: int | None = None,
) -> Statement:
    if not approve and reason not in RejectReason.values:
        raise DialogueError("Kies een reden om de stelling af te keuren.")
    statement.status = StatementStatus.APPROVED if approve else StatementStatus.REJECTED
    statement.reject_reason = "" if approve else reason
    statement.moderated_at = timezone.now()
    # Two moderators deciding at once: the second hears it instead of silently overruling.
    save_if_unchanged(statement, version=version, fields=["status", "reject_reason", "moderated_at"])
    record(
        action="dialogue.statement_approved" if approve else "dialogue.statement_rejected",
        obj=statement,
        membership=membership,
        fields=["status", "reject_reason"],
    )
    # A rejected statement leaves the map; an approved one will get votes.
    mark_dirty(dialogue_id=statement.dialogue_id)
    return statement


# ---- residents ---------------------------------------------------------------------------------


def participant_for(*, dialogue: Dialogue, token: str, create: bool) -> Participant | None:
    token_hash = secret_hash(token)
    found = Participant.objects.filter(dialogue=dialogue, token_hash=token_hash).first()
    if found is not None or not create:
        return found
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Participant.objects.create(
                    dialogue=dialogue, token_hash=token_hash, number=_next_number(Participant, dialogue)
                )
        except IntegrityError:
            found = Participant.objects.filter(dialogue=dialogue, token_hash=token_hash).first()
            if found is not None:
                return found
    raise DialogueError("Het lukte niet om uw stem op te slaan. Probeer het nog eens.")


VOTES_PER_MINUTE = Limit("dialogue-votes", count=RATE_LIMIT_VOTES, seconds=60)


def check_rate(*, token: str, dialogue: Dialogue) -> None:
    # Counts per token per minute in the shared cache; a person voting by hand never gets near it.
    if not ratelimit.allow(VOTES_PER_MINUTE, f"{dialogue.pk}:{secret_hash(token)[:32]}"):
        raise RateLimited("U stemt erg snel achter elkaar. Wacht een minuut en probeer het dan opnieuw.")


def parse_vote(value: str) -> int:
    if value not in VOTE_CODES:
        raise DialogueError("Kies eens, oneens of overslaan.")
    return VOTE_CODES[value]


UPSERT_VOTE = """
INSERT INTO {vote} (dialogue_id, participant_id, statement_id, value, created_at, updated_at)
SELECT %s, p.id, s.id, %s, %s, %s FROM {participant} p, {statement} s
WHERE p.dialogue_id = %s AND p.token_hash = %s AND s.id = %s AND s.dialogue_id = %s AND s.status = %s
  AND NOT s.is_meta
ON CONFLICT (participant_id, statement_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
"""


def _upsert_vote(*, dialogue: Dialogue, token_hash: str, statement_id: int, code: int, now: datetime) -> bool:
    """One statement: find the participant and the approved statement, insert or replace the vote.

    Returns False when the participant or the statement was not found (nothing written).
    """
    sql = UPSERT_VOTE.format(
        vote=Vote._meta.db_table, participant=Participant._meta.db_table, statement=Statement._meta.db_table
    )
    stamp = connection.ops.adapt_datetimefield_value(now)
    params = [
        dialogue.pk,
        code,
        stamp,
        stamp,
        dialogue.pk,
        token_hash,
        statement_id,
        dialogue.pk,
        StatementStatus.APPROVED.value,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount > 0


def cast_vote(
    *, dialogue: Dialogue, token: str, statement_id: int, value: str, now: datetime | None = None
) -> None:
    """Store (or replace) one vote. Only writes the vote row (and, once per recompute, the dirty flag).

    The usual case is a single SQL statement; a first vote also creates the participant.
    """
    now = now or timezone.now()
    if not dialogue.is_open(now):
        raise DialogueClosed("Deze dialoog is gesloten. U kunt niet meer stemmen.")
    code = parse_vote(value)
    check_rate(token=token, dialogue=dialogue)
    token_hash = secret_hash(token)
    if not _upsert_vote(
        dialogue=dialogue, token_hash=token_hash, statement_id=statement_id, code=code, now=now
    ):
        if not Statement.objects.filter(
            dialogue=dialogue, pk=statement_id, status=StatementStatus.APPROVED, is_meta=False
        ).exists():
            raise DialogueError("Deze stelling bestaat niet (meer) in deze dialoog.")
        with transaction.atomic():
            participant_for(dialogue=dialogue, token=token, create=True)
            _upsert_vote(
                dialogue=dialogue, token_hash=token_hash, statement_id=statement_id, code=code, now=now
            )
    vote_recorded(dialogue_id=dialogue.pk)


def submit_statement(*, dialogue: Dialogue, token: str, text: str) -> Statement:
    if not dialogue.is_open():
        raise DialogueClosed("Deze dialoog is gesloten. U kunt geen stellingen meer toevoegen.")
    if not dialogue.allow_statements:
        raise DialogueClosed("In deze dialoog kunnen inwoners geen eigen stellingen toevoegen.")
    text = clean_statement_text(text)
    check_rate(token=token, dialogue=dialogue)
    participant = participant_for(dialogue=dialogue, token=token, create=True)
    if Statement.objects.filter(dialogue=dialogue, text__iexact=text).exists():
        raise DialogueError("Deze stelling staat er al.")
    status = StatementStatus.PENDING if dialogue.moderation == Moderation.BEFORE else StatementStatus.APPROVED
    return _add_statement(dialogue=dialogue, text=text, status=status, is_seed=False, author=participant)


def mark_dirty(*, dialogue_id: int) -> None:
    # Only writes when the flag is not set yet, so most calls do not touch the dialogue row.
    Dialogue.objects.filter(pk=dialogue_id, dirty=False).update(dirty=True)
    transaction.on_commit(lambda: schedule_recompute(dialogue_id))


def vote_recorded(*, dialogue_id: int) -> None:
    """After a committed vote: make sure a recompute will follow.

    With a worker, a vote that finds the debounce lock taken does nothing at all: the scheduled
    recompute has not started yet (it drops the lock before it reads the votes), so it will see
    this vote. Only the vote that takes the lock sets `dirty` and schedules the task.
    Without a worker, only the flag is set; the map page recomputes.
    """
    if not background_available():
        Dialogue.objects.filter(pk=dialogue_id, dirty=False).update(dirty=True)
    elif take_schedule_lock(dialogue_id):
        Dialogue.objects.filter(pk=dialogue_id, dirty=False).update(dirty=True)
        enqueue_recompute(dialogue_id)
