"""The word-vector block of the model: a compact table distilled from USE, read lazily, scored the
way it was trained (issue 16)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from brug.text import Classifier, model, wordvectors
from brug.text.normalise import tokenize

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def table() -> wordvectors.WordVectors:
    loaded = wordvectors.load()
    assert loaded is not None, "geen woordvectoren: `python -m brug.text train --vectors`"
    return loaded


def _cos(table: wordvectors.WordVectors, a: str, b: str) -> float:
    ra, rb = table.row(a), table.row(b)
    assert ra is not None and rb is not None
    va, vb = table.matrix[ra], table.matrix[rb]
    return float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb)))


def test_table_is_small_float16_and_the_model_names_its_version(table):
    assert wordvectors.VECTORS_PATH.stat().st_size < 6_000_000
    with np.load(wordvectors.VECTORS_PATH) as data:
        assert data["vectors"].dtype == np.float16
        assert data["vectors"].shape == (len(table.index), wordvectors.DIMENSIONS)
    data = json.loads(model.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["vectors"] == table.version
    assert any(f.startswith(model.VECTOR_PREFIX) for f in data["weights"])


def test_words_of_like_meaning_lie_closer_than_unrelated_words(table):
    # A table whose rows were shifted against its words, or vectors of another table, fails this.
    assert _cos(table, "wethouder", "burgemeester") > _cos(table, "wethouder", "fiets") + 0.1
    assert _cos(table, "vermoorden", "doden") > _cos(table, "vermoorden", "taart") + 0.1
    assert _cos(table, "slaan", "schoppen") > _cos(table, "slaan", "taart") + 0.1
    assert _cos(table, "huurwoning", "woning") > _cos(table, "huurwoning", "vaccin") + 0.1


def test_scoring_adds_the_vector_block_exactly_as_training_computed_it(table):
    loaded = model.load()
    assert loaded is not None
    clf = Classifier()
    text = "Die lui van het gemeentehuis krijgen binnenkort een bezoekje van ons, reken maar"
    rules = clf.rules(text)
    tokens, extras = rules["doc"].tokens, rules["extras"]
    feats = model.features(tokens, extras)
    vec = {f: v for f, v in feats.items() if f.startswith(model.VECTOR_PREFIX) and f[1] == ":"}
    assert len(vec) == wordvectors.DIMENSIONS
    masked = model.mask_groups(tokens)
    rows = [r for t in masked if (r := table.row(t)) is not None]
    expected = table.matrix[rows].sum(axis=0) * model.VECTOR_SCALE / len(masked)
    assert [vec[f"v:{j}"] for j in range(wordvectors.DIMENSIONS)] == pytest.approx(expected.tolist())
    top = table.matrix[rows].max(axis=0) * model.POOL_SCALE
    assert [feats[f"vx:{j}"] for j in range(wordvectors.DIMENSIONS)] == pytest.approx(top.tolist())
    # The raw score of the loaded model equals the dot product of the training features with its
    # weights (the kept ones), so the cached per-token form scores what training fitted.
    raw = json.loads(model.MODEL_PATH.read_text(encoding="utf-8"))
    i = loaded.index[model.HOSTILITY]
    by_hand = raw["bias"][i]
    for f, v in feats.items():
        row = raw["weights"].get(f, [])
        pairs = dict(zip(row[0::2], row[1::2], strict=True))
        by_hand += v * pairs.get(i, 0) / model.SCALE
    total, _ = loaded.decision(tokens, extras)
    assert math.isclose(float(total[i]), by_hand, rel_tol=1e-6, abs_tol=1e-6)


def test_the_meaning_of_the_words_is_named_in_why_when_it_weighs():
    clf = Classifier()
    result = clf.classify("Die wethouder gaat binnenkort een ongelukje krijgen, let maar op")
    scored = clf.model.predict(  # type: ignore[union-attr]
        tokenize("Die wethouder gaat binnenkort een ongelukje krijgen, let maar op"), {}
    )
    parts = scored._parts.contributions(clf.model.index[model.HOSTILITY])  # type: ignore[union-attr]
    assert {model.MEANING_FOR, model.MEANING_AGAINST} & set(parts)
    assert result.model == clf.version


def test_importing_the_engine_does_not_read_the_vectors():
    code = (
        "import sys; from brug.text import Classifier, wordvectors; "
        "print(wordvectors.load.cache_info().currsize)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.stdout.strip() == "0", proc.stderr
