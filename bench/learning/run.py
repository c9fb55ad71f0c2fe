"""Speed of the selection assistant and the pairing for many registrations.

Run: `.venv/bin/python -m bench.learning.run [--registrations 300 --repeat 5]`

Registrations are synthetic: distinct real municipalities of the reference list (so sizes and
regions are real) with learning questions composed from the themes of the 2023 call (seed 001).
Embedding time (brug.text.embeddings.embed) is reported apart from the matching. Writes
bench/results/learning.md. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "brug.settings")
django.setup()

from brug.learning.algorithms import pairing  # noqa: E402
from brug.learning.algorithms.pairing import Item, propose_pairs  # noqa: E402
from brug.learning.algorithms.selection import Candidate, propose  # noqa: E402
from brug.learning.models.editions import region_for  # noqa: E402
from brug.municipalities.models import Municipality  # noqa: E402

RESULTS = Path(__file__).resolve().parents[1] / "results" / "learning.md"
THEMES = [
    "de opvang van vluchtelingen",
    "de huisvesting van statushouders",
    "gentrificatie in oude wijken",
    "overlast en spanningen rond jongerengroepen",
    "windmolens en de energietransitie",
    "het stikstofbeleid",
    "de genderdiscussie",
    "woningkrapte",
    "online polarisatie die lokaal zichtbaar wordt",
    "wantrouwen in de gemeente",
]
ANGLES = [
    "Hoe gaan we als gemeente om met spanningen rond {t}?",
    "Hoe voeren we het gesprek met inwoners die boos zijn over {t}?",
    "Wie is probleemeigenaar als {t} tot polarisatie leidt?",
    "Hoe herkennen we vroeg dat {t} tot tegenstellingen tussen groepen leidt?",
    "Hoe bouwen we vertrouwen op bij inwoners rond {t}?",
]
ADVICE = ["geschikt", "geschikt", "geschikt", "", "wachtlijst", "niet_geschikt"]


def registrations(n: int, seed: int = 7) -> tuple[list[Candidate], list[Item], list[str]]:
    rng = random.Random(seed)
    municipalities = list(Municipality.objects.filter(fictional=False).order_by("cbs_code"))
    if len(municipalities) < n:
        raise SystemExit(f"Only {len(municipalities)} municipalities in the reference list; load them first.")
    chosen = rng.sample(municipalities, n)
    candidates, items, texts = [], [], []
    for i, m in enumerate(chosen, start=1):
        size, region = m.size_class.value, region_for(m.province)
        candidates.append(Candidate(i, m.name, size, region, rng.choice(ADVICE)))
        items.append(Item(i, size, region))
        texts.append(rng.choice(ANGLES).format(t=rng.choice(THEMES)))
    return candidates, items, texts


def timed(fn, repeat: int) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    runs, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), max(runs), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--registrations", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    n, repeat = args.registrations, args.repeat
    candidates, items, texts = registrations(n)
    sizes = {"klein": 0.34, "middel": 0.33, "groot": 0.33}
    regions = {"noord": 0.25, "oost": 0.25, "zuid": 0.25, "west": 0.25}

    from brug.text.embeddings import embed

    start = time.perf_counter()
    vectors = embed(texts)
    embed_cold = time.perf_counter() - start
    embed_warm, embed_warm_max, _ = timed(lambda: embed(texts), repeat)

    sel_med, sel_max, proposal = timed(
        lambda: propose(candidates, maximum=12, size_targets=sizes, region_targets=regions), repeat
    )
    pair_med, pair_max, pairs = timed(lambda: propose_pairs(items, vectors), repeat)
    exact80_med, exact80_max, _ = timed(lambda: propose_pairs(items[:80], vectors[:80]), repeat)

    saved = pairing.EXACT_LIMIT
    pairing.EXACT_LIMIT = 10_000
    try:
        exact_full, _, exact_pairs = timed(lambda: propose_pairs(items, vectors), 1)
    finally:
        pairing.EXACT_LIMIT = saved
    greedy_total = sum(p.score for p in pairs[0])  # type: ignore[index]
    exact_total = sum(p.score for p in exact_pairs[0])  # type: ignore[index]

    def end_to_end() -> None:
        v = embed(texts)
        propose(candidates, maximum=12, size_targets=sizes, region_targets=regions)
        propose_pairs(items, v)

    e2e_med, e2e_max, _ = timed(end_to_end, repeat)
    load = os.getloadavg()
    mix = ", ".join(f"{r.category} {r.count}" for r in proposal.mix)  # type: ignore[attr-defined]
    lines = [
        "# Learning network: selection and pairing speed",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {platform.machine()}, 2 cores shared with other engineers' work (load average at the end: {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f})",
        f"- {n} synthetic registrations: distinct real municipalities (real size class and region), learning questions composed from the themes of the 2023 call; intake advice drawn at random (half 'geschikt')",
        f"- Median of {repeat} runs (max in brackets); pure functions, no database",
        "",
        "| step | median (s) | max (s) | note |",
        "|---|---:|---:|---|",
        f"| embeddings, first call (model load) | {embed_cold:.3f} | – | `brug.text.embeddings.embed`, {n} texts, includes loading the model |",
        f"| embeddings, warm | {embed_warm:.3f} | {embed_warm_max:.3f} | {n} texts |",
        f"| selection (greedy + swaps, max 12) | {sel_med:.3f} | {sel_max:.3f} | cost {proposal.cost}; mix: {mix} |",  # type: ignore[attr-defined]
        f"| pairing {n} (greedy matching, above {saved}) | {pair_med:.3f} | {pair_max:.3f} | {len(pairs[0])} pairs, total score {greedy_total:.2f} |",  # type: ignore[index]
        f"| pairing 80 (exact max-weight matching, networkx) | {exact80_med:.3f} | {exact80_max:.3f} | the exact algorithm up to {saved} |",
        f"| pairing {n} with the exact matching (for comparison, 1 run) | {exact_full:.3f} | – | total score {exact_total:.2f} (greedy reaches {100 * greedy_total / exact_total:.1f}%) |",
        f"| **matching only: selection + pairing** | **{sel_med + pair_med:.3f}** | {sel_max + pair_max:.3f} | target < 2 s |",
        f"| **end to end: embeddings (warm) + selection + pairing** | **{e2e_med:.3f}** | {e2e_max:.3f} | reported; embeddings are cached per registration in the app |",
        "",
        f"Target (selection and pairing for {n} registrations under 2 s, embeddings apart): "
        + ("**met**" if sel_med + pair_med < 2 else "**NOT met**")
        + f" ({sel_med + pair_med:.2f} s). End to end with embeddings: {e2e_med:.2f} s with a warm model"
        + f" ({'under' if e2e_med < 2 else 'over'} 2 s); the first call of a process also loads the model ({embed_cold:.1f} s).",
        "",
        "In the app the embedding of each learning question is stored on the registration with a hash of its text"
        " (`services.pairs.question_vectors`): proposing pairs again embeds only new or changed questions, so a"
        " repeated proposal costs the matching time above plus the database reads.",
        "",
        f"Reproduce: `.venv/bin/python -m bench.learning.run --registrations {n} --repeat {repeat}`",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
