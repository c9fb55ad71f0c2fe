"""PCA of the mean-imputed vote matrix without ever building it densely.

Pol.is fills every missing vote with the statement's mean vote and then centres each column. The
imputed value *is* the column mean, so after centring every missing entry is exactly zero: the
centred matrix has the same sparsity pattern as the votes, with value `vote - mean` where a vote was
cast. PCA of that sparse matrix equals PCA of the dense imputed one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import scipy.sparse as sp

from brug.opinion.matrix import FloatArray, IntArray, VoteMatrix

# Exact eigendecomposition of the (statements × statements) covariance is cheapest while the
# statement count is small and the sparse product X^T X stays cheap; beyond that we iterate.
EXACT_MAX_STATEMENTS = 1_000
EXACT_MAX_WORK = 50_000_000
DENSE_MAX_CELLS = 4_000_000  # 32 MB as float64  # sum over participants of (votes cast)^2, the cost of X^T X
SMALL_EIGH = 300  # up to this many statements a full numpy eigh is cheaper than importing scipy
SUBSPACE_OVERSAMPLING = 8
SUBSPACE_MAX_ITER = 200
# The iteration runs in single precision (half the memory traffic of the sparse products, which are
# all of its cost); its rounding noise is ~1e-7 relative, so it stops at this relative residual.
SUBSPACE_TOL_FLOAT32 = 1e-5
# From this many votes on, the projection is one sparse product instead of per-component bincounts.
PROJECT_SPARSE_MIN_NNZ = 5_000_000


@dataclass(frozen=True)
class PcaResult:
    means: FloatArray  # per statement, over the rows used for fitting
    components: FloatArray  # (n_components, n_statements), orthonormal rows
    explained_variance: FloatArray  # (n_components,)


def column_means(matrix: VoteMatrix, rows: npt.NDArray[np.bool_] | None = None) -> FloatArray:
    """Mean vote per statement among the votes cast (the value Pol.is imputes for missing votes)."""
    if rows is None:  # every row: no mask (two copies of every vote saved on large conversations)
        cols, votes = matrix.indices, matrix.values
    else:
        mask = rows[matrix.entry_rows()]
        cols, votes = matrix.indices[mask], matrix.values[mask]
    sums = np.bincount(cols, weights=votes.astype(np.float64), minlength=matrix.n_cols)
    counts = np.bincount(cols, minlength=matrix.n_cols)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / np.maximum(counts, 1), 0.0)
    return means.astype(np.float64)


def centred_csr(matrix: VoteMatrix, means: FloatArray, dtype: type = np.float64) -> sp.csr_matrix:
    """The mean-imputed, centred matrix: `vote - mean` where voted, 0 elsewhere."""
    data: npt.NDArray[np.floating] = (matrix.values.astype(np.float64) - means[matrix.indices]).astype(
        dtype, copy=False
    )
    return matrix.csr(data)


def _flip_signs(components: FloatArray) -> FloatArray:
    """Make each component's largest entry positive so repeated runs give the same picture."""
    flipped = components.copy()
    for i, row in enumerate(flipped):
        if row.size and row[np.argmax(np.abs(row))] < 0:
            flipped[i] = -row
    return flipped


def _dense_centred(matrix: VoteMatrix, means: FloatArray, rows: IntArray | None) -> FloatArray:
    """The centred, mean-imputed matrix as a dense array, built without scipy (small inputs)."""
    dense = np.zeros((matrix.n_rows, matrix.n_cols))
    dense[matrix.entry_rows(), matrix.indices] = matrix.values.astype(np.float64) - means[matrix.indices]
    return dense if rows is None else dense[rows]


def _top_eigen_of_cov(cov: FloatArray, n_components: int) -> tuple[FloatArray, FloatArray]:
    n_cols = cov.shape[0]
    if n_cols <= SMALL_EIGH:
        evals, evecs = np.linalg.eigh(cov)
        evals, evecs = evals[n_cols - n_components :], evecs[:, n_cols - n_components :]
    else:
        import scipy.linalg  # only for many statements: a partial eigendecomposition pays off

        lo = max(n_cols - n_components, 0)
        evals, evecs = scipy.linalg.eigh(cov, subset_by_index=(lo, n_cols - 1))
    order = np.argsort(evals)[::-1]
    return evals[order], evecs[:, order].T


def _top_eigen_exact(x: sp.csr_matrix, n_components: int) -> tuple[FloatArray, FloatArray]:
    n_rows, n_cols = x.shape
    if n_rows * n_cols <= DENSE_MAX_CELLS:
        # Small enough to densify: one BLAS product beats scipy's sparse-sparse product.
        dense = x.toarray()
        cov = dense.T @ dense
    else:
        cov = (x.T @ x).toarray()
    return _top_eigen_of_cov(cov, n_components)


