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
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, cast

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


class Prediction(NamedTuple):
    """A probability and its evidence (a named tuple: made several times per message, and a
    frozen dataclass costs two object.__setattr__ calls per instance)."""

    probability: float
    evidence: list[tuple[str, float]]  # (word or feature, contribution), strongest first


class Model:
    """A loaded model: `predict_many([(tokens, extras), …])` gives a calibrated probability per
    label for each message of a block (what `classify` and `classify_many` use).

    The weights sit in a dense matrix (features × labels, numpy); every distinct token gets a row
    of its own in a growing token matrix (its lemma and n-gram weights summed once, on first
    sight). Scoring a message is then a few dict lookups per word; the row sums of a whole batch
    are a handful of numpy calls, so numpy's per-call cost is paid per batch, not per message.
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
        self._missing = len(raw)  # the zero row of _W
        self._w_lists: dict[int, list[float]] = {}  # rows of _W as Python lists, for explanations
        self._bias = np.asarray(self.bias)
        self._platt_a = np.asarray([a for a, _ in self.platt])
        self._platt_b = np.asarray([b for _, b in self.platt])
        # Row 0 of the token matrix is the zero vector: a token none of whose features has a weight.
        # A row, once written, is never overwritten in the same array (a full cache starts a new
        # array), so a message's parts can keep the array and explain it later.
        self._token_row: dict[str, int] = {}  # token as written (before group masking) → row
        self._masked_row: dict[str, int] = {}  # masked token → row
        self._T = np.zeros((4096, width))
        self._t_used = 1
        self._row_word: list[str] = [""]  # row of _T → its (group-masked) word; one row per word
        # row of _T → the same row as a Python list (made with the row), read by explanations: a
        # few list lookups per word cost less than numpy's fancy indexing and bincount per message.
        self._row_list: list[list[float]] = [[0.0] * width]
        # (token, next token) as written → row of its "b:" lemma-pair feature (_missing if none).
        self._pair_row: dict[tuple[str, str], int] = {}
        self._pair_name: dict[tuple[str, str], str] = {}  # (token, next token) → "lemma lemma"
        self._pair_info: dict[tuple[str, str], tuple[str, list[float]]] = {}  # → (name, weights)
        self.metrics: dict[str, Any] = data.get("metrics", {})

    @property
    def theme_names(self) -> list[str]:
        return [label[len(THEME_PREFIX) :] for label in self.labels if label.startswith(THEME_PREFIX)]

    def _new_token(self, token: str) -> int:
        import numpy as np

        masked = mask_groups([token])[0]
        row = self._masked_row.get(masked)
        if row is None:
            frow = self._feature_row
            rows = [frow[f] for f in token_features(masked) if f in frow]
            if not rows:
                row = 0
            else:
                if self._t_used == len(self._T):
                    self._T = np.concatenate([self._T, np.zeros_like(self._T)])
                row = self._t_used
                self._row_word.append(masked)
                self._T[row] = self._W[rows].sum(axis=0)
                self._row_list.append(self._T[row].tolist())
                self._t_used += 1
            self._masked_row[masked] = row
        self._token_row[token] = row
        return row

    def _new_pair(self, pair: tuple[str, str]) -> int:
        row = self._feature_row.get(bigram_keys(mask_groups(list(pair)))[0], self._missing)
        self._pair_row[pair] = row
        return row

    def _forget_if_full(self) -> None:
        """A stream with endless new words: start afresh (only between batches, never inside one)."""
        import numpy as np

        if len(self._token_row) > 300_000:
            self._token_row.clear()
            self._masked_row.clear()
            self._T = np.zeros_like(self._T)  # a new array: earlier parts keep the old one
            self._row_word = [""]
            self._row_list = [[0.0] * self.width]
            self._t_used = 1
        if len(self._pair_row) > 300_000:
            self._pair_row.clear()
            self._pair_name.clear()
            self._pair_info.clear()

    def _parts(self, tokens: list[str], extras: dict[str, float]) -> _Parts:
        """One message's row indices (new tokens and pairs get their rows here)."""
        # map() with dict.get runs the lookups in C; only words seen for the first time (None)
        # take the slow path.
        found = list(map(self._token_row.get, tokens))
        if None in found:
            new = self._new_token
            t_rows = [new(t) if r is None else r for t, r in zip(tokens, found, strict=True)]
        else:
            t_rows = cast(list[int], found)
        # (zip without strict= in the per-message paths: a keyword argument makes every call build
        # a dict, and the lengths here are equal by construction)
        pairs = list(zip(tokens, tokens[1:]))  # noqa: B905
        found = list(map(self._pair_row.get, pairs))
        if None in found:
            new_pair = self._new_pair
            b_rows = [new_pair(p) if r is None else r for p, r in zip(pairs, found, strict=True)]
        else:
            b_rows = cast(list[int], found)
        e_names = list(extras)
        e_rows = list(map(self._feature_row.get, e_names, repeat(self._missing)))
        scale = 1.0 / math.sqrt(max(1, len(tokens)))
        return _Parts(self, tokens, t_rows, pairs, b_rows, e_names, e_rows, list(extras.values()), scale)

    def decisions(self, messages: Sequence[tuple[list[str], dict[str, float]]]) -> tuple[Any, list[_Parts]]:
        """Raw scores (a messages × labels numpy array) and each message's parts (for `explain`).

        Each message's score is bit for bit what summing its own rows would give: the row sums of
        messages of (about) the same length are taken together as one 3-d array, padded with the
        zero row at the end (x + 0.0 = x), and the rule features are added one by one in their
        order, not by a BLAS product whose summation order depends on the processor.
        """
        import numpy as np

        self._forget_if_full()
        parts = [self._parts(tokens, extras) for tokens, extras in messages]
        W = self._W
        t_sum = _row_sums(self._T, [p.t_rows for p in parts], 0, self.width)
        b_sum = _row_sums(W, [p.b_rows for p in parts], self._missing, self.width)
        scale = np.asarray([p.scale for p in parts])
        total = (t_sum + b_sum) * scale[:, None] + self._bias
        width = max((len(p.e_rows) for p in parts), default=0)
        if width:
            missing = self._missing
            e_rows = np.array([p.e_rows + [missing] * (width - len(p.e_rows)) for p in parts], dtype=np.intp)
            e_values = np.array([p.e_values + [0.0] * (width - len(p.e_values)) for p in parts])
            # Summed over the feature axis (not the innermost one), numpy adds the features one by
            # one, in order, as the loop `extra += W[e_rows[:, j]] * e_values[:, j]` did (the first
            # term is not added to a zero: 0.0 + x is x, and −0.0 only where total + 0.0 is the same).
            total += (W[e_rows] * e_values[:, :, None]).sum(axis=1)
        return total, parts

    def predict_many(self, messages: Sequence[tuple[list[str], dict[str, float]]]) -> list[Scored]:
        """Probabilities (`Scored`) for each (tokens, extras) of a block, one set of numpy calls for all."""
        import numpy as np

        if not messages:
            return []
        total, parts = self.decisions(messages)
        z = np.clip(self._platt_a * total + self._platt_b, -30.0, 30.0)
        labels = self.labels
        return [
            Scored(self, dict(zip(labels, p)), part)  # noqa: B905 (one probability per label)
            for p, part in zip(round3(1.0 / (1.0 + np.exp(-z))), parts, strict=True)
        ]

    def _feature_weights(self, row: int) -> list[float]:
        """Row `row` of _W as a Python list (made on the first explanation that needs it)."""
        found = self._w_lists.get(row)
        if found is None:
            found = self._w_lists[row] = self._W[row].tolist()
        return found

    def _new_pair_info(self, pair: tuple[str, str]) -> tuple[str, list[float]]:
        """(name "lemma lemma", weights) of a word pair that has a feature, for explanations."""
        info = self._pair_info[pair] = (self._pair_label(pair), self._feature_weights(self._pair_row[pair]))
        return info

    def _pair_label(self, pair: tuple[str, str]) -> str:
        name = self._pair_name.get(pair)
        if name is None:
            name = self._pair_name[pair] = bigram_keys(mask_groups(list(pair)))[0][2:].replace("_", " ")
        return name


