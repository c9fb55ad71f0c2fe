"""Load test: 50 concurrent users for 3 minutes over the main pages and the resident vote.

Run: `.venv/bin/python -m bench.load.run [--users 50 --duration 180 --saturate 30 --workers 2]`

Starts everything itself, on 127.0.0.1 only, in production mode (DEBUG=0):
- a fresh PostgreSQL database (brug_load by default) with migrations, the demo data and a
  dialogue of 300 approved statements ("belasting");
- Redis db 12 as shared cache (sessions' rate limits, debounce lock) and Celery broker;
- a Celery worker (solo pool, nice 10) that recomputes the opinion map;
- gunicorn (sync workers, `--workers`) on a free port.

Phase 1 ("users"): `--users` simulated people for `--duration` seconds, with pauses like a
person's: 80 % residents (open the dialogue page, vote on the statement shown, 1–4 s to read the
next one, now and then the public map), 20 % officers with a session (dashboard, dialogue list
and detail, signals list, knowledge base, key figures, 3–8 s per page). Phase 2 ("saturated"):
`--concurrency` clients post votes with no pause for `--saturate` seconds: the throughput of the
vote endpoint. After each phase the votes in the database are counted: every vote that got its
302 must be stored (each resident votes each statement once, so sent = rows).

The HTTP client is a small asyncio HTTP/1.1 client (stdlib only, one connection per request,
as gunicorn's sync workers close connections). Writes bench/results/load.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "load.md"
PG = "postgres://postgres@127.0.0.1:5432/"
REDIS = "redis://127.0.0.1:6379/12"
SLUG = "belasting"
N_STATEMENTS = 300
OFFICER_PAGES = [
    "/o/voorbeeldstad/",
    "/o/voorbeeldstad/dialogen/",
    f"/o/voorbeeldstad/dialogen/{SLUG}/",
    "/o/voorbeeldstad/signalen/",
    "/o/voorbeeldstad/kennisbank/",
    "/o/voorbeeldstad/sleutelfiguren/",
    "/o/voorbeeldstad/analyse/",
]


# ---- the server side --------------------------------------------------------------------------


def server_env(db: str, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("LOAD_SECRET_KEY", secrets.token_urlsafe(48)),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": PG + db,
        "REDIS_URL": REDIS,
        "CELERY_BROKER_URL": REDIS,
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback; TLS is the proxy's job
        "BRUG_BASE_URL": f"http://127.0.0.1:{port}",
        "DJANGO_SETTINGS_MODULE": "brug.settings",
        "OMP_NUM_THREADS": "1",
        "PYTHONPATH": str(ROOT),
    }


SETUP = """
import django, secrets
django.setup()
from datetime import timedelta
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.utils import timezone
from brug.core.access import SESSION_2FA_KEY
from brug.core.models import Membership, Organisation, User
from brug.dialogue.models import Dialogue, Moderation, Statement, StatementStatus

call_command("migrate", verbosity=0)  # also on --reuse: the code may have new migrations
call_command("collectstatic", verbosity=0, interactive=False)
if {base}:
    call_command("load_demo", verbosity=0)
org = Organisation.objects.get(slug="voorbeeldstad")
Dialogue.objects.filter(slug="{slug}").delete()
d = Dialogue.objects.create(organisation=org, slug="{slug}", title="Belastingproef", question="Wat vindt u?",
    opens_at=timezone.now() - timedelta(days=1), closes_at=timezone.now() + timedelta(days=1),
    moderation=Moderation.AFTER, map_public=True, allow_statements=False)
Statement.objects.bulk_create([Statement(dialogue=d, number=i + 1, text=f"Stelling nummer {{i + 1}} over de wijk",
    status=StatementStatus.APPROVED, is_seed=True) for i in range({n})])
print("STATEMENTS", ",".join(str(pk) for pk in Statement.objects.filter(dialogue=d).order_by("pk").values_list("pk", flat=True)))
user = User.objects.get(email="coordinator@voorbeeldstad.example")
keys = []
for _ in range({sessions}):
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk); s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    s[HASH_SESSION_KEY] = user.get_session_auth_hash(); s[SESSION_2FA_KEY] = True
    s.create(); keys.append(s.session_key)
