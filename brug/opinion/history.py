"""Updates that start from the previous computation, as Pol.is computes a live conversation.

Pol.is recomputes after every batch of new votes and carries its clusters from one update to the
next (`conversation.clj`, `clusters.clj`):
- who is in the conversation is sticky: once in, always in (`in-conv`), and while fewer than 15 are
  in, the most active others are added (`greedy-n`);
- the base clusters and, for every k, the group clusters start from the previous update's
  clusters (`kmeans` with `:last-clusters`, prepared by `clean-start-clusters`: every old cluster
  is recentred on its members' new positions, clusters with identical centres are merged, and while
  there are fewer clusters than min(k, distinct points) the point farthest from every centre is split
  off into a new cluster); new clusters get the next free id, so ids persist between updates;
- k-means rounds: every point to its nearest centre, empty clusters dropped, centres to the
  (weighted) mean of their members, until the sorted centres moved less than 0.01 or after
  `max_iters` + 1 rounds; the members are those of the last assignment.
Everything here works on numpy arrays; no loop runs over participants or votes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from brug.opinion.clustering import (
    BASE_CLUSTERS,
    BASE_ITERS,
    GROUP_ITERS,
    MIN_GROUPS,
    centre_distances,
    max_groups,
    number_by_size,
    smooth_k,
)
from brug.opinion.matrix import MIN_VOTES, FloatArray, IntArray
from brug.opinion.result import ClusterState

SAME_CLUSTERING = 0.01
GREEDY_N = 15


CHUNK = 65_536  # points per block: the (points × centres) table stays below ~50 MB


def nearest_centre(points: FloatArray, centres: FloatArray) -> IntArray:
    """Index of the nearest centre of every point (one matrix product; ties to the lowest index).

    |p - c|² = |p|² - 2 p·c + |c|²; |p|² is the same for every centre of a point, so it is left out.
    Ten times cheaper than the written-out differences on 2,000 points × 100 centres, which matters
    when a conversation is replayed update by update. Large inputs go in blocks of `CHUNK` points.
    """
    scaled = -2.0 * centres.T
    norms = np.einsum("ij,ij->i", centres, centres)[None, :]
    if len(points) <= CHUNK:
        table = points @ scaled
        table += norms
        return table.argmin(axis=1).astype(np.int64)
    out = np.empty(len(points), dtype=np.int64)
    for start in range(0, len(points), CHUNK):
        table = points[start : start + CHUNK] @ scaled
        table += norms
        out[start : start + CHUNK] = table.argmin(axis=1)
    return out


def min_distance(points: FloatArray, centres: FloatArray) -> FloatArray:
    """Exact distance from every point to its nearest centre (written out, in blocks)."""
    out = np.empty(len(points))
    for start in range(0, len(points), CHUNK):
        block = points[start : start + CHUNK]
        dx = block[:, 0, None] - centres[None, :, 0]
        dy = block[:, 1, None] - centres[None, :, 1]
        out[start : start + CHUNK] = np.sqrt((dx * dx + dy * dy).min(axis=1))
    return out


def _means(
    labels: IntArray, n: int, points: FloatArray, weights: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Weighted centre and total weight of every label 0..n-1 (labels < 0 are left out)."""
    use = labels >= 0
    lab, w = labels[use], weights[use]
    mass: FloatArray = np.bincount(lab, weights=w, minlength=n).astype(np.float64)
    centres = np.empty((n, 2))
    safe = np.where(mass > 0, mass, np.nan)  # an empty cluster gets a NaN centre
    centres[:, 0] = np.bincount(lab, weights=w * points[use, 0], minlength=n) / safe
    centres[:, 1] = np.bincount(lab, weights=w * points[use, 1], minlength=n) / safe
    return centres, mass


def same_clustering(old: FloatArray, new: FloatArray) -> bool:
    """Pol.is `same-clustering?`: the centres, each list sorted, pairwise closer than 0.01
    (pairs are zipped, so a dropped centre only shortens the comparison)."""
    a = old[np.lexsort((old[:, 1], old[:, 0]))]
    b = new[np.lexsort((new[:, 1], new[:, 0]))]
    n = min(len(a), len(b))
    moved = np.sqrt(((a[:n] - b[:n]) ** 2).sum(axis=1))
    return bool(np.all(moved < SAME_CLUSTERING))


def n_distinct(points: FloatArray) -> int:
    if len(points) == 0:
        return 0
    return int(len(np.unique(points, axis=0)))


def first_distinct(points: FloatArray, k: int) -> FloatArray:
    """The first k distinct rows in order (Pol.is `init-clusters`)."""
    _, first = np.unique(points, axis=0, return_index=True)
    return points[np.sort(first)[:k]]


