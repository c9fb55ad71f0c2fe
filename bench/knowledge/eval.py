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

Part 2 (bench/knowledge/eval_heldout.py): 42 hand-written items, written before and
independently of its 35 queries, which use other words (synonyms, descriptions, compounds). It was
the held-out part until it had been scored twice by earlier sessions; from 2026-11-29 on it is a
development part like part 3. Part 3, development (bench/knowledge/eval_dev.py): written the same
way by another author, without looking at part 2. Parts 1, 2 and 3 choose the constants
(bench/knowledge/tune.py, with a split check: choose on two parts, score on the third). Part 4, the new held-out part (bench/knowledge/eval_heldout2.py): 55
hand-written items (5 of them ordinary news as distractors) and 70 queries, written by an author who
read neither the search code, the tuning nor parts 2 and 3. Never tune on part 4, never load it in
tune.py and never read its items or per-query results for ideas; for that reason the report gives
only its summary, no per-query rows. Each hand-written part is searched as a member of its own
organisation, which sees only that part's items. All four parts are reported; every run scores
part 4 again, so run this only to report, once per round of changes.
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


def load(*, reuse: bool = False) -> tuple[object, dict[int, str], dict[int, str]]:
    """(membership, topic per generated item id, title per demo item id). With `reuse` (tuning only)
    items already published in the same order are kept: index terms and vectors are not rebuilt."""
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
    generated_list = generated_items()
    existing = list(KnowledgeItem.objects.filter(organisation=org).order_by("pk").values_list("pk", "title"))
    expected = [t for *_x, t, _th, _l, _b in DEMO_ITEMS] + [m["title"] for m in METHODS]
    expected += [g.title for g in generated_list]
    if reuse and [t for _pk, t in existing] == expected:
        n_demo = len(DEMO_ITEMS) + len(METHODS)
        demo_ids = {pk: t for pk, t in existing[:n_demo]}
        topic_ids = {pk: g.topic for (pk, _t), g in zip(existing[n_demo:], generated_list, strict=True)}
        return membership, topic_ids, demo_ids
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
    for generated in generated_list:
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


def load_own(
    slug: str, name: str, email: str, items: dict[str, tuple[str, str]], *, reuse: bool = False
) -> tuple[object, dict[str, int]]:
    """(membership, item id per key) for a hand-written part: its own organisation, which is no
    network member, so its searches see only its own items."""
    from brug.core.models import Membership, Organisation, OrganisationKind, Role, User
    from brug.knowledge.models import KnowledgeItem
    from brug.knowledge.selectors import visible_items
    from brug.knowledge.services import publish_item

    org, _ = Organisation.objects.get_or_create(
        slug=slug, defaults={"name": name, "kind": OrganisationKind.PLATFORM}
    )
    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password=None, name=name
    )
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=org, defaults={"role": Role.OFFICER}
    )
    existing = list(KnowledgeItem.objects.filter(organisation=org).order_by("pk").values_list("pk", "title"))
    if reuse and [t for _pk, t in existing] == [t for t, _b in items.values()]:
        return membership, {key: pk for key, (pk, _t) in zip(items, existing, strict=True)}
    KnowledgeItem.objects.filter(organisation=org).delete()
    ids = {}
    for key, (title, body) in items.items():
        item = publish_item(
            membership=membership, kind="casus", title=title, body=body, visibility="organisatie"
        )
        ids[key] = item.pk
    visible = set(visible_items(membership=membership).values_list("id", flat=True))
    if visible != set(ids.values()):
        raise SystemExit(f"{name} ziet andere items dan zijn eigen: de meting zou niet eerlijk zijn")
    return membership, ids


def load_heldout() -> tuple[object, dict[str, int]]:
    """Part 2: held out until it had been scored twice, a development part from 2026-11-29 on."""
    from bench.knowledge.eval_heldout import ITEMS

    return load_own("eval-kennisbank-apart", "Evaluatie kennisbank (apart)", "eval-apart@brug.example", ITEMS)


def load_dev(*, reuse: bool = False) -> tuple[object, dict[str, int]]:
    """Part 3, development: hand-written like part 2, used for tuning."""
    from bench.knowledge.eval_dev import ITEMS

    return load_own(
        "eval-kennisbank-dev",
        "Evaluatie kennisbank (ontwikkeling)",
        "eval-dev@brug.example",
        ITEMS,
        reuse=reuse,
    )


