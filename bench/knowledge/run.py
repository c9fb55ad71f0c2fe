"""Benchmark the knowledge search over 50,000 items on PostgreSQL; writes bench/results/knowledge.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_knowledge \
        .venv/bin/python -m bench.knowledge.run [--items 50000] [--exact-embeddings]

Creates the scratch database if needed, migrates it, fills it once (items are recognised by
seed_key "bench-<i>"), then times ~100 Dutch queries through `brug.knowledge.selectors.search`
(full text + meaning + fusion + visibility, as a member of one municipality) and the parts alone.

Item vectors: by default each distinct sentence and title of the corpus is embedded once with
USE multilingual, and an item's vector is the normalised mean of its title vector and its mean
sentence vector (the real service embeds the whole text: ~50 ms per item here, 40+ minutes for
50k on the shared machine). `--exact-embeddings` embeds every item for real (cached in chunks
under bench/.work/). The search cost does not depend on which vectors are stored; the report
gives how close the approximation is to the real embedding on a sample.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "bench" / ".work" / "knowledge"
RESULTS = ROOT / "bench" / "results" / "knowledge.md"
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/bench_knowledge"


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def normalise(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=-1, keepdims=True)
    norms[norms == 0] = 1
    return (m / norms).astype(np.float32)


def approx_vectors(pool: list[str], titles: list[str], items: list) -> np.ndarray:
    from brug.text.embeddings import embed

    cache = WORK / f"pool_{len(pool)}_{len(titles)}.npz"
    if cache.exists():
        data = np.load(cache)
        sentence_vecs, title_vecs = data["s"], data["t"]
    else:
        sentence_vecs, title_vecs = embed(pool), embed(titles)
        np.savez(cache, s=sentence_vecs, t=title_vecs)
    title_index = {t: i for i, t in enumerate(titles)}
    out = np.empty((len(items), sentence_vecs.shape[1]), dtype=np.float32)
    for row, item in enumerate(items):
        out[row] = title_vecs[title_index[item.title]] + sentence_vecs[item.sentences].mean(axis=0)
    return normalise(out)


def exact_vectors(pool: list[str], items: list, *, chunk: int = 2000) -> np.ndarray:
    from brug.knowledge.services import EMBED_BODY_CHARS
    from brug.text.embeddings import embed

    parts = []
    for start in range(0, len(items), chunk):
        path = WORK / f"exact_{start}_{chunk}.npy"
        if not path.exists():
            texts = [f"{i.title}. {i.body(pool)[:EMBED_BODY_CHARS]}" for i in items[start : start + chunk]]
            np.save(path, embed(texts))
            print(f"  embedded {start + len(texts)} / {len(items)}", flush=True)
        parts.append(np.load(path))
    return np.vstack(parts)


def fill(n: int) -> dict:
    from django.db import connection, transaction

    from bench.knowledge.corpus import generate
    from brug.core.models import Membership, Organisation, OrganisationKind, Role, User
    from brug.knowledge.models import IndexVersion, KnowledgeItem
    from brug.knowledge.text import stem_column
    from brug.municipalities.models import Municipality
    from brug.municipalities.services import load_municipalities

    if not Municipality.objects.filter(fictional=False).exists():
        load_municipalities()
    orgs = []
    for m in Municipality.objects.filter(fictional=False).order_by("cbs_code")[:40]:
        org, _ = Organisation.objects.get_or_create(
            slug=f"bench-{m.cbs_code.lower()}",
            defaults={"name": f"Gemeente {m.name}", "kind": OrganisationKind.MUNICIPALITY, "municipality": m},
        )
        orgs.append(org)
    for key in ("ess", "kis", "movisie", "vng", "jep"):
        org, _ = Organisation.objects.get_or_create(
            slug=f"bench-{key}", defaults={"name": key.upper(), "kind": OrganisationKind.PARTNER}
        )
        orgs.append(org)
    user = User.objects.filter(email="bench@brug.example").first() or User.objects.create_user(
        email="bench@brug.example", password=None, name="Bench"
    )
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=orgs[0], defaults={"role": Role.OFFICER}
    )
    pool, titles, items = generate(n, organisations=len(orgs))
    info: dict = {"pool": len(pool), "titles": len(titles), "membership": membership}
    existing = KnowledgeItem.objects.filter(seed_key__startswith="bench-").count()
    if existing == n:
        first = KnowledgeItem.objects.filter(seed_key="bench-0").values_list("body", "body_stems").first()
        if first and first[1] != stem_column(first[0]):
            restem()  # the index terms changed since the fill: recompute them, keep the vectors
        print(f"{n} bench items already in the database")
        return info
    KnowledgeItem.objects.filter(seed_key__startswith="bench-").delete()
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    vectors = exact_vectors(pool, items) if ARGS.exact_embeddings else approx_vectors(pool, titles, items)
    info["embed_s"] = time.perf_counter() - started
    print(f"vectors ready in {info['embed_s']:.0f} s", flush=True)
    with transaction.atomic():
        IndexVersion.objects.get_or_create(pk=1)
        IndexVersion.objects.filter(pk=1).update(value=1)
        batch = []
        for i, item in enumerate(items):
            body = item.body(pool)
            batch.append(
                KnowledgeItem(
                    organisation=orgs[item.org_index],
                    kind=item.kind,
                    title=item.title,
                    body=body,
                    themes=item.themes,
                    visibility=item.visibility,
                    seed_key=f"bench-{i}",
                    tag_index=" " + " ".join(f"t:{t}" for t in item.themes) + " ",
                    title_stems=stem_column(item.title),
                    body_stems=stem_column(body),
                    embedding=vectors[i].tobytes(),
                    index_version=1,
                )
            )
            if len(batch) == 2000:
                KnowledgeItem.objects.bulk_create(batch)
                batch = []
        KnowledgeItem.objects.bulk_create(batch)
        with connection.cursor() as cursor:
            cursor.execute(SEARCH_VECTOR_SQL)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM FULL ANALYZE knowledge_knowledgeitem")  # the UPDATE left every row twice
    print(f"filled {n} items in {time.perf_counter() - started:.0f} s", flush=True)
    return info


# The same expression the service writes: our index terms, title weight A, body weight B, config simple.
SEARCH_VECTOR_SQL = (
    "UPDATE knowledge_knowledgeitem SET search_vector = "
    "setweight(to_tsvector('simple'::regconfig, COALESCE(title_stems, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, COALESCE(body_stems, '')), 'B') "
    "WHERE seed_key LIKE 'bench-%%'"
)


def restem() -> None:
    from django.db import connection, transaction

    from brug.knowledge.models import KnowledgeItem
    from brug.knowledge.text import stem_column

    started = time.perf_counter()
    ids = list(KnowledgeItem.objects.filter(seed_key__startswith="bench-").values_list("id", flat=True))
    for start in range(0, len(ids), 2000):
        with transaction.atomic():
            rows = list(
                KnowledgeItem.objects.filter(id__in=ids[start : start + 2000]).only("id", "title", "body")
            )
            for row in rows:
                row.title_stems = stem_column(row.title)
                row.body_stems = stem_column(row.body)
            KnowledgeItem.objects.bulk_update(rows, ["title_stems", "body_stems"])
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_VECTOR_SQL)
        cursor.execute("VACUUM FULL ANALYZE knowledge_knowledgeitem")  # the UPDATE left every row twice
    print(
        f"recomputed the index terms of {len(ids)} items in {time.perf_counter() - started:.0f} s", flush=True
    )


def compact() -> None:
    """Rewrite the table when updates left it bloated (a migration that recomputes the search
    columns, or a restem): dead rows double the pages every search reads and blur the comparison."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_live_tup, n_dead_tup FROM pg_stat_user_tables WHERE relname = 'knowledge_knowledgeitem'"
        )
        live, dead = cursor.fetchone() or (0, 0)
        size_before = _table_mb(cursor)
        if dead > 0.1 * max(live, 1):
            started = time.perf_counter()
            cursor.execute("VACUUM FULL ANALYZE knowledge_knowledgeitem")
            print(
                f"compacted the table ({dead} dead rows, {size_before:.0f} -> {_table_mb(cursor):.0f} MB) "
                f"in {time.perf_counter() - started:.0f} s",
                flush=True,
            )


