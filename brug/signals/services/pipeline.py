"""The import pipeline: check the whole file, stage rows in chunks on workers, publish all at once.

Why staged: an import either completes or leaves nothing. Rows are inserted with
published=False under the job's id; only the final step, in one transaction, publishes them and
adds them to the daily stats. Cancellation or failure deletes the staged rows.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Max
from django.utils import timezone

from brug.core.audit import record

from ..classify import classifier_for
from ..importing import parsers
from ..models import ImportJob, ImportStatus, Signal
from . import staging, stats

log = logging.getLogger(__name__)

CHUNK_ROWS = 2000
MAX_IN_FLIGHT = 6  # chunks queued but not done: keeps memory flat when parsing outruns workers
MAX_WAIT_SECONDS = 20
EXAMPLES = 20
EXAMPLES_PER_REASON = 5
ANALYZE_AFTER = 20_000


def max_line() -> int:
    return int(getattr(settings, "BRUG_SIGNALS_MAX_LINE_BYTES", parsers.MAX_LINE_BYTES))


def _refusal_summary(counts: Counter[str], examples: list[list[Any]]) -> dict[str, Any]:
    return {"counts": dict(counts.most_common()), "examples": examples[:EXAMPLES]}


# A published import: its organisation and the last day of its messages (ISO), for the alert
# check that tasks.py starts (this module knows no Celery).
Published = tuple[int, str]


def run(job_id: int, send_chunk: Any) -> Published | None:
    """Parse the file (twice: first to check and count, then to send chunks); send_chunk(job_id, rows)."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status != ImportStatus.QUEUED:
        return None
    ImportJob.objects.filter(pk=job_id).update(status=ImportStatus.RUNNING, heartbeat_at=timezone.now())
    path = Path(job.path)
    try:
        total = parsers.count(path, job.fmt, job.channel, max_line())
        ImportJob.objects.filter(pk=job_id).update(total=total, heartbeat_at=timezone.now())
        refused: Counter[str] = Counter()
        examples: list[list[Any]] = []
        batch: list[list[Any]] = []
        # Fingerprints seen in this file, as 64-bit ints (about 60 MB at a million rows).
        seen: set[int] = set()

        def refuse(line: int, reason: str) -> None:
            refused[reason] += 1
            if sum(1 for e in examples if e[1] == reason) < EXAMPLES_PER_REASON and len(examples) < EXAMPLES:
                examples.append([line, reason])

        def send(rows: list[list[Any]]) -> bool:
            # Messages already stored (an earlier import of the same file) are skipped, not doubled.
            present = _present(job.organisation_id, [r[9] for r in rows])
            fresh = []
            for r in rows:
                if r[9] in present:
                    refuse(r[0], parsers.ALREADY_PRESENT)
                else:
                    fresh.append(r)
            return _send(job_id, fresh, refused, examples, send_chunk) if fresh else True

        for outcome in parsers.read(path, job.fmt, job.channel, max_line()):
            if isinstance(outcome, tuple):
                refuse(outcome[0], outcome[1])
                continue
            key = int(outcome.fingerprint[:16], 16)
            if key in seen:
                refuse(outcome.line, parsers.ALREADY_PRESENT + " (eerder in dit bestand)")
                continue
            seen.add(key)
            batch.append(outcome.as_list())
            if len(batch) >= CHUNK_ROWS:
                if not send(batch):
                    return None
                batch = []
        if batch and not send(batch):
            return None
        ImportJob.objects.filter(pk=job_id).update(
            parsed=True, refused=sum(refused.values()), refusals=_refusal_summary(refused, examples)
        )
    except parsers.ImportFileError as exc:
        fail(job_id, exc.message)
        return None
    except Exception:
        log.exception("import %s failed", job_id)
        fail(job_id, "Het importeren is mislukt door een onverwachte fout. Er is niets opgeslagen.")
        return None
    return maybe_finalize(job_id)


def _present(organisation_id: int, fingerprints: list[str]) -> set[str]:
    return set(
        Signal.objects.filter(
            organisation_id=organisation_id, published=True, fingerprint__in=fingerprints
        ).values_list("fingerprint", flat=True)
    )


def _send(
    job_id: int, batch: list[list[Any]], refused: Counter[str], examples: list[list[Any]], send_chunk: Any
) -> bool:
    waited_until = time.monotonic() + MAX_WAIT_SECONDS
    while True:
        job = ImportJob.objects.only("status", "chunks_sent", "chunks_done").get(pk=job_id)
        if job.status != ImportStatus.RUNNING:
            return False  # cancelled or failed meanwhile
        if settings.CELERY_TASK_ALWAYS_EAGER or job.chunks_sent - job.chunks_done < MAX_IN_FLIGHT:
            break
        if time.monotonic() > waited_until:
            break  # a single-process worker can never catch up while we hold it: send anyway, never deadlock
        time.sleep(0.1)
    ImportJob.objects.filter(pk=job_id).update(
        chunks_sent=F("chunks_sent") + 1,
        heartbeat_at=timezone.now(),
        refused=sum(refused.values()),
        refusals=_refusal_summary(refused, examples),
    )
    send_chunk(job_id, batch)
    return True