def load_heldout2() -> tuple[object, dict[str, int]]:
    """Part 4, the new held-out part: never loaded by tune.py, scored only to report."""
    from bench.knowledge.eval_heldout2 import ITEMS

    return load_own(
        "eval-kennisbank-apart-2", "Evaluatie kennisbank (apart, nieuw)", "eval-apart-2@brug.example", ITEMS
    )


def evaluate(judgements: dict[str, dict[int, int]], membership: object) -> tuple[list[tuple], list[float]]:
    """Per query (query, nDCG@10, results, top 10 by words, relevant in top 10, related in top 10), and
    the search times. "Related" hits (no shared word, meaning below the cut-off, shown apart as
    "about something similar") count as results and in nDCG, as the officer sees them."""
    from brug.knowledge.selectors import search

    rows, timings = [], []
    for query, grades in judgements.items():
        started = time.perf_counter()
        hits = search(query=query, membership=membership, limit=20)  # type: ignore[arg-type]
        timings.append((time.perf_counter() - started) * 1000)
        ranked = [h.item.pk for h in hits]
        by_words = sum(1 for h in hits[:K] if h.word_rank is not None)
        rows.append(
            (
                query,
                ndcg(ranked, grades),
                len(hits),
                by_words,
                sum(1 for pk in ranked[:K] if grades.get(pk)),
                sum(1 for h in hits[:K] if h.related),
                all(h.related for h in hits),
            )
        )
    return rows, timings


def summary(rows: list[tuple], timings: list[float]) -> tuple[float, list[str], list[str]]:
    """(mean nDCG@10, queries without a result, table rows of the summary)."""
    scores = [r[1] for r in rows]
    zero = [r[0] for r in rows if r[2] == 0]
    only_related = [r[0] for r in rows if r[2] and r[6]]
    mean = statistics.mean(scores)
    table = [
        f"| nDCG@10 (gemiddeld) | {mean:.3f} | ≥ {TARGET_NDCG:.2f} |",
        f"| nDCG@10 (mediaan) | {statistics.median(scores):.3f} | |",
        f"| Zoekvragen zonder resultaat (alle hebben een relevant item) | {len(zero)} van {len(rows)} "
        f"({len(zero) / len(rows):.0%}) | 0 |",
        f"| Zoekvragen met alleen 'vergelijkbaar' (geen gedeeld woord, betekenis onder de grens) | "
        f"{len(only_related)} van {len(rows)} | |",
        f"| Zoektijd p50 / p95 (ms, kleine kennisbank) | {statistics.median(timings):.0f} / "
        f"{sorted(timings)[int(0.95 * (len(timings) - 1))]:.0f} | |",
    ]
    return mean, zero, table


def verdict(mean: float, zero: list[str]) -> str:
    return (
        f"nDCG@10 {mean:.3f} ({'gehaald' if mean >= TARGET_NDCG else 'NIET gehaald'}); zoekvragen zonder "
        f"resultaat: {len(zero)} ({'gehaald' if not zero else 'NIET gehaald: ' + ', '.join(zero)})"
    )


