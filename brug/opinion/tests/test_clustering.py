"""The numpy k-means and silhouette against scikit-learn, and the sampled base step on many points."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import silhouette_score

from brug.opinion.clustering import LARGE_MIN_POINTS, Points, base_clusters, weighted_silhouette
from brug.opinion.kmeans import weighted_kmeans, weighted_kmeans_range


def _blobs(n_per_blob: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = np.array([[-3.0, 0.0], [3.0, 0.0], [0.0, 4.0]])
    return np.concatenate([c + rng.normal(scale=0.6, size=(n_per_blob, 2)) for c in centres])


def test_weighted_silhouette_equals_sklearn_on_the_expanded_points() -> None:
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(12, 2))
    weights = rng.integers(1, 5, size=12).astype(np.float64)
    labels = np.array([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2])
    expanded = np.repeat(centres, weights.astype(int), axis=0)
    expanded_labels = np.repeat(labels, weights.astype(int))
    assert np.isclose(
        weighted_silhouette(centres, weights, labels), silhouette_score(expanded, expanded_labels)
    )


def test_batched_kmeans_finds_the_blobs_for_every_k_and_matches_a_single_k_fit() -> None:
    points = _blobs(30)
    weights = np.ones(len(points))
    fits = weighted_kmeans_range(points, weights, [2, 3, 4], 10, np.random.default_rng(0))
    assert set(fits) == {2, 3, 4}
    truth = np.repeat(np.arange(3), 30)
    three = fits[3].labels
    # Every blob is one cluster (up to numbering).
    assert all(len(set(three[truth == b].tolist())) == 1 for b in range(3))
    assert fits[2].inertia > fits[3].inertia > fits[4].inertia
    single = weighted_kmeans(points, weights, 3, 10, np.random.default_rng(0))
    assert single is not None and np.isclose(single.inertia, fits[3].inertia)


def test_many_distinct_points_are_compressed_into_at_most_100_base_clusters() -> None:
    coords = _blobs(LARGE_MIN_POINTS // 2, seed=1)
    points = Points.from_coords(coords)
    assert len(points.coords) >= LARGE_MIN_POINTS
    base = base_clusters(points, seed=0)
    assert len(base.centres) <= 100
    assert base.weights.sum() == len(coords)
    assert base.labels.min() == 0 and base.labels.max() == len(base.centres) - 1
    # Every centre is the weighted mean of its members.
    for b in range(len(base.centres)):
        members = points.coords[base.labels == b]
        assert np.allclose(members.mean(axis=0), base.centres[b])
    # The same seed gives the same base clusters.
    assert np.array_equal(base_clusters(points, seed=0).labels, base.labels)
