"""Background work: in-process without a broker; on a real worker with Redis."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings

from brug.core.tasks import worker_info

REDIS_URL = os.environ.get("BRUG_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def test_without_a_broker_tasks_run_in_process() -> None:
    assert settings.CELERY_TASK_ALWAYS_EAGER
    result = worker_info.delay(7)
    payload = result.get(timeout=10)
    assert payload["pid"] == os.getpid() and payload["square"] == 49


def _redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


@pytest.mark.celery_worker
@pytest.mark.skipif(not _redis_available(), reason="Redis is not reachable")
def test_with_redis_a_task_runs_on_a_separate_worker_process() -> None:
    from celery import Celery

    env = {
        **os.environ,
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_RESULT_BACKEND": REDIS_URL,
        "DATABASE_URL": "",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "brug",
            "worker",
            "--pool=solo",
            "-Q",
            "brug-test",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-l",
            "warning",
        ],
        env=env,
        cwd=settings.BASE_DIR,
    )
    try:
        # set_as_current=False: a second app must not become the one shared tasks use in this process.
        client = Celery("brug-test-client", broker=REDIS_URL, backend=REDIS_URL, set_as_current=False)
        result = client.send_task("brug.core.worker_info", args=[12], queue="brug-test")
        deadline = time.monotonic() + 60
        while not result.ready() and time.monotonic() < deadline:
            time.sleep(0.2)
        payload = result.get(timeout=5)
        assert payload["square"] == 144
        assert payload["pid"] == worker.pid  # it really ran in the worker, not here
    finally:
        worker.terminate()
        worker.wait(timeout=20)