def per_query(rows: list[tuple]) -> list[str]:
    lines = [
        "| Zoekvraag | nDCG@10 | Resultaten | Top 10 via woorden | Relevant in top 10 | Vergelijkbaar in top 10 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for query, score, n, words, relevant, related, _only in sorted(rows, key=lambda r: r[1]):
        lines.append(f"| {query} | {score:.3f} | {n} | {words} | {relevant} | {related} |")
    return lines


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
    from bench.knowledge.eval_dev import ITEMS as DEV_ITEMS
    from bench.knowledge.eval_dev import JUDGEMENTS as DEV
    from bench.knowledge.eval_heldout import ITEMS
    from bench.knowledge.eval_heldout import JUDGEMENTS as HELDOUT
    from bench.knowledge.eval_heldout2 import ITEMS as HELDOUT2_ITEMS
    from bench.knowledge.eval_heldout2 import JUDGEMENTS as HELDOUT2
    from brug.knowledge import index

    membership, topics, demo = load()
    heldout_membership, heldout_ids = load_heldout()
    dev_membership, dev_ids = load_dev()
    new_membership, new_ids = load_heldout2()
    index.reset()
    rows, timings = evaluate({q: grades_for(j, topics, demo) for q, j in JUDGEMENTS.items()}, membership)
    held_rows, held_timings = evaluate(
        {q: {heldout_ids[k]: g for k, g in j.items()} for q, j in HELDOUT.items()}, heldout_membership
    )
    dev_rows, dev_timings = evaluate(
        {q: {dev_ids[k]: g for k, g in j.items()} for q, j in DEV.items()}, dev_membership
    )
    new_rows, new_timings = evaluate(
        {q: {new_ids[k]: g for k, g in j.items()} for q, j in HELDOUT2.items()}, new_membership
    )
    mean, zero, table = summary(rows, timings)
    held_mean, held_zero, held_table = summary(held_rows, held_timings)
    dev_mean, dev_zero, dev_table = summary(dev_rows, dev_timings)
    new_mean, new_zero, new_table = summary(new_rows, new_timings)
    backend = f"PostgreSQL ({connection.vendor})" if connection.vendor == "postgresql" else "SQLite"
    lines = [
        "# Kennisbank zoeken: kwaliteit (nDCG@10)",
        "",
        f"Gemeten op {dt.date.today().isoformat()} met `bench/knowledge/eval.py` op {backend}, in vier delen. "
        "Gezocht via `brug.knowledge.selectors.search` (woorden + betekenis, samengevoegd); oordelen "
        "gegradeerd (3 = wat men zoekt, 2 = duidelijk bruikbaar, 1 = deels), nDCG@10 met winst 2^cijfer − 1.",
        "",
        "| Deel | Items | Zoekvragen | nDCG@10 | Zonder resultaat |",
        "|---|---:|---:|---:|---:|",
        f"| 1. Gegenereerd + demo (woorden gedeeld met de vragen; afstellen) | {len(demo) + len(topics)} "
        f"| {len(rows)} | {mean:.3f} | {len(zero)} |",
        f"| 2. Eerder apart gehouden, nu ontwikkelset (twee keer gescoord): handgeschreven items, vragen in "
        f"andere woorden | {len(ITEMS)} | {len(held_rows)} | {held_mean:.3f} | {len(held_zero)} |",
        f"| 3. Ontwikkelset: handgeschreven items, vragen in andere woorden (afstellen) | {len(DEV_ITEMS)} "
        f"| {len(dev_rows)} | {dev_mean:.3f} | {len(dev_zero)} |",
        f"| 4. Apart gehouden (nieuw): handgeschreven items, vragen in andere woorden, andere auteur "
        f"| {len(HELDOUT2_ITEMS)} | {len(new_rows)} | {new_mean:.3f} | {len(new_zero)} |",
        "",
        f"**Oordeel deel 1:** {verdict(mean, zero)}.  ",
        f"**Oordeel deel 2 (ontwikkelset, eerder apart gehouden):** {verdict(held_mean, held_zero)}.  ",
        f"**Oordeel deel 3 (ontwikkelset):** {verdict(dev_mean, dev_zero)}.  ",
        f"**Oordeel deel 4 (apart gehouden, nieuw):** {verdict(new_mean, new_zero)}.",
        "",
        "Deel 1 is optimistisch: de gegenereerde items zijn gebouwd uit zinnen met de woorden van de "
        "zoekvragen. Deel 4 is het eerlijke getal: het nieuwe aparte deel (`bench/knowledge/eval_heldout2.py`), "
        "geschreven op 2026-11-29 door een auteur die de zoekcode, het afstellen en de delen 2 en 3 niet heeft "
        "ingezien; eerst de items, zoals een gemeente haar eigen casus, dilemma of verslag opschrijft, daarna "
        "de vragen, bewust in andere woorden (bij het schrijven deelden 34 van de 70 vragen geen enkel woord "
        "met hun beste item, 18 ook geen woordstam). Op deel 4 wordt niet afgesteld; het wordt alleen gescoord "
        "om te rapporteren, en per zoekvraag bewust niet gerapporteerd, zodat niemand er ideeën uit haalt. "
        "Deel 2 is op dezelfde manier geschreven en was tot 2026-11-29 het aparte deel; het is door eerdere "
        "sessies twee keer gescoord (na het afstellen op deel 1 + 3) en telt sindsdien als ontwikkelset. "
        "Deel 3 is ook zo geschreven, door een andere auteur en zonder deel 2 in te zien "
        "(`bench/knowledge/eval_dev.py`), om op af te stellen: thesaurus, zeldzaamheidsgewicht, fusie en "
        "grens zijn gekozen op deel 1 + 2 + 3, met een splitsingscontrole (kiezen op twee delen, scoren op het derde; "
        "`bench/knowledge/tune.py`, `bench/results/knowledge_tune.md`). "
        "Deel 3 is makkelijker gebleken dan deel 2 (vóór de wijzigingen 0,796 tegen 0,514): de auteur van "
        "deel 3 deelde vaker woorden tussen vraag en item. Beperking: per deel één auteur.",
        "",
        "**Voor en na (PostgreSQL):** vóór de aanvulling met 'vergelijkbaar', de gewogen fusie en de "
        "inbedding over de hele tekst (commit 5de17a7): deel 1 nDCG@10 0.977 / 0 zonder resultaat, deel 2 "
        "0.458 / 6 zonder resultaat. Vóór de wijzigingen van deze ronde (zeldzaamheidsgewicht, vraagwoorden, "
        "meervoud na klinker, afkortingen en algemene thesaurus, score-fusie; commit a5a53d1): deel 1 0.989 / 0, "
        "deel 2 0.514 / 0, deel 3 0.796 / 0 (3 vragen alleen met 'vergelijkbaar'). Nu: zie de tabel hierboven. "
        "Zonder resultaat telt een vraag waarbij de pagina leeg is; items onder 'vergelijkbaar' tellen mee "
        "als resultaat en in nDCG, zoals de gebruiker ze ziet (apart, met de melding dat ze geen woorden delen).",
        "",
        "## Deel 1: gegenereerd en demo",
        "",
        f"{len(demo)} demo- en methode-items plus {len(topics)} gegenereerde items met bekend onderwerp "
        f"(`bench/knowledge/eval_data.py`), {len(JUDGEMENTS)} zoekvragen van gemeenteambtenaren.",
        "",
        "| Maat | Waarde | Doel |",
        "|---|---:|---:|",
        *table,
        "",
        "## Deel 2: eerder apart gehouden, nu ontwikkelset",
        "",
        f"{len(ITEMS)} handgeschreven items (waarvan 8 gewoon gemeentenieuws als afleiders) en "
        f"{len(HELDOUT)} zoekvragen (`bench/knowledge/eval_heldout.py`); gezocht als lid van een eigen "
        "organisatie die alleen deze items ziet.",
        "",
        "| Maat | Waarde | Doel |",
        "|---|---:|---:|",
        *held_table,
        "",
        "## Deel 3: ontwikkelset",
        "",
        f"{len(DEV_ITEMS)} handgeschreven items (waarvan 8 gewoon gemeentenieuws als afleiders) en "
        f"{len(DEV)} zoekvragen (`bench/knowledge/eval_dev.py`); gezocht als lid van een eigen organisatie "
        "die alleen deze items ziet.",
        "",
        "| Maat | Waarde | Doel |",
        "|---|---:|---:|",
        *dev_table,
        "",
        "## Deel 4: apart gehouden (nieuw)",
        "",
        f"{len(HELDOUT2_ITEMS)} handgeschreven items (waarvan 5 gewoon gemeentenieuws als afleiders) en "
        f"{len(HELDOUT2)} zoekvragen (`bench/knowledge/eval_heldout2.py`); gezocht als lid van een eigen "
        "organisatie die alleen deze items ziet. Alleen de samenvatting: geen resultaten per zoekvraag.",
        "",
        "| Maat | Waarde | Doel |",
        "|---|---:|---:|",
        *new_table,
        "",
        "Snelheid over 50.000 items op PostgreSQL: zie `bench/results/knowledge.md` (`bench/knowledge/run.py`).",
        "",
        "## Deel 3 per zoekvraag (slechtste eerst)",
        "",
        *per_query(dev_rows),
        "",
        "## Deel 1 per zoekvraag (slechtste eerst)",
        "",
        *per_query(rows),
        "",
        "## Deel 2 per zoekvraag (slechtste eerst)",
        "",
        *per_query(held_rows),
        "",
        "Opnieuw draaien: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_knowledge_eval "
        ".venv/bin/python -m bench.knowledge.eval` (zonder DATABASE_URL: SQLite). Constanten kiezen (deel 1 + 2 + 3, met splitsingscontrole): "
        "`… -m bench.knowledge.tune` (laadt deel 4 nooit).",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[:18]))


if __name__ == "__main__":
    main()
