"""Monitor page latency with the bench municipality's messages in PostgreSQL (after import_bench).

    .venv/bin/python -m bench.signals.monitor_bench [--requests 50]

Uses the Django test client (full middleware, templates, session with a verified second factor).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from bench.signals.common import ensure_database, setup_django

# Production mode (cached templates, no debug bookkeeping), as the page would really run.
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    ensure_database()
    setup_django()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    from bench.signals.common import organisation
    from brug.core.access import SESSION_2FA_KEY
    from brug.core.models import Membership, Role, User
    from brug.signals.models import DailyThemeStat, Signal

    org = organisation()
    user = User.objects.filter(email="bench@bench.example").first() or User.objects.create_user(
        email="bench@bench.example", password="Bench-wachtwoord-1", name="Bench"
    )
    Membership.objects.get_or_create(user=user, organisation=org, defaults={"role": Role.COORDINATOR})
    client = Client()
    client.force_login(user)
    session = client.session
    session[SESSION_2FA_KEY] = True
    session.save()
    print(
        "messages:",
        Signal.objects.filter(organisation=org, published=True).count(),
        "daily stat rows:",
        DailyThemeStat.objects.filter(organisation=org).count(),
    )
    for label, url in [
        ("monitor 30 dagen", f"/o/{org.slug}/signalen/monitor/"),
        ("monitor 90 dagen per week", f"/o/{org.slug}/signalen/monitor/?periode=90&per=week"),
        ("dashboard", f"/o/{org.slug}/"),
    ]:
        client.get(url)  # warm up caches (classifier, templates)
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
        times.sort()
        p95 = times[int(0.95 * len(times)) - 1]
        print(
            f"{label}: n={len(times)} p50={statistics.median(times):.0f} ms p95={p95:.0f} ms max={times[-1]:.0f} ms"
        )


if __name__ == "__main__":
    main()
