"""Two-level k-means as Pol.is does it: up to 100 base clusters, then 2–5 opinion groups of them.

Follows Pol.is's `clusters.clj` and `conversation.clj`:
- k-means starts from the first k *distinct* points in participant order (`init-clusters`), drops a
  cluster that loses all its members, and stops when no centre moves more than 0.01
  (`same-clustering?`) or after `max_iters` rounds (100 for base clusters, 20 for groups);
- the group step clusters the base-cluster centres weighted by their member counts, for every k from
  2 to min(5, 2 + base clusters // 12) (`max-k-fn`);
- k is chosen by the plain (unweighted) silhouette over the base clusters, ties to the larger k
  (Clojure's `max-key`), and then smoothed over updates (`group-k-smoother`);
- every participant gets the group of their base cluster.
No random numbers are used below 5,000 distinct points, so the same votes always give the same groups.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from brug.opinion.kmeans import lloyd_single, nearest, plusplus_init
from brug.opinion.matrix import FloatArray, IntArray
from brug.opinion.result import ClusterState

BASE_CLUSTERS = 100
BASE_ITERS = 100
GROUP_ITERS = 20  # Pol.is passes :cluster-iters, which kmeans ignores; its default max-iters is 20
SAME_CLUSTERING = 0.01
MIN_GROUPS = 2
MAX_GROUPS = 5
# Pol.is's `count-buffer`: a new number of groups is adopted after it was best this many times in a row.
K_SMOOTHING_BUFFER = 4
# From this many distinct points on, base clusters are fitted on a sample of BASE_SAMPLE points.
LARGE_MIN_POINTS = 5_000
BASE_SAMPLE = 20_000
BASE_SAMPLE_ROUNDS = 50


@dataclass(frozen=True)
class Points:
    """Participants' coordinates with identical points merged (weight = how many participants).

    `first` is the smallest participant position among each distinct point's participants, so
    `np.argsort(first)` lists the distinct points in participant order, as Pol.is's `distinct` does.
    """

    coords: FloatArray  # (m, 2) distinct points
    weights: FloatArray  # (m,)
    index: IntArray  # participant -> distinct point
    first: IntArray  # distinct point -> first participant position

    @classmethod
    def from_coords(cls, coords: FloatArray, arrival: IntArray | None = None) -> Points:
        """`arrival` ranks the participants (default: their position in `coords`)."""
        if len(coords) == 0:
            empty = np.zeros(0, dtype=np.int64)
            return cls(np.zeros((0, 2)), np.zeros(0), empty, empty)
        # Rounding merges points that differ only by floating-point noise, so identical voters are
        # recognised as such and k-means never looks for more clusters than there are points.
        rounded = np.round(coords, 9)
        order = np.lexsort((rounded[:, 1], rounded[:, 0]))
        ordered = rounded[order]
        starts = np.ones(len(ordered), dtype=bool)
        starts[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
        run = np.cumsum(starts) - 1
        inverse = np.empty(len(ordered), dtype=np.int64)
        inverse[order] = run
        counts = np.bincount(run).astype(np.float64)
        rank = order if arrival is None else np.asarray(arrival, dtype=np.int64)[order]
        first = np.full(len(counts), np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(first, run, rank)
        return cls(ordered[starts].astype(np.float64), counts, inverse, first)


@dataclass(frozen=True)
class BaseClusters:
    labels: IntArray  # base cluster of every distinct point
    centres: FloatArray  # (b, 2), in Pol.is's id order (the order of their starting points)
    weights: FloatArray  # participants per base cluster


@dataclass(frozen=True)
class GroupChoice:
    k: int
    base_labels: IntArray  # group of every base cluster, numbered by size (largest group = 0)
    silhouettes: dict[int, float]
    state: ClusterState
    clusterings: dict[int, IntArray] | None = None  # every k's group of each base cluster


def polis_kmeans(
    points: FloatArray, weights: FloatArray, centres: FloatArray, max_iters: int
) -> tuple[IntArray, FloatArray]:
    """Pol.is's weighted k-means from the given starting centres.

    Each round assigns every point to its nearest centre and moves each centre to the weighted mean
    of its members; a centre without members is dropped. Stops when no centre moved more than
    `SAME_CLUSTERING`, or after `max_iters` + 1 rounds. Returns labels 0..c-1 and the c centres.
    """
    for round_ in range(max_iters + 1):
        labels = nearest(points, centres)
        k = len(centres)
        mass = np.bincount(labels, weights=weights, minlength=k)
        used = mass > 0
        sums = np.stack(
            [np.bincount(labels, weights=points[:, d] * weights, minlength=k) for d in range(2)], axis=1
        ).astype(np.float64)
        new: FloatArray = sums[used] / mass[used, None]
        if bool(used.all()):
            moved = np.sqrt(((new - centres) ** 2).sum(axis=1))
            done = bool(np.all(moved < SAME_CLUSTERING))
        else:
            done = False
        centres = new
        if done or round_ == max_iters:
            break
    labels = nearest(points, centres)
    # A centre can end up without members after the last move; drop it and renumber.
    present = np.bincount(labels, minlength=len(centres)) > 0
    if not bool(present.all()):
        remap = np.cumsum(present) - 1
        labels, centres = remap[labels], centres[present]
    return labels.astype(np.int64), centres


def _first_distinct(coords: FloatArray, order: IntArray, k: int) -> FloatArray:
    """The first k distinct rows of `coords` taken in `order` (Pol.is `init-clusters`)."""
    chosen: list[int] = []
    seen: set[tuple[float, float]] = set()
    for i in order.tolist():
        key = (float(coords[i, 0]), float(coords[i, 1]))
        if key not in seen:
            seen.add(key)
            chosen.append(i)
            if len(chosen) == k:
                break
    return coords[chosen]


def base_clusters(points: Points, seed: int = 0, n_clusters: int = BASE_CLUSTERS) -> BaseClusters:
    """Up to `n_clusters` base clusters of the distinct points, numbered in participant order."""
    m = len(points.coords)
    by_first = np.argsort(points.first, kind="stable")
    if m <= n_clusters:
        labels = np.empty(m, dtype=np.int64)
        labels[by_first] = np.arange(m)
        return BaseClusters(labels, points.coords[by_first], points.weights[by_first])
    if m < LARGE_MIN_POINTS:
        start = points.coords[by_first[:n_clusters]]
        labels, _ = polis_kmeans(points.coords, points.weights, start, BASE_ITERS)
    else:
        # Many distinct points: fit the base centres on a random sample (k-means++ start, then Lloyd)
        # and assign every point to its nearest centre once; the centres are then recomputed from
        # all points below. Base clusters only compress the map, and a sample of this size already
        # places 100 centres well; fitting on all points cost most of the run time on 100,000
        # participants. (Pol.is itself keeps its base clusters from update to update.)
        rng = np.random.default_rng(seed)
        sample = np.sort(rng.choice(m, size=min(m, BASE_SAMPLE), replace=False))
        coords, weights = points.coords[sample], points.weights[sample]
        init = plusplus_init(coords, weights, n_clusters, 1, rng)[0]
        _, centres = lloyd_single(coords, weights, init, max_iter=BASE_SAMPLE_ROUNDS)
        labels = nearest(points.coords, centres)
    weights = np.bincount(labels, weights=points.weights, minlength=n_clusters).astype(np.float64)
    used = np.flatnonzero(weights > 0)  # k-means may leave a cluster empty
    # Number the clusters by their earliest participant, as Pol.is numbers them by starting point.
    earliest = np.full(n_clusters, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(earliest, labels, points.first)
    used = used[np.argsort(earliest[used], kind="stable")]
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


def polis_silhouette(dist: FloatArray, labels: IntArray) -> float:
    """Pol.is's silhouette: the plain mean over base clusters, each counted once whatever its size.

    a = mean distance to the other base clusters of the same group, b = the smallest mean distance
    to another group; a base cluster alone in its group scores 0.
    """
    n = len(labels)
    k = int(labels.max()) + 1 if n else 0
    if k < 2:
        return 0.0
    onehot = np.zeros((n, k))
    onehot[np.arange(n), labels] = 1.0
    size = onehot.sum(axis=0)
    sums = dist @ onehot  # distance from each base cluster to each group, summed
    rows = np.arange(n)
    own = size[labels]
    a = sums[rows, labels] / np.maximum(own - 1, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        other = sums / size[None, :]
    other[:, size == 0] = np.inf
    other[rows, labels] = np.inf
    b = other.min(axis=1)
    denom = np.maximum(a, b)
    s = np.where((own > 1) & (denom > 0), (b - a) / np.where(denom > 0, denom, 1.0), 0.0)
    return float(s.mean())


def weighted_silhouette(
    centres: FloatArray, weights: FloatArray, labels: IntArray, dist: FloatArray | None = None
) -> float:
    """Silhouette of all participants, each standing at their base cluster's centre (for the bench)."""
    if dist is None:
        dist = centre_distances(centres)
    n = len(labels)
    k = int(labels.max()) + 1 if n else 0
    onehot = np.zeros((n, k))
    onehot[np.arange(n), labels] = weights
    group_weight = onehot.sum(axis=0)
    if np.count_nonzero(group_weight) < 2:
        return 0.0
    sums = dist @ onehot
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


