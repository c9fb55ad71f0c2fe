"""Starting and cancelling bulk imports of online and media messages."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from brug.core.audit import record

from ..importing import parsers
from ..models import ImportJob, ImportStatus
from . import pipeline
from .signals import SignalError
from .themes import ensure_default_themes

if TYPE_CHECKING:
    from brug.core.models import Membership, Organisation, User


def start_import(*, membership: Membership, upload: UploadedFile, channel: str) -> ImportJob:
    """Save the upload outside the web root and queue the import; the page then follows its progress."""
    if channel not in ("online", "media"):
        raise SignalError("Kies het kanaal: online of media.", "channel")
    fmt = parsers.detect_format(upload.name or "")
    if upload.size and upload.size > settings.BRUG_MAX_UPLOAD_MB * 1024 * 1024:
        raise SignalError(f"Het bestand is groter dan {settings.BRUG_MAX_UPLOAD_MB} MB.", "file")
    target = pipeline.upload_dir()
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{uuid.uuid4().hex}.{fmt}"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return queue_import(
        organisation=membership.organisation,
        path=path,
        fmt=fmt,
        channel=channel,
        file_name=Path(upload.name or "bestand").name[:255],
        actor=membership.user,
    )


def queue_import(
    *,
    organisation: Organisation,
    path: Path,
    fmt: str,
    channel: str,
    file_name: str,
    actor: User | None = None,
) -> ImportJob:
    ensure_default_themes(organisation=organisation)
    with transaction.atomic():
        job = ImportJob.objects.create(
            organisation=organisation,
            file_name=file_name,
            path=str(path),
            fmt=fmt,
            channel=channel,
            created_by=actor,
        )
        record(
            action="signals.import.start",
            obj=job,
            actor=actor,
            organisation=organisation,
            fields=["file_name"],
        )
        from ..tasks import run_import

        transaction.on_commit(lambda: run_import.delay(job.pk))
    return job


def cancel_import(*, membership: Membership, job: ImportJob) -> bool:
    if job.organisation_id != membership.organisation_id or not job.is_active:
        return False
    pipeline.fail(
        job.pk,
        "Geannuleerd door " + membership.user.name + ". Er is niets opgeslagen.",
        ImportStatus.CANCELLED,
    )
    record(action="signals.import.cancel", obj=job, membership=membership, fields=["status"])
    return True
