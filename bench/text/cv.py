"""Grouped cross-validation on the development part only (the frozen test part is never loaded).

Run: ``.venv/bin/python -m bench.text.cv [--seeds 0 1 2] [--errors FILE] [--grid]``.

For each seed the development families are split into five folds (seed 0 is the split of
`brug.text.corpus.fold_of`; seed s > 0 hashes ``f"cv{s}:" + family``), the model is fitted on four
folds and scores the fifth, the Platt calibration is fitted on the out-of-fold scores (as
`python -m brug.text train` does), and the rules' guards and the theme threshold are applied as in
the classifier. Prints hostility, framing, negative tone, themes (micro) and the neutral false
positives per seed and their mean. This is the tool for choosing rules, lexicon entries, features
and thresholds; `bench.text.run` scores the frozen test part and is run once at the end.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

from brug.text import classifier, framing, hostility, model
from brug.text.classifier import THEME_THRESHOLD, Classification, Classifier, apply_guards, tone_from
from brug.text.corpus import FOLDS, Item, _sha, load_corpus, split_test
from brug.text.evaluation import Report, micro, report
from brug.text.training import cross_validate, gold, labels


def folds_for(items: list[Item], seed: int) -> list[int]:
    if seed == 0:
        return [item.fold for item in items]
    return [_sha(f"cv{seed}:" + item.family) % FOLDS for item in items]


def cv_report(
    items: list[Item],
    rules_out: list[dict[str, Any]],
    oof: dict[str, list[float]],
    theme_names: list[str],
    theme_threshold: float = THEME_THRESHOLD,
    only: list[int] | None = None,
) -> Report:
    """The report of the out-of-fold predictions (calibrated on all items; scored on `only`)."""
    names = labels()
    platt = {}
    for label in names:
        platt[label] = model.fit_platt(oof[label], [gold(item, label) for item in items])
    results = []
    for k, r in enumerate(rules_out):
        prob = {}
        for label in names:
            a, b = platt[label]
            prob[label] = 1 / (1 + math.exp(-max(-30.0, min(30.0, a * oof[label][k] + b))))
        themes = set(r["themes"])
        themes -= {n for n in theme_names if prob.get("thema: " + n, 1.0) < theme_threshold}
        themes |= {n for n in theme_names if prob.get("thema: " + n, 0.0) >= theme_threshold}
        h, f, _, _ = apply_guards(
            prob["vijandig"], prob["wij-zij"], r["structure"], r["extras"], prob["toon positief"]
        )
        results.append(
            Classification(
                [n for n in theme_names if n in themes],
                tone_from(prob["toon negatief"], prob["toon positief"]),
                h,
                f,
            )
        )
    if only is not None:
        return report([items[k].as_eval() for k in only], [results[k] for k in only], theme_names)
    return report([i.as_eval() for i in items], results, theme_names)


def summary(rep: Report) -> dict[str, float]:
    s = rep.scores

    def f1(x: Any) -> float:
        p, r = x.precision, x.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    m = micro(s)
    return {
        "host_f1": f1(s["vijandig"]),
        "host_p": s["vijandig"].precision,
        "host_r": s["vijandig"].recall,
        "fram_f1": f1(s["wij-zij"]),
        "fram_p": s["wij-zij"].precision,
        "fram_r": s["wij-zij"].recall,
        "neg_p": s["toon negatief"].precision,
        "neg_r": s["toon negatief"].recall,
        "theme_p": m.precision,
        "theme_r": m.recall,
        "neutral_fp": float(len(rep.neutral_false_positives)),
    }


def _file_of(item: Item) -> str:
    """The corpus file an item comes from ("eval" for the older evaluation set sorts first)."""
    stem = item.id.split(":", 1)[0]
    return "00-" + stem if stem == "eval" else stem


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--grid", action="store_true", help="choose C per label from the grid (slower)")
    parser.add_argument("--theme-threshold", type=float, default=THEME_THRESHOLD)
    parser.add_argument("--c", nargs="*", default=[], help="override C per label: 'vijandig=30' …")
    parser.add_argument("--hostility-threshold", type=float, help="try another hostility.THRESHOLD")
    parser.add_argument("--framing-threshold", type=float, help="try another framing.THRESHOLD")
    parser.add_argument("--model-only-hostile", type=float, help="try another classifier.MODEL_ONLY_HOSTILE")
    parser.add_argument(
        "--score-only-before",
        help="score only items from corpus files sorting before this name (training still uses all)",
    )
    parser.add_argument("--errors", help="write the development-part errors of seed 0 as JSON Lines here")
    args = parser.parse_args()
    if args.hostility_threshold is not None:
        hostility.THRESHOLD = args.hostility_threshold
    if args.framing_threshold is not None:
        framing.THRESHOLD = args.framing_threshold
    if args.model_only_hostile is not None:
        classifier.MODEL_ONLY_HOSTILE = args.model_only_hostile
    dev, _ = split_test(load_corpus())
    del _  # the frozen test part is not looked at
    rules = Classifier(use_model=False)
    names = [t.name for t in rules.themes]
    rules_out = [rules.rules(item.text) for item in dev]
    rows = [model.features(r["doc"].tokens, r["extras"]) for r in rules_out]
    c_of = None
    if not args.grid and model.MODEL_PATH.exists():
        c_of = {k: float(v) for k, v in json.loads(model.MODEL_PATH.read_text(encoding="utf-8"))["C"].items()}
    for override in args.c:
        label, _, value = override.rpartition("=")
        assert c_of is not None and label in c_of, override
        c_of[label] = float(value)
    sums: dict[str, float] = {}
    for seed in args.seeds:
        oof = cross_validate(dev, rows, c_of, folds=folds_for(dev, seed))["oof"]
        rep = cv_report(dev, rules_out, oof, names, args.theme_threshold)
        if args.score_only_before:
            keep = [k for k, item in enumerate(dev) if _file_of(item) < args.score_only_before]
            rep = cv_report(dev, rules_out, oof, names, args.theme_threshold, keep)
        s = summary(rep)
        for key, v in s.items():
            sums[key] = sums.get(key, 0.0) + v
        print(f"seed {seed}: " + " ".join(f"{k} {v:.3f}" for k, v in s.items()), flush=True)
        if args.errors and seed == args.seeds[0]:
            with Path(args.errors).open("w", encoding="utf-8") as fh:
                for e in rep.errors:
                    fh.write(json.dumps(e, ensure_ascii=False) + "\n")
                for t in rep.neutral_false_positives:
                    fh.write(json.dumps({"neutral_fp": t}, ensure_ascii=False) + "\n")
    n = len(args.seeds)
    print(f"mean ({n} dev items {len(dev)}): " + " ".join(f"{k} {v / n:.3f}" for k, v in sums.items()))


if __name__ == "__main__":
    main()
