"""Two-level k-means as in Pol.is: ~100 base clusters, then 2–5 opinion groups of base clusters.

Clustering base-cluster centres (weighted by their size) instead of every participant keeps the
group step and the silhouette comparison cheap for any conversation size.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.exceptions import ConvergenceWarning

from brug.opinion.kmeans import best_run, lloyd, weighted_kmeans
from brug.opinion.matrix import FloatArray, IntArray
from brug.opinion.result import ClusterState

BASE_CLUSTERS = 100
MIN_GROUPS = 2
MAX_GROUPS = 5
# Pol.is's `count-buffer`: a new number of groups is adopted after it was best this many times in a row.
K_SMOOTHING_BUFFER = 4
GROUP_N_INIT = 10
# Above this many distinct points the base step uses scikit-learn's multi-threaded k-means; below
# it the numpy version avoids sklearn's fixed per-call cost.
SKLEARN_MIN_POINTS = 5_000
BASE_MAX_ITER = 100
SEED_SAMPLE = 10_000
BASE_LLOYD_ROUNDS = 20


@dataclass(frozen=True)
class Points:
    """Participants' coordinates with identical points merged (weight = how many participants)."""

    coords: FloatArray  # (m, 2) distinct points
    weights: FloatArray  # (m,)
    index: IntArray  # participant -> distinct point

    @classmethod
    def from_coords(cls, coords: FloatArray) -> Points:
        if len(coords) == 0:
            return cls(np.zeros((0, 2)), np.zeros(0), np.zeros(0, dtype=np.int64))
        # Rounding merges points that differ only by floating-point noise, so identical voters are
        # recognised as such and k-means never looks for more clusters than there are points.
        distinct, inverse, counts = np.unique(
            np.round(coords, 9), axis=0, return_inverse=True, return_counts=True
        )
        return cls(
            distinct.astype(np.float64), counts.astype(np.float64), inverse.reshape(-1).astype(np.int64)
        )


@dataclass(frozen=True)
class BaseClusters:
    labels: IntArray  # base cluster of every distinct point
    centres: FloatArray  # (b, 2)
    weights: FloatArray  # participants per base cluster


@dataclass(frozen=True)
class GroupChoice:
    k: int
    base_labels: IntArray  # group of every base cluster, numbered by size (largest group = 0)
    silhouettes: dict[int, float]
    state: ClusterState


