"""A bulk import on a real Celery worker process with Redis, sharing the test's PostgreSQL database.

The worker is a separate `celery -A brug worker` process: it can only see what this test wrote
if the test database is a real server database and the rows are committed, hence PostgreSQL and
`transaction=True`. Redis db 12 is used only by this test and emptied before and after.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from brug.signals.models import ImportJob, ImportStatus, Signal
from brug.signals.services import ensure_default_themes

REDIS_URL = os.environ.get("BRUG_TEST_SIGNALS_REDIS_URL", "redis://127.0.0.1:6379/12")
GOOD_ROWS = 48


def _redis():  # type: ignore[no-untyped-def]
    import redis

    return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)


def _redis_available() -> bool:
    try:
        return bool(_redis().ping())
    except Exception:
        return False


def _test_database_url() -> str:
    db = connection.settings_dict
    user = quote(db.get("USER") or "")
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{quote(db['NAME'])}"


def _start_worker() -> subprocess.Popen[bytes]:
    """A real `celery -A brug worker` process on the test's Redis database and PostgreSQL database."""
    env = {
        **os.environ,
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_RESULT_BACKEND": REDIS_URL,
        "DATABASE_URL": _test_database_url(),
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "brug",
            "worker",
            "--pool=solo",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-l",
            "warning",
        ],
        env=env,
        cwd=settings.BASE_DIR,
    )


def _stop_worker(worker: subprocess.Popen[bytes]) -> None:
    worker.terminate()
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=5)
    _redis().flushdb()


def _csv() -> bytes:
    moment = timezone.localtime() - timedelta(days=1)
    lines = ["tekst,datum"]
    for i in range(GOOD_ROWS):
        lines.append(
            f"Windmolens bij de Goudse Hout bericht {i} van de buurt,{moment:%Y-%m-%d} {9 + i % 10:02d}:{i % 60:02d}"
        )
    lines.insert(10, ",2026-01-05 10:00")  # no text
    lines.insert(30, "Datum kapot bij windmolens,gisteren")  # unreadable date
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not _redis_available(), reason="Redis is not reachable")
def test_a_csv_import_runs_on_a_separate_worker_process_with_redis(
    tenancy, tmp_path, client_for, monkeypatch
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "a worker process cannot reach an in-memory SQLite test database; run with a PostgreSQL DATABASE_URL"
        )
    from celery import Celery

    from brug.signals.services import pipeline

    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("the import ran in the test process instead of on the worker")

    # Proof that the work happens elsewhere: in this process the pipeline cannot run at all.
    monkeypatch.setattr(pipeline, "run", not_here)
    monkeypatch.setattr(pipeline, "import_chunk", not_here)

    ensure_default_themes(organisation=tenancy.org)
    path = tmp_path / "berichten.csv"
    path.write_bytes(_csv())
    job = ImportJob.objects.create(
        organisation=tenancy.org, file_name="berichten.csv", path=str(path), fmt="csv", channel="online"
    )

    _redis().flushdb()
    worker = _start_worker()
    try:
        # set_as_current=False: a second app must not become the one shared tasks use in this process.
        client = Celery("brug-signals-test-client", broker=REDIS_URL, backend=REDIS_URL, set_as_current=False)
        result = client.send_task("brug.signals.run_import", args=[job.pk])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if not job.is_active:
                break
            assert worker.poll() is None, "the worker stopped"
            time.sleep(0.2)
        assert job.status == ImportStatus.DONE, job.error or job.status
        assert result.get(timeout=10) is None and result.state == "SUCCESS", (
            "only a worker reports a result to Redis"
        )
        assert (job.total, job.done, job.refused) == (GOOD_ROWS + 2, GOOD_ROWS, 2)
        assert job.refusals["counts"] == {"tekst ontbreekt": 1, "datum onleesbaar": 1}
        assert job.chunks_sent == job.chunks_done == 1
    finally:
        _stop_worker(worker)

    published = Signal.objects.filter(organisation=tenancy.org, published=True, import_job=job)
    assert published.count() == GOOD_ROWS and not Signal.objects.filter(published=False).exists()
    assert published.filter(themes__name="windmolens").distinct().count() == GOOD_ROWS, (
        "classified on the worker"
    )
    body = (
        client_for(tenancy.officer)
        .get(reverse("signals:monitor", kwargs={"org_slug": tenancy.org.slug}))
        .content.decode()
    )
    assert "Windmolens bij de Goudse Hout bericht" in body, "the imported messages are visible in the monitor"


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not _redis_available(), reason="Redis is not reachable")
def test_stored_scores_of_an_older_model_are_recomputed_on_a_worker_process(tenancy, monkeypatch) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("a worker process cannot reach an in-memory SQLite test database")
    from celery import Celery

    from brug.signals.classify import classifier_for
    from brug.signals.models import ScoreRefresh
    from brug.signals.services import create_signal, rescore

    ensure_default_themes(organisation=tenancy.org)
    now = timezone.now()
    for i in range(12):
        create_signal(
            organisation=tenancy.org,
            channel="online",
            text=f"De windmolens bij de dijk maken lawaai, melding {i}",
            occurred_at=now - timedelta(hours=i + 1),
        )
    expected = {s.pk: (s.tone, s.hostility, s.why) for s in Signal.objects.filter(organisation=tenancy.org)}
    Signal.objects.filter(organisation=tenancy.org).update(tone=0.9, why={}, model_version="oud-model-1")

    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("the scores were recomputed in the test process instead of on the worker")

    monkeypatch.setattr(rescore, "refresh_batch", not_here)
    _redis().flushdb()
    worker = _start_worker()
    try:
        client = Celery("brug-signals-test-client", broker=REDIS_URL, backend=REDIS_URL, set_as_current=False)
        queued = client.send_task("brug.signals.refresh_outdated_scores", kwargs={"thorough": True})
        assert queued.get(timeout=60) == [tenancy.org.pk]
        deadline = time.monotonic() + 60
        refresh = None
        while time.monotonic() < deadline:
            refresh = ScoreRefresh.objects.filter(organisation=tenancy.org).first()
            if refresh is not None and not refresh.running:
                break
            assert worker.poll() is None, "the worker stopped"
            time.sleep(0.2)
        assert refresh is not None and not refresh.running and refresh.done == refresh.total == 12
    finally:
        _stop_worker(worker)
    version = classifier_for(tenancy.org).version
    for s in Signal.objects.filter(organisation=tenancy.org):
        assert s.model_version == version and (s.tone, s.hostility, s.why) == expected[s.pk]
