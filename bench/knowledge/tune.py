"""Choose the knowledge search constants on parts 1 and 3 only (never on the held-out part 2).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_knowledge_eval \\
        .venv/bin/python -m bench.knowledge.tune [--reuse] [--show]

Loads part 1 (bench/knowledge/eval_data.py + demo items: generated items that share words with
their queries) and part 3 (bench/knowledge/eval_dev.py: hand-written items, queries in other words),
then reports
- nDCG@10 of meaning alone (the nearest items, no words) on each part: how good the item vectors are;
- nDCG@10 and zero-result queries of the full search over a grid of the fusion (selectors.FUSION:
  weighted reciprocal rank fusion with MEANING_WEIGHT and RRF_K, or score fusion with SCORE_SHARE)
  and the semantic cut-off (MIN_SIMILARITY); written to bench/results/knowledge_tune.md.
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

CUTOFFS = (0.10, 0.15, 0.20, 0.25)
WEIGHTS = (0.5, 1.0, 1.5)  # rank fusion: weight of the meaning list
RRF_KS = (10, 60)
SHARES = (0.2, 0.3, 0.35, 0.4, 0.5)  # score fusion: share of meaning
RESULTS = ROOT / "bench" / "results" / "knowledge_tune.md"
CHOICE = (
    "Gekozen: FUSION = scores, MIN_SIMILARITY = 0,20, SCORE_SHARE = 0,35, midden in het vlakke gebied "
    "(0,20 × 0,30–0,40: gemiddeld 0,940–0,941). Het maximum van het rooster (grens 0,10, aandeel 0,40: "
    "0,945) is minder dan één zoekvraag van deel 3 beter, ligt naast een klif (aandeel 0,50: 0,932) en zou "
    "de grens verschuiven tussen wat de pagina een echte treffer en wat 'vergelijkbaar' noemt; daarom niet. "
    "Score-fusie wint van de beste rank-fusie (0,939) doordat een duidelijk beste woordtreffer bovenaan "
    "blijft als betekenis een ander item net boven de grens vindt. Ook geprobeerd op deel 1 + 3 en niet "
    "genomen: pseudo-relevance feedback op de zoekvector (+0,004, ruis), thesauruswoorden in de "
    "zoekvector (−0,010), titelvector bij de itemvector (deel 3 −0,017), stukken van 300 tekens (+0,006 "
    "op deel 3, −0,015 voor betekenis alleen). Zeldzaamheidsgewicht (RARITY_POWER 0/1/2 × RELATED_WEIGHT "
    "0,3/0,5/0,7): 1 en 0,5 blijven (0,937; 0,7 gaf 0,941, binnen de ruis)."
)


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
    grid: list[dict[str, object]] = [
        {"FUSION": "rrf", "MIN_SIMILARITY": c, "MEANING_WEIGHT": w, "RRF_K": k}
        for c, w, k in itertools.product(CUTOFFS, WEIGHTS, RRF_KS)
    ] + [
        {"FUSION": "scores", "MIN_SIMILARITY": c, "SCORE_SHARE": sh}
        for c, sh in itertools.product(CUTOFFS, SHARES)
    ]
    chosen = {name: getattr(selectors, name) for name in grid[0] | grid[-1]}
    lines, best = [], None
    for setting in grid:
        for name, value in chosen.items():
            setattr(selectors, name, setting.get(name, value))
        (m1, z1, _r1), (m3, z3, _r3) = run("1"), run("3")
        objective = (m1 + m3) / 2
        line = (
            f"{' '.join(f'{k}={v}' for k, v in setting.items())}: part 1 nDCG@10 {m1:.3f} zero={z1}, "
            f"part 3 {m3:.3f} zero={z3}, mean {objective:.3f}"
        )
        print(line, flush=True)
        lines.append(line)
        if best is None or objective > best[0]:
            best = (objective, setting)
    for name, value in chosen.items():
        setattr(selectors, name, value)
    current = f"{' '.join(f'{k}={v}' for k, v in chosen.items())}"
    assert best is not None
    summary = f"Best: {' '.join(f'{k}={v}' for k, v in best[1].items())} (mean {best[0]:.3f}). In the code: {current}."
    print(summary)
    RESULTS.write_text(
        "\n".join(
            [
                "# Kennisbank zoeken: constanten gekozen op deel 1 + 3",
                "",
                "Uitvoer van `bench/knowledge/tune.py` (PostgreSQL; deel 1: demo + gegenereerde items, "
                f"{len(parts['1'][1])} zoekvragen; deel 3: handgeschreven ontwikkelset, {len(parts['3'][1])} "
                "zoekvragen; het aparte deel 2 wordt niet geladen). Doel: het gemiddelde van de nDCG@10 van "
                "beide delen. `rrf` = gewogen reciprocal rank fusion (gewicht betekenis, RRF_K); `scores` = "
                "score-fusie: (1 − aandeel) × woordscore / beste woordscore + aandeel × (cosinus − grens) / "
                "(beste cosinus − grens). zero = zoekvragen zonder treffer vóór de aanvulling met "
                "'vergelijkbaar'.",
                "",
                "```",
                *lines,
                "```",
                "",
                summary,
                "",
                CHOICE,
                "",
            ]
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
