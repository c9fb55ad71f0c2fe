"""Where a vote's time goes: SQL statements, Redis commands and CPU per vote, in-process.

Run after `python -m bench.load.run` (it leaves the database with the "belasting" dialogue):
`.venv/bin/python -m bench.load.vote_profile [--db brug_load --votes 150]`

Sends votes of returning residents through the full middleware stack with Django's test client
(CSRF enforced) against the same PostgreSQL and Redis, and prints per vote: Python CPU time of
this process, SQL statements, and the Redis commands the server received (Redis counts server-
wide, so other clients of the same Redis add noise). Add `--profile` for a cProfile listing.
"""

from __future__ import annotations

import argparse
import os
import secrets
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="brug_load")
    parser.add_argument("--votes", type=int, default=150)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    os.environ.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.db}",
            "REDIS_URL": "redis://127.0.0.1:6379/12",
            "CELERY_BROKER_URL": "redis://127.0.0.1:6379/12",
            "SECURE_SSL_REDIRECT": "0",
            "DJANGO_SETTINGS_MODULE": "brug.settings",
        }
    )
    import django

    django.setup()
    import redis
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from brug.dialogue.models import Statement

    pks = list(
        Statement.objects.filter(dialogue__slug="belasting").order_by("pk").values_list("pk", flat=True)
    )

    def resident() -> tuple[Client, str]:
        client = Client(enforce_csrf_checks=True)
        client.get("/d/belasting/")
        token = client.cookies["csrftoken"].value
        # The first vote creates the participant: not the common case, so not measured.
        client.post(
            "/d/belasting/stem/", {"statement": pks[-1], "vote": "eens", "csrfmiddlewaretoken": token}
        )
        return client, token

    def votes(n: int) -> list[float]:
        client, token = resident()
        times = []
        for i in range(n):
            if i and i % 50 == 0:  # stay under the per-token limit of 60 a minute
                client, token = resident()
            start = time.perf_counter()
            response = client.post(
                "/d/belasting/stem/", {"statement": pks[i % 50], "vote": "eens", "csrfmiddlewaretoken": token}
            )
            times.append(time.perf_counter() - start)
            assert response.status_code == 302, response.status_code
        return times

    votes(20)  # warm up
    server = redis.Redis.from_url(os.environ["REDIS_URL"])
    before = server.info("commandstats")
    with CaptureQueriesContext(connection) as queries:
        cpu = time.process_time()
        wall = votes(args.votes)
        cpu = time.process_time() - cpu
    after = server.info("commandstats")
    calls = {k: after[k]["calls"] - before.get(k, {"calls": 0})["calls"] for k in after}
    measured = args.votes + args.votes // 50  # the first vote of every resident too
    wall.sort()
    print(
        f"votes: {args.votes}; Python CPU per vote: {cpu / measured * 1000:.2f} ms; wall median {wall[len(wall) // 2] * 1000:.1f} ms"
    )
    print(f"SQL statements per vote: {len(queries.captured_queries) / measured:.2f}")
    print(
        "Redis commands per vote:",
        {k[8:]: round(v / measured, 2) for k, v in calls.items() if v >= measured / 2},
    )
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        votes(args.votes)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