print("SESSIONS", ",".join(keys))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def recreate_database(db: str) -> None:
    import psycopg

    with psycopg.connect(PG + "postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{db}"')


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS).flushdb()


def prepare(env: dict[str, str], sessions: int, base: bool) -> tuple[list[int], list[str]]:
    code = SETUP.format(slug=SLUG, n=N_STATEMENTS, sessions=sessions, base=base)
    out = subprocess.run(  # noqa: S603 - our interpreter, our code
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    statements = [int(x) for x in re.search(r"^STATEMENTS (.*)$", out, re.M).group(1).split(",")]  # type: ignore[union-attr]
    keys = re.search(r"^SESSIONS (.*)$", out, re.M).group(1).split(",")  # type: ignore[union-attr]
    return statements, keys


def start_servers(env: dict[str, str], port: int, workers: int) -> list[subprocess.Popen[bytes]]:
    bin_dir = Path(sys.executable).parent
    worker = subprocess.Popen(  # noqa: S603
        ["nice", "-n", "10", str(bin_dir / "celery"), "-A", "brug", "worker", "--pool=solo", "-l", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open("/tmp/brug-load-celery.log", "w"),  # noqa: SIM115
        start_new_session=True,
    )
    web = subprocess.Popen(  # noqa: S603
        [
            str(bin_dir / "gunicorn"),
            "brug.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open("/tmp/brug-load-gunicorn.log", "w"),  # noqa: SIM115
        start_new_session=True,
    )
    return [web, worker]


def stop_servers(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def count_votes(env: dict[str, str]) -> int:
    import psycopg

    with psycopg.connect(env["DATABASE_URL"]) as conn:
        row = conn.execute(
            "SELECT count(*) FROM dialogue_vote v JOIN dialogue_dialogue d ON d.id = v.dialogue_id WHERE d.slug = %s",
            [SLUG],
        ).fetchone()
    return int(row[0]) if row else 0


# ---- the client side --------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict[str, list[str]]
    body: bytes


class Http:
    """A minimal HTTP/1.1 client with a cookie jar; one connection per request."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    async def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Response:
        body = urlencode(form).encode() if form is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", "Connection: close"]
        lines.append("User-Agent: brug-load/1")
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if form is not None:
            lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        try:
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
            await writer.drain()
            raw = await reader.read(-1)
        finally:
            writer.close()
        head, _, content = raw.partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers: dict[str, list[str]] = defaultdict(list)
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()].append(value.strip())
        for cookie in headers.get("set-cookie", []):
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0].strip('"')
        return Response(int(status_line.split()[1]), headers, content)


@dataclass
class Stats:
    timings: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_samples: list[str] = field(default_factory=list)
    votes_ok: int = 0

    def record(self, kind: str, seconds: float, ok: bool, detail: str = "") -> None:
        self.timings[kind].append(seconds)
        if not ok:
            self.errors[kind] += 1
            if len(self.error_samples) < 10:
                self.error_samples.append(f"{kind}: {detail}")


async def timed(stats: Stats, kind: str, call, expect: tuple[int, ...]) -> Response | None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    try:
        response = await call
    except OSError as exc:
        stats.record(kind, time.perf_counter() - start, False, repr(exc))
        return None
    ok = response.status in expect
    stats.record(kind, time.perf_counter() - start, ok, f"HTTP {response.status}")
    return response if ok else None


CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
STATEMENT = re.compile(rb'name="statement" value="(\d+)"')


async def resident(port: int, stats: Stats, until: float, rng: random.Random) -> None:
    http = Http(port)
    page = await timed(stats, "resident page", http.request("GET", f"/d/{SLUG}/"), (200,))
    while page is not None and time.monotonic() < until:
        csrf, statement = CSRF.search(page.body), STATEMENT.search(page.body)
        if not csrf or not statement:
            break  # voted on everything
        await asyncio.sleep(rng.uniform(1.0, 4.0))  # reading the statement
        if time.monotonic() >= until:
            break
        form = {
            "csrfmiddlewaretoken": csrf.group(1).decode(),
            "statement": statement.group(1).decode(),
            "vote": rng.choice(["eens", "oneens", "overslaan"]),
        }
        if await timed(stats, "vote", http.request("POST", f"/d/{SLUG}/stem/", form), (302,)):
            stats.votes_ok += 1
        if rng.random() < 0.05:
            await timed(stats, "public map", http.request("GET", f"/d/{SLUG}/kaart/"), (200,))
        page = await timed(stats, "resident page", http.request("GET", f"/d/{SLUG}/"), (200,))


async def officer(port: int, session_key: str, stats: Stats, until: float, rng: random.Random) -> None:
    http = Http(port)
    http.cookies["sessionid"] = session_key
    while time.monotonic() < until:
        path = rng.choice(OFFICER_PAGES)
        await timed(stats, "officer page", http.request("GET", path), (200,))
        await asyncio.sleep(rng.uniform(3.0, 8.0))


async def users_phase(port: int, users: int, duration: float, sessions: list[str], seed: int) -> Stats:
    stats = Stats()
    until = time.monotonic() + duration
    rng = random.Random(seed)
    n_officers = max(1, users // 5)
    tasks = []
    for i in range(users):
        user_rng = random.Random(rng.random())
        await asyncio.sleep(rng.uniform(0, 0.1))  # ramp-up over ~2.5 s
        if i < n_officers:
            tasks.append(
                asyncio.create_task(officer(port, sessions[i % len(sessions)], stats, until, user_rng))
            )
        else:
            tasks.append(asyncio.create_task(resident(port, stats, until, user_rng)))
    await asyncio.gather(*tasks)
    return stats


async def saturate_phase(port: int, concurrency: int, duration: float, statements: list[int]) -> Stats:
    """Votes without a pause. Each client is a resident voting the statements in order, and
    takes a new token before the per-token rate limit (60 a minute) would refuse it."""
    stats = Stats()
    until = time.monotonic() + duration

    async def client() -> None:
        while time.monotonic() < until:
            http = Http(port)
            page = await timed(stats, "resident page", http.request("GET", f"/d/{SLUG}/"), (200,))
            csrf = CSRF.search(page.body) if page else None
            if csrf is None:
                return
            for pk in statements[:55]:
                if time.monotonic() >= until:
                    return
                form = {"csrfmiddlewaretoken": csrf.group(1).decode(), "statement": str(pk), "vote": "eens"}
                if await timed(stats, "vote", http.request("POST", f"/d/{SLUG}/stem/", form), (302,)):
                    stats.votes_ok += 1

    start = time.monotonic()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    stats.timings["_elapsed"] = [time.monotonic() - start]
    return stats


async def warm_up(port: int, session_key: str, workers: int) -> None:
    """Until every worker has imported everything and served each page once: not measured."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if (await Http(port).request("GET", f"/d/{SLUG}/")).status == 200:
                break
        except OSError:
            pass
        await asyncio.sleep(0.5)
    officer_http = Http(port)
    officer_http.cookies["sessionid"] = session_key
    for _ in range(2 * workers):
        resident_http = Http(port)
        page = await resident_http.request("GET", f"/d/{SLUG}/")
        csrf = CSRF.search(page.body)
        statement = STATEMENT.search(page.body)
        if csrf and statement:  # one vote per worker round; counted in the database, not by phase 1
            form = {"csrfmiddlewaretoken": csrf.group(1).decode(), "statement": statement.group(1).decode()}
            await resident_http.request("POST", f"/d/{SLUG}/stem/", {**form, "vote": "overslaan"})
        await resident_http.request("GET", f"/d/{SLUG}/kaart/")
        await asyncio.gather(*(officer_http.request("GET", path) for path in OFFICER_PAGES))


# ---- report -----------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def table(stats: Stats, seconds: float) -> list[str]:
    rows = [
        "| request | count | errors | req/s | median (ms) | p95 (ms) | p99 (ms) | max (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, values in sorted(stats.timings.items()):
        if kind.startswith("_"):
            continue
        rows.append(
            f"| {kind} | {len(values)} | {stats.errors.get(kind, 0)} | {len(values) / seconds:.1f} | "
            f"{statistics.median(values) * 1000:.1f} | {pct(values, 0.95):.1f} | {pct(values, 0.99):.1f} | "
            f"{max(values) * 1000:.1f} |"
        )
    return rows


def load_average() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=180)
    parser.add_argument(
        "--saturate", type=float, default=30, help="seconds of the saturated vote phase (0: skip)"
    )
    parser.add_argument("--concurrency", type=int, default=16, help="clients in the saturated phase")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--db", default="brug_load")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database of an earlier run (only the dialogue is new)"
    )
    parser.add_argument("--label", default="", help="a name for this run in the results file")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args()

    port = free_port()
    env = server_env(args.db, port)
    print(f"preparing database {args.db} ...", flush=True)
    if not args.reuse:
        recreate_database(args.db)
    flush_redis()
    statements, sessions = prepare(env, sessions=max(1, args.users // 5), base=not args.reuse)
    load_before = load_average()
    procs = start_servers(env, port, args.workers)
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.3)
        print(f"gunicorn on 127.0.0.1:{port}; warming up the workers", flush=True)
        asyncio.run(warm_up(port, sessions[0], args.workers))
        print(f"phase 1: {args.users} users for {args.duration:.0f} s", flush=True)
        warm_votes = count_votes(env)
        t0 = time.monotonic()
        users = asyncio.run(
            users_phase(port, args.users if args.duration > 0 else 0, args.duration, sessions, seed=2026)
        )
        users_seconds = time.monotonic() - t0
        time.sleep(2)
        stored_1 = count_votes(env) - warm_votes
        load_mid = load_average()
        sat = None
        stored_2 = stored_1
        if args.saturate > 0:
            print(
                f"phase 2: saturated votes, {args.concurrency} clients for {args.saturate:.0f} s", flush=True
            )
            sat = asyncio.run(saturate_phase(port, args.concurrency, args.saturate, statements))
            time.sleep(2)
            stored_2 = count_votes(env) - warm_votes
        load_after = load_average()
    finally:
        stop_servers(procs)

    lines = [
        f"## Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}{' – ' + args.label if args.label else ''}",
        "",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores shared with other engineers' work; "
        f"load average before / after phase 1 / at the end: {load_before} / {load_mid} / {load_after}",
        f"- gunicorn {args.workers} sync workers, PostgreSQL (fresh database with the demo data), Redis cache "
        f"and Celery broker, one Celery worker (solo, nice 10); client and servers on the same 2 cores",
        "",
        f"### Phase 1: {args.users} users for {users_seconds:.0f} s with pauses (80 % residents voting, 20 % officers)",
        "",
        *table(users, users_seconds),
        "",
        f"- Votes answered 302: {users.votes_ok}; votes in the database: {stored_1} → "
        f"**{'all stored' if stored_1 == users.votes_ok else 'MISMATCH'}**",
        f"- Errors: {sum(users.errors.values())}{' (' + '; '.join(users.error_samples) + ')' if users.error_samples else ''}",
        f"- Vote p95: **{pct(users.timings['vote'], 0.95):.1f} ms** (target < 150 ms)",
    ]
    if sat is not None:
        elapsed = sat.timings["_elapsed"][0]
        votes = sat.timings["vote"]
        stored = stored_2 - stored_1
        lines += [
            "",
            f"### Phase 2: saturated vote endpoint, {args.concurrency} clients without pause for {elapsed:.0f} s",
            "",
            *table(sat, elapsed),
            "",
            f"- Vote throughput: **{len(votes) / elapsed:.0f} requests/s**, p95 {pct(votes, 0.95):.0f} ms",
            f"- Votes answered 302: {sat.votes_ok}; new votes in the database: {stored} → "
            f"**{'all stored' if stored == sat.votes_ok else 'MISMATCH'}**",
            f"- Errors: {sum(sat.errors.values())}{' (' + '; '.join(sat.error_samples) + ')' if sat.error_samples else ''}",
        ]
    text = "\n".join(lines) + "\n"
    print(text)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a") as fh:
        fh.write("\n" + text)


if __name__ == "__main__":
    main()