def _table_mb(cursor) -> float:  # type: ignore[no-untyped-def]
    cursor.execute("SELECT pg_relation_size('knowledge_knowledgeitem')")
    return cursor.fetchone()[0] / 1e6


def backend_cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) of a PostgreSQL backend on this machine, from /proc; None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95, ordered[-1]


def measure(membership) -> dict:  # type: ignore[no-untyped-def]
    from bench.knowledge.corpus import QUERIES
    from brug.knowledge import index, selectors

    scope = selectors.scope_for(membership=membership)
    index.reset()
    started = time.perf_counter()
    index.get_matrix()
    cold_ms = (time.perf_counter() - started) * 1000
    selectors.search(query="opwarmen van de verbinding", membership=membership)  # warm caches, not timed
    load_before = os.getloadavg()[0]
    timings: dict[str, list[float]] = {
        "search": [],
        "search_cpu": [],
        "fulltext": [],
        "meaning": [],
        "embed": [],
    }
    hits = []
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    work: dict[str, float] = {"python_cpu_ms": 0.0}
    pg_before = backend_cpu_seconds(backend)
    for query in QUERIES:
        selectors.query_vector.cache_clear()
        t0, c0 = time.perf_counter(), time.process_time()
        result = selectors.search(query=query, membership=membership)
        timings["search"].append((time.perf_counter() - t0) * 1000)
        timings["search_cpu"].append((time.process_time() - c0) * 1000)
        work["python_cpu_ms"] += timings["search_cpu"][-1] / len(QUERIES)
        hits.append(len(result))
    pg_after = backend_cpu_seconds(backend)
    if pg_before is not None and pg_after is not None:
        work["postgres_cpu_ms"] = (pg_after - pg_before) * 1000 / len(QUERIES)
    for query in QUERIES:
        t0 = time.perf_counter()
        selectors.fulltext_ids(selectors._visible(scope), query)
        timings["fulltext"].append((time.perf_counter() - t0) * 1000)
        selectors.query_vector.cache_clear()
        t0 = time.perf_counter()
        vector = selectors.query_vector(query)
        timings["embed"].append((time.perf_counter() - t0) * 1000)
        selectors.semantic_ranking(vector, scope)
        timings["meaning"].append((time.perf_counter() - t0) * 1000)
    load = (load_before, os.getloadavg()[0])
    return {
        "cold_ms": cold_ms,
        "timings": timings,
        "hits": hits,
        "queries": len(QUERIES),
        "load": load,
        "work": work,
    }


