"""Near-duplicate grouping: copy-paste campaigns and reposts with small edits.

Two steps: an exact pre-pass groups messages whose normalised tokens are identical (cheap,
no model); then one representative per exact group is embedded with the offline USE model
(`brug.text.embeddings.embed`) and pairs with cosine ≥ threshold are joined (union-find).
Similarities are computed in blocks so memory stays bounded for large inputs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from brug.text.embeddings import embed
from brug.text.normalise import dedupe_key

_BLOCK = 1024


def near_duplicate_groups(texts: Sequence[str], threshold: float = 0.9) -> list[list[int]]:
    """Groups (size ≥ 2) of indices of near-identical texts, each sorted, ordered by first index."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError("threshold moet tussen 0 en 1 liggen")
    exact: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        exact.setdefault(dedupe_key(text), []).append(index)
    keys = [k for k in exact if k]  # messages without words (only emoji/links) stay apart
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if threshold < 1.0 and len(keys) > 1:
        vectors = embed(keys)
        for start in range(0, len(keys), _BLOCK):
            block = vectors[start : start + _BLOCK] @ vectors.T
            rows, cols = np.nonzero(block >= threshold)
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                a, b = find(start + r), find(c)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    merged: dict[int, list[int]] = {}
    for position, key in enumerate(keys):
        merged.setdefault(find(position), []).extend(exact[key])
    groups = [sorted(g) for g in merged.values() if len(g) > 1]
    return sorted(groups, key=lambda g: g[0])
