"""Messages page latency at N published messages in PostgreSQL (default 1,000,000).

    .venv/bin/python -m bench.signals.messages_bench [--rows 1000000] [--requests 30]

Seeds its own database (bench_signals_messages) straight with SQL (generate_series: realistic
Dutch template texts, scores, 7 neighbourhoods, 60 days, ~35% of messages linked to a theme),
because the page's speed depends on the rows, not on how they were imported
(import_bench measures that). Then times the page with the filters an officer uses, through
the Django test client in production mode, and prints a table for bench/results/signals.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_signals_messages")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from bench.signals.common import ensure_database, setup_django  # noqa: E402

TEMPLATES = [
    "De windmolens bij de dijk maken veel lawaai",
    "Weer een vergadering over het azc in de sporthal",
    "Boeren blokkeren de snelweg met trekkers",
    "Nieuw buurthuis geopend door de wethouder",
    "Die lui moeten hier weg, wij waren hier eerst",
    "Vuurwerk en vernielingen bij het station",
    "Mooi initiatief van de moskee en de kerk samen",
    "Huurprijzen stijgen en jongeren vinden geen woning",
    "Opvang van vluchtelingen zorgt voor discussie op de markt",
    "Hangjongeren op het plein, buren voelen zich onveilig",
]
FILLER = (
    "vandaag gisteren buurt straat mensen echt gewoon weer school werk bus markt park plein avond".split()
)


def seed(org_id: int, rows: int) -> None:
    from django.db import connection

    from brug.signals.models import Theme

    with connection.cursor() as cur:
        cur.execute("select count(*) from signals_signal where organisation_id=%s", [org_id])
        have = cur.fetchone()[0]
        if have >= rows:
            return
        cur.execute("delete from signals_signal where organisation_id=%s", [org_id])
        cur.execute(
            "select n.id from municipalities_neighbourhood n join core_organisation o "
            "on o.municipality_id=n.municipality_id where o.id=%s",
            [org_id],
        )
        hoods = [r[0] for r in cur.fetchall()]
        start = time.perf_counter()
        cur.execute(
            """
            insert into signals_signal (organisation_id, channel, text, occurred_at, neighbourhood_id, place,
                severity, may_contact, url, author_pseudonym, platform, source_id, fingerprint, status, tone,
                hostility, framing, why, published, created_at)
            select %s,
                   case when g %% 50 = 0 then 'media' when g %% 97 = 0 then 'sleutelfiguur' else 'online' end,
                   (%s::text[])[1 + g %% %s] || ' ' || (%s::text[])[1 + (g / 7) %% %s] || ' ' ||
                       (%s::text[])[1 + (g / 13) %% %s] || ' #' || (g %% 1000),
                   now() - (random() * interval '60 days'),
                   case when g %% 3 = 0 then null else (%s::int[])[1 + g %% %s] end,
                   '', 2, false,
                   case when g %% 4 = 0 then 'https://x.com/u/status/' || g else '' end,
                   '', '', '', md5(g::text), case when g %% 97 = 0 then 'geduid' else 'nieuw' end,
                   round((random() * 2 - 1)::numeric, 3), round(random()::numeric, 3)^2,
                   round(random()::numeric, 3)^3, '{}'::jsonb, true, now()
            from generate_series(1, %s) as g
            """,
            [
                org_id,
                TEMPLATES,
                len(TEMPLATES),
                FILLER,
                len(FILLER),
                FILLER,
                len(FILLER),
                hoods or [None],
                len(hoods) or 1,
                rows,
            ],
        )
        theme_ids = list(Theme.objects.filter(organisation_id=org_id).values_list("id", flat=True))
        cur.execute(
            """
            insert into signals_signal_themes (signal_id, theme_id)
            select id, (%s::int[])[1 + id %% %s] from signals_signal
            where organisation_id=%s and id %% 20 < 7
            """,
            [theme_ids, len(theme_ids), org_id],
        )
        cur.execute("analyze signals_signal")
        cur.execute("analyze signals_signal_themes")
        print(f"seeded {rows:,} messages in {time.perf_counter() - start:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    ensure_database()
    setup_django()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    from bench.signals.common import organisation
    from brug.core.access import SESSION_2FA_KEY
    from brug.core.models import Membership, Role, User
    from brug.signals.models import Signal, Theme
    from brug.signals.selectors import neighbourhoods_for

    org = organisation()
    seed(org.pk, args.rows)  # type: ignore[attr-defined]
    user = User.objects.filter(email="bench@bench.example").first() or User.objects.create_user(
        email="bench@bench.example", password="Bench-wachtwoord-1", name="Bench"
    )
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=org, defaults={"role": Role.COORDINATOR}
    )
    client = Client()
    client.force_login(user)
    session = client.session
    session[SESSION_2FA_KEY] = True
    session.save()
    theme = Theme.objects.filter(organisation=org).order_by("id").first()
    hood = neighbourhoods_for(membership=membership).first()
    base = f"/o/{org.slug}/signalen/berichten/"  # type: ignore[attr-defined]
    first = client.get(base)
    cursor = first.context["next_url"]
    for _ in range(3):  # a deep page: follow the cursor a few pages on
        cursor = client.get(base + cursor).context["next_url"]
    week_ago = time.strftime("%Y-%m-%d", time.localtime(time.time() - 7 * 86400))
    cases = [
        ("geen filter (eerste pagina)", ""),
        ("vijfde pagina (keyset)", cursor),
        ("zoeken: windmolen (veel treffers)", "?q=windmolen"),
        ("zoeken: zinsdeel + uitsluiten", '?q="geen woning" -jongeren'),
        ("zoeken: zeldzaam woord", "?q=trekkers+sporthal"),
        ("thema", f"?theme={theme.pk if theme else ''}"),
        ("vijandig + wij-zij", "?hostile=on&framed=on"),
        ("wijk + negatieve toon", f"?neighbourhood={hood.pk if hood else ''}&tone=negatief"),
        ("laatste 7 dagen + bron media", f"?start={week_ago}&channel=media"),
        ("thema + zoeken + periode", f"?theme={theme.pk if theme else ''}&q=azc&start={week_ago}"),
        ("status geduid", "?status=geduid"),
        ("status gesloten (0 treffers)", "?status=gesloten"),
        (
            "wijk + positief + vijandig + wij-zij + geduid",
            f"?neighbourhood={hood.pk if hood else ''}&tone=positief&hostile=on&framed=on&status=geduid",
        ),
    ]
    count = Signal.objects.filter(organisation=org, published=True).count()
    print(f"messages: {count:,}; requests per case: {args.requests}")
    from django.db import connection

    def count_queries(url: str) -> int:
        seen: list[str] = []

        def wrapper(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            seen.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(wrapper):
            client.get(url)
        return len(seen)

    print("| filter | p50 | p95 | max | rows on page | queries | CPU per request |")
    print("|---|---|---|---|---|---|---|")
    for label, query in cases:
        url = base + query
        response = client.get(url)  # warm up
        assert response.status_code == 200, (label, response.status_code)
        queries = count_queries(url)
        times = []
        cpu = time.process_time()
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        cpu_ms = (time.process_time() - cpu) * 1000 / args.requests
        times.sort()
        p95 = times[max(0, int(0.95 * len(times)) - 1)]
        print(
            f"| {label} | {statistics.median(times):.0f} ms | {p95:.0f} ms | {times[-1]:.0f} ms | "
            f"{len(response.context['rows'])} | {queries} | {cpu_ms:.0f} ms |"
        )


if __name__ == "__main__":
    main()
