"""Static word vectors distilled from the USE multilingual sentence encoder.

Every word of a Dutch vocabulary (the most frequent words of `wordfreq` plus the words of the
development part of the corpus) was embedded once, alone, with USE (`brug.text.embeddings`); the
512 dimensions were reduced by PCA to `DIMENSIONS` and stored as float16 in
data/woordvectoren.npz. When that file exists, the model (`model.py`) uses the mean, max and min
of a message's word vectors as one feature block: words with a similar meaning get similar
vectors, so a wording the corpus never saw can still resemble messages it did see.

It is an experiment, not shipped: on the grown corpus grouped CV showed no gain (see
docs/algorithms/tekstmodel.md). ``python -m brug.text train --vectors`` builds the file (USE and
scikit-learn, training only) and trains with it; scoring then needs only numpy and a dict lookup
per word, and the file is read lazily, on the first word.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

VECTORS_PATH = Path(__file__).parent / "data" / "woordvectoren.npz"
DIMENSIONS = 64
WORDFREQ_WORDS = 40_000


class WordVectors:
    """Word → row of a float32 matrix (len(words) × DIMENSIONS)."""

    def __init__(self, words: Sequence[str], matrix: Any, version: str) -> None:
        self.index: dict[str, int] = {w: i for i, w in enumerate(words)}
        self.matrix = matrix
        self.version = version

    def row(self, token: str) -> int | None:
        return self.index.get(token.lstrip("#"))


@cache
def load(path: Path = VECTORS_PATH) -> WordVectors | None:
    """The table in `path`, read once; None when the file is absent."""
    if not path.exists():
        return None
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        words = str(data["words"]).split("\n")
        matrix = np.asarray(data["vectors"], dtype=np.float32)
        version = str(data["version"])
    return WordVectors(words, matrix, version)


# ------------------------------------------------------------------ building (USE + sklearn)
def vocabulary(texts: Iterable[str]) -> list[str]:
    """The words to embed: `WORDFREQ_WORDS` most frequent Dutch words, then every token of `texts`
    (normalised as the tokenizer does, hashtags without '#'), each once, in that order."""
    from wordfreq import top_n_list

    from brug.text.normalise import tokenize

    seen: dict[str, None] = {}
    for word in top_n_list("nl", WORDFREQ_WORDS):
        tokens = tokenize(word)
        if len(tokens) == 1:
            seen.setdefault(tokens[0].lstrip("#"), None)
    for text in texts:
        for token in tokenize(text):
            word = token.lstrip("#")
            if word:
                seen.setdefault(word, None)
    return list(seen)


def build(texts: Iterable[str], out: Path = VECTORS_PATH) -> dict[str, Any]:
    """Embed the vocabulary with USE, reduce by PCA, write `out` (float16); returns a summary."""
    import numpy as np
    from sklearn.decomposition import PCA

    from brug.text.embeddings import embed

    words = vocabulary(texts)
    full = embed(words, batch_size=256)
    pca = PCA(n_components=DIMENSIONS, svd_solver="full", random_state=0).fit(full)
    # Scaled so that the first component has unit variance over the vocabulary.
    reduced = pca.transform(full) / float(np.sqrt(pca.explained_variance_[0]))
    vectors = reduced.astype(np.float16)
    digest = hashlib.sha1(vectors.tobytes() + "\n".join(words).encode(), usedforsecurity=False)
    version = f"use-pca{DIMENSIONS}-{digest.hexdigest()[:8]}"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        np.savez_compressed(fh, words=np.array("\n".join(words)), vectors=vectors, version=np.array(version))
    load.cache_clear()
    return {"version": version, "words": len(words), "bytes": out.stat().st_size}
