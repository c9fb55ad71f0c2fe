"""Two-level k-means as in Pol.is: ~100 base clusters, then 2–5 opinion groups of base clusters.

Clustering base-cluster centres (weighted by their size) instead of every participant keeps the
group step and the silhouette comparison cheap for any conversation size.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning

from brug.opinion.matrix import FloatArray, IntArray
from brug.opinion.result import ClusterState

BASE_CLUSTERS = 100
MIN_GROUPS = 2
MAX_GROUPS = 5
# Pol.is's `count-buffer`: a new number of groups is adopted after it was best this many times in a row.
K_SMOOTHING_BUFFER = 4
BASE_MAX_ITER = 100
GROUP_N_INIT = 10


@dataclass(frozen=True)
class BaseClusters:
    labels: IntArray  # base cluster of every clustered point
    centres: FloatArray  # (m, 2)
    weights: FloatArray  # participants per base cluster


@dataclass(frozen=True)
class GroupChoice:
    k: int
    base_labels: IntArray  # group of every base cluster, numbered by size (largest group = 0)
    silhouettes: dict[int, float]
    state: ClusterState


def base_clusters(points: FloatArray, seed: int = 0, n_clusters: int = BASE_CLUSTERS) -> BaseClusters:
    """Group nearby participants; identical points always share a base cluster."""
    if len(points) == 0:
        return BaseClusters(np.zeros(0, np.int64), np.zeros((0, 2)), np.zeros(0))
    # Rounding merges points that differ only by floating-point noise, so "identical voters" are
    # recognised as such and k-means never sees more clusters than distinct points.
    distinct, inverse, counts = np.unique(np.round(points, 9), axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    if len(distinct) <= n_clusters:
        return BaseClusters(inverse.astype(np.int64), distinct.astype(np.float64), counts.astype(np.float64))
    km = KMeans(n_clusters=n_clusters, n_init=1, max_iter=BASE_MAX_ITER, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        km.fit(distinct, sample_weight=counts.astype(np.float64))
    labels_distinct = km.labels_.astype(np.int64)
    weights = np.bincount(labels_distinct, weights=counts, minlength=n_clusters)
    used = np.flatnonzero(weights > 0)  # k-means may leave a cluster empty
    remap = np.full(n_clusters, -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    return BaseClusters(
        labels=remap[labels_distinct][inverse],
        centres=np.asarray(km.cluster_centers_, dtype=np.float64)[used],
        weights=weights[used].astype(np.float64),
    )


def weighted_silhouette(centres: FloatArray, weights: FloatArray, labels: IntArray) -> float:
    """Silhouette of all participants, each standing at their base cluster's centre.

    A base cluster of weight w counts as w coincident points: its own members add distance 0 to
    the within-group mean, so a(i) divides by (group weight - 1). Singletons score 0, as in sklearn.
    """
    dist = np.sqrt(((centres[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2))
    groups = np.unique(labels)
    if len(groups) < 2:
        return 0.0
    # Weighted distance sums from every base cluster to every group.
    onehot = (labels[:, None] == groups[None, :]).astype(np.float64)
    sums = dist @ (onehot * weights[:, None])
    group_weight = onehot.T @ weights
    own = np.searchsorted(groups, labels)
    own_weight = group_weight[own]
    with np.errstate(invalid="ignore", divide="ignore"):
        a = np.where(own_weight > 1, sums[np.arange(len(labels)), own] / np.maximum(own_weight - 1, 1), 0.0)
        other = sums / group_weight[None, :]
    other[np.arange(len(labels)), own] = np.inf
    b = other.min(axis=1)
    denom = np.maximum(a, b)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.where((own_weight > 1) & (denom > 0), (b - a) / denom, 0.0)
    return float(np.sum(s * weights) / np.sum(weights))


def _kmeans_groups(base: BaseClusters, k: int, seed: int) -> IntArray | None:
    if k == len(base.centres):
        labels = np.arange(k, dtype=np.int64)
    else:
        km = KMeans(n_clusters=k, n_init=GROUP_N_INIT, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            km.fit(base.centres, sample_weight=base.weights)
        labels = km.labels_.astype(np.int64)
    if len(np.unique(labels)) != k:
        return None
    return _number_by_size(labels, base)


def _number_by_size(labels: IntArray, base: BaseClusters) -> IntArray:
    """Renumber groups so that group 0 is the largest; ties go to the leftmost centre."""
    groups = np.unique(labels)
    sizes = np.array([base.weights[labels == g].sum() for g in groups])
    xs = np.array([np.average(base.centres[labels == g, 0], weights=base.weights[labels == g]) for g in groups])
    order = np.lexsort((xs, -sizes))
    rank = np.empty(len(groups), dtype=np.int64)
    rank[order] = np.arange(len(groups))
    return rank[np.searchsorted(groups, labels)]


def smooth_k(best_k: int, previous: ClusterState | None, available: set[int]) -> tuple[int, ClusterState]:
    """Pol.is's k-smoother: keep the previous k until a new best k has been seen often enough."""
    prev = previous or ClusterState()
    count = prev.last_k_count + 1 if prev.last_k == best_k else 1
    if count >= K_SMOOTHING_BUFFER or prev.smoothed_k is None:
        smoothed = best_k
    else:
        smoothed = prev.smoothed_k
    # The remembered k may no longer be possible (e.g. fewer base clusters); then use the best one,
    # but remember the remembered k so a later update can still return to it.
    used = smoothed if smoothed in available else best_k
    return used, ClusterState(last_k=best_k, last_k_count=count, smoothed_k=smoothed)


def choose_groups(
    base: BaseClusters, previous: ClusterState | None = None, seed: int = 0, max_groups: int = MAX_GROUPS
) -> GroupChoice | None:
    """Cluster the base clusters for every feasible k, pick k by silhouette, then smooth k.

    Returns None when there is nothing to split: fewer than two distinct opinions.
    """
    n_base = len(base.centres)
    total = float(base.weights.sum())
    candidates: dict[int, IntArray] = {}
    silhouettes: dict[int, float] = {}
    for k in range(MIN_GROUPS, min(max_groups, n_base) + 1):
        if k > total:
            break
        labels = _kmeans_groups(base, k, seed)
        if labels is None:
            continue
        candidates[k] = labels
        silhouettes[k] = weighted_silhouette(base.centres, base.weights, labels)
    if not candidates:
        return None
    # Ties go to the smaller k: fewer groups are easier to read and Pol.is scans k upwards.
    best_k = max(silhouettes, key=lambda kk: (silhouettes[kk], -kk))
    k, state = smooth_k(best_k, previous, set(candidates))
    return GroupChoice(k=k, base_labels=candidates[k], silhouettes=silhouettes, state=state)


def participant_groups(base: BaseClusters, choice: GroupChoice) -> npt.NDArray[np.int64]:
    return choice.base_labels[base.labels]
