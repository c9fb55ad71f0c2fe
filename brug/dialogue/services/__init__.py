"""Every write of the dialogue part. Moderation decisions, imports and confirmed emails go to the audit log.

A vote is the hot path: it writes the vote row (one upsert), marks the dialogue dirty and
leaves the opinion map to a background recompute (see recompute.py); storing the recomputed map is
`services/opinion_map.py`, apart because the recompute task calls it and this module enqueues tasks.
"""

from __future__ import annotations

import functools
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from brug.core import ratelimit
from brug.core.audit import record
from brug.core.models import Membership
from brug.core.ratelimit import Limit
from brug.core.versioning import save_if_unchanged, unique_or_error

from .. import emailcheck, polis
from ..common import DialogueClosed, DialogueError, RateLimited, secret_hash
from ..models import (
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
from ..recompute import background_available, take_schedule_lock
from ..selectors import forget_vote_targets
from ..tasks import enqueue_recompute, schedule_recompute

if TYPE_CHECKING:
    from brug.text import Classifier

VOTE_CODES = {"eens": 1, "oneens": -1, "overslaan": 0}
RATE_LIMIT_VOTES = int(getattr(settings, "BRUG_DIALOGUE_VOTES_PER_MINUTE", 60))


SLUG_TAKEN = "Deze korte naam is al in gebruik. Kies een andere korte naam."


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


def screen_statement(text: str) -> dict[str, object]:
    """brug.text's verdict on a resident's statement, as the fields stored on Statement.

    Flagged when the engine finds it hostile (threat, insult, dehumanisation); `text_why` is the
    engine's own explanation in Dutch (rules that fired, words that weighed most), with us-them
    framing added as context. Framing alone does not flag: "niet naast ons dorp" is what a
    dialogue is for. A text the engine cannot score is flagged with the reason, so a person looks.
    """
    result = _classifier().classify(text)
    if result.unknown is not None:
        return {
            "text_flagged": True,
            "text_hostility": None,
            "text_framing": None,
            "text_why": [f"Niet te beoordelen door de tekstanalyse: {result.unknown}."],
            "text_model": result.model,
        }
    why: list[str] = []
    if result.hostile:
        why.append(f"Mogelijk vijandig (score {result.hostility:.2f}).")
        why += [str(line) for line in result.why.get("hostility", [])]
        if result.framed:
            why.append(f"Ook wij-zij-denken (score {result.framing:.2f}).")
            why += [str(line) for line in result.why.get("framing", [])]
    return {
        "text_flagged": result.hostile,
        "text_hostility": result.hostility,
        "text_framing": result.framing,
        "text_why": why,
        "text_model": result.model,
    }


@functools.cache
def _classifier() -> Classifier:
    # One engine per process, built on first use: the lexicons compile and the model loads once.
    from brug.text import Classifier

    return Classifier()


def _add_statement(
    *,
    dialogue: Dialogue,
    text: str,
    status: str,
    is_seed: bool,
    author: Participant | None,
    screening: dict[str, object] | None = None,
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
                    **(screening or {}),
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
    record(action="dialogue.dialogue.create", obj=dialogue, membership=membership)
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
    record(action="dialogue.dialogue.update", obj=dialogue, membership=membership, fields=changed)
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
    record(action="dialogue.statement.add", obj=statement, membership=membership)
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
        action="dialogue.statement.approve" if approve else "dialogue.statement.reject",
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
    screening = screen_statement(text)
    # Moderation afterwards publishes at once, but never a statement the engine flagged: that one
    # waits in the queue with its why.
    if dialogue.moderation == Moderation.BEFORE or screening["text_flagged"]:
        status = StatementStatus.PENDING
    else:
        status = StatementStatus.APPROVED
    return _add_statement(
        dialogue=dialogue, text=text, status=status, is_seed=False, author=participant, screening=screening
    )


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


def import_polis(
    *, membership: Membership, files: dict[str, bytes], title: str, slug: str, source_note: str
) -> Dialogue:
    """Create a closed dialogue from a Pol.is export: checked first (`polis.read_polis`), then
    written all or nothing."""
    export = polis.read_polis(files=files)
    with transaction.atomic():
        return _write_polis(
            membership=membership, title=title, slug=slug, source_note=source_note, export=export
        )


def _write_polis(
    *, membership: Membership, title: str, slug: str, source_note: str, export: polis.PolisImport
) -> Dialogue:
    texts, last, vote_times, start, end = (
        export.texts,
        export.last,
        export.vote_times,
        export.start,
        export.end,
    )
    dialogue = Dialogue.objects.create(
        organisation=membership.organisation,
        created_by=membership.user,
        slug=slug,
        title=title,
        question=title,
        opens_at=start,
        closes_at=max(end, start) + timedelta(seconds=1),
        source_note=source_note,
        allow_statements=False,
        dirty=True,
    )
    pids = sorted({pid for pid, _ in last} | {int(a) for *_, a in texts.values() if a.isdigit()})
    participants = Participant.objects.bulk_create(
        [
            Participant(
                dialogue=dialogue,
                number=pid,
                token_hash=secret_hash(f"polis-import:{dialogue.pk}:{pid}"),
                created_at=start,
            )
            for pid in pids
        ]
    )
    by_pid = {p.number: p for p in Participant.objects.filter(dialogue=dialogue)} if participants else {}
    statements = Statement.objects.bulk_create(
        [
            Statement(
                dialogue=dialogue,
                number=sid,
                text=text,
                status=polis.STATUS_FROM_POLIS.get(moderated, StatementStatus.APPROVED),
                is_seed=not author,
                # Kept with Pol.is's own moderation, but never voted on nor counted in the map:
                # recompute leaves meta statements out exactly as the engine's reader does.
                is_meta=sid in export.meta,
                author=by_pid.get(int(author)) if author.isdigit() else None,
                created_at=created or start,
            )
            for sid, (text, moderated, created, author) in sorted(texts.items())
        ]
    )
    by_sid = {s.number: s for s in Statement.objects.filter(dialogue=dialogue)} if statements else {}
    Vote.objects.bulk_create(
        [
            Vote(
                dialogue=dialogue,
                participant=by_pid[pid],
                statement=by_sid[sid],
                value=value,
                created_at=vote_times.get((pid, sid), start),
                updated_at=vote_times.get((pid, sid), start),
            )
            for (pid, sid), value in last.items()
        ],
        batch_size=2000,
    )
    record(action="dialogue.dialogue.import", obj=dialogue, membership=membership)
    return dialogue


def send_email_code(*, dialogue: Dialogue, token: str, email: str) -> None:
    """Send a one-time code to confirm that this participant takes part once (see emailcheck.py)."""
    if not dialogue.is_open():
        raise DialogueError("Deze dialoog is gesloten.")
    check_rate(token=token, dialogue=dialogue)
    participant = participant_for(dialogue=dialogue, token=token, create=True)
    assert participant is not None
    if participant.email_hash:
        raise DialogueError("Uw deelname is al bevestigd.")
    email_hash = emailcheck.email_hash(email)
    taken = Participant.objects.filter(dialogue=dialogue, email_hash=email_hash).exists()
    # Why no error for a taken address: the page must not tell anyone whether an address takes
    # part. Both cases store a pending code and send one mail; only the mailbox owner learns
    # which applies. For a taken address the code is never sent, so it can never be confirmed.
    code = f"{secrets.randbelow(1_000_000):06d}"
    cache.set(
        emailcheck.pending_key(participant),
        {"code": secret_hash("code:" + code), "email": email_hash, "attempts": 0},
        timeout=emailcheck.CODE_MINUTES * 60,
    )
    send_mail(
        subject=f"Uw code voor de dialoog ‘{dialogue.title}’",
        message=emailcheck.taken_mail() if taken else emailcheck.code_mail(code),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[email],
    )


def confirm_email_code(*, dialogue: Dialogue, token: str, code: str) -> None:
    """Store the address's keyed hash on the participant when the code is right (audited, no address)."""
    participant = participant_for(dialogue=dialogue, token=token, create=False)
    pending = cache.get(emailcheck.pending_key(participant)) if participant is not None else None
    if participant is None or pending is None:
        raise DialogueError("Vraag eerst een code aan; een code is 15 minuten geldig.")
    if pending["attempts"] >= emailcheck.MAX_ATTEMPTS:
        cache.delete(emailcheck.pending_key(participant))
        raise DialogueError("Te vaak een verkeerde code. Vraag een nieuwe code aan.")
    if not secrets.compare_digest(pending["code"], secret_hash("code:" + code.strip())):
        pending["attempts"] += 1
        cache.set(emailcheck.pending_key(participant), pending, timeout=emailcheck.CODE_MINUTES * 60)
        raise DialogueError("Deze code klopt niet. Controleer de code in uw e-mail.")
    try:
        with transaction.atomic():
            Participant.objects.filter(pk=participant.pk).update(email_hash=pending["email"])
            record(
                action="dialogue.participant.confirm_email",
                obj=participant,
                organisation=dialogue.organisation,
                fields=["email_hash"],
            )
    except IntegrityError as exc:
        raise DialogueError("Met dit e-mailadres doet al iemand mee aan deze dialoog.") from exc
    finally:
        cache.delete(emailcheck.pending_key(participant))
