"""The sparse PCA must equal a plain dense PCA of the mean-imputed matrix."""

from __future__ import annotations

import numpy as np
import pytest

from brug.opinion import pca as pca_module
from brug.opinion.matrix import build_vote_matrix
from brug.opinion.pca import fit_pca, project
from brug.opinion.tests.helpers import latent_groups


def dense_reference(pids: np.ndarray, sids: np.ndarray, vals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Textbook version: dense matrix with NaNs, mean imputation, SVD of the centred matrix."""
    rows, r_idx = np.unique(pids, return_inverse=True)
    cols, c_idx = np.unique(sids, return_inverse=True)
    dense = np.full((len(rows), len(cols)), np.nan)
    dense[r_idx, c_idx] = vals
    means = np.nanmean(dense, axis=0)
    imputed = np.where(np.isnan(dense), means, dense)
    centred = imputed - imputed.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return vt[:2], centred @ vt[:2].T


def assert_same_up_to_sign(a: np.ndarray, b: np.ndarray) -> None:
    for i in range(a.shape[0]):
        sign = 1.0 if np.dot(a[i], b[i]) >= 0 else -1.0
        np.testing.assert_allclose(a[i], sign * b[i], atol=1e-6)


@pytest.mark.parametrize("method", ["exact", "subspace"])
def test_sparse_pca_matches_dense_pca_of_the_imputed_matrix(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if method == "subspace":
        monkeypatch.setattr(pca_module, "EXACT_MAX_STATEMENTS", 0)
    pids, sids, vals = latent_groups(300, 40, 15, seed=4)
    matrix = build_vote_matrix(pids, sids, vals)
    fitted = fit_pca(matrix)
    # The reference gets the deduplicated votes, so both sides see the same matrix.
    ref_components, ref_coords = dense_reference(
        matrix.participant_ids[matrix.entry_rows()], matrix.statement_ids[matrix.indices], matrix.values
    )
    assert_same_up_to_sign(fitted.components, ref_components)
    unscaled = (
        project(matrix, fitted)
        / np.sqrt(
            (matrix.n_cols + pca_module.SCALE_PSEUDO_VOTES)
            / (matrix.votes_per_row() + pca_module.SCALE_PSEUDO_VOTES)
        )[:, None]
    )
    assert_same_up_to_sign(unscaled.T, ref_coords.T)


def test_light_voters_are_stretched_outwards_but_less_than_undamped() -> None:
    pids, sids, vals = latent_groups(200, 30, 20, seed=2)
    matrix = build_vote_matrix(pids, sids, vals)
    fitted = fit_pca(matrix)
    damped = project(matrix, fitted)
    undamped = project(matrix, fitted, pseudo_votes=0)
    raw = project(matrix, fitted, pseudo_votes=1e12)
    radius = [np.linalg.norm(x, axis=1).mean() for x in (raw, damped, undamped)]
    assert radius[0] < radius[1] < radius[2]


def test_a_matrix_without_variation_has_zero_components_and_projections() -> None:
    matrix = build_vote_matrix([1, 1, 2, 2], [1, 2, 1, 2], [1, 1, 1, 1])
    fitted = fit_pca(matrix)
    assert np.all(project(matrix, fitted) == 0)
