"""Two-level k-means as in Pol.is: ~100 base clusters, then 2–5 opinion groups of base clusters.

Clustering base-cluster centres (weighted by their size) instead of every participant keeps the
group step and the silhouette comparison cheap for any conversation size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.cluster import kmeans_plusplus

from brug.opinion.kmeans import lloyd_single, nearest, weighted_kmeans_range
from brug.opinion.matrix import FloatArray, IntArray
from brug.opinion.result import ClusterState

BASE_CLUSTERS = 100
MIN_GROUPS = 2
MAX_GROUPS = 5
# Pol.is's `count-buffer`: a new number of groups is adopted after it was best this many times in a row.
K_SMOOTHING_BUFFER = 4
GROUP_N_INIT = 10
# From this many distinct points on, base clusters are fitted on a sample of BASE_SAMPLE points.
LARGE_MIN_POINTS = 5_000
BASE_SAMPLE = 20_000
BASE_SAMPLE_ROUNDS = 50
BASE_LLOYD_ROUNDS = 10


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
        # (A lexicographic sort and run detection: what np.unique(axis=0) does, without its
        # structured-dtype detour, which cost more than the rest of this step on small inputs.)
        rounded = np.round(coords, 9)
        order = np.lexsort((rounded[:, 1], rounded[:, 0]))
        ordered = rounded[order]
        starts = np.ones(len(ordered), dtype=bool)
        starts[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
        run = np.cumsum(starts) - 1
        inverse = np.empty(len(ordered), dtype=np.int64)
        inverse[order] = run
        counts = np.bincount(run).astype(np.float64)
        return cls(ordered[starts].astype(np.float64), counts, inverse)


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
    if m < LARGE_MIN_POINTS:
        # Base clusters only compress the map, so a plain random start (distinct points drawn by
        # weight) and a bounded number of Lloyd rounds suffice; Pol.is also starts from data points.
        rng = np.random.default_rng(seed)
        start = rng.choice(m, size=n_clusters, replace=False, p=points.weights / points.weights.sum())
        labels, _ = lloyd_single(
            points.coords, points.weights, points.coords[start], max_iter=BASE_LLOYD_ROUNDS
        )
    else:
        # Many distinct points: fit the base centres on a random sample (k-means++ start, then Lloyd)
        # and assign every point to its nearest centre once; the centres are then recomputed from
        # all points below. Base clusters only compress the map, and a sample of this size already
        # places 100 centres well; fitting on all points cost most of the run time on 100,000
        # participants, and scikit-learn's threaded k-means slowed down badly on a busy machine.
        rng = np.random.default_rng(seed)
        sample = rng.choice(m, size=min(m, BASE_SAMPLE), replace=False)
        coords, weights = points.coords[sample], points.weights[sample]
        init, _ = kmeans_plusplus(coords, n_clusters, sample_weight=weights, random_state=seed)
        _, centres = lloyd_single(coords, weights, init, max_iter=BASE_SAMPLE_ROUNDS)
        labels = nearest(points.coords, centres)
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


def centre_distances(centres: FloatArray) -> FloatArray:
    """Euclidean distances between all base-cluster centres, computed once for every k."""
    dx = centres[:, 0, None] - centres[None, :, 0]
    dy = centres[:, 1, None] - centres[None, :, 1]
    dx *= dx
    dy *= dy
    dx += dy
    return np.sqrt(dx, out=dx)


def weighted_silhouette(
    centres: FloatArray, weights: FloatArray, labels: IntArray, dist: FloatArray | None = None
) -> float:
    """Silhouette of all participants, each standing at their base cluster's centre.

    A base cluster of weight w counts as w coincident points: its own members add distance 0 to
    the within-group mean, so a(i) divides by (group weight - 1). Singletons score 0, as in sklearn.
    `labels` are group numbers 0..k-1; `dist` may pass `centre_distances(centres)` precomputed.
    """
    if dist is None:
        dist = centre_distances(centres)
    n = len(labels)
    k = int(labels.max()) + 1 if n else 0
    onehot = np.zeros((n, k))
    onehot[np.arange(n), labels] = weights
    group_weight = onehot.sum(axis=0)
    if np.count_nonzero(group_weight) < 2:
        return 0.0
    sums = dist @ onehot  # weighted distance from each base cluster to each group
    own_weight = group_weight[labels]
    rows = np.arange(n)
    a = np.where(own_weight > 1, sums[rows, labels] / np.maximum(own_weight - 1, 1), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        other = sums / group_weight[None, :]
    other[:, group_weight == 0] = np.inf
    other[rows, labels] = np.inf
    b = other.min(axis=1)
    denom = np.maximum(a, b)
    s = np.where((own_weight > 1) & (denom > 0), (b - a) / np.where(denom > 0, denom, 1.0), 0.0)
    return float(np.sum(s * weights) / np.sum(weights))


def _number_by_size(labels: IntArray, weights: FloatArray, xs: FloatArray) -> IntArray:
    """Renumber groups so that group 0 is the largest; ties go to the leftmost group."""
    n_labels = int(labels.max()) + 1 if len(labels) else 0
    groups = np.flatnonzero(np.bincount(labels, minlength=n_labels))  # labels in use, ascending
    position = np.zeros(n_labels, dtype=np.int64)
    position[groups] = np.arange(len(groups))
    inverse = position[labels]
    sizes = np.bincount(inverse, weights=weights, minlength=len(groups))
    mean_x = np.bincount(inverse, weights=weights * xs, minlength=len(groups)) / np.where(
        sizes > 0, sizes, 1.0
    )
    order = np.lexsort((mean_x, -sizes))
    rank = np.empty(len(groups), dtype=np.int64)
    rank[order] = np.arange(len(groups))
    return rank[inverse]


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
    feasible = list(range(MIN_GROUPS, min(max_groups, n_base) + 1))
    # Every start of every k is fitted in one numpy batch (see kmeans.py); k == n_base is trivial.
    fits = weighted_kmeans_range(
        base.centres, base.weights, [k for k in feasible if k < n_base], GROUP_N_INIT, rng
    )
    dist = centre_distances(base.centres)
    candidates: dict[int, IntArray] = {}
    silhouettes: dict[int, float] = {}
    for k in feasible:
        if k == n_base:
            labels: IntArray = np.arange(k, dtype=np.int64)
        elif k in fits:
            labels = fits[k].labels
        else:
            continue
        candidates[k] = _number_by_size(labels, base.weights, base.centres[:, 0])
        silhouettes[k] = weighted_silhouette(base.centres, base.weights, candidates[k], dist)
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
    mass = np.bincount(point_group, weights=points.weights, minlength=k)
    start = np.stack(
        [
            np.bincount(point_group, weights=points.weights * points.coords[:, d], minlength=k) / mass
            for d in range(2)
        ],
        axis=1,
    )
    refined, _ = lloyd_single(points.coords, points.weights, start)
    if bool(np.all(np.bincount(refined, minlength=k) > 0)):
        # Keep the numbering of the base-level groups (largest first) by renumbering on size again.
        point_group = _number_by_size(refined, points.weights, points.coords[:, 0])
    return point_group[points.index]
