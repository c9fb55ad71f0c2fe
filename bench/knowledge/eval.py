"""Search quality of the knowledge base: nDCG@10 and the zero-result rate; writes
bench/results/knowledge_eval.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_knowledge_eval \
        .venv/bin/python -m bench.knowledge.eval

The knowledge base: the demo items and method texts (brug.knowledge.demo / methods) plus a
generated base of 480 items with known topics (bench/knowledge/eval_data.py), all published
through `brug.knowledge.services.publish_item` (real embeddings, real index terms). Queries: 68
realistic officer queries with graded judgements (3 = what they look for, 2 = clearly useful,
1 = partly). Searched through `brug.knowledge.selectors.search` (words + meaning, fused) as an
officer of the owning organisation; gain 2^grade - 1, log2 discount, ideal from all judged items.
Without DATABASE_URL it runs on a scratch SQLite file (the SQLite search path).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "knowledge_eval.md"
K = 10
TARGET_NDCG = 0.80


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def load() -> tuple[object, dict[int, str], dict[int, str]]:
    """(membership, topic per generated item id, title per demo item id)."""
    from bench.knowledge.eval_data import generated_items
    from brug.core.models import Membership, Organisation, OrganisationKind, Role, User
    from brug.knowledge.demo import DEMO_ITEMS
    from brug.knowledge.methods import METHODS
    from brug.knowledge.models import KnowledgeItem
    from brug.knowledge.services import publish_item

    org, _ = Organisation.objects.get_or_create(
        slug="eval-kennisbank", defaults={"name": "Evaluatie kennisbank", "kind": OrganisationKind.PARTNER}
    )
    user = User.objects.filter(email="eval@brug.example").first() or User.objects.create_user(
        email="eval@brug.example", password=None, name="Evaluatie"
    )
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=org, defaults={"role": Role.OFFICER}
    )
    KnowledgeItem.objects.filter(organisation=org).delete()  # always fresh: index terms may have changed
    started = time.perf_counter()
    demo: dict[int, str] = {}
    for _org, _user, kind, _visibility, title, _themes, _lines, body in DEMO_ITEMS:
        item = publish_item(membership=membership, kind=kind, title=title, body=body, visibility="netwerk")
        demo[item.pk] = title
    for method in METHODS:
        item = publish_item(
            membership=membership,
            kind="methode",
            title=method["title"],
            body=method["body"],
            visibility="netwerk",
        )
        demo[item.pk] = method["title"]
    topics: dict[int, str] = {}
    for generated in generated_items():
        item = publish_item(
            membership=membership,
            kind="casus",
            title=generated.title,
            body=generated.body,
            visibility="netwerk",
        )
        topics[item.pk] = generated.topic
    print(f"published {len(demo) + len(topics)} items in {time.perf_counter() - started:.0f} s", flush=True)
    return membership, topics, demo


def grades_for(judgement: dict[str, int], topics: dict[int, str], demo: dict[int, str]) -> dict[int, int]:
    grades: dict[int, int] = {}
    for key, grade in judgement.items():
        if key.startswith("demo:"):
            prefix = key[5:]
            matched = [pk for pk, title in demo.items() if title.startswith(prefix)]
            if not matched:
                raise SystemExit(f"judgement names an unknown demo item: {key}")
            ids = matched
        else:
            ids = [pk for pk, topic in topics.items() if topic == key]
        for pk in ids:
            grades[pk] = max(grades.get(pk, 0), grade)
    return grades


def ndcg(ranked: list[int], grades: dict[int, int], k: int = K) -> float:
    def dcg(gains: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(pk, 0) for pk in ranked]) / ideal if ideal else 0.0


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        if not url.startswith(("postgres://", "postgresql://")):
            sys.exit("Zet DATABASE_URL op een PostgreSQL-database, of laat hem leeg voor SQLite.")
        ensure_database(url)
    else:
        os.environ["BRUG_VAR_DIR"] = str(ROOT / "bench" / ".work" / "knowledge_eval")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "brug.settings")
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)
    from bench.knowledge.eval_data import JUDGEMENTS
    from brug.knowledge import index
    from brug.knowledge.selectors import search

    membership, topics, demo = load()
    index.reset()
    rows = []
    timings = []
    for query, judgement in JUDGEMENTS.items():
        grades = grades_for(judgement, topics, demo)
        started = time.perf_counter()
        hits = search(query=query, membership=membership, limit=20)
        timings.append((time.perf_counter() - started) * 1000)
        ranked = [h.item.pk for h in hits]
        by_words = sum(1 for h in hits[:K] if h.word_rank is not None)
        rows.append(
            (query, ndcg(ranked, grades), len(hits), by_words, sum(1 for pk in ranked[:K] if grades.get(pk)))
        )
    scores = [r[1] for r in rows]
    zero = [r[0] for r in rows if r[2] == 0]
    mean = statistics.mean(scores)
    backend = f"PostgreSQL ({connection.vendor})" if connection.vendor == "postgresql" else "SQLite"
    lines = [
        "# Kennisbank zoeken: kwaliteit (nDCG@10)",
        "",
        f"Gemeten op {dt.date.today().isoformat()} met `bench/knowledge/eval.py` op {backend}: "
        f"{len(demo)} demo- en methode-items plus {len(topics)} gegenereerde items met bekend onderwerp "
        f"(`bench/knowledge/eval_data.py`), {len(JUDGEMENTS)} zoekvragen van gemeenteambtenaren met "
        "gegradeerde oordelen (3 = wat men zoekt, 2 = duidelijk bruikbaar, 1 = deels). Gezocht via "
        "`brug.knowledge.selectors.search` (woorden + betekenis, samengevoegd).",
        "",
        "| Maat | Waarde | Doel |",
        "|---|---:|---:|",
        f"| nDCG@10 (gemiddeld) | {mean:.3f} | ≥ {TARGET_NDCG:.2f} |",
        f"| nDCG@10 (mediaan) | {statistics.median(scores):.3f} | |",
        f"| Zoekvragen zonder resultaat (alle hebben een relevant item) | {len(zero)} van {len(rows)} "
        f"({len(zero) / len(rows):.0%}) | 0 |",
        f"| Zoektijd p50 / p95 (ms, kleine kennisbank) | {statistics.median(timings):.0f} / "
        f"{sorted(timings)[int(0.95 * (len(timings) - 1))]:.0f} | |",
        "",
        f"**Oordeel:** nDCG@10 {mean:.3f} ({'gehaald' if mean >= TARGET_NDCG else 'NIET gehaald'}); "
        f"zoekvragen zonder resultaat: {len(zero)} ({'gehaald' if not zero else 'NIET gehaald: ' + ', '.join(zero)}).",
        "",
        "Snelheid over 50.000 items op PostgreSQL: zie `bench/results/knowledge.md` (`bench/knowledge/run.py`).",
        "",
        "## Per zoekvraag (slechtste eerst)",
        "",
        "| Zoekvraag | nDCG@10 | Resultaten | Top 10 via woorden | Relevant in top 10 |",
        "|---|---:|---:|---:|---:|",
    ]
    for query, score, n, words, relevant in sorted(rows, key=lambda r: r[1]):
        lines.append(f"| {query} | {score:.3f} | {n} | {words} | {relevant} |")
    lines += [
        "",
        "Opnieuw draaien: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_knowledge_eval "
        ".venv/bin/python -m bench.knowledge.eval` (zonder DATABASE_URL: SQLite).",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[:16]))


if __name__ == "__main__":
    main()