@dataclass(frozen=True)
class Clustering:
    labels: IntArray  # cluster id of every point
    ids: IntArray  # cluster ids, ascending
    centres: FloatArray  # centre of each id, aligned with `ids`
    weights: FloatArray  # total weight of each id (participants, for base clusters)


def clean_start(
    points: FloatArray, weights: FloatArray, previous: IntArray, k: int
) -> tuple[IntArray, FloatArray]:
    """Pol.is `clean-start-clusters`: starting clusters (ids, centres) from the previous members.

    `previous` holds the previous cluster id of every point, -1 for points that were in no cluster.
    """
    known = previous >= 0
    if not bool(known.any()):
        # Pol.is: nothing left of the old clusters -> one cluster of everyone, with the next id.
        centre, _ = _means(np.zeros(len(points), dtype=np.int64), 1, points, weights)
        return np.array([0], dtype=np.int64), centre
    ids, members = np.unique(previous[known], return_inverse=True)
    labels = np.full(len(points), -1, dtype=np.int64)
    labels[known] = members
    centres, _ = _means(labels, len(ids), points, weights)
    # uniqify: clusters with identical centres merge into one, in id order; the merged cluster
    # takes the id of the one with more members (ties: the later one, as Clojure's max-key).
    order = np.lexsort((centres[:, 1], centres[:, 0]))
    ordered = centres[order]
    dup = np.all(ordered[1:] == ordered[:-1], axis=1)
    if bool(dup.any()):
        counts = np.bincount(labels[known], minlength=len(ids))
        run = np.r_[0, np.cumsum(~dup)]  # identical-centre run of every cluster in `order`
        winner = np.arange(len(ids))
        for r in np.unique(run[np.r_[dup, False] | np.r_[False, dup]]).tolist():  # only the few merges
            members = np.sort(order[run == r])
            best, total = int(members[0]), int(counts[members[0]])
            for j in members[1:].tolist():
                if counts[j] >= total:
                    best = j
                total += int(counts[j])
            winner[members] = best
        keep = np.unique(winner)
        position = np.full(len(ids), -1, dtype=np.int64)
        position[keep] = np.arange(len(keep))
        labels = np.where(labels >= 0, position[winner[np.maximum(labels, 0)]], -1)
        ids = ids[keep]
        centres, _ = _means(labels, len(ids), points, weights)
    possible = min(k, n_distinct(points)) if len(ids) < k else len(ids)
    next_id = int(ids.max()) + 1
    ids_list = ids.tolist()
    while len(ids_list) < possible:
        # The point farthest from every centre (ties: the last one) starts a new cluster.
        dist = min_distance(points, centres)
        far = len(dist) - 1 - int(np.argmax(dist[::-1]))
        if not dist[far] > 0:
            break
        labels[far] = len(ids_list)
        ids_list.append(next_id)
        next_id += 1
        centres, mass = _means(labels, len(ids_list), points, weights)
        if not bool((mass > 0).all()):  # a cluster lost its only member: drop it
            used = mass > 0
            labels = np.where(labels >= 0, (np.cumsum(used) - 1)[np.maximum(labels, 0)], -1)
            ids_list = [i for i, u in zip(ids_list, used.tolist(), strict=True) if u]
            centres = centres[used]
    return np.asarray(ids_list, dtype=np.int64), centres


def warm_kmeans(
    points: FloatArray,
    weights: FloatArray,
    previous: IntArray | None,
    k: int,
    max_iters: int,
) -> Clustering:
    """Pol.is `kmeans`: from the previous clusters (`previous`: old id per point, -1 = none) via
    `clean_start`, or, without previous clusters, from the first k distinct points (ids 0..k-1)."""
    if previous is None:
        centres = first_distinct(points, k)
        ids = np.arange(len(centres), dtype=np.int64)
    else:
        ids, centres = clean_start(points, weights, previous, k)
    for round_ in range(max_iters + 1):
        assign = nearest_centre(points, centres)
        new_centres, mass = _means(assign, len(ids), points, weights)
        used = np.bincount(assign, minlength=len(ids)) > 0
        done = same_clustering(centres, new_centres[used])
        if not bool(used.all()):
            remap = np.cumsum(used) - 1
            assign = remap[assign]
            ids, new_centres, mass = ids[used], new_centres[used], mass[used]
        centres = new_centres
        if done or round_ == max_iters:
            break
    return Clustering(labels=ids[assign], ids=ids, centres=centres, weights=mass)


def sticky_in_conv(previous: np.ndarray, votes: IntArray, n_statements: int) -> np.ndarray:
    """Pol.is `in-conv`: the previous set, plus everyone with at least min(7, statements) votes;
    while fewer than 15 are in, the most active others (ties: the earlier arrival = lower row)."""
    threshold = max(min(MIN_VOTES, n_statements), 1)
    in_conv = previous | (votes >= threshold)
    missing = GREEDY_N - int(in_conv.sum())
    if missing > 0:
        out = np.flatnonzero(~in_conv & (votes > 0))
        take = out[np.argsort(-votes[out], kind="stable")[:missing]]
        in_conv = in_conv.copy()
        in_conv[take] = True
    return in_conv