def base_clusters(points: Points, seed: int = 0, n_clusters: int = BASE_CLUSTERS) -> BaseClusters:
    m = len(points.coords)
    if m <= n_clusters:
        return BaseClusters(np.arange(m, dtype=np.int64), points.coords, points.weights)
    labels: IntArray | None = None
    if m < SKLEARN_MIN_POINTS:
        # Base clusters only compress the map, so a plain random start (distinct points drawn by
        # weight) and a bounded number of Lloyd rounds suffice; Pol.is also starts from data points.
        rng = np.random.default_rng(seed)
        start = rng.choice(m, size=n_clusters, replace=False, p=points.weights / points.weights.sum())
        centres = lloyd(points.coords, points.weights, points.coords[start][None], max_iter=BASE_LLOYD_ROUNDS)
        fit = best_run(points.coords, points.weights, centres)
        labels = fit.labels if fit is not None else None
    if labels is None:
        # k-means++ seeding costs as much as the whole Lloyd run on 100,000 points; seeding on a
        # random sample gives centres that are just as spread out.
        rng = np.random.default_rng(seed)
        sample = rng.choice(m, size=min(m, SEED_SAMPLE), replace=False)
        init, _ = kmeans_plusplus(
            points.coords[sample], n_clusters, sample_weight=points.weights[sample], random_state=seed
        )
        km = KMeans(n_clusters=n_clusters, init=init, n_init=1, max_iter=BASE_MAX_ITER, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            km.fit(points.coords, sample_weight=points.weights)
        labels = km.labels_.astype(np.int64)
    weights = np.bincount(labels, weights=points.weights, minlength=n_clusters).astype(np.float64)
    used = np.flatnonzero(weights > 0)  # k-means may leave a cluster empty
    remap = np.full(n_clusters, -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    sums = np.stack(
        [
            np.bincount(labels, weights=points.coords[:, d] * points.weights, minlength=n_clusters)
            for d in range(2)
        ],
        axis=1,
    )
    return BaseClusters(labels=remap[labels], centres=sums[used] / weights[used, None], weights=weights[used])


def weighted_silhouette(centres: FloatArray, weights: FloatArray, labels: IntArray) -> float:
    """Silhouette of all participants, each standing at their base cluster's centre.

    A base cluster of weight w counts as w coincident points: its own members add distance 0 to
    the within-group mean, so a(i) divides by (group weight - 1). Singletons score 0, as in sklearn.
    """
    dist = np.sqrt(((centres[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2))
    groups = np.unique(labels)
    if len(groups) < 2:
        return 0.0
    n = len(labels)
    onehot = (labels[:, None] == groups[None, :]).astype(np.float64)
    sums = dist @ (onehot * weights[:, None])  # weighted distance from each base cluster to each group
    group_weight = onehot.T @ weights
    own = np.searchsorted(groups, labels)
    own_weight = group_weight[own]
    a = np.where(own_weight > 1, sums[np.arange(n), own] / np.maximum(own_weight - 1, 1), 0.0)
    other = sums / group_weight[None, :]
    other[np.arange(n), own] = np.inf
    b = other.min(axis=1)
    denom = np.maximum(a, b)
    s = np.where((own_weight > 1) & (denom > 0), (b - a) / np.where(denom > 0, denom, 1.0), 0.0)
    return float(np.sum(s * weights) / np.sum(weights))


def _number_by_size(labels: IntArray, weights: FloatArray, xs: FloatArray) -> IntArray:
    """Renumber groups so that group 0 is the largest; ties go to the leftmost group."""
    groups = np.unique(labels)
    sizes = np.array([weights[labels == g].sum() for g in groups])
    mean_x = np.array([np.average(xs[labels == g], weights=weights[labels == g]) for g in groups])
    order = np.lexsort((mean_x, -sizes))
    rank = np.empty(len(groups), dtype=np.int64)
    rank[order] = np.arange(len(groups))
    return rank[np.searchsorted(groups, labels)]


def smooth_k(best_k: int, previous: ClusterState | None, available: set[int]) -> tuple[int, ClusterState]:
    """Pol.is's k-smoother: keep the previous k until a new best k has been seen often enough."""
    prev = previous or ClusterState()
    count = prev.last_k_count + 1 if prev.last_k == best_k else 1
    smoothed = best_k if count >= K_SMOOTHING_BUFFER or prev.smoothed_k is None else prev.smoothed_k
    # The remembered k may be impossible now (e.g. too few base clusters): then use the best k for
    # this update but keep remembering the smoothed one.
    used = smoothed if smoothed in available else best_k
    return used, ClusterState(last_k=best_k, last_k_count=count, smoothed_k=smoothed)


def choose_groups(
    base: BaseClusters, previous: ClusterState | None = None, seed: int = 0, max_groups: int = MAX_GROUPS
) -> GroupChoice | None:
    """Cluster the base clusters for every feasible k, pick k by silhouette, then smooth k.

    Returns None when there is nothing to split: fewer than two distinct opinions.
    """
    n_base = len(base.centres)
    rng = np.random.default_rng(seed)
    candidates: dict[int, IntArray] = {}
    silhouettes: dict[int, float] = {}
    for k in range(MIN_GROUPS, min(max_groups, n_base) + 1):
        if k == n_base:
            labels: IntArray | None = np.arange(k, dtype=np.int64)
        else:
            fit = weighted_kmeans(base.centres, base.weights, k, GROUP_N_INIT, rng)
            labels = fit.labels if fit is not None else None
        if labels is None:
            continue
        candidates[k] = _number_by_size(labels, base.weights, base.centres[:, 0])
        silhouettes[k] = weighted_silhouette(base.centres, base.weights, candidates[k])
    if not candidates:
        return None
    # Ties go to the smaller k: fewer groups are easier to read, and Pol.is scans k upwards.
    best_k = max(silhouettes, key=lambda kk: (silhouettes[kk], -kk))
    k, state = smooth_k(best_k, previous, set(candidates))
    return GroupChoice(k=k, base_labels=candidates[k], silhouettes=silhouettes, state=state)


def participant_groups(points: Points, base: BaseClusters, choice: GroupChoice) -> IntArray:
    """Group of every participant: the base-level grouping, refined per participant.

    Pol.is gives every member of a base cluster the base cluster's group. Brug then runs Lloyd
    iterations on the participants themselves, starting from those group centres, so that people
    on a group border are not assigned by their base cluster's centre. On the public Pol.is
    conversations this made the groups both closer to Pol.is's own and stable across seeds
    (see bench/results/opinion.md).
    """
    point_group = choice.base_labels[base.labels]
    k = choice.k
    start = np.stack(
        [
            np.average(points.coords[point_group == g], axis=0, weights=points.weights[point_group == g])
            for g in range(k)
        ]
    )[None]
    refined = best_run(points.coords, points.weights, lloyd(points.coords, points.weights, start))
    if refined is not None:
        # Keep the numbering of the base-level groups (largest first) by renumbering on size again.
        point_group = _number_by_size(refined.labels, points.weights, points.coords[:, 0])
    return point_group[points.index]
