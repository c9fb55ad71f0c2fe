"""Imports left "bezig" by a dead worker are failed with a Dutch message and their uploads removed."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from brug.core.models import Membership
from brug.signals.models import ImportJob, ImportStatus, Signal
from brug.signals.services import pipeline, stale, start_import
from brug.signals.tasks import fail_stale_imports

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _media(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


def _job(tenancy) -> ImportJob:  # type: ignore[no-untyped-def]
    membership = Membership.objects.get(user=tenancy.officer, organisation=tenancy.org)
    job = start_import(
        membership=membership,
        upload=SimpleUploadedFile("maand.csv", (DATA / "maand.csv").read_bytes()),
        channel="online",
    )
    job.refresh_from_db()
    return job


def _dead_worker(job: ImportJob, minutes_ago: int) -> None:
    """The worker set the job running, staged one chunk and then died."""
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, total=380)
    pipeline.import_chunk(job.pk, [[2, "Windmolens!", "2026-01-05T10:00:00+01:00", "online", "", "", ""]])
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=minutes_ago))


def test_progress_sets_the_heartbeat(tenancy) -> None:  # type: ignore[no-untyped-def]
    job = _job(tenancy)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    before = timezone.now()
    pipeline.import_chunk(job.pk, [[2, "Windmolens!", "2026-01-05T10:00:00+01:00", "online", "", "", ""]])
    job.refresh_from_db()
    assert job.heartbeat_at is not None and job.heartbeat_at >= before


def test_a_job_left_running_is_failed_and_its_upload_and_staged_rows_removed(tenancy, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BRUG_STALE_JOB_MINUTES = 30
    job = _job(tenancy)
    assert Path(job.path).exists()
    _dead_worker(job, minutes_ago=31)
    assert fail_stale_imports.delay().get() == 1
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "afgebroken" in job.error and "Start de import opnieuw" in job.error
    assert job.finished_at is not None
    assert not Path(job.path).exists()
    assert not Signal.objects.exists()


def test_a_job_with_a_recent_heartbeat_is_left_alone(tenancy, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BRUG_STALE_JOB_MINUTES = 30
    job = _job(tenancy)
    _dead_worker(job, minutes_ago=5)
    assert stale.fail_stale_imports() == 0
    job.refresh_from_db()
    assert job.status == ImportStatus.RUNNING and Path(job.path).exists()


def test_a_job_never_picked_up_is_failed_after_the_queue_threshold(tenancy, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BRUG_STALE_QUEUED_MINUTES = 120
    job = _job(tenancy)
    assert stale.fail_stale_imports() == 0  # just queued
    later = timezone.now() + timedelta(minutes=121)
    assert stale.fail_stale_imports(now=later) == 1
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED and not Path(job.path).exists()


def test_uploads_of_failed_or_cancelled_jobs_left_behind_are_removed(tenancy, settings) -> None:  # type: ignore[no-untyped-def]
    settings.BRUG_STALE_JOB_MINUTES = 30
    active = _job(tenancy)
    gone = _job(tenancy)
    # The job was cancelled but the file could not be removed then (e.g. a full disk).
    ImportJob.objects.filter(pk=gone.pk).update(status=ImportStatus.CANCELLED)
    orphan = pipeline.upload_dir() / "zonder-job.csv"
    orphan.write_bytes(b"text,date\n")
    old = time.time() - 31 * 60
    for path in (Path(active.path), Path(gone.path), orphan):
        os.utime(path, (old, old))
    assert stale.remove_orphan_uploads() == 2
    assert Path(active.path).exists()  # a queued job still needs its file
    assert not Path(gone.path).exists() and not orphan.exists()
