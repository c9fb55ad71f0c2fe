"""Imports left "bezig" (or queued) by a dead worker are failed, and their uploads removed.

Run periodically (``brug.signals.fail_stale_imports`` in CELERY_BEAT_SCHEDULE). A running job
whose heartbeat (set on every bit of progress) is older than ``BRUG_STALE_JOB_MINUTES``, or a
queued job that no worker picked up within ``BRUG_STALE_QUEUED_MINUTES``, is failed through
the pipeline's own ``fail``: staged rows are deleted and the uploaded file is removed. Upload
files that belong to no active job (their job failed, was cancelled or deleted while the file
could not be removed) are removed too once they are older than the threshold.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..models import ImportJob, ImportStatus
from . import pipeline

log = logging.getLogger(__name__)

STALE_MESSAGE = (
    "Het importeren is afgebroken: de verwerking stopte onverwacht (bijvoorbeeld doordat de server "
    "opnieuw startte). Er is niets opgeslagen. Start de import opnieuw."
)


def running_threshold() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "BRUG_STALE_JOB_MINUTES", 30)))


def queued_threshold() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "BRUG_STALE_QUEUED_MINUTES", 120)))


def stale_jobs(now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        ImportJob.objects.annotate(beat=Coalesce("heartbeat_at", "created_at"))
        .filter(
            Q(status=ImportStatus.RUNNING, beat__lt=now - running_threshold())
            | Q(status=ImportStatus.QUEUED, created_at__lt=now - queued_threshold())
        )
        .values_list("pk", flat=True)
    )


def fail_stale_imports(now: datetime | None = None) -> int:
    """Fail every stale import; returns how many."""
    ids = stale_jobs(now)
    for job_id in ids:
        pipeline.fail(job_id, STALE_MESSAGE)
    return len(ids)


def remove_orphan_uploads(now: datetime | None = None) -> int:
    """Remove upload files of jobs that are no longer active (or gone), older than the threshold."""
    now = now or timezone.now()
    folder = pipeline.upload_dir()
    if not folder.is_dir():
        return 0
    active = {
        Path(p).resolve()
        for p in ImportJob.objects.filter(status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING]).values_list(
            "path", flat=True
        )
    }
    cutoff = (now - running_threshold()).timestamp()
    removed = 0
    for path in folder.iterdir():
        if not path.is_file() or path.resolve() in active or path.stat().st_mtime > cutoff:
            continue
        try:
            path.unlink()
            removed += 1
        except OSError:
            log.warning("could not remove orphan import file %s", path.name)
    return removed
