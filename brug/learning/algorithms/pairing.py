"""Start conversations in pairs: match municipalities with close learning questions.

Pure: vectors and labels in, pairs out. Score of a pair (documented in
docs/algorithms/selectie-en-koppeling.md):

    score = cosine(question_a, question_b) + SIZE_BONUS * [sizes differ] + REGION_BONUS * [regions differ]

A maximum-weight matching (networkx, exact blossom algorithm) picks the pairs; above
EXACT_LIMIT nodes a greedy matching (best edge first) keeps it fast. Deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

SIZE_BONUS = 0.15
REGION_BONUS = 0.10
EXACT_LIMIT = 80


@dataclass(frozen=True)
class Item:
    id: int
    size: str
    region: str


@dataclass(frozen=True)
class ProposedPair:
    first: int
    second: int
    score: float
    similarity: float
    differs_in_size: bool
    differs_in_region: bool


def score_matrix(items: list[Item], vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    similarity = vectors @ vectors.T
    sizes = np.array([i.size for i in items])
    regions = np.array([i.region for i in items])
    bonus = SIZE_BONUS * (sizes[:, None] != sizes[None, :]) + REGION_BONUS * (
        regions[:, None] != regions[None, :]
    )
    return similarity, similarity + bonus


def _greedy(scores: np.ndarray) -> list[tuple[int, int]]:
    n = scores.shape[0]
    iu, ju = np.triu_indices(n, k=1)
    weights = scores[iu, ju]
    order = np.lexsort((ju, iu, -weights))  # best first, ties by index
    used = np.zeros(n, dtype=bool)
    pairs = []
    for k in order:
        a, b = iu[k], ju[k]
        if not used[a] and not used[b]:
            used[a] = used[b] = True
            pairs.append((int(a), int(b)))
    return pairs


def _exact(scores: np.ndarray) -> list[tuple[int, int]]:
    graph = nx.Graph()
    n = scores.shape[0]
    for a in range(n):
        for b in range(a + 1, n):
            graph.add_edge(a, b, weight=float(scores[a, b]) + 2.0)  # positive weights, max cardinality
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    return sorted((min(a, b), max(a, b)) for a, b in matching)


def propose_pairs(items: list[Item], vectors: np.ndarray) -> tuple[list[ProposedPair], list[int]]:
    """Return the pairs (best first) and the ids left over (at most one for an odd count)."""
    if len(items) < 2:
        return [], [i.id for i in items]
    similarity, scores = score_matrix(items, vectors)
    index_pairs = _exact(scores) if len(items) <= EXACT_LIMIT else _greedy(scores)
    pairs = [
        ProposedPair(
            first=items[a].id,
            second=items[b].id,
            score=round(float(scores[a, b]), 4),
            similarity=round(float(similarity[a, b]), 4),
            differs_in_size=items[a].size != items[b].size,
            differs_in_region=items[a].region != items[b].region,
        )
        for a, b in index_pairs
    ]
    paired = {p.first for p in pairs} | {p.second for p in pairs}
    pairs.sort(key=lambda p: (-p.score, p.first))
    return pairs, [i.id for i in items if i.id not in paired]
