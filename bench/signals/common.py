"""Shared set-up for the signals benchmarks: the bench database, Django, an organisation."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DB_URL = os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_signals")
BROKER = "redis://127.0.0.1:6379/13"


def ensure_database() -> None:
    import psycopg

    name = DB_URL.rsplit("/", 1)[1]
    with psycopg.connect(DB_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname=%s", (name,)).fetchone():
            conn.execute(f'create database "{name}"')


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "brug.settings")
    import django

    django.setup()


def organisation() -> object:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from brug.core.demo import VOORBEELDSTAD_HOODS
    from brug.core.models import Organisation, OrganisationKind
    from brug.municipalities.models import Municipality, Neighbourhood

    muni, _ = Municipality.objects.get_or_create(
        cbs_code="GM9901",
        defaults={
            "name": "Voorbeeldstad",
            "province": "Zuid-Holland",
            "population": 104_000,
            "reference_year": 2025,
            "fictional": True,
        },
    )
    for name in VOORBEELDSTAD_HOODS:
        Neighbourhood.objects.get_or_create(municipality=muni, name=name)
    org, _ = Organisation.objects.get_or_create(
        slug="bench",
        defaults={"name": "Gemeente Bench", "kind": OrganisationKind.MUNICIPALITY, "municipality": muni},
    )
    from brug.signals.services import ensure_default_themes

    ensure_default_themes(organisation=org)
    return org


def peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a process, from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return out