class _Parts:
    """What one message's score is made of, kept as row indices until a label is explained."""

    __slots__ = (
        "_distinct",
        "_features",
        "_pairs",
        "_repeated",
        "b_pairs",
        "b_rows",
        "e_names",
        "e_rows",
        "e_values",
        "model",
        "scale",
        "t_lists",
        "t_words",
        "t_rows",
        "tokens",
    )

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
        # The rows' weights as lists and their words (a full cache starts new ones; these stay).
        self.t_lists = owner._row_list
        self.t_words = owner._row_word
        self.b_pairs, self.b_rows = b_pairs, b_rows
        self.e_names, self.e_rows, self.e_values = e_names, e_rows, e_values
        self.scale = scale
        # Filled on the first explanation (most messages need one or two labels explained):
        self._distinct: list[int] | None = None  # distinct rows of t_rows, in order of first occurrence
        self._repeated: list[tuple[int, int]] = []  # (index in _distinct, count) of repeated words
        self._pairs: list[tuple[str, list[float]]] = []  # (name, weights) of pairs with a feature
        self._features: list[tuple[str, list[float], float]] = []  # (name, weights, value)

    def _prepare(self) -> None:
        m = self.model
        # A word has one row of its own (row 0, no weight at all, contributes nothing), so the
        # distinct rows in order of first occurrence are the distinct words in that order.
        rows = self.t_rows
        self._distinct = list(dict.fromkeys(rows))
        if len(self._distinct) != len(rows):
            counts = Counter(rows)  # (insertion order: rows in order of first occurrence)
            # (index in _distinct, count) of each word that occurs more than once
            self._repeated = [(j, k) for j, k in enumerate(counts.values()) if k > 1]
        missing, weights, known = m._missing, m._feature_weights, m._w_lists.get
        pair_info, new_pair = m._pair_info.get, m._new_pair_info
        self._pairs = [
            pair_info(pair) or new_pair(pair)
            for pair, row in zip(self.b_pairs, self.b_rows)  # noqa: B905 (one row per pair)
            if row != missing
        ]
        self._features = [
            (name, known(row) or weights(row), value)
            for name, row, value in zip(self.e_names, self.e_rows, self.e_values)  # noqa: B905 (per feature)
            if row != missing and value
        ]

    def evidence(self, i: int, least: float = 0.0) -> list[tuple[str, float]]:
        """(name, contribution to label i) per word, word pair (as "a b") or feature, in the order
        words (first occurrence), pairs, features; zeros and contributions smaller than `least`
        in size left out. A word or pair that occurs more than once is summed, occurrence by
        occurrence, as `contributions` always did.

        The three kinds never share a name (a word has neither a space nor a colon, a pair has a
        space, a feature name a colon; no simplemma lemma has a colon), so they need no merging."""
        distinct = self._distinct
        if distinct is None:
            self._prepare()
            distinct = cast(list[int], self._distinct)
        lists, words, scale = self.t_lists, self.t_words, self.scale
        # Each word's total is its w × scale added occurrence by occurrence, in token order, from
        # 0.0; 0.0 + x is x itself (and a zero is left out either way), so a word seen k times is
        # x + x + … (k − 1 additions, in the same order).
        values = [lists[r][i] * scale for r in distinct]
        for j, k in self._repeated:
            x = total = values[j]
            for _ in range(k - 1):
                total += x
            values[j] = total
        if least > 0:
            below = -least
            out = [(words[r], v) for r, v in zip(distinct, values) if v >= least or v <= below]  # noqa: B905
        else:
            out = [(words[r], v) for r, v in zip(distinct, values) if v]  # noqa: B905 (a value per row)
        if self._pairs:
            pairs: dict[str, float] = {}
            get = pairs.get
            for name, weights in self._pairs:
                if w := weights[i]:
                    pairs[name] = get(name, 0.0) + w * scale
            out += [x for x in pairs.items() if abs(x[1]) >= least]
        for name, weights, value in self._features:
            if (w := weights[i]) and abs(v := w * value) >= least:
                out.append((name, v))
        return out

    def sides(self, i: int, least: float) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
        """The positive and the negative items of `evidence(i, least)` (least > 0), each in
        evidence order, made in one pass instead of a list and two filters over it."""
        distinct = self._distinct
        if distinct is None:
            self._prepare()
            distinct = cast(list[int], self._distinct)
        lists, words, scale = self.t_lists, self.t_words, self.scale
        below = -least
        positive: list[tuple[str, float]] = []
        negative: list[tuple[str, float]] = []
        if self._repeated:
            values = [lists[r][i] * scale for r in distinct]
            for j, k in self._repeated:  # (as in evidence)
                x = total = values[j]
                for _ in range(k - 1):
                    total += x
                values[j] = total
            for r, v in zip(distinct, values):  # noqa: B905 (a value per row)
                if v >= least:
                    positive.append((words[r], v))
                elif v <= below:
                    negative.append((words[r], v))
        else:
            for r in distinct:
                v = lists[r][i] * scale
                if v >= least:
                    positive.append((words[r], v))
                elif v <= below:
                    negative.append((words[r], v))
        if self._pairs:
            pairs: dict[str, float] = {}
            get = pairs.get
            for name, weights in self._pairs:
                if w := weights[i]:
                    pairs[name] = get(name, 0.0) + w * scale
            for item in pairs.items():
                if item[1] >= least:
                    positive.append(item)
                elif item[1] <= below:
                    negative.append(item)
        for name, weights, value in self._features:
            if w := weights[i]:
                v = w * value
                if v >= least:
                    positive.append((name, v))
                elif v <= below:
                    negative.append((name, v))
        return positive, negative

    def contributions(self, i: int) -> dict[str, float]:
        """Contribution to label i per word, word pair (as "a b") or feature; zeros left out."""
        return dict(self.evidence(i))


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
        # Only contributions that can survive rounding to 2 decimals (|v| ≥ 0.005) can be shown;
        # leaving out the smaller ones first changes neither the strongest three nor their order.
        # Evidence for the side the model chose first (3 strongest), then the strongest against.
        positive, negative = self._parts.sides(i, 0.004)
        # Strongest first (largest |value|). A stable sort keeps the first of equals, exactly as
        # heapq.nlargest / nsmallest (documented as equal to these sorts) and min / max do.
        if probability >= 0.5:
            pro = sorted(positive, key=_value, reverse=True)[:3]
            con = [min(negative, key=_value)] if negative else []
        else:
            pro = sorted(negative, key=_value)[:3]
            con = [max(positive, key=_value)] if positive else []
        out = []
        for n, v in pro + con:
            r = round(v, 2)
            if r:
                out.append((n, r))
        return Prediction(probability, out)


