"""Small weighted k-means for 2-D points, vectorised over several random starts.

scikit-learn's KMeans costs milliseconds of set-up per call, which dominated the run time on
real conversations (dozens of tiny fits on ≤100 base clusters). This plain numpy version runs all
starts of one k at once; sklearn is still used for the one large fit (see clustering.py).
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
    """Squared distances, shape (runs, points, centres), for centres of shape (runs, k, dim).

    Expanded as |p|² - 2 p·c + |c|², clipped at 0 against rounding.
    """
    # Element-wise per dimension rather than a BLAS product: the matrices are tiny, and BLAS's
    # thread start-up cost more than the arithmetic on a 2-core machine.
    out = (points * points).sum(axis=1)[None, :, None] + (centres * centres).sum(axis=2)[:, None, :]
    for d in range(points.shape[1]):
        out -= 2.0 * points[None, :, d, None] * centres[:, None, :, d]
    return np.maximum(out, 0.0, out=out)


def _update(points: FloatArray, weights: FloatArray, labels: IntArray, centres: FloatArray) -> FloatArray:
    """Weighted means of the points per (run, cluster); empty clusters keep their centre."""
    runs, k, dim = centres.shape
    flat = (labels + k * np.arange(runs)[:, None]).ravel()
    w = np.tile(weights, runs)
    mass = np.bincount(flat, weights=w, minlength=runs * k).reshape(runs, k)
    new = centres.copy()
    filled = mass > 0
    for d in range(dim):
        sums = np.bincount(flat, weights=w * np.tile(points[:, d], runs), minlength=runs * k).reshape(runs, k)
        new[:, :, d][filled] = sums[filled] / mass[filled]
    return new


def plusplus_init(
    points: FloatArray, weights: FloatArray, k: int, runs: int, rng: np.random.Generator
) -> FloatArray:
    """k-means++ seeding (weighted), `runs` independent seedings at once: shape (runs, k, dim)."""
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
) -> FloatArray:
    """Weighted Lloyd iterations for every run in `centres` (runs, k, dim); returns final centres.

    A centre that loses all its points stays where it is; callers reject runs with empty clusters.
    """
    labels: IntArray | None = None
    for _ in range(max_iter):
        new_labels = _sq_dist(points, centres).argmin(axis=2)  # (runs, m)
        # Unchanged assignments mean unchanged centres: Lloyd has converged exactly.
        if labels is not None and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        centres = _update(points, weights, labels, centres)
    return centres


def weighted_kmeans(
    points: FloatArray, weights: FloatArray, k: int, n_init: int, rng: np.random.Generator
) -> KMeansFit | None:
    """Best of `n_init` k-means++ starts by weighted inertia; None when no start gives k clusters."""
    centres = lloyd(points, weights, plusplus_init(points, weights, k, n_init, rng))
    return best_run(points, weights, centres)


def best_run(points: FloatArray, weights: FloatArray, centres: FloatArray) -> KMeansFit | None:
    k = centres.shape[1]
    dist = _sq_dist(points, centres)
    labels = dist.argmin(axis=2)
    inertia = (dist.min(axis=2) * weights[None, :]).sum(axis=1)
    full = np.array([len(np.unique(lab)) == k for lab in labels])
    if not full.any():
        return None
    inertia = np.where(full, inertia, np.inf)
    best = int(np.argmin(inertia))
    return KMeansFit(
        labels=labels[best].astype(np.int64), centres=centres[best], inertia=float(inertia[best])
    )
