"""Small weighted k-means for 2-D points in plain numpy, many runs at once.

scikit-learn's KMeans costs milliseconds of set-up per call, which dominated the run time on real
conversations (dozens of tiny fits on ≤100 base clusters). Here every start of every k runs in one
batch: centres have shape (runs, k, 2), and a run with fewer groups than the batch pads its centres
far away (`PAD`), where no point is ever nearest. The one large Lloyd run on many points (base
clusters) uses a chunked nearest-centre search instead (`nearest`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from brug.opinion.matrix import FloatArray, IntArray

MAX_ITER = 100


@dataclass(frozen=True)
class KMeansFit:
    labels: IntArray
    centres: FloatArray
    inertia: float


def _sq_dist(points: FloatArray, centres: FloatArray) -> FloatArray:
    """Squared distances, shape (runs, points, centres), for centres of shape (runs, k, 2).

    Written out per coordinate: on these tiny arrays a BLAS product costs more in set-up than the
    arithmetic, and the direct form has no cancellation error.
    """
    dx = points[None, :, 0, None] - centres[:, None, :, 0]
    dx *= dx
    dy = points[None, :, 1, None] - centres[:, None, :, 1]
    dy *= dy
    dx += dy
    return dx


# Coordinate of the padding centres of runs with fewer clusters than the batch: far from every
# point, yet finite so that the expanded distance in `_assign` never computes 0 * inf.
PAD = 1e150


def _assign(points_t: FloatArray, centres: FloatArray) -> IntArray:
    """Nearest centre of every point for every run: labels (runs, m); `points_t` is points.T (2, m).

    Uses |c|² - 2 p·c (|p|² is the same for every centre): one matrix product of the points with
    all centres of all runs, laid out (point, run, centre) so that argmin runs over the last axis.
    Ties go to the lowest centre index.
    """
    runs, k = centres.shape[:2]
    m = points_t.shape[1]
    flat = centres.reshape(runs * k, 2)
    d = (points_t.T * -2.0) @ flat.T  # (m, runs · k)
    d += (flat * flat).sum(axis=1)
    labels: IntArray = d.reshape(m, runs, k).argmin(axis=2).T
    return labels


class _Batch:
    """Per-run bookkeeping for weighted centre updates, built once per batch instead of per round.

    Works for any number of runs up to `runs`: the tiled weights repeat per run, so their prefix
    serves a smaller batch.
    """

    def __init__(self, points: FloatArray, weights: FloatArray, runs: int, k: int) -> None:
        self.m, self.k = len(points), k
        self.offset = (k * np.arange(runs, dtype=np.int64))[:, None]
        self.w = np.tile(weights, runs)
        self.wx = np.tile(points[:, 0] * weights, runs)
        self.wy = np.tile(points[:, 1] * weights, runs)

    def mass(self, labels: IntArray) -> FloatArray:
        runs = labels.shape[0]
        flat = (labels + self.offset[:runs]).ravel()
        mass = np.bincount(flat, weights=self.w[: runs * self.m], minlength=runs * self.k)
        return mass.astype(np.float64, copy=False).reshape(runs, self.k)

    def update(self, labels: IntArray, centres: FloatArray) -> FloatArray:
        """Weighted means per (run, cluster); an empty (or padded) cluster keeps its centre."""
        runs = labels.shape[0]
        n = runs * self.m
        flat = (labels + self.offset[:runs]).ravel()
        size = runs * self.k
        mass = np.bincount(flat, weights=self.w[:n], minlength=size)
        filled = mass > 0
        new = centres.reshape(size, 2).copy()
        new[filled, 0] = np.bincount(flat, weights=self.wx[:n], minlength=size)[filled] / mass[filled]
        new[filled, 1] = np.bincount(flat, weights=self.wy[:n], minlength=size)[filled] / mass[filled]
        return new.reshape(runs, self.k, 2)


def plusplus_init(
    points: FloatArray, weights: FloatArray, k: int, runs: int, rng: np.random.Generator
) -> FloatArray:
    """k-means++ seeding (weighted), `runs` independent seedings at once: shape (runs, k, 2).

    The first j centres of a seeding are themselves a k-means++ seeding for j clusters, so one
    seeding for the largest k serves every smaller k as well.
    """
    m = len(points)
    first = rng.choice(m, size=runs, p=weights / weights.sum())
    centres = np.empty((runs, k, points.shape[1]))
    centres[:, 0] = points[first]
    closest = _sq_dist(points, centres[:, :1])[:, :, 0]
    for j in range(1, k):
        mass = closest * weights[None, :]
        total = mass.sum(axis=1)
        cum = np.cumsum(mass, axis=1)
        # Where every point already coincides with a centre the run ends with an empty cluster
        # and is rejected later; a dummy total avoids dividing by zero meanwhile.
        draw = rng.random(runs) * np.where(total > 0, total, 1.0)
        idx = np.minimum((cum <= draw[:, None]).sum(axis=1), m - 1)
        centres[:, j] = points[idx]
        closest = np.minimum(closest, _sq_dist(points, centres[:, j : j + 1])[:, :, 0])
    return centres


def lloyd(
    points: FloatArray, weights: FloatArray, centres: FloatArray, max_iter: int = MAX_ITER
) -> tuple[FloatArray, IntArray]:
    """Weighted Lloyd iterations for every run in `centres` (runs, k, 2).

    Returns the final centres and every run's assignment to them (runs, m). A centre that loses
    all its points stays where it is; callers reject runs with empty clusters. A run stops as soon
    as its assignment no longer changes (then its centres no longer move) and leaves the batch, so
    the batch shrinks: most runs converge in a handful of rounds.
    """
    runs = centres.shape[0]
    batch = _Batch(points, weights, runs, centres.shape[1])
    points_t = np.ascontiguousarray(points.T)
    final = centres.copy()
    final_labels = np.zeros((runs, len(points)), dtype=np.int64)
    active = np.arange(runs)
    current = final
    labels = _assign(points_t, current)
    for _ in range(max_iter):
        current = batch.update(labels, current)
        new_labels = _assign(points_t, current)  # (active runs, m)
        moving = (new_labels != labels).any(axis=1)
        if not moving.all():
            done = ~moving
            final[active[done]] = current[done]
            final_labels[active[done]] = new_labels[done]
            active, current, new_labels = active[moving], current[moving], new_labels[moving]
            if len(active) == 0:
                break
        labels = new_labels
    else:
        # Out of rounds: the last centres, and the assignment that produced them.
        final[active] = current
        final_labels[active] = labels
    return final, final_labels


def best_runs(
    points: FloatArray, weights: FloatArray, centres: FloatArray, labels: IntArray, ks: IntArray
) -> dict[int, KMeansFit]:
    """Per k, the run with the least weighted inertia among runs that use all k clusters.

    `labels` (runs, m) is each run's assignment to its `centres`; `ks[r]` is the number of real
    (not padded) centres of run r. A k without a run that uses all its clusters is absent.
    """
    runs, width = centres.shape[:2]
    own = centres[np.arange(runs)[:, None], labels]  # (runs, m, 2): each point's own centre
    own -= points[None]
    own *= own
    inertia = (own[:, :, 0] + own[:, :, 1]) @ weights
    members = np.bincount((labels + width * np.arange(runs)[:, None]).ravel(), minlength=runs * width)
    used = np.count_nonzero(members.reshape(runs, width), axis=1)
    inertia = np.where(used == ks, inertia, np.inf)
    fits: dict[int, KMeansFit] = {}
    for k in sorted(set(ks.tolist())):
        candidates = np.flatnonzero(ks == k)
        best = int(candidates[np.argmin(inertia[candidates])])
        if np.isfinite(inertia[best]):
            fits[int(k)] = KMeansFit(
                labels=labels[best].astype(np.int64), centres=centres[best, :k], inertia=float(inertia[best])
            )
    return fits


def weighted_kmeans_range(
    points: FloatArray, weights: FloatArray, ks: list[int], n_init: int, rng: np.random.Generator
) -> dict[int, KMeansFit]:
    """Best of `n_init` k-means++ starts for every k in `ks`, all fitted in one batch.

    A k is missing from the result when none of its starts ends with k non-empty clusters.
    """
    if not ks:
        return {}
    width = max(ks)
    seeds = plusplus_init(points, weights, width, n_init, rng)
    centres = np.full((len(ks) * n_init, width, 2), PAD)
    run_k = np.repeat(np.asarray(ks, dtype=np.int64), n_init)
    for i, k in enumerate(ks):
        centres[i * n_init : (i + 1) * n_init, :k] = seeds[:, :k]
    final, labels = lloyd(points, weights, centres)
    return best_runs(points, weights, final, labels, run_k)


def weighted_kmeans(
    points: FloatArray, weights: FloatArray, k: int, n_init: int, rng: np.random.Generator
) -> KMeansFit | None:
    """Best of `n_init` k-means++ starts by weighted inertia; None when no start gives k clusters."""
    return weighted_kmeans_range(points, weights, [k], n_init, rng).get(k)


NEAREST_CHUNK = 65_536


def nearest(points: FloatArray, centres: FloatArray) -> IntArray:
    """Index of the nearest centre for every point; ties go to the lowest index.

    Squared distances written out per coordinate (no cancellation error), in chunks of points so
    that the (points × centres) table stays small. Plain numpy: scipy.cluster would pull in
    scipy.spatial, a large share of a short command's start-up time.
    """
    m = len(points)
    out = np.empty(m, dtype=np.int64)
    cx, cy = centres[None, :, 0], centres[None, :, 1]
    for start in range(0, m, NEAREST_CHUNK):
        chunk = points[start : start + NEAREST_CHUNK]
        dx = chunk[:, 0, None] - cx
        dx *= dx
        dy = chunk[:, 1, None] - cy
        dy *= dy
        dx += dy
        out[start : start + NEAREST_CHUNK] = dx.argmin(axis=1)
    return out


def lloyd_single(
    points: FloatArray, weights: FloatArray, centres: FloatArray, max_iter: int = MAX_ITER
) -> tuple[IntArray, FloatArray]:
    """Weighted Lloyd iterations of one run with many centres; returns final labels and centres.

    Stops when the assignment no longer changes; an emptied centre stays where it is.
    """
    k = len(centres)
    wx, wy = points[:, 0] * weights, points[:, 1] * weights
    labels = nearest(points, centres)
    for _ in range(max_iter):
        mass = np.bincount(labels, weights=weights, minlength=k)
        filled = mass > 0
        centres = centres.copy()
        centres[filled, 0] = np.bincount(labels, weights=wx, minlength=k)[filled] / mass[filled]
        centres[filled, 1] = np.bincount(labels, weights=wy, minlength=k)[filled] / mass[filled]
        new_labels = nearest(points, centres)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
    return labels, centres