@dataclass(frozen=True)
class Update:
    """One warm-started clustering update (the part of Pol.is's `conv-update` after the projection)."""

    base: Clustering  # base clusters of the points
    clusterings: dict[int, Clustering]  # k -> group clusters of the base clusters
    silhouettes: dict[int, float]
    k: int
    group_of_base: IntArray  # group (numbered by size, largest 0) of every base cluster in `base.ids` order
    smoother: ClusterState


def lookup(keys: IntArray, values: IntArray, wanted: IntArray) -> IntArray:
    """values[keys == w] for every w in `wanted` (keys sorted), -1 where a key is missing."""
    if len(keys) == 0:
        return np.full(len(wanted), -1, dtype=np.int64)
    pos = np.clip(np.searchsorted(keys, wanted), 0, len(keys) - 1)
    found = keys[pos] == wanted
    return np.where(found, values[pos], -1).astype(np.int64)


def group_clusterings_warm(
    base: Clustering, previous_groupings: dict[int, tuple[IntArray, IntArray]], ks: range
) -> dict[int, Clustering]:
    """`warm_kmeans` of the base clusters for every k, the usual case for all k at once.

    The usual case: every base cluster already had a group for this k and there are k groups, so
    `clean_start` only recentres them; then the k-means rounds of all those k run as one batch (a
    run stops on its own once converged). Every other k (new base clusters, no previous groups,
    identical centres) goes through `warm_kmeans` on its own.
    """
    out: dict[int, Clustering] = {}
    batch: list[tuple[int, IntArray, IntArray]] = []
    for k in ks:
        last = previous_groupings.get(k)
        prev = None if last is None else lookup(last[0], last[1], base.ids)
        if prev is not None and len(prev) and int(prev.min()) >= 0:
            gids, slot = np.unique(prev, return_inverse=True)
            if len(gids) == k:
                batch.append((k, gids, slot.reshape(-1)))
                continue
        out[k] = warm_kmeans(base.centres, base.weights, prev, k, GROUP_ITERS)
    if batch:
        out.update(_batched_kmeans(base.centres, base.weights, batch, GROUP_ITERS))
    return out


def _batched_kmeans(
    points: FloatArray, weights: FloatArray, runs: list[tuple[int, IntArray, IntArray]], max_iters: int
) -> dict[int, Clustering]:
    """Pol.is k-means rounds for several k at once, each starting from its recentred previous groups.

    `runs`: (k, group ids, slot of every point among those ids). Centres have shape (runs, K, 2);
    a slot that is not (or no longer) a cluster is masked out of every distance.
    """
    r_count, n = len(runs), len(points)
    width = max(k for k, _, _ in runs)
    row = np.arange(r_count)[:, None]
    slots = np.stack([slot for _, _, slot in runs])  # (R, n)
    valid = np.arange(width)[None, :] < np.array([k for k, _, _ in runs])[:, None]

    def means(assign: IntArray) -> tuple[FloatArray, FloatArray]:
        flat = (row * width + assign).reshape(-1)
        w = np.broadcast_to(weights, (r_count, n)).reshape(-1)
        mass: FloatArray = (
            np.bincount(flat, weights=w, minlength=r_count * width).reshape(r_count, width).astype(np.float64)
        )
        safe = np.where(mass > 0, mass, np.nan)
        cx = np.bincount(flat, weights=w * np.tile(points[:, 0], r_count), minlength=r_count * width)
        cy = np.bincount(flat, weights=w * np.tile(points[:, 1], r_count), minlength=r_count * width)
        centres = np.stack([cx.reshape(r_count, width) / safe, cy.reshape(r_count, width) / safe], axis=2)
        return centres, mass

    centres, _ = means(slots)
    # clean_start's uniqify: a run with two identical centres merges clusters -> handled one by one.
    same = np.all(centres[:, :, None, :] == centres[:, None, :, :], axis=3)
    same &= valid[:, :, None] & valid[:, None, :] & ~np.eye(width, dtype=bool)[None]
    odd = same.any(axis=(1, 2))
    out: dict[int, Clustering] = {}
    for r in np.flatnonzero(odd).tolist():
        k, gids, slot = runs[r]
        out[k] = warm_kmeans(points, weights, gids[slot], k, max_iters)
    active = ~odd
    final_assign = np.zeros((r_count, n), dtype=np.int64)
    final_centres = centres.copy()
    final_mass = np.zeros((r_count, width))
    for round_ in range(max_iters + 1):
        if not bool(active.any()):
            break
        cc = np.where(valid[:, :, None], centres, 0.0)
        table = np.einsum("nd,rkd->rnk", points, -2.0 * cc) + np.einsum("rkd,rkd->rk", cc, cc)[:, None, :]
        table[~np.broadcast_to(valid[:, None, :], table.shape)] = np.inf
        assign = table.argmin(axis=2)
        new_centres, mass = means(assign)
        used = mass > 0
        # Pol.is same-clustering?: both centre lists sorted, zipped to the shorter, all moved < 0.01.
        old_s = _sorted_centres(centres, valid)
        new_s = _sorted_centres(new_centres, used)
        shorter = np.minimum(valid.sum(axis=1), used.sum(axis=1))
        moved = np.sqrt(((old_s - new_s) ** 2).sum(axis=2))
        close = (moved < SAME_CLUSTERING) | (np.arange(width)[None, :] >= shorter[:, None])
        done = close.all(axis=1) | (round_ == max_iters)
        stop = active & done
        final_assign[stop], final_centres[stop], final_mass[stop] = (
            assign[stop],
            new_centres[stop],
            mass[stop],
        )
        centres = np.where(active[:, None, None], new_centres, centres)
        valid = np.where(active[:, None], used, valid)
        active &= ~done
    for r, (k, gids, _) in enumerate(runs):
        if odd[r]:
            continue
        used = final_mass[r] > 0
        out[k] = Clustering(
            labels=gids[final_assign[r]],
            ids=gids[used[: len(gids)]],
            centres=final_centres[r][used],
            weights=final_mass[r][used],
        )
    return out


