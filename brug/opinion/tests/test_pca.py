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


def assert_same_up_to_sign(a: np.ndarray, b: np.ndarray, atol: float = 1e-6) -> None:
    for i in range(a.shape[0]):
        sign = 1.0 if np.dot(a[i], b[i]) >= 0 else -1.0
        np.testing.assert_allclose(a[i], sign * b[i], atol=atol)


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
    # The subspace iteration (large conversations only) runs in single precision.
    atol = 1e-6 if method == "exact" else 1e-4
    assert_same_up_to_sign(fitted.components, ref_components, atol)
    unscaled = (
        project(matrix, fitted) / np.sqrt(matrix.n_cols / np.maximum(matrix.votes_per_row(), 1))[:, None]
    )
    assert_same_up_to_sign(unscaled.T, ref_coords.T, atol * 10)


def test_moderated_statements_count_as_passes_of_everyone_in_the_stretch() -> None:
    """Pol.is keeps a moderated statement as a column of passes: sqrt(all / (cast + moderated))."""
    pids, sids, vals = latent_groups(60, 12, 6, seed=2)
    plain = build_vote_matrix(pids, sids, vals)
    moderated = build_vote_matrix(pids, sids, vals, moderated_out={int(plain.statement_ids[0])})
    assert moderated.n_cols == plain.n_cols - 1 and moderated.n_moderated == 1
    coords = project(moderated, fit_pca(moderated))
    unscaled = coords / np.sqrt(plain.n_cols / (moderated.votes_per_row() + 1.0))[:, None]
    raw = np.asarray(
        pca_module.centred_csr(moderated, fit_pca(moderated).means) @ fit_pca(moderated).components.T
    )
    assert np.allclose(unscaled, raw)


def test_the_sparse_projection_of_large_conversations_equals_the_plain_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pids, sids, vals = latent_groups(200, 30, 12, seed=5)
    matrix = build_vote_matrix(pids, sids, vals, moderated_out={3})
    fitted = fit_pca(matrix)
    plain = project(matrix, fitted)
    monkeypatch.setattr(pca_module, "PROJECT_SPARSE_MIN_NNZ", 0)
    np.testing.assert_allclose(project(matrix, fitted), plain, atol=1e-12)
