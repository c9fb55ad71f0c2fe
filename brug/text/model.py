"""The trained, calibrated classifier: one logistic regression per label over the same features.

Features of a message (all computed here, for training and for scoring alike):

* character n-grams (3–5) of every word with a space on either side ("c:"): they catch compounds
  ("kankerwethouder", "asielgespuis") and spelling variants ("wethoudr", "kankah");
* the simplemma lemma of every word ("w:") and of every pair of neighbouring words ("b:");
  word and n-gram counts are divided by √(number of words), so long messages do not pile up;
* rule hits as features ("r:" structural rules of `structure.py`, "lh:"/"lf:" the lexicon rules of
  hostility and framing with their scores, "th:" a theme's Boolean query matched, "tone:" the
  lexicon tone), and a few signs ("x:?", "x:!", "x:quote").

Scoring is a sparse dot product: per word, the summed weights of its lemma and its n-grams are
cached, so a message costs one dict lookup per word plus one per word pair. The calibrated
probability is ``1 / (1 + exp(-(a·z + b)))`` with Platt parameters (a, b) fitted on out-of-fold
scores of grouped cross-validation. The model file (data/model.json) holds the version, the
labels, the Platt parameters and the kept weights as integers (×1000); it is loaded lazily.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from brug.text.lexicon import load_word_list
from brug.text.normalise import lemma, normalise

MODEL_PATH = Path(__file__).parent / "data" / "model.json"
NGRAMS = (3, 4, 5)
SCALE = 1000.0
HOSTILITY = "vijandig"
FRAMING = "wij-zij"
TONE_NEGATIVE = "toon negatief"
TONE_POSITIVE = "toon positief"
THEME_PREFIX = "thema: "


# Group words (political, religious, ethnic, gender: lexicons/neutraal.txt) are one and the same
# feature for the model, so "moslims" and "christenen", "linkse" and "rechtse" in the same sentence
# get the same score: a municipal monitor must not learn to lean from its training messages.
GROUP = "⟨groep⟩"


@cache
def _group_words() -> frozenset[str]:
    return load_word_list("neutraal.txt")


def mask_groups(tokens: list[str]) -> list[str]:
    words = _group_words()
    return [GROUP if normalise(t.lstrip("#")) in words else t for t in tokens]


def _is_word(token: str) -> bool:
    return token[:1].isalnum() or token[:1] in "#'"


def token_features(token: str) -> list[str]:
    """Lemma and character n-grams of one token ('#' stripped); emoji are a feature of their own."""
    word = token.lstrip("#")
    if not word:
        return []
    if not _is_word(word):
        return ["w:" + word]
    out = ["w:" + (lemma(word) if word.isalpha() and len(word) > 2 else word)]
    padded = f" {word} "
    size = len(padded)
    for n in NGRAMS:
        for i in range(size - n + 1):
            out.append("c:" + padded[i : i + n])
    return out


def bigram_keys(tokens: list[str]) -> list[str]:
    lemmas = [lemma(t.lstrip("#")) if t.lstrip("#").isalpha() else t.lstrip("#") for t in tokens]
    return ["b:" + a + "_" + b for a, b in zip(lemmas, lemmas[1:], strict=False)]


def features(tokens: list[str], extras: dict[str, float]) -> dict[str, float]:
    """The full feature dict of one message (used for training; scoring uses the cached form)."""
    tokens = mask_groups(tokens)
    scale = 1.0 / math.sqrt(max(1, len(tokens)))
    out: dict[str, float] = {}
    for token in tokens:
        for f in token_features(token):
            out[f] = out.get(f, 0.0) + scale
    for f in bigram_keys(tokens):
        out[f] = out.get(f, 0.0) + scale
    for f, v in extras.items():
        out[f] = out.get(f, 0.0) + v
    return out


@dataclass(frozen=True)
class Prediction:
    probability: float
    evidence: list[tuple[str, float]]  # (word or feature, contribution), strongest first


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


class Model:
    """A loaded model: `predict(tokens, extras)` gives a calibrated probability per label."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.version: str = data["version"]
        self.labels: list[str] = list(data["labels"])
        self.index = {label: i for i, label in enumerate(self.labels)}
        self.bias: list[float] = [float(b) for b in data["bias"]]
        self.platt: list[tuple[float, float]] = [(float(a), float(b)) for a, b in data["platt"]]
        width = len(self.labels)
        # Sparse per feature: ((label index, weight), …); most features matter for one or two labels.
        self.weights: dict[str, tuple[tuple[int, float], ...]] = {
            feature: tuple((i, w / SCALE) for i, w in zip(row[0::2], row[1::2], strict=True))
            for feature, row in data["weights"].items()
        }
        self.width = width
        self._token_cache: dict[str, tuple[tuple[int, float], ...]] = {}
        self.metrics: dict[str, Any] = data.get("metrics", {})

    @property
    def theme_names(self) -> list[str]:
        return [label[len(THEME_PREFIX) :] for label in self.labels if label.startswith(THEME_PREFIX)]

    def _token_vector(self, token: str) -> tuple[tuple[int, float], ...]:
        cached = self._token_cache.get(token)
        if cached is not None:
            return cached
        summed: dict[int, float] = {}
        weights = self.weights
        for f in token_features(token):
            for i, w in weights.get(f, ()):
                summed[i] = summed.get(i, 0.0) + w
        vec = tuple(summed.items())
        if len(self._token_cache) > 300_000:
            self._token_cache.clear()
        self._token_cache[token] = vec
        return vec

    def decision(
        self, tokens: list[str], extras: dict[str, float]
    ) -> tuple[list[float], list[tuple[str, tuple[tuple[int, float], ...], float]]]:
        """Raw scores per label and the parts they came from as (name, sparse weights, factor)."""
        tokens = mask_groups(tokens)
        scale = 1.0 / math.sqrt(max(1, len(tokens)))
        acc = [0.0] * self.width
        parts: list[tuple[str, tuple[tuple[int, float], ...], float]] = []
        for token in tokens:
            vec = self._token_vector(token)
            if vec:
                for i, w in vec:
                    acc[i] += w
                parts.append((token, vec, scale))
        weights = self.weights
        for key in bigram_keys(tokens):
            vec = weights.get(key, ())
            if vec:
                for i, w in vec:
                    acc[i] += w
                parts.append((key, vec, scale))
        total = [b + a * scale for a, b in zip(acc, self.bias, strict=True)]
        for f, value in extras.items():
            vec = weights.get(f, ())
            if vec:
                for i, w in vec:
                    total[i] += w * value
                parts.append((f, vec, value))
        return total, parts

    def predict(self, tokens: list[str], extras: dict[str, float]) -> Scored:
        total, parts = self.decision(tokens, extras)
        probabilities = {}
        for i, label in enumerate(self.labels):
            a, b = self.platt[i]
            probabilities[label] = round(_sigmoid(a * total[i] + b), 3)
        return Scored(self, probabilities, parts)


