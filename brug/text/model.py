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

import heapq
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
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


_MASKED: dict[str, str] = {}


def _mask(token: str) -> str:
    masked = GROUP if normalise(token.lstrip("#")) in _group_words() else token
    if len(_MASKED) > 300_000:
        _MASKED.clear()
    _MASKED[token] = masked
    return masked


def mask_groups(tokens: list[str]) -> list[str]:
    get = _MASKED.get
    return [get(t) or _mask(t) for t in tokens]


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


_PAIR_LEMMA: dict[str, str] = {}


def _pair_lemma(token: str) -> str:
    word = token.lstrip("#")
    found = lemma(word) if word.isalpha() else word
    if len(_PAIR_LEMMA) > 300_000:
        _PAIR_LEMMA.clear()
    _PAIR_LEMMA[token] = found
    return found


def bigram_keys(tokens: list[str]) -> list[str]:
    get = _PAIR_LEMMA.get
    lemmas = [get(t) or _pair_lemma(t) for t in tokens]
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


class Model:
    """A loaded model: `predict(tokens, extras)` gives a calibrated probability per label.

    The weights sit in a dense matrix (features × labels, numpy); every distinct token gets a row
    of its own in a growing token matrix (its lemma and n-gram weights summed once, on first
    sight). Scoring a message is then a few dict lookups per word and three row sums in numpy.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        import numpy as np

        self.version: str = data["version"]
        self.labels: list[str] = list(data["labels"])
        self.index = {label: i for i, label in enumerate(self.labels)}
        self.bias: list[float] = [float(b) for b in data["bias"]]
        self.platt: list[tuple[float, float]] = [(float(a), float(b)) for a, b in data["platt"]]
        width = len(self.labels)
        self.width = width
        raw: dict[str, list[int]] = data["weights"]
        self._feature_row: dict[str, int] = {f: k for k, f in enumerate(raw)}
        matrix = np.zeros((len(raw) + 1, width))  # the last row stays zero (no such feature)
        for k, row in enumerate(raw.values()):
            matrix[k, row[0::2]] = np.asarray(row[1::2], dtype=float) / SCALE
        self._W = matrix
        self._bias = np.asarray(self.bias)
        self._platt_a = np.asarray([a for a, _ in self.platt])
        self._platt_b = np.asarray([b for _, b in self.platt])
        # Row 0 of the token matrix is the zero vector: a token none of whose features has a weight.
        self._token_row: dict[str, int] = {}
        self._T = np.zeros((4096, width))
        self._t_used = 1
        # (token, next token) → row of its "b:" lemma-pair feature (the zero row when it has none).
        self._pair_row: dict[tuple[str, str], int] = {}
        self.metrics: dict[str, Any] = data.get("metrics", {})

    @property
    def theme_names(self) -> list[str]:
        return [label[len(THEME_PREFIX) :] for label in self.labels if label.startswith(THEME_PREFIX)]

    def _new_token(self, token: str) -> int:
        import numpy as np

        frow = self._feature_row
        rows = [frow[f] for f in token_features(token) if f in frow]
        if not rows:
            row = 0
        else:
            if len(self._token_row) > 300_000:  # a stream with endless new words: start afresh
                self._token_row.clear()
                self._t_used = 1
            if self._t_used == len(self._T):
                self._T = np.concatenate([self._T, np.zeros_like(self._T)])
            row = self._t_used
            self._T[row] = self._W[rows].sum(axis=0)
            self._t_used += 1
        self._token_row[token] = row
        return row

    def _new_pair(self, pair: tuple[str, str]) -> int:
        if len(self._pair_row) > 300_000:
            self._pair_row.clear()
        row = self._feature_row.get(bigram_keys(list(pair))[0], len(self._W) - 1)
        self._pair_row[pair] = row
        return row

    def decision(self, tokens: list[str], extras: dict[str, float]) -> tuple[Any, _Parts]:
        """Raw scores per label (numpy array) and the parts they came from (for `explain`)."""
        tokens = mask_groups(tokens)
        scale = 1.0 / math.sqrt(max(1, len(tokens)))
        get = self._token_row.get
        t_rows = [r if (r := get(t)) is not None else self._new_token(t) for t in tokens]
        pairs = list(zip(tokens, tokens[1:], strict=False))
        pair_get = self._pair_row.get
        b_rows = [r if (r := pair_get(pair)) is not None else self._new_pair(pair) for pair in pairs]
        frow = self._feature_row.get
        missing = len(self._W) - 1
        e_names = list(extras)
        e_rows = [frow(f, missing) for f in e_names]
        e_values = list(extras.values())
        W = self._W
        total = (self._T[t_rows].sum(axis=0) + W[b_rows].sum(axis=0)) * scale + self._bias
        if e_rows:
            total += W[e_rows].T @ e_values
        return total, _Parts(self, tokens, t_rows, pairs, b_rows, e_names, e_rows, e_values, scale)

    def predict(self, tokens: list[str], extras: dict[str, float]) -> Scored:
        import numpy as np

        total, parts = self.decision(tokens, extras)
        z = np.clip(self._platt_a * total + self._platt_b, -30.0, 30.0)
        p = (1.0 / (1.0 + np.exp(-z))).tolist()
        probabilities = {label: round(v, 3) for label, v in zip(self.labels, p, strict=True)}
        return Scored(self, probabilities, parts)


class _Parts:
    """What one message's score is made of, kept as row indices until a label is explained."""

    __slots__ = ("b_pairs", "b_rows", "e_names", "e_rows", "e_values", "model", "scale", "t_rows", "tokens")

    def __init__(
        self,
        owner: Model,
        tokens: list[str],
        t_rows: list[int],
        b_pairs: list[tuple[str, str]],
        b_rows: list[int],
        e_names: list[str],
        e_rows: list[int],
        e_values: list[float],
        scale: float,
    ) -> None:
        self.model = owner
        self.tokens, self.t_rows = tokens, t_rows
        self.b_pairs, self.b_rows = b_pairs, b_rows
        self.e_names, self.e_rows, self.e_values = e_names, e_rows, e_values
        self.scale = scale

    def contributions(self, i: int) -> dict[str, float]:
        """Contribution to label i per word, word pair (as "a b") or feature; zeros left out."""
        m = self.model
        summed: dict[str, float] = {}
        get = summed.get
        scale = self.scale
        for name, w in zip(self.tokens, m._T[self.t_rows, i].tolist(), strict=True):
            if w:
                summed[name] = get(name, 0.0) + w * scale
        for pair, w in zip(self.b_pairs, m._W[self.b_rows, i].tolist(), strict=True):
            if w:
                name = bigram_keys(list(pair))[0][2:].replace("_", " ")
                summed[name] = get(name, 0.0) + w * scale
        if self.e_rows:
            for name, w, value in zip(
                self.e_names, m._W[self.e_rows, i].tolist(), self.e_values, strict=True
            ):
                if w and value:
                    summed[name] = get(name, 0.0) + w * value
        return summed


class Scored:
    """Probabilities of one message; `explain(label)` names the evidence (computed on demand)."""

    __slots__ = ("_model", "_parts", "probabilities")

    def __init__(self, owner: Model, probabilities: dict[str, float], parts: _Parts) -> None:
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
        summed = self._parts.contributions(i)
        # Evidence for the side the model chose first (3 strongest), then the strongest against.
        positive = [x for x in summed.items() if x[1] > 0]
        negative = [x for x in summed.items() if x[1] < 0]
        # Strongest first (largest |value|); nlargest, nsmallest, max and min keep the first of
        # equals, exactly as the stable sort by -|value| did.
        if probability >= 0.5:
            pro = heapq.nlargest(3, positive, key=_value)
            con = [min(negative, key=_value)] if negative else []
        else:
            pro = heapq.nsmallest(3, negative, key=_value)
            con = [max(positive, key=_value)] if positive else []
        out = []
        for n, v in pro + con:
            r = round(v, 2)
            if r:
                out.append((n, r))
        return Prediction(probability, out)


_value = itemgetter(1)


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
