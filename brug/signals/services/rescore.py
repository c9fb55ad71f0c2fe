"""Bringing stored message scores up to date when brug.text's model version changes (issue 16.6).

Every stored score records the model version it came from (`Signal.model_version`). When the
version brug.text gives now differs, `start_refresh` opens (or continues) a ScoreRefresh for the
organisation and `refresh_batch` rescores one batch in id order: scores, "waarom" and theme links
are replaced and the daily stats corrected in the same transaction, so the monitor and the
messages page never mix two versions within one message. Idempotent (only messages whose version
differs are picked) and resumable (`last_id`; a restarted worker, the beat check or
`manage.py rescore_signals` carries on where the last batch ended). Celery lives in ..tasks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from brug.core.audit import record

from ..classify import classifier_for
from ..models import ScoreRefresh, Signal
from . import stats

if TYPE_CHECKING:
    from brug.core.models import Organisation

BATCH = 500


def outdated(*, organisation_id: int, version: str) -> QuerySet[Signal]:
    """Published messages with a text whose scores came from another model version."""
    return (
        Signal.objects.filter(organisation_id=organisation_id, published=True, text_purged_at__isnull=True)
        .exclude(text="")
        .exclude(model_version=version)
    )


@transaction.atomic
def start_refresh(*, organisation: Organisation, thorough: bool = True) -> ScoreRefresh | None:
    """Open a refresh to the current model version; the running one when it already is; None when
    every stored score is current (nothing to do).

    thorough=False (the periodic check) trusts a finished refresh to the current version instead
    of counting the organisation's messages again: new messages are scored with the current
    version when they are stored.
    """
    version = classifier_for(organisation).version
    refresh = ScoreRefresh.objects.select_for_update().filter(organisation=organisation).first()
    if refresh is not None and refresh.model_version == version and (refresh.running or not thorough):
        return refresh if refresh.running else None
    total = outdated(organisation_id=organisation.pk, version=version).count()
    if not total:
        return None
    now = timezone.now()
    refresh, _ = ScoreRefresh.objects.update_or_create(
        organisation=organisation,
        defaults={
            "model_version": version,
            "total": total,
            "done": 0,
            "last_id": 0,
            "started_at": now,
            "heartbeat_at": None,  # no batch yet: the caller queues the work
            "finished_at": None,
        },
    )
    record(
        action="signals.scores.refresh_started",
        obj=refresh,
        organisation=organisation,
        actor_label="systeem (nieuwe modelversie)",
        fields=["model_version", "total"],
    )
    return refresh


@transaction.atomic
def refresh_batch(*, organisation_id: int, size: int = BATCH) -> bool:
    """Rescore the next batch of outdated messages; True while more remain."""
    refresh = (
        ScoreRefresh.objects.select_for_update()
        .select_related("organisation")
        .filter(organisation_id=organisation_id)
    ).first()
    if refresh is None or not refresh.running:
        return False
    scorer = classifier_for(refresh.organisation)
    if scorer.version != refresh.model_version:
        # The model changed again during the run (a second deploy): aim at the new version and
        # start over from the first id; what this run already did is picked again by `outdated`.
        refresh.model_version = scorer.version
        refresh.last_id = 0
        refresh.total = (
            refresh.done + outdated(organisation_id=organisation_id, version=scorer.version).count()
        )
    batch = list(
        outdated(organisation_id=organisation_id, version=refresh.model_version)
        .filter(pk__gt=refresh.last_id)
        .order_by("pk")
        .only("pk", "text")[:size]
    )
    now = timezone.now()
    if not batch:
        refresh.finished_at = now
        refresh.heartbeat_at = now
        refresh.save()
        record(
            action="signals.scores.refresh_finished",
            obj=refresh,
            organisation=refresh.organisation,
            actor_label="systeem (nieuwe modelversie)",
            fields=["model_version", "done"],
        )
        return False
    ids = [s.pk for s in batch]
    # Out of the daily stats with the old scores and themes, back in with the new ones.
    stats.remove_signals(organisation_id=organisation_id, signal_ids=ids)
    scored = scorer.score_many([s.text for s in batch])
    for signal, s in zip(batch, scored, strict=True):
        signal.tone, signal.hostility, signal.framing = s.tone, s.hostility, s.framing
        signal.why, signal.model_version = s.why, s.model
    Signal.objects.bulk_update(batch, ["tone", "hostility", "framing", "why", "model_version"])
    through = Signal.themes.through
    through.objects.filter(signal_id__in=ids).delete()
    through.objects.bulk_create(
        [
            through(signal_id=sig.pk, theme_id=tid)
            for sig, s in zip(batch, scored, strict=True)
            for tid in s.theme_ids
        ]
    )
    stats.add_signals(organisation_id=organisation_id, signals=Signal.objects.filter(pk__in=ids))
    refresh.done = min(refresh.total, refresh.done + len(batch))
    refresh.last_id = ids[-1]
    refresh.heartbeat_at = now
    refresh.save()
    return True