def round3(values: Any) -> list[list[float]]:
    """`round(v, 3)` of every value of a 2-d array of non-negative numbers, as lists.

    rint(v·1000)/1000 is exactly Python's round(v, 3) (the same integer n, and n/1000 correctly
    rounded) unless v·1000 lies within its own rounding error of a half, where the product can
    tip either way: those values, hardly ever met, go through round() itself."""
    import numpy as np

    thousands = values * 1000.0
    out: list[list[float]] = (np.rint(thousands) / 1000.0).tolist()
    for k, j in zip(*np.nonzero(np.abs(thousands - np.floor(thousands) - 0.5) < 1e-6), strict=True):
        out[k][j] = round(float(values[k, j]), 3)
    return out


def _row_sums(matrix: Any, row_lists: list[list[int]], pad: int, width: int) -> Any:
    """Per list of row indices, the sum of those rows of `matrix` (a len(row_lists) × width array).

    Bit for bit `matrix[rows].sum(axis=0)` of each list: lists are grouped by their length rounded
    up to a multiple of 8 and padded at the end with `pad`, a zero row; numpy sums the rows of a
    3-d array in order, and adding zeros changes nothing."""
    import numpy as np

    out = np.zeros((len(row_lists), width))
    by_size: dict[int, list[int]] = {}
    for k, rows in enumerate(row_lists):
        if rows:
            by_size.setdefault((len(rows) + 7) & ~7, []).append(k)
    for size, members in by_size.items():
        # (padded as Python lists and converted once: cheaper than one numpy assignment per list)
        index = np.array([row_lists[k] + [pad] * (size - len(row_lists[k])) for k in members], dtype=np.intp)
        out[members] = matrix[index].sum(axis=1)
    return out


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
