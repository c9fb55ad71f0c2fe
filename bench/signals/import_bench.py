"""Import N messages through Celery workers with Redis into PostgreSQL; report time and peak memory.

    .venv/bin/python -m bench.signals.import_bench /tmp/sig1m.csv [--workers 1 --concurrency 3]

Workers run as subprocesses (celery -A brug worker). The import parses and checks the file,
sends chunks of 2000 rows to the workers (at most 6 in flight, so memory stays flat), the
workers classify with brug.text and bulk-insert unpublished rows, and the last chunk publishes
everything in one transaction and updates the daily stats.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.signals.common import BROKER, DB_URL, ROOT, children, ensure_database, peak_rss_mb, setup_django

os.environ["CELERY_BROKER_URL"] = BROKER
os.environ["CELERY_RESULT_BACKEND"] = BROKER


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--concurrency", type=int, default=3)
    parser.add_argument("--fresh", action="store_true", help="delete earlier bench signals first")
    args = parser.parse_args()
    ensure_database()
    setup_django()
    from bench.signals.common import organisation
    from brug.signals.models import DailyThemeStat, ImportJob, Signal
    from brug.signals.services import queue_import

    org = organisation()
    if args.fresh:
        from django.db import connection

        with connection.cursor() as cur:
            cur.execute(
                "TRUNCATE signals_signal_themes, signals_signal, signals_dailythemestat, signals_alert CASCADE"
            )
    env = {**os.environ, "DATABASE_URL": DB_URL}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "brug",
            "worker",
            "-c",
            str(args.concurrency),
            "--prefetch-multiplier=1",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-l",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        time.sleep(8)  # let the worker connect
        before = Signal.objects.filter(organisation=org).count()
        started = time.monotonic()
        job = queue_import(
            organisation=org,
            path=Path(args.path),
            fmt="csv",
            channel="online",
            file_name=Path(args.path).name,
        )
        peaks: dict[int, float] = {}
        last_print = 0.0
        while True:
            job.refresh_from_db()
            for pid in [worker.pid, *children(worker.pid)]:
                peaks[pid] = max(peaks.get(pid, 0.0), peak_rss_mb(pid))
            if not job.is_active:
                break
            if time.monotonic() - last_print > 15:
                last_print = time.monotonic()
                print(
                    f"{time.monotonic() - started:6.0f}s  {job.done}/{job.total} rows, refused {job.refused}",
                    flush=True,
                )
            time.sleep(1)
        elapsed = time.monotonic() - started
        job.refresh_from_db()
        rows = Signal.objects.filter(organisation=org).count() - before
        print(
            f"status={job.status} rows={rows} refused={job.refused} seconds={elapsed:.1f} rate={rows / elapsed:.0f}/s"
        )
        print("peak RSS per worker process (MB):", {pid: round(mb) for pid, mb in peaks.items()})
        print("bench process peak RSS (MB):", round(peak_rss_mb(os.getpid())))
        print(
            "daily stat rows:",
            DailyThemeStat.objects.filter(organisation=org).count(),
            "job",
            job.pk,
            ImportJob.objects.get(pk=job.pk).error,
        )
    finally:
        worker.terminate()
        worker.wait(timeout=60)


if __name__ == "__main__":
    main()