class Scored:
    """Probabilities of one message; `explain(label)` names the evidence (computed on demand)."""

    __slots__ = ("_model", "_parts", "probabilities")

    def __init__(
        self,
        owner: Model,
        probabilities: dict[str, float],
        parts: list[tuple[str, tuple[tuple[int, float], ...], float]],
    ) -> None:
        self._model = owner
        self.probabilities = probabilities
        self._parts = parts

    def __getitem__(self, label: str) -> Prediction:
        return self.explain(label)

    def get(self, label: str) -> Prediction | None:
        return self.explain(label) if label in self.probabilities else None

    def explain(self, label: str) -> Prediction:
        i = self._model.index[label]
        probability = self.probabilities[label]
        summed: dict[str, float] = {}
        for name, vec, factor in self._parts:
            v = sum(w for j, w in vec if j == i) * factor
            if v:
                if name.startswith("b:"):
                    name = name[2:].replace("_", " ")
                summed[name] = summed.get(name, 0.0) + v
        # Evidence for the side the model chose first (3 strongest), then the strongest against.
        sign = 1.0 if probability >= 0.5 else -1.0
        pro = sorted((x for x in summed.items() if x[1] * sign > 0), key=lambda x: -abs(x[1]))[:3]
        con = sorted((x for x in summed.items() if x[1] * sign < 0), key=lambda x: -abs(x[1]))[:1]
        return Prediction(probability, [(n, round(v, 2)) for n, v in pro + con if round(v, 2)])


@cache
def load(path: Path = MODEL_PATH) -> Model | None:
    """The model in `path`, read once; None when the file is absent (rules alone then)."""
    if not path.exists():
        return None
    return Model(json.loads(path.read_text(encoding="utf-8")))


# ------------------------------------------------------------------ training (sklearn only here)
def _matrix(rows: list[dict[str, float]], vocab: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for row in rows:
        for f, v in row.items():
            j = vocab.get(f)
            if j is not None:
                indices.append(j)
                data.append(v)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


def build_vocab(rows: Iterable[dict[str, float]], min_df: int = 2) -> dict[str, int]:
    df: dict[str, int] = {}
    for row in rows:
        for f in row:
            df[f] = df.get(f, 0) + 1
    kept = sorted(f for f, n in df.items() if n >= min_df or f[:2] not in ("c:", "w:", "b:"))
    return {f: i for i, f in enumerate(kept)}


def fit_label(X: Any, y: list[int], c: float) -> tuple[list[float], float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", dual=True, max_iter=5000)
    clf.fit(X, y)
    return [float(w) for w in clf.coef_[0]], float(clf.intercept_[0])


def fit_platt(z: list[float], y: list[int]) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    if len(set(y)) < 2:
        return 1.0, 0.0
    clf = LogisticRegression(C=100.0, solver="lbfgs")
    clf.fit([[v] for v in z], y)
    return float(clf.coef_[0][0]), float(clf.intercept_[0])


def chunks(seq: list[Any], n: int) -> Iterator[list[Any]]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]
