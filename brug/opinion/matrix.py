"""Turn a list of votes into a sparse participants × statements matrix.

The matrix is never made dense: a conversation with 100,000 participants and 2,000 statements would
need 1.6 GB as float64, while its 10 million votes fit in about 60 MB as CSR.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import scipy.sparse as sp

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

# Pol.is places a participant in the opinion map only after this many votes (or after voting on
# every statement when there are fewer).
MIN_VOTES = 7
# Up to this many (participant, statement) cells, duplicates are resolved with a dense table of
# "latest vote" positions (8 bytes a cell) instead of sorting the votes.
DENSE_TABLE_FACTOR = 16
DENSE_TABLE_MIN_CELLS = 1_000_000


@dataclass(frozen=True)
class VoteMatrix:
    """Deduplicated votes in CSR layout.

    `indptr`/`indices`/`values` follow scipy's CSR convention; an entry exists for every vote cast,
    including passes (value 0), so "voted" and "missing" stay distinguishable without NaNs.
    """

    participant_ids: IntArray  # row -> participant id, ascending
    statement_ids: IntArray  # column -> statement id, ascending
    indptr: IntArray
    indices: npt.NDArray[np.int32]
    values: npt.NDArray[np.int8]
    # Pol.is keeps moderated-out statements in its matrix as columns of passes for everyone: they
    # count towards "statements" and every participant's "votes" (see pca.project), and the votes
    # cast on them count for who is in the conversation. These two fields carry that information
    # while the moderated columns themselves are dropped.
    votes_all: IntArray | None = None  # per row: statements voted on, moderated ones included
    n_moderated: int = 0  # moderated-out statements that received votes

    @property
    def n_cols_all(self) -> int:
        return self.n_cols + self.n_moderated

    def votes_including_moderated(self) -> IntArray:
        return self.votes_per_row() if self.votes_all is None else self.votes_all

    @property
    def n_rows(self) -> int:
        return len(self.participant_ids)

    @property
    def n_cols(self) -> int:
        return len(self.statement_ids)

    @property
    def nnz(self) -> int:
        return len(self.values)

    def votes_per_row(self) -> IntArray:
        return np.diff(self.indptr).astype(np.int64)

    def entry_rows(self) -> npt.NDArray[np.int32]:
        """Row index of every stored entry (the CSR counterpart of COO's `row`)."""
        return np.repeat(np.arange(self.n_rows, dtype=np.int32), np.diff(self.indptr))

    def csr(self, data: npt.NDArray[np.floating] | None = None) -> sp.csr_matrix:
        """A scipy CSR matrix with this sparsity pattern and `data` (default: the votes).

        scipy.sparse is imported here, when a large conversation needs it, not at start-up.
        """
        import scipy.sparse as sp

        payload = self.values.astype(np.float64) if data is None else data
        return sp.csr_matrix((payload, self.indices, self.indptr), shape=(self.n_rows, self.n_cols))

    def in_conversation(self) -> npt.NDArray[np.bool_]:
        """Rows of participants who voted enough to be clustered (Pol.is: at least 7 statements,
        or all statements when there are fewer; moderated-out statements count, as in Pol.is)."""
        threshold = min(MIN_VOTES, self.n_cols_all)
        return self.votes_including_moderated() >= max(threshold, 1)


def _as_int_array(name: str, data: Sequence[int] | npt.ArrayLike) -> IntArray:
    array = np.asarray(data)
    if array.ndim != 1:
        array = array.reshape(-1)
    if array.size == 0:
        return np.zeros(0, dtype=np.int64)
    if not np.issubdtype(array.dtype, np.integer):
        if (
            np.issubdtype(array.dtype, np.floating)
            and np.all(np.isfinite(array))
            and np.all(array == np.round(array))
        ):
            return array.astype(np.int64)
        raise ValueError(f"{name} must contain integers")
    return array.astype(np.int64, copy=False)


def _factorize(ids: IntArray) -> tuple[IntArray, IntArray]:
    """Sorted unique ids and the position of every id among them.

    For the usual dense, non-negative database ids a lookup table is an order of magnitude faster
    than np.unique's sort on millions of votes; other ids fall back to np.unique.
    """
    if ids.size == 0:
        return ids.copy(), ids.copy()
    low, high = int(ids.min()), int(ids.max())
    if low >= 0 and high <= 4 * ids.size + 1_000_000:
        present = np.zeros(high + 1, dtype=bool)
        present[ids] = True
        if low == 0 and bool(present.all()):
            # Already 0..n-1 with none missing (typical for generated or renumbered ids).
            return np.arange(high + 1, dtype=np.int64), ids
        uniques = np.flatnonzero(present).astype(np.int64)
        lookup = np.cumsum(present, dtype=np.int64) - 1
        return uniques, lookup[ids]
    uniques, codes = np.unique(ids, return_inverse=True)
    return uniques.astype(np.int64), codes.astype(np.int64).reshape(-1)


def _from_latest_table(
    row_ids: IntArray, col_ids: IntArray, rows: IntArray, cols: IntArray, vals: IntArray
) -> VoteMatrix:
    """CSR via a table with one cell per (participant, statement): the position of the latest vote.

    For the usual conversation (a few thousand participants, a few hundred statements) one pass
    over the table is cheaper than sorting the votes, and reading it row by row gives the CSR order.
    """
    n_rows, n_cols = len(row_ids), len(col_ids)
    key = rows * n_cols + cols
    latest = np.full(n_rows * n_cols, -1, dtype=np.int64)
    np.maximum.at(latest, key, np.arange(len(key), dtype=np.int64))  # last vote wins
    kept_key = np.flatnonzero(latest >= 0)
    indptr = np.searchsorted(kept_key, np.arange(n_rows + 1, dtype=np.int64) * n_cols).astype(np.int64)
    return VoteMatrix(
        participant_ids=row_ids,
        statement_ids=col_ids,
        indptr=indptr,
        indices=(kept_key % n_cols).astype(np.int32),
        values=vals[latest[kept_key]].astype(np.int8),
    )


def build_vote_matrix(
    participant_ids: Sequence[int] | npt.ArrayLike,
    statement_ids: Sequence[int] | npt.ArrayLike,
    values: Sequence[int] | npt.ArrayLike,
    moderated_out: Collection[int] = (),
) -> VoteMatrix:
    """Build the matrix from parallel vote arrays in chronological order.

    A later vote of the same participant on the same statement replaces the earlier one, as in
    Pol.is where changing your vote overwrites it. Moderated-out statements are dropped as columns;
    their votes still count towards who is in the conversation (see `VoteMatrix.votes_all`).
    """
    pids = _as_int_array("participant_ids", participant_ids)
    sids = _as_int_array("statement_ids", statement_ids)
    vals = _as_int_array("values", values)
    if not (len(pids) == len(sids) == len(vals)):
        raise ValueError("participant_ids, statement_ids and values must have the same length")
    if vals.size and (vals.min() < -1 or vals.max() > 1):
        raise ValueError("values must be 1 (agree), -1 (disagree) or 0 (pass)")

    full = _build(pids, sids, vals)
    if not len(moderated_out) or full.n_cols == 0:
        return full
    out = np.isin(full.statement_ids, np.fromiter((int(s) for s in moderated_out), dtype=np.int64))
    if not bool(out.any()):
        return full
    return drop_columns(full, out)


def drop_columns(matrix: VoteMatrix, drop: npt.NDArray[np.bool_]) -> VoteMatrix:
    """The matrix without the columns in `drop`, remembering them as moderated (rows are kept)."""
    keep_entry = ~drop[matrix.indices]
    new_index = np.cumsum(~drop) - 1
    counts = np.bincount(matrix.entry_rows()[keep_entry], minlength=matrix.n_rows)
    indptr = np.zeros(matrix.n_rows + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return VoteMatrix(
        participant_ids=matrix.participant_ids,
        statement_ids=matrix.statement_ids[~drop],
        indptr=indptr,
        indices=new_index[matrix.indices[keep_entry]].astype(np.int32),
        values=matrix.values[keep_entry],
        votes_all=matrix.votes_including_moderated(),
        n_moderated=matrix.n_moderated + int(drop.sum()),
    )


def _build(pids: IntArray, sids: IntArray, vals: IntArray) -> VoteMatrix:
    row_ids, rows = _factorize(pids)
    col_ids, cols = _factorize(sids)
    n_rows, n_cols = len(row_ids), len(col_ids)
    if n_rows == 0:
        return VoteMatrix(
            participant_ids=row_ids,
            statement_ids=col_ids,
            indptr=np.zeros(1, dtype=np.int64),
            indices=np.zeros(0, dtype=np.int32),
            values=np.zeros(0, dtype=np.int8),
        )

    if n_rows * n_cols <= DENSE_TABLE_FACTOR * len(vals) + DENSE_TABLE_MIN_CELLS:
        return _from_latest_table(row_ids, col_ids, rows, cols, vals)

    shape = (n_rows, n_cols)
    # Fast path: scipy's COO -> CSR conversion is a linear-time counting sort. It sums duplicate
    # entries, so if the entry count shrank, some participant voted twice on a statement and the
    # slower path below must decide which vote was last. Votes are stored as 1..3 so a pass is
    # never mistaken for an absent entry.
    import scipy.sparse as sp

    fast = sp.coo_matrix(((vals + 2).astype(np.int8), (rows, cols)), shape=shape).tocsr()
    if fast.nnz == len(vals):
        return VoteMatrix(
            participant_ids=row_ids,
            statement_ids=col_ids,
            indptr=fast.indptr.astype(np.int64),
            indices=fast.indices.astype(np.int32, copy=False),
            values=(fast.data - 2).astype(np.int8),
        )
    del fast

    # One stable sort on (row, column) both orders the entries for CSR and brings repeated votes
    # together with the latest one last in each run.
    key = rows * n_cols + cols
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    is_last = np.ones(len(sorted_key), dtype=bool)
    is_last[:-1] = sorted_key[1:] != sorted_key[:-1]
    kept_key = sorted_key[is_last]
    kept_vals = vals[order[is_last]]
    del key, order, sorted_key, is_last
    kept_rows = kept_key // n_cols
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(kept_rows, minlength=n_rows), out=indptr[1:])
    return VoteMatrix(
        participant_ids=row_ids,
        statement_ids=col_ids,
        indptr=indptr,
        indices=(kept_key - kept_rows * n_cols).astype(np.int32),
        values=kept_vals.astype(np.int8),
    )
