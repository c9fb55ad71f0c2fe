"""Choose the knowledge search constants on parts 1 and 3 only (never on the held-out part 2).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_knowledge_eval \\
        .venv/bin/python -m bench.knowledge.tune [--reuse] [--show]

Loads part 1 (bench/knowledge/eval_data.py + demo items: generated items that share words with
their queries) and part 3 (bench/knowledge/eval_dev.py: hand-written items, queries in other words),
then reports
- nDCG@10 of meaning alone (the nearest items, no words) on each part: how good the item vectors are;
- nDCG@10 and zero-result queries of the full search over a grid of the semantic cut-off
  (selectors.MIN_SIMILARITY) and the weight of the meaning list in the fusion (MEANING_WEIGHT).
The objective is the mean of the two parts' nDCG@10 (each part counts the same, so the 68 easy
queries of part 1 do not drown the 46 of part 3). The held-out part (eval_heldout.py) is not
imported here. --reuse keeps already published items (only when the indexing is unchanged);
--show prints part 3 per query at the current constants.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys

from bench.knowledge.eval import ROOT, ensure_database, grades_for, ndcg

CUTOFFS = (0.15, 0.20, 0.25, 0.30)
WEIGHTS = (0.5, 1.0, 1.5, 2.0)


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        ensure_database(url)
    else:
        os.environ["BRUG_VAR_DIR"] = str(ROOT / "bench" / ".work" / "knowledge_eval")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "brug.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from bench.knowledge.eval import load, load_dev
    from bench.knowledge.eval_data import JUDGEMENTS
    from bench.knowledge.eval_dev import JUDGEMENTS as DEV
    from brug.knowledge import index, selectors

    reuse = "--reuse" in sys.argv
    membership, topics, demo = load(reuse=reuse)
    dev_membership, dev_ids = load_dev(reuse=reuse)
    index.reset()
    parts = {
        "1": (membership, {q: grades_for(j, topics, demo) for q, j in JUDGEMENTS.items()}),
        "3": (dev_membership, {q: {dev_ids[k]: g for k, g in j.items()} for q, j in DEV.items()}),
    }

    def run(name: str) -> tuple[float, int, list[tuple[float, str, list[str]]]]:
        who, judged = parts[name]
        scores, zero, rows = [], 0, []
        for q, g in judged.items():
            hits = selectors.search(query=q, membership=who, limit=20)  # type: ignore[arg-type]
            zero += not [h for h in hits if not h.related]
            score = ndcg([h.item.pk for h in hits], g)
            scores.append(score)
            rows.append((score, q, [h.item.title[:40] + ("~" if h.related else "") for h in hits[:5]]))
        return statistics.mean(scores), zero, rows

    for name, (who, judged) in parts.items():
        scope = selectors.scope_for(membership=who)  # type: ignore[arg-type]
        alone = [
            ndcg(
                [
                    pk
                    for pk, _ in selectors.semantic_ranking(
                        selectors.query_vector(q), scope, min_similarity=-1
                    )
                ],
                g,
            )
            for q, g in judged.items()
        ]
        print(f"part {name}: meaning alone nDCG@10 {statistics.mean(alone):.3f}", flush=True)
    if "--show" in sys.argv:
        for name in parts:
            mean, zero, rows = run(name)
            print(f"part {name}: nDCG@10 {mean:.3f} zero(before top-up)={zero}")
            if name == "3":
                for score, q, top in sorted(rows):
                    print(f"  {score:.3f} {q} -> {top}")
        return
    best = None
    for cutoff, weight in itertools.product(CUTOFFS, WEIGHTS):
        selectors.MIN_SIMILARITY, selectors.MEANING_WEIGHT = cutoff, weight
        (m1, z1, _r1), (m3, z3, _r3) = run("1"), run("3")
        objective = (m1 + m3) / 2
        print(
            f"cutoff={cutoff:.2f} weight={weight:.1f}: part 1 nDCG@10 {m1:.3f} zero={z1}, "
            f"part 3 {m3:.3f} zero={z3}, mean {objective:.3f}",
            flush=True,
        )
        if best is None or objective > best[0]:
            best = (objective, cutoff, weight)
    if best:
        print(f"best: cutoff={best[1]:.2f} weight={best[2]:.1f} mean {best[0]:.3f}")


if __name__ == "__main__":
    main()
