"""Choose the knowledge search constants on part 1 only (never on the held-out part).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_knowledge_eval \\
        .venv/bin/python -m bench.knowledge.tune

For each way of building the item vector (services.EMBED_MODE) it loads part 1 (bench/knowledge/
eval_data.py + demo items), then reports
- nDCG@10 of meaning alone (the nearest items, no words): how good the item vectors are;
- nDCG@10 and zero-result queries of the full search over a grid of the semantic cut-off
  (selectors.MIN_SIMILARITY) and the weight of the meaning list in the fusion (MEANING_WEIGHT).
The held-out part (eval_heldout.py) is not imported here.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys

from bench.knowledge.eval import ROOT, ensure_database, grades_for, ndcg

CUTOFFS = (0.10, 0.15, 0.20, 0.25, 0.30)
WEIGHTS = (0.5, 1.0, 1.5)
MODES = ("start", "chunks")


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
    from bench.knowledge.eval import load
    from bench.knowledge.eval_data import JUDGEMENTS
    from brug.knowledge import index, selectors, services

    modes = sys.argv[1:] or MODES
    for mode in modes:
        services.EMBED_MODE = mode
        membership, topics, demo = load()
        index.reset()
        judged = {q: grades_for(j, topics, demo) for q, j in JUDGEMENTS.items()}
        scope = selectors.scope_for(membership=membership)  # type: ignore[arg-type]
        meaning_only = [
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
        print(f"mode={mode}: meaning alone nDCG@10 {statistics.mean(meaning_only):.3f}", flush=True)
        for cutoff, weight in itertools.product(CUTOFFS, WEIGHTS):
            selectors.MIN_SIMILARITY, selectors.MEANING_WEIGHT = cutoff, weight
            scores, zero = [], 0
            for q, g in judged.items():
                hits = selectors.search(query=q, membership=membership, limit=20)  # type: ignore[arg-type]
                main_hits = [h.item.pk for h in hits if not h.related]
                zero += not main_hits
                scores.append(ndcg([h.item.pk for h in hits], g))
            print(
                f"mode={mode} cutoff={cutoff:.2f} weight={weight:.1f}: nDCG@10 {statistics.mean(scores):.3f}"
                f" zero(before top-up)={zero}",
                flush=True,
            )


if __name__ == "__main__":
    main()