def approximation_quality(sample: int = 200) -> float:
    from bench.knowledge.corpus import generate
    from brug.knowledge.services import item_embedding

    pool, titles, items = generate(sample, organisations=45, seed=11)
    approx = approx_vectors(pool, titles, items)
    exact = np.vstack([item_embedding(i.title, i.body(pool)) for i in items])
    return float(np.mean(np.sum(approx * exact, axis=1)))


def write_report(n: int, info: dict, result: dict, quality: float | None) -> None:
    from django.db import connection

    rows = []
    labels = {
        "search": "Hele zoekdienst: full-text + betekenis + fusie + zichtbaarheid (incl. query-embedding)",
        "search_cpu": "Hele zoekdienst, CPU-tijd van het Python-proces (alle threads; zonder PostgreSQL)",
        "fulltext": "Alleen PostgreSQL full-text (eigen zoektermen: stammen, samenstellingsdelen, thesaurus; GIN, ts_rank, zichtbaarheid)",
        "meaning": "Alleen betekenis: query-embedding + cosinus over de matrix + zichtbaarheidsmasker",
        "embed": "Alleen de query-embedding (USE multilingual)",
    }
    for key, label in labels.items():
        p50, p95, worst = percentiles(result["timings"][key])
        rows.append(f"| {label} | {p50:.1f} | {p95:.1f} | {worst:.1f} |")
    p95 = percentiles(result["timings"]["search"])[1]
    work = result["work"]
    pg_cpu = work.get("postgres_cpu_ms")
    work_line = f"Python-proces {work['python_cpu_ms']:.1f} ms" + (
        f", PostgreSQL-backend {pg_cpu:.1f} ms" if pg_cpu is not None else ""
    )
    verdict = (
        f"**Oordeel:** p95 van de hele zoekdienst is {p95:.0f} ms bij load {result['load'][0]:.1f}: het doel "
        f"(< 200 ms) is bij deze belasting {'gehaald' if p95 < 200 else 'niet gehaald'}. Werk per zoekvraag "
        f"(CPU-tijd, gemiddeld over alle zoekvragen, minder gevoelig voor de belasting): {work_line}."
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        pg_version = cursor.fetchone()[0].split(" on ")[0]
    approx_line = (
        "echte embedding per item (`--exact-embeddings`)"
        if ARGS.exact_embeddings
        else "benadering: genormaliseerd gemiddelde van titel- en zinsembeddings"
        + (f"; gemiddelde cosinus met de echte embedding op 200 items: {quality:.3f}" if quality else "")
    )
    text = f"""# Kennisbank zoeken: snelheid

Gemeten op {dt.date.today().isoformat()} met `bench/knowledge/run.py` over **{n:,} items** in PostgreSQL
({pg_version}), {platform.machine()}, {os.cpu_count()} cores (gedeeld met andere processen), Python
{platform.python_version()}. {result["queries"]} gevarieerde Nederlandse zoekvragen
(`bench/knowledge/corpus.py`, van één woord tot een hele vraag), gezocht als medewerker van één gemeente
(zichtbaar: eigen organisatie-items, alle netwerk- en publieke items). Elke zoekvraag één keer, met lege
query-embeddingcache. Tijden in milliseconden. Belasting van de machine (load average, 1 min) bij begin
en eind van de meting: {result["load"][0]:.1f} / {result["load"][1]:.1f}.

| Meting | p50 | p95 | max |
|---|---:|---:|---:|
{chr(10).join(rows)}

{verdict}

Eerste zoekopdracht van een proces laadt de embeddingmatrix
({n:,} × 512 float32) uit de database: {result["cold_ms"]:.0f} ms, daarna alleen bij wijzigingen
(en dan alleen de gewijzigde rijen). Gemiddeld {statistics.mean(result["hits"]):.1f} resultaten per zoekvraag (max 20).

Opbouw van één zoekvraag: één SQL-statement voor de woorden (kandidaten via de GIN-index met een
LIMIT, `ts_rank` alleen op die hoogstens 600 kandidaten), terwijl in een tweede thread de
query-embedding loopt (zoekvraag en haar thesaurusburen); dan de cosinus over de matrix, een eerste
fusie, de feedbackstap (zoekvector naar de 3 beste items, cosinus opnieuw over de 2.000 dichtstbijzijnde
rijen) en één query die de 20 items ophaalt. "Alleen betekenis" in de tabel is één cosinus over de hele
matrix, zonder feedbackstap. Op een drukke machine zegt de wandkloktijd weinig (2 cores, load boven 6): vergelijk dan de CPU-tijd.
De tabel wordt vóór de meting herschreven (`VACUUM FULL`) als updates haar hadden opgeblazen.

Corpus: items gemaakt door zinnen uit de seed-documenten, de methodeteksten en extra casuszinnen
te hercombineren ({info["pool"]} zinnen, {info["titles"]} titels, 3–8 zinnen per item, 45 organisaties,
zichtbaarheid 30% organisatie / 40% netwerk / 30% publiek). Itemvectoren: {approx_line}.
Zoekkosten hangen niet af van welke vectoren er staan. Een item publiceren via de dienst
(embedding van de hele tekst) kost hier ongeveer 50 ms per item.

Opnieuw draaien: `DATABASE_URL={DEFAULT_DB} .venv/bin/python -m bench.knowledge.run`
"""
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


ARGS: argparse.Namespace


def main() -> None:
    global ARGS
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--exact-embeddings", action="store_true")
    parser.add_argument(
        "--no-quality", action="store_true", help="skip comparing approximate and real vectors"
    )
    ARGS = parser.parse_args()
    url = os.environ.setdefault("DATABASE_URL", DEFAULT_DB)
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Deze benchmark meet PostgreSQL: zet DATABASE_URL op een postgres-database.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "brug.settings")
    ensure_database(url)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    WORK.mkdir(parents=True, exist_ok=True)
    info = fill(ARGS.items)
    compact()
    result = measure(info["membership"])
    quality = None if (ARGS.exact_embeddings or ARGS.no_quality) else approximation_quality()
    write_report(ARGS.items, info, result, quality)


if __name__ == "__main__":
    main()
