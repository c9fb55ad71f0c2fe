"""Choose the knowledge search constants on the development parts 1, 2 and 3, with a split check.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_knowledge_eval \\
        .venv/bin/python -m bench.knowledge.tune [--reuse] [--show]

Loads part 1 (bench/knowledge/eval_data.py + demo items: generated items that share words with
their queries), part 2 (bench/knowledge/eval_heldout.py: hand-written, queries in other words;
held out for two scorings, now a development part) and part 3 (bench/knowledge/eval_dev.py: the
same kind, another author), then reports
- nDCG@10 of meaning alone (the nearest items, no words) on each part: how good the vectors are;
- nDCG@10 and zero-result queries of the full search over a grid of the meaning side (the title's
  share of the item vector, services.EMBED_TITLE_SHARE, items re-embedded per value; the thesaurus
  neighbours in the query vector, QUERY_NEIGHBOUR_WEIGHT; pseudo-relevance feedback, FEEDBACK_ITEMS
  and FEEDBACK_WEIGHT) and of the fusion (SCORE_SHARE, MIN_SIMILARITY); written to
  bench/results/knowledge_tune.md;
- a split check: the best setting chosen on two parts, scored on the third (each direction), so a
  choice that only fits the parts it was chosen on shows up.
The objective is the mean of the parts' nDCG@10 (each part counts the same, so the 68 easy queries
of part 1 do not drown the others). A new held-out part (written elsewhere) is never loaded here.
--reuse keeps already published items (their vectors are recomputed); --show prints the worst
queries per part at the current constants.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys

from bench.knowledge.eval import ROOT, ensure_database, grades_for, ndcg

TITLE_SHARES = (0.0, 0.15, 0.3)  # services.EMBED_TITLE_SHARE
FEEDBACK = ((0, 0.0), (1, 0.5), (3, 0.3), (3, 0.5))  # (FEEDBACK_ITEMS, FEEDBACK_WEIGHT)
NEIGHBOURS = (0.0, 0.3)  # QUERY_NEIGHBOUR_WEIGHT
SHARES = (0.35, 0.5)  # SCORE_SHARE
CUTOFFS = (0.20, 0.25)  # MIN_SIMILARITY
PARTS = ("1", "2", "3")
SPLITS = (("13", "2"), ("12", "3"), ("23", "1"))
RESULTS = ROOT / "bench" / "results" / "knowledge_tune.md"
CHOICE = (
    "Gekozen: EMBED_TITLE_SHARE = 0,15, QUERY_NEIGHBOUR_WEIGHT = 0,3, FEEDBACK_ITEMS = 3, "
    "FEEDBACK_WEIGHT = 0,3, SCORE_SHARE = 0,5, MIN_SIMILARITY = 0,20 (ongewijzigd, zodat de grens "
    "tussen een treffer en 'vergelijkbaar' dezelfde blijft): het beste van het rooster op deel 1 + 2 "
    "+ 3 en ook gekozen op deel 1 + 3 en op deel 2 + 3. Per onderdeel (aandeel 0,5, grens 0,20; deel "
    "1 / 2 / 3): zonder alles 0,992 / 0,561 / 0,878; alleen feedback 0,999 / 0,614 / 0,907 (het "
    "sterkste en enige onderdeel dat op elk deel helpt); alleen thesaurusburen 0,997 / 0,591 / "
    "0,883; alleen de titel 0,981 / 0,595 / 0,865 (helpt alleen deel 2); alles 0,997 / 0,657 / "
    "0,911. De splitsingscontrole is optimistisch: de roosterwaarden zijn eerst verkend op vaste "
    "woordscores van alle drie de delen (titelaandeel 0–0,4, feedback 1–3 items × 0,3–1,0, buren "
    "0–0,5, aandeel 0,35–0,5, grens 0,15–0,25). Gekozen op deel 1 + 2 wint deel 3 niets (0,886 tegen "
    "0,885): de winst zit vooral in deel 2, korte vragen met een vakwoord. Geprobeerd en niet "
    "genomen: per alinea/passage inbedden met maximum of gemiddelde van de beste twee (deel 2 +0,02, "
    "deel 3 ±0: niet beter dan de titel in de vector, en 5–8 vectoren per item kosten bij 50.000 "
    "items 0,5–1 GB geheugen per proces), een sjabloon om de zoekvraag ('Kennis over: …', 'Een "
    "gemeente over …': slechter op alle delen), andere veldgewichten voor ts_rank (tekst 0,2/0,7/1,0 "
    "naast titel 1,0; normalisatie op lengte; ts_rank_cd: elk slechter op deel 1 + 3), de woordscore "
    "schalen naar de dekking van de zoekvraag (slechter op deel 2), feedback gewogen naar score, "
    "twee feedbackrondes of de gelijkenis met het beste item erbij (binnen ±0,005 gemiddeld). Ook "
    "woord-feedback (RM3-achtig: 5 of 10 termen uit de stammen van de 3 beste items, gewicht 0,2 of "
    "0,5, in 1 of 2 van die items) gaf gemiddeld 0,827–0,854 tegen 0,855, met deel 3 steeds slechter "
    "(0,847–0,906): niet genomen."
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
    from bench.knowledge.eval import load, load_dev, load_own
    from bench.knowledge.eval_data import JUDGEMENTS
    from bench.knowledge.eval_dev import JUDGEMENTS as DEV
    from bench.knowledge.eval_heldout import ITEMS as PART2_ITEMS
    from bench.knowledge.eval_heldout import JUDGEMENTS as PART2
    from brug.knowledge import index, selectors, services

    reuse = "--reuse" in sys.argv
    membership, topics, demo = load(reuse=reuse)
    dev_membership, dev_ids = load_dev(reuse=reuse)
    part2_membership, part2_ids = load_own(
        "eval-kennisbank-apart",
        "Evaluatie kennisbank (apart)",
        "eval-apart@brug.example",
        PART2_ITEMS,
        reuse=reuse,
    )
    parts = {
        "1": (membership, {q: grades_for(j, topics, demo) for q, j in JUDGEMENTS.items()}),
        "2": (part2_membership, {q: {part2_ids[k]: g for k, g in j.items()} for q, j in PART2.items()}),
        "3": (dev_membership, {q: {dev_ids[k]: g for k, g in j.items()} for q, j in DEV.items()}),
    }

    def embed_items(title_share: float) -> None:
        services.EMBED_TITLE_SHARE = title_share
        services.reembed_items()
        index.reset()

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

    chosen_title = services.EMBED_TITLE_SHARE
    if reuse:
        embed_items(chosen_title)  # reused items may carry vectors of another setting
    index.reset()
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
            for score, q, top in sorted(rows)[:15]:
                print(f"  {score:.3f} {q} -> {top}")
        return
    names = ("QUERY_NEIGHBOUR_WEIGHT", "FEEDBACK_ITEMS", "FEEDBACK_WEIGHT", "SCORE_SHARE", "MIN_SIMILARITY")
    chosen = {name: getattr(selectors, name) for name in names}
    results: list[tuple[dict[str, object], dict[str, float]]] = []
    lines = []
    for title_share in TITLE_SHARES:
        embed_items(title_share)
        for neighbours, (k, weight), share, cutoff in itertools.product(
            NEIGHBOURS, FEEDBACK, SHARES, CUTOFFS
        ):
            setting: dict[str, object] = {
                "EMBED_TITLE_SHARE": title_share,
                "QUERY_NEIGHBOUR_WEIGHT": neighbours,
                "FEEDBACK_ITEMS": k,
                "FEEDBACK_WEIGHT": weight,
                "SCORE_SHARE": share,
                "MIN_SIMILARITY": cutoff,
            }
            for name in names:
                setattr(selectors, name, setting[name])
            selectors.query_vector.cache_clear()
            scored = {}
            parts_text = []
            for name in PARTS:
                mean, zero, _rows = run(name)
                scored[name] = mean
                parts_text.append(f"part {name} {mean:.3f} zero={zero}")
            line = (
                f"{' '.join(f'{k}={v}' for k, v in setting.items())}: {', '.join(parts_text)}, "
                f"mean {statistics.mean(scored.values()):.3f}"
            )
            print(line, flush=True)
            lines.append(line)
            results.append((setting, scored))
    for name, value in chosen.items():
        setattr(selectors, name, value)
    selectors.query_vector.cache_clear()
    embed_items(chosen_title)
    current = {"EMBED_TITLE_SHARE": chosen_title, **chosen}
    in_code = next((s for st, s in results if st == current), None)

    def objective(scored: dict[str, float], on: str) -> float:
        return statistics.mean(scored[p] for p in on)

    best_setting, best_scored = max(results, key=lambda r: objective(r[1], "123"))
    summary = [
        f"Best on parts 1 + 2 + 3: {' '.join(f'{k}={v}' for k, v in best_setting.items())} "
        f"({', '.join(f'part {p} {best_scored[p]:.3f}' for p in PARTS)}; mean {objective(best_scored, '123'):.3f}).",
        f"In the code: {' '.join(f'{k}={v}' for k, v in current.items())}"
        + (
            f" ({', '.join(f'part {p} {in_code[p]:.3f}' for p in PARTS)}; mean {objective(in_code, '123'):.3f})."
            if in_code
            else " (not in the grid)."
        ),
        "",
        "Split check (best setting chosen on two parts, scored on the third; 'baseline' = no title in the "
        "item vector, no neighbours, no feedback, SCORE_SHARE 0.35, MIN_SIMILARITY 0.20, the constants "
        "before this round):",
        "",
    ]
    baseline = next(
        (
            s
            for st, s in results
            if st
            == {
                "EMBED_TITLE_SHARE": 0.0,
                "QUERY_NEIGHBOUR_WEIGHT": 0.0,
                "FEEDBACK_ITEMS": 0,
                "FEEDBACK_WEIGHT": 0.0,
                "SCORE_SHARE": 0.35,
                "MIN_SIMILARITY": 0.2,
            }
        ),
        None,
    )
    for train, test in SPLITS:
        setting, scored = max(results, key=lambda r: objective(r[1], train))
        summary.append(
            f"- chosen on parts {' + '.join(train)}: {' '.join(f'{k}={v}' for k, v in setting.items())} "
            f"(train mean {objective(scored, train):.3f}) -> part {test} {scored[test]:.3f}"
            + (f" (baseline {baseline[test]:.3f})" if baseline else "")
        )
    print("\n".join(summary))
    RESULTS.write_text(
        "\n".join(
            [
                "# Kennisbank zoeken: constanten gekozen op deel 1 + 2 + 3, met splitsingscontrole",
                "",
                "Uitvoer van `bench/knowledge/tune.py` (PostgreSQL; deel 1: demo + gegenereerde items, "
                f"{len(parts['1'][1])} zoekvragen; deel 2: handgeschreven, {len(parts['2'][1])} zoekvragen "
                "(twee keer als apart deel gescoord, nu ontwikkelset); deel 3: handgeschreven ontwikkelset, "
                f"{len(parts['3'][1])} zoekvragen; een nieuw apart deel wordt hier niet geladen). Doel: het "
                "gemiddelde van de nDCG@10 van de delen. Score-fusie: (1 − aandeel) × woordscore / beste "
                "woordscore + aandeel × (cosinus − grens) / (beste cosinus − grens). zero = zoekvragen zonder "
                "treffer vóór de aanvulling met 'vergelijkbaar'.",
                "",
                "```",
                *lines,
                "```",
                "",
                *summary,
                "",
                CHOICE,
                "",
            ]
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