def _sorted_centres(centres: FloatArray, valid: np.ndarray) -> FloatArray:
    """Each run's valid centres sorted by x, then y (invalid ones last)."""
    x = np.where(valid, centres[:, :, 0], np.inf)
    y = np.where(valid, centres[:, :, 1], np.inf)
    order = np.lexsort((y, x), axis=-1)
    ordered = np.take_along_axis(np.stack([x, y], axis=2), order[:, :, None], axis=1)
    ordered[~np.isfinite(ordered)] = 0.0  # beyond the shorter list: not compared
    return ordered


def silhouettes_of(dist: FloatArray, index: dict[int, IntArray]) -> dict[int, float]:
    """`polis_silhouette` for several clusterings of the same base clusters at once."""
    ks = list(index)
    labels = np.stack([index[k] for k in ks])  # (R, n)
    r_count, n = labels.shape
    width = int(labels.max()) + 1
    onehot = np.zeros((r_count, n, width))
    onehot[np.arange(r_count)[:, None], np.arange(n)[None, :], labels] = 1.0
    size = onehot.sum(axis=1)  # (R, width)
    sums = dist[None] @ onehot  # (R, n, width)
    rows = np.arange(n)[None, :]
    runs = np.arange(r_count)[:, None]
    own = size[runs, labels]
    a = sums[runs, rows, labels] / np.maximum(own - 1, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        other = sums / size[:, None, :]
    other = np.where((size == 0)[:, None, :], np.inf, other)
    other[runs, rows, labels] = np.inf
    b = other.min(axis=2)
    denom = np.maximum(a, b)
    s = np.where((own > 1) & (denom > 0), (b - a) / np.where(denom > 0, denom, 1.0), 0.0)
    return {k: float(v) for k, v in zip(ks, s.mean(axis=1).tolist(), strict=True)}


def update_groups(
    points: FloatArray,
    previous_base: IntArray | None,
    previous_groupings: dict[int, tuple[IntArray, IntArray]],
    smoother: ClusterState | None,
) -> Update | None:
    """Base clusters and groups of the points (participants in the conversation, in arrival order).

    `previous_base`: the previous base cluster id of every point (-1: none), or None when there are no
    previous base clusters; `previous_groupings`: k -> (base ids, their group ids) of the previous
    update. Returns None when there is nothing to split (fewer than two distinct base clusters).
    """
    base = warm_kmeans(points, np.ones(len(points)), previous_base, BASE_CLUSTERS, BASE_ITERS)
    n_base = len(base.ids)
    found = group_clusterings_warm(base, previous_groupings, range(MIN_GROUPS, max_groups(n_base) + 1))
    clusterings = {k: c for k, c in found.items() if len(c.ids) >= 2}
    if not clusterings:
        return None
    dist = centre_distances(base.centres)
    index = {k: np.searchsorted(c.ids, c.labels) for k, c in clusterings.items()}
    silhouettes = silhouettes_of(dist, index)
    best_k = max(silhouettes, key=lambda kk: (silhouettes[kk], kk))
    k, state = smooth_k(best_k, smoother, set(clusterings))
    group_of_base = number_by_size(index[k], base.weights, base.centres[:, 0])
    return Update(base, clusterings, silhouettes, int(group_of_base.max()) + 1, group_of_base, state)