def import_chunk(job_id: int, rows: list[list[Any]]) -> Published | None:
    """Classify and stage one chunk; runs on any worker."""
    job = ImportJob.objects.select_related("organisation__municipality").get(pk=job_id)
    if job.status != ImportStatus.RUNNING:
        ImportJob.objects.filter(pk=job_id).update(chunks_done=F("chunks_done") + 1)
        return None
    try:
        _stage(job, rows)
    except Exception:
        log.exception("import %s chunk failed", job_id)
        fail(job_id, "Het importeren is mislukt door een onverwachte fout. Er is niets opgeslagen.")
        return None
    return maybe_finalize(job_id)


def _stage(job: ImportJob, rows: list[list[Any]]) -> None:
    org = job.organisation
    # Chunks queued before platform/source id/fingerprint existed have 7 fields: pad them.
    rows = [list(r) + [""] * (10 - len(r)) for r in rows]
    scored = classifier_for(org).score_many([r[1] for r in rows])
    hoods: dict[str, int] = {}
    if org.municipality_id:
        from brug.municipalities.models import Neighbourhood

        hoods = {
            n.lower(): pk
            for pk, n in Neighbourhood.objects.filter(municipality_id=org.municipality_id).values_list(
                "pk", "name"
            )
        }
    signals = [
        Signal(
            organisation_id=org.pk,
            channel=row[3],
            text=row[1],
            occurred_at=datetime.fromisoformat(row[2]),
            url=row[4],
            author_pseudonym=row[5],
            neighbourhood_id=hoods.get(row[6].lower()) if row[6] else None,
            platform=row[7],
            source_id=row[8],
            fingerprint=row[9],
            tone=s.tone,
            hostility=s.hostility,
            framing=s.framing,
            why=s.why,
            model_version=s.model,
            severity=1,
            published=False,
            import_job_id=job.pk,
        )
        for row, s in zip(rows, scored, strict=True)
    ]
    through = Signal.themes.through
    with transaction.atomic():
        # Locking the job row serialises staging with cancellation: nothing lands after a cancel.
        locked = ImportJob.objects.select_for_update().only("status").get(pk=job.pk)
        if locked.status != ImportStatus.RUNNING:
            ImportJob.objects.filter(pk=job.pk).update(chunks_done=F("chunks_done") + 1)
            return
        if staging.available():
            staging.stage(signals, [s.theme_ids for s in scored])
        else:
            Signal.objects.bulk_create(signals, batch_size=1000)
            links = [
                through(signal_id=sig.pk, theme_id=tid)
                for sig, s in zip(signals, scored, strict=True)
                for tid in s.theme_ids
            ]
            through.objects.bulk_create(links, batch_size=5000)
        ImportJob.objects.filter(pk=job.pk).update(
            done=F("done") + len(rows), chunks_done=F("chunks_done") + 1, heartbeat_at=timezone.now()
        )


def maybe_finalize(job_id: int) -> Published | None:
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        if job.status != ImportStatus.RUNNING or not job.parsed or job.chunks_done < job.chunks_sent:
            return None
        staged = Signal.objects.filter(import_job_id=job_id, published=False)
        staged.update(published=True)
        stats.add_signals(
            organisation_id=job.organisation_id, signals=Signal.objects.filter(import_job_id=job_id)
        )
        job.status = ImportStatus.DONE
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "finished_at"])
        record(
            action="signals.import.publish",
            obj=job,
            organisation=job.organisation,
            actor_label="systeem (import gepubliceerd)",
            fields=["status"],
        )
        org_id = job.organisation_id
        big = job.done >= ANALYZE_AFTER
        latest = Signal.objects.filter(import_job_id=job_id).aggregate(m=Max("occurred_at"))["m"]
    _remove_file(job)
    if big and connection.vendor == "postgresql":
        # Fresh planner statistics: without them the monitor's queries pick slow plans after a big import.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Signal._meta.db_table}, {Signal.themes.through._meta.db_table}")
    # A historical file is checked at its own last days, not only at today.
    return (org_id, timezone.localtime(latest).date().isoformat()) if latest is not None else None


def fail(job_id: int, message: str, status: str = ImportStatus.FAILED) -> None:
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        if not job.is_active:
            return
        Signal.objects.filter(import_job_id=job_id, published=False).delete()
        job.status = status
        job.error = message
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
    _remove_file(job)


def upload_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "signals" / "imports"


def _remove_file(job: ImportJob) -> None:
    # Uploaded texts are personal data: the upload goes as soon as it is no longer needed.
    path = Path(job.path)
    if upload_dir() not in path.parents:
        return  # a file given by path (benchmark, command line) belongs to whoever gave it
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove import file of job %s", job.pk)