def _top_eigen_subspace(x: sp.csr_matrix, n_components: int, seed: int) -> tuple[FloatArray, FloatArray]:
    """Block subspace iteration on X^T X using only sparse products with X and X^T.

    Oversampling the block makes convergence depend on the gap between the 2nd and the ~10th
    eigenvalue instead of the 2nd and 3rd, which keeps the iteration count low on real data.
    """
    n_cols = x.shape[1]
    block = min(n_cols, n_components + SUBSPACE_OVERSAMPLING)
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(rng.standard_normal((n_cols, block)))
    if x.dtype != np.float32:
        x = x.astype(np.float32)
    q = q.astype(np.float32)
    # x.T is a free CSC view; its product with a dense block scatters along x's rows, which was
    # 3x faster than converting to CSR and gathering.
    xt = x.T
    evals = np.zeros(block)
    ritz = q
    for _ in range(SUBSPACE_MAX_ITER):
        z = xt @ (x @ q)  # (X^T X) Q
        h = q.T @ z
        h = (h + h.T) / 2
        w, v = np.linalg.eigh(h)
        order = np.argsort(w)[::-1]
        evals, v = w[order], v[:, order]
        ritz = q @ v
        top = max(float(evals[0]), 1e-300)
        residual = z @ v[:, :n_components] - ritz[:, :n_components] * evals[:n_components]
        if float(np.max(np.linalg.norm(residual, axis=0))) <= SUBSPACE_TOL_FLOAT32 * top:
            break
        q, _ = np.linalg.qr(z)
    # Orthonormal again in double precision (the float32 vectors are orthonormal to ~1e-7 only).
    vecs, _ = np.linalg.qr(ritz[:, :n_components].astype(np.float64))
    vecs *= np.sign(np.sum(vecs * ritz[:, :n_components], axis=0))
    return evals[:n_components].astype(np.float64), vecs.T


def fit_pca(
    matrix: VoteMatrix,
    rows: npt.NDArray[np.bool_] | None = None,
    n_components: int = 2,
    seed: int = 0,
) -> PcaResult:
    """Principal components of the mean-imputed votes of `rows` (default: every participant)."""
    n_cols = matrix.n_cols
    means = column_means(matrix, rows)
    k = min(n_components, n_cols)
    components = np.zeros((n_components, n_cols))
    variance = np.zeros(n_components)
    row_index = None if rows is None else np.flatnonzero(rows)
    n_fit = matrix.n_rows if row_index is None else len(row_index)
    if k == 0 or n_fit == 0 or matrix.nnz == 0:
        return PcaResult(means=means, components=components, explained_variance=variance)

    if n_cols <= EXACT_MAX_STATEMENTS and matrix.n_rows * n_cols <= DENSE_MAX_CELLS:
        # The usual conversation: dense numpy only, no scipy import at all (start-up time counts
        # for a short command).
        dense = _dense_centred(matrix, means, row_index)
        evals, vecs = _top_eigen_of_cov(dense.T @ dense, k)
    else:
        per_row = matrix.votes_per_row() if row_index is None else matrix.votes_per_row()[row_index]
        work = int(np.sum(per_row**2))
        exact = n_cols <= EXACT_MAX_STATEMENTS and work <= EXACT_MAX_WORK
        x = centred_csr(matrix, means, np.float64 if exact else np.float32)
        if row_index is not None:
            x = x[row_index]
        if exact:
            evals, vecs = _top_eigen_exact(x, k)
        else:
            evals, vecs = _top_eigen_subspace(x, k, seed)
    components[:k] = _flip_signs(vecs)
    variance[:k] = np.maximum(evals, 0.0) / max(n_fit - 1, 1)
    return PcaResult(means=means, components=components, explained_variance=variance)


def project(matrix: VoteMatrix, pca: PcaResult) -> FloatArray:
    """Participant coordinates with Pol.is's sparsity-aware scaling (`sparsity-aware-project-ptpt`).

    A participant who voted on few statements sits near the centre only because the imputed means
    pull them there; Pol.is stretches their projection by sqrt(statements / votes cast) to undo it.
    Pol.is keeps moderated-out statements as columns of passes for everyone, so they count both as
    statements and as votes of every participant; Brug drops those columns but counts them here
    (`VoteMatrix.n_moderated`), which gives exactly Pol.is's factor.
    """
    if matrix.n_rows == 0:
        return np.zeros((0, pca.components.shape[0]))
    # Sum over each participant's votes of (vote - mean) · component.
    centred = matrix.values.astype(np.float64) - pca.means[matrix.indices]
    if matrix.nnz >= PROJECT_SPARSE_MIN_NNZ:
        # One pass over the votes for both components (scipy is loaded on this path anyway).
        coords = np.asarray(matrix.csr(centred) @ pca.components.T)
    else:  # the usual conversation: no scipy import
        rows = matrix.entry_rows()
        coords = np.stack(
            [
                np.bincount(rows, weights=centred * comp[matrix.indices], minlength=matrix.n_rows)
                for comp in pca.components
            ],
            axis=1,
        )
    votes = matrix.votes_per_row().astype(np.float64) + matrix.n_moderated
    scale = np.sqrt(matrix.n_cols_all / np.maximum(votes, 1.0))
    scaled: FloatArray = coords.astype(np.float64) * scale[:, None]
    return scaled
