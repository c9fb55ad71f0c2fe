"""The optional word-vector block of the model (`python -m brug.text train --vectors`): read lazily,
scored exactly as it was trained, named in plain Dutch in the why (issue 16).

The shipped model does not use it (grouped CV showed no gain, see docs/algorithms/tekstmodel.md),
so these tests build a small table and a small model of their own."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from brug.text import model, wordvectors
from brug.text.normalise import tokenize

ROOT = Path(__file__).resolve().parents[3]
WORDS = ["wethouder", "opzoeken", "thuis", "we", "gaan", "die", "fiets", "mooi", "de", "😡"]
LABELS = [model.HOSTILITY, model.FRAMING]


@pytest.fixture
def table(tmp_path, monkeypatch) -> wordvectors.WordVectors:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(len(WORDS), wordvectors.DIMENSIONS)).astype(np.float16)
    path = tmp_path / "woordvectoren.npz"
    with path.open("wb") as fh:
        np.savez_compressed(fh, words=np.array("\n".join(WORDS)), vectors=vectors, version=np.array("test-1"))
    loaded = wordvectors.load(path)
    assert loaded is not None
    monkeypatch.setattr(wordvectors, "load", lambda path=path: loaded)
    return loaded


def _small_model(rng_seed: int = 3) -> model.Model:
    rng = np.random.default_rng(rng_seed)
    weights: dict[str, list[int]] = {}
    for prefix in (model.VECTOR_PREFIX, model.MAX_PREFIX, model.MIN_PREFIX):
        for j in range(wordvectors.DIMENSIONS):
            weights[f"{prefix}{j}"] = [0, int(rng.integers(-900, 900)), 1, int(rng.integers(-900, 900))]
    weights["w:wethouder"] = [0, 1200, 1, -300]
    weights["c:ops"] = [0, 400]
    weights["b:thuis_opzoeken"] = [0, 700]
    data = {
        "version": "test-model",
        "labels": LABELS,
        "bias": [-0.5, -1.0],
        "platt": [[1.0, 0.0], [1.0, 0.0]],
        "weights": weights,
        "vectors": "test-1",
        "vector_scale": model.VECTOR_SCALE,
        "pool_scale": model.POOL_SCALE,
    }
    return model.Model(data), data


def test_table_loads_words_and_float_vectors(table):
    assert table.row("#wethouder") == table.row("wethouder") == 0
    assert table.row("onbekendwoord") is None
    assert table.matrix.shape == (len(WORDS), wordvectors.DIMENSIONS)


def test_features_hold_mean_max_and_min_of_the_word_vectors(table):
    tokens = tokenize("We gaan die wethouder thuis opzoeken, onbekendwoord")
    feats = model.features(tokens, {})
    rows = [r for t in tokens if (r := table.row(t)) is not None]
    block = table.matrix[rows]
    dims = range(wordvectors.DIMENSIONS)
    assert [feats[f"v:{j}"] for j in dims] == pytest.approx((block.sum(0) / len(tokens)).tolist())
    assert [feats[f"vx:{j}"] for j in dims] == pytest.approx((block.max(0) * model.POOL_SCALE).tolist())
    assert [feats[f"vn:{j}"] for j in dims] == pytest.approx((block.min(0) * model.POOL_SCALE).tolist())


@pytest.mark.parametrize(
    "text", ["We gaan die wethouder thuis opzoeken 😡", "mooi", "onbekendwoord anderwoord", "de de de fiets"]
)
def test_scoring_equals_the_weights_times_the_training_features(table, text):
    loaded, data = _small_model()
    tokens = tokenize(text)
    feats = model.features(tokens, {})
    total, _ = loaded.decision(tokens, {})
    for i in range(len(LABELS)):
        by_hand = data["bias"][i]
        for f, v in feats.items():
            pairs = dict(zip(data["weights"].get(f, [])[0::2], data["weights"].get(f, [])[1::2], strict=True))
            by_hand += v * pairs.get(i, 0) / model.SCALE
        assert math.isclose(float(total[i]), by_hand, rel_tol=1e-5, abs_tol=1e-5)


def test_the_meaning_of_the_words_is_one_plain_entry_of_the_why(table):
    from brug.text.classifier import _plain

    loaded, _ = _small_model()
    scored = loaded.predict(tokenize("We gaan die wethouder thuis opzoeken"), {})
    parts = scored._parts.contributions(0)
    meaning = {model.MEANING_FOR, model.MEANING_AGAINST} & set(parts)
    assert len(meaning) == 1
    assert "betekenis van de woorden samen" in _plain(meaning.pop())


def test_a_model_that_names_other_vectors_refuses_to_load(table):
    _, data = _small_model()
    with pytest.raises(ValueError, match="needs word vectors"):
        model.Model({**data, "vectors": "another-table"})


def test_importing_the_engine_does_not_read_the_vectors():
    code = (
        "import sys; from brug.text import Classifier, wordvectors; "
        "print(wordvectors.load.cache_info().currsize)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.stdout.strip() == "0", proc.stderr