def number_by_size(labels: IntArray, weights: FloatArray, xs: FloatArray) -> IntArray:
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


def max_groups(n_base: int, max_k: int = MAX_GROUPS) -> int:
    """Pol.is's `max-k-fn`: at most 2 + one group per 12 base clusters, and at most 5."""
    return min(max_k, 2 + n_base // 12, n_base)


def group_clusterings(base: BaseClusters, max_k: int = MAX_GROUPS) -> dict[int, IntArray]:
    """Pol.is's group k-means of the base clusters for every k from 2 to `max_groups`.

    A k whose run ends with fewer than two groups is left out.
    """
    n_base = len(base.centres)
    out: dict[int, IntArray] = {}
    for k in range(MIN_GROUPS, max_groups(n_base, max_k) + 1):
        start = _first_distinct(base.centres, np.arange(n_base), k)
        if len(start) < k:
            break
        labels, _ = polis_kmeans(base.centres, base.weights, start, GROUP_ITERS)
        if int(labels.max()) >= 1:
            out[k] = labels
    return out


def choose_groups(
    base: BaseClusters, previous: ClusterState | None = None, seed: int = 0, max_groups: int = MAX_GROUPS
) -> GroupChoice | None:
    """Cluster the base clusters for every feasible k, pick k by silhouette, then smooth k.

    Returns None when there is nothing to split: fewer than two distinct opinions.
    """
    clusterings = group_clusterings(base, max_groups)
    if not clusterings:
        return None
    dist = centre_distances(base.centres)
    silhouettes = {k: polis_silhouette(dist, labels) for k, labels in clusterings.items()}
    # Ties go to the larger k, as Clojure's max-key returns the last of equal keys.
    best_k = max(silhouettes, key=lambda kk: (silhouettes[kk], kk))
    k, state = smooth_k(best_k, previous, set(clusterings))
    labels = number_by_size(clusterings[k], base.weights, base.centres[:, 0])
    return GroupChoice(
        k=int(labels.max()) + 1,
        base_labels=labels,
        silhouettes=silhouettes,
        state=state,
        clusterings=clusterings,
    )


def participant_groups(points: Points, base: BaseClusters, choice: GroupChoice) -> IntArray:
    """Group of every participant: the group of their base cluster (as in Pol.is)."""
    return choice.base_labels[base.labels][points.index]
