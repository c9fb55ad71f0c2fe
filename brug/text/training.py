"""Training the model: `python -m brug.text train` (needs scikit-learn; scoring does not).

Only the development part of the corpus is used (the frozen test part never is). For every
label the regularisation C is chosen by grouped 5-fold cross-validation by family; the
out-of-fold scores of the chosen C give the Platt calibration; the final weights are fitted on
the whole development part, pruned to the strongest `KEEP` per label and written to
data/model.json with a version made of the date and a hash of the weights.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from brug.text import model
from brug.text.classifier import Classifier
from brug.text.corpus import FOLDS, Item, load_corpus, split_test
from brug.text.themes import default_themes

C_GRID = (0.3, 1.0, 3.0, 10.0)
KEEP = 2500


def labels() -> list[str]:
    return [model.HOSTILITY, model.FRAMING, model.TONE_NEGATIVE, model.TONE_POSITIVE] + [
        model.THEME_PREFIX + t.name for t in default_themes()
    ]


def gold(item: Item, label: str) -> int:
    if label == model.HOSTILITY:
        return int(item.hostile)
    if label == model.FRAMING:
        return int(item.framing)
    if label == model.TONE_NEGATIVE:
        return int(item.tone == "negatief")
    if label == model.TONE_POSITIVE:
        return int(item.tone == "positief")
    return int(label[len(model.THEME_PREFIX) :] in item.themes)


def feature_rows(items: list[Item], classifier: Classifier | None = None) -> list[dict[str, float]]:
    rules = classifier or Classifier(use_model=False)
    rows = []
    for item in items:
        r = rules.rules(item.text)
        rows.append(model.features(r["doc"].tokens, r["extras"]))
    return rows


def _f1(z: list[float], y: list[int]) -> float:
    tp = sum(1 for s, g in zip(z, y, strict=True) if s > 0 and g)
    fp = sum(1 for s, g in zip(z, y, strict=True) if s > 0 and not g)
    fn = sum(1 for s, g in zip(z, y, strict=True) if s <= 0 and g)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _columns_for(label: str, X: Any, vocab: dict[str, int]) -> Any:
    """X as this label may see it: tone, hostility and framing do not learn from theme matches.

    A theme is about a topic (gender, asylum, Zwarte Piet); letting it raise hostility would make the
    monitor lean against messages about some groups (see test_neutral_lexicon)."""
    if label.startswith(model.THEME_PREFIX):
        return X
    hidden = [j for f, j in vocab.items() if f.startswith("th:")]
    if not hidden:
        return X
    X = X.tolil(copy=True)
    X[:, hidden] = 0
    return X.tocsr()


def cross_validate(
    items: list[Item],
    rows: list[dict[str, float]],
    c_of: dict[str, float] | None = None,
    *,
    folds: list[int] | None = None,
) -> dict[str, Any]:
    """Out-of-fold raw scores per label (grouped by family); chooses C per label unless given.

    `folds` gives another grouped split than the corpus' own (bench/text/cv.py tries several)."""
    if folds is None:
        folds = [item.fold for item in items]
    names = labels()
    oof: dict[str, dict[float, list[float]]] = {label: {} for label in names}
    grid = {label: ((c_of[label],) if c_of else C_GRID) for label in names}
    for k in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != k]
        held = [i for i, f in enumerate(folds) if f == k]
        vocab = model.build_vocab(rows[i] for i in train)
        X_train = model._matrix([rows[i] for i in train], vocab)
        X_held = model._matrix([rows[i] for i in held], vocab)
        for label in names:
            y = [gold(items[i], label) for i in train]
            seen_train, seen_held = _columns_for(label, X_train, vocab), _columns_for(label, X_held, vocab)
            for c in grid[label]:
                coef, intercept = model.fit_label(seen_train, y, c)
                scores = seen_held @ coef + intercept
                store = oof[label].setdefault(c, [0.0] * len(items))
                for i, s in zip(held, scores, strict=True):
                    store[i] = float(s)
    chosen: dict[str, float] = {}
    best_scores: dict[str, list[float]] = {}
    for label in names:
        y = [gold(item, label) for item in items]
        best = max(oof[label], key=lambda c: _f1(oof[label][c], y))
        chosen[label] = best
        best_scores[label] = oof[label][best]
    return {"C": chosen, "oof": best_scores}


def train(out: Path = model.MODEL_PATH) -> dict[str, Any]:
    items, _test = split_test(load_corpus())
    rows = feature_rows(items)
    cv = cross_validate(items, rows)
    names = labels()
    platt = []
    for label in names:
        y = [gold(item, label) for item in items]
        platt.append(model.fit_platt(cv["oof"][label], y))
    vocab = model.build_vocab(rows)
    X = model._matrix(rows, vocab)
    inverse = {j: f for f, j in vocab.items()}
    weights: dict[str, list[int]] = {}
    bias = []
    for li, label in enumerate(names):
        coef, intercept = model.fit_label(
            _columns_for(label, X, vocab), [gold(item, label) for item in items], cv["C"][label]
        )
        bias.append(round(intercept, 4))
        strongest = sorted(range(len(coef)), key=lambda j: -abs(coef[j]))[:KEEP]
        for j in strongest:
            w = round(coef[j] * model.SCALE)
            if w:
                weights.setdefault(inverse[j], []).extend([li, w])
    payload = json.dumps(weights, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha1(
        (payload + json.dumps(bias) + json.dumps(platt)).encode(), usedforsecurity=False
    ).hexdigest()[:8]
    version = f"brug-text-{dt.date.today().isoformat()}-{digest}"
    data = {
        "version": version,
        "about": "Logistische regressie per label over teken-n-grammen, lemma's en regeltreffers; "
        "getraind met `python -m brug.text train` op het ontwikkeldeel van brug/text/data/corpus.",
        "labels": names,
        "bias": bias,
        "platt": [[round(a, 4), round(b, 4)] for a, b in platt],
        "C": cv["C"],
        "trained_on": len(items),
        "weights": weights,
    }
    out.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8"
    )
    model.load.cache_clear()
    return {"version": version, "items": len(items), "features": len(weights), "C": cv["C"]}
