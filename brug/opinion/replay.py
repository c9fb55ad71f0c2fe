"""Replay a conversation's votes update by update, as Pol.is computed it while people voted.

Pol.is's math worker polls the database for new votes once a second (`:poller :votes
:polling-interval 1000` in polismath's `components/config.clj`) and runs one `conv-update` over
each batch, starting from the previous update's state (see `brug.opinion.history`). An export with
vote times therefore fixes Pol.is's history: one update per second of vote time that has votes.
`replay` computes exactly that chain of `compute(..., previous=state)` calls, but keeps the vote
matrix, its column sums and the products behind the PCA up to date incrementally, warm-starts the
PCA from the previous components, and only builds the full result (representative statements,
consensus, counts) once, at the last update.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from brug.opinion.engine import (
    MIN_PARTICIPANTS_FOR_GROUPS,
    MIN_STATEMENTS_FOR_GROUPS,
    VoteInput,
    _controller,
    compute,
)
from brug.opinion.history import sticky_in_conv, update_groups
from brug.opinion.matrix import FloatArray, IntArray, _as_int_array
from brug.opinion.pca import _flip_signs
from brug.opinion.result import ClusterState, OpinionResult

# Pol.is's vote poller runs once a second: one update per second of vote time.
POLIS_POLL_MS = 1000.0
# Warm-started subspace iteration for the PCA: block size, tolerance (relative residual) and the
# number of rounds after which an exact eigendecomposition is used instead.
BLOCK = 3
KRYLOV_DEGREE = 3
RESIDUAL_TOL = 1e-9
MAX_ROUNDS = 25


@dataclass(frozen=True)
class ReplayResult:
    result: OpinionResult  # the last update, as `compute` returns it
    n_updates: int
    k_per_update: tuple[int, ...]  # groups after each update (0 = no groups yet)
    previous: ClusterState | None = None  # the state the last update started from


def update_ends(timestamps: npt.NDArray[np.float64], window: float) -> IntArray:
    """End position (exclusive) of every update: votes sorted by time, one update per `window` of
    vote time (counted from the first vote) that holds votes."""
    if timestamps.size == 0:
        return np.zeros(0, dtype=np.int64)
    bucket = np.floor((timestamps - timestamps[0]) / window).astype(np.int64)
    return (np.flatnonzero(np.r_[bucket[1:] != bucket[:-1], True]) + 1).astype(np.int64)


class _Pca:
    """Top two principal components of the mean-imputed votes, warm-started between updates.

    Block Krylov iteration from the previous update's leading Ritz vectors: Rayleigh-Ritz on
    [Q, CQ, C²Q, C³Q] until the two leading Ritz pairs have a relative residual below
    `RESIDUAL_TOL` (usually 2–4 rounds, as one vote barely moves the components); an exact
    eigendecomposition when there is no previous block or it does not converge.
    """

    def __init__(self) -> None:
        self.block: FloatArray | None = None

    def components(self, cov: FloatArray) -> FloatArray:
        q = self.block
        if q is not None and q.shape[0] == cov.shape[0]:
            for _ in range(MAX_ROUNDS):
                blocks = [q]
                for _ in range(KRYLOV_DEGREE):
                    blocks.append(cov @ blocks[-1])
                basis, _ = np.linalg.qr(np.hstack(blocks))
                cb = cov @ basis
                h = basis.T @ cb
                w, v = np.linalg.eigh((h + h.T) / 2)
                w, v = w[::-1], v[:, ::-1]
                ritz = basis @ v
                residual = cb @ v[:, :2] - ritz[:, :2] * w[:2]
                q = ritz[:, :BLOCK]
                if float(np.max(np.linalg.norm(residual, axis=0))) <= RESIDUAL_TOL * max(float(w[0]), 1e-300):
                    self.block = q
                    return _flip_signs(ritz[:, :2].T.copy())
        w, v = np.linalg.eigh(cov)
        v = v[:, np.argsort(w)[::-1]]
        self.block = v[:, : min(BLOCK, v.shape[1])].copy()
        return _flip_signs(v[:, :2].T.copy())


def replay(
    participant_ids: VoteInput,
    statement_ids: VoteInput,
    values: VoteInput,
    timestamps: npt.ArrayLike,
    *,
    moderated_out: Collection[int] = (),
    window: float = POLIS_POLL_MS,
    reload_gap: float | None = None,
    reload_at_end: bool = False,
    seed: int = 0,
) -> ReplayResult:
    """The opinion map after replaying the votes in updates of `window` time units (default one
    second for Pol.is's millisecond timestamps), each update starting from the previous one.

    `reload_gap` (same unit; None = never): an update that comes at least this long after the
    previous vote starts its groups and k smoother afresh, keeping in-conv and the base clusters,
    as Pol.is does when it loads a conversation again (conv_man `restructure-json-conv`), e.g. after
    a restart: its poller only picks up conversations with votes in the last 10 days.
    `reload_at_end`: the last update starts its groups and k smoother afresh in the same way (Pol.is's
    stored result usually comes from an update after such a reload; see bench/results/opinion.md).

    The result equals chaining `compute` over the growing vote prefixes with `previous=` the state
    of the update before (up to rounding in the warm-started PCA, ~1e-10).
    """
    pids = _as_int_array("participant_ids", participant_ids)
    sids = _as_int_array("statement_ids", statement_ids)
    vals = _as_int_array("values", values)
    stamps = np.asarray(timestamps, dtype=np.float64).reshape(-1)
    if not (len(pids) == len(sids) == len(vals) == len(stamps)):
        raise ValueError("participant_ids, statement_ids, values and timestamps must have the same length")
    if vals.size and (vals.min() < -1 or vals.max() > 1):
        raise ValueError("values must be 1 (agree), -1 (disagree) or 0 (pass)")
    order = np.lexsort((sids, pids, stamps))
    pids, sids, vals, stamps = pids[order], sids[order], vals[order], stamps[order]
    ends = update_ends(stamps, window)
    moderated = frozenset(int(s) for s in moderated_out)
    if len(ends) <= 1:
        result = compute(pids, sids, vals, moderated_out=moderated, seed=seed, timestamps=stamps)
        return ReplayResult(result, len(ends), (result.k,), None)

    with _controller().limit(limits=1, user_api="blas"):  # tiny matrices: threads only cost
        return _replay(pids, sids, vals, stamps, ends, moderated, seed, reload_gap, reload_at_end)


def _replay(
    pids: IntArray,
    sids: IntArray,
    vals: IntArray,
    stamps: npt.NDArray[np.float64],
    ends: IntArray,
    moderated: frozenset[int],
    seed: int,
    reload_gap: float | None = None,
    reload_at_end: bool = False,
) -> ReplayResult:
    first = compute(
        pids[: ends[0]],
        sids[: ends[0]],
        vals[: ends[0]],
        moderated_out=moderated,
        seed=seed,
        timestamps=stamps[: ends[0]],
    )
    ks = [first.k]
    chain = _Chain(pids, sids, vals, moderated)
    chain.add(0, int(ends[0]))
    chain.take_state(first.state)
    gap = np.full(len(ends), -np.inf)
    gap[1:] = stamps[ends[:-1]] - stamps[ends[:-1] - 1]  # first vote of an update - last vote before
    reload = gap >= (np.inf if reload_gap is None else reload_gap)
    for i, (start, end) in enumerate(zip(ends[:-2].tolist(), ends[1:-1].tolist(), strict=True), start=1):
        chain.add(start, end)
        if reload[i]:
            chain.reload()
        ks.append(chain.update())
    if reload[-1] or reload_at_end:
        chain.reload()
    previous = chain.state()
    result = compute(
        pids, sids, vals, moderated_out=moderated, previous=previous, seed=seed, timestamps=stamps
    )
    ks.append(result.k)
    return ReplayResult(result, len(ends), tuple(ks), previous)


class _Chain:
    """The growing conversation in dense arrays, rows in order of arrival (Pol.is's row order)."""

    def __init__(self, pids: IntArray, sids: IntArray, vals: IntArray, moderated: frozenset[int]) -> None:
        self.pid_of_row, first = np.unique(pids, return_index=True)
        arrival = np.argsort(first, kind="stable")
        self.pid_of_row = self.pid_of_row[arrival]  # row -> participant id, in arrival order
        rank = np.empty(len(arrival), dtype=np.int64)
        rank[arrival] = np.arange(len(arrival))
        _, code = np.unique(pids, return_inverse=True)
        self.rows = rank[code.reshape(-1)]
        col_ids, col = np.unique(sids, return_inverse=True)
        col = col.reshape(-1)
        is_mod = np.isin(col_ids, np.fromiter(moderated, dtype=np.int64, count=len(moderated)))
        kept = np.cumsum(~is_mod) - 1
        self.cols = col  # every statement
        self.kept_col = np.where(is_mod[col], -1, kept[col])  # column among the kept statements
        self.is_mod_col = is_mod
        self.vals = vals.astype(np.float64)
        n, m, mk = len(arrival), len(col_ids), int((~is_mod).sum())
        self.V = np.zeros((n, mk))  # vote, 0 where none
        self.M = np.zeros((n, mk))  # 1 where voted
        self.voted = np.zeros((n, m), dtype=bool)  # every statement, moderated ones included
        self.votes_all = np.zeros(n, dtype=np.int64)
        self.col_seen = np.zeros(m, dtype=bool)
        self.S = np.zeros((mk, mk))  # V^T V
        self.A = np.zeros((mk, mk))  # V^T M
        self.N = np.zeros((mk, mk))  # M^T M
        self.colsum = np.zeros(mk)
        self.colcount = np.zeros(mk)
        self.n_seen = 0
        self.pca = _Pca()
        self.in_conv = np.zeros(n, dtype=bool)
        self.base_of = np.full(n, -1, dtype=np.int64)
        self.has_base = False
        self.groupings: dict[int, tuple[IntArray, IntArray]] = {}
        self.base_ids = np.zeros(0, dtype=np.int64)
        self.smoother = ClusterState()

    def add(self, start: int, end: int) -> None:
        """Votes [start, end): the last vote per participant and statement counts."""
        rows, cols = self.rows[start:end], self.cols[start:end]
        # The last vote per participant and statement within the batch (votes are in time order).
        key = rows * self.voted.shape[1] + cols
        _, last_rev = np.unique(key[::-1], return_index=True)
        last = (end - start - 1) - last_rev
        rows, cols = rows[last], cols[last]
        kcols, vals = self.kept_col[start:end][last], self.vals[start:end][last]
        new = ~self.voted[rows, cols]
        self.voted[rows, cols] = True
        self.votes_all += np.bincount(rows[new], minlength=len(self.votes_all))
        self.col_seen[cols] = True
        self.n_seen = max(self.n_seen, int(rows.max()) + 1)
        keep = kcols >= 0
        if not bool(keep.any()):
            return
        r = np.unique(rows[keep])
        c = np.unique(kcols[keep])  # the statements whose cells change
        old_v, old_m = self.V[r], self.M[r]
        self.V[rows[keep], kcols[keep]] = vals[keep]
        self.M[rows[keep], kcols[keep]] = 1.0
        new_v, new_m = self.V[r], self.M[r]
        # X'X changes by D'X_new + X_old'D for D = X_new - X_old, which is zero outside the
        # columns `c`: only those rows and columns of the products move (no m × m work per vote).
        dv, dm = (new_v - old_v)[:, c], (new_m - old_m)[:, c]
        self.S[c, :] += dv.T @ new_v
        self.S[:, c] += old_v.T @ dv
        self.A[c, :] += dv.T @ new_m
        self.A[:, c] += old_v.T @ dm
        self.N[c, :] += dm.T @ new_m
        self.N[:, c] += old_m.T @ dm
        self.colsum[c] += dv.sum(axis=0)
        self.colcount[c] += dm.sum(axis=0)

    def take_state(self, state: ClusterState) -> None:
        self.smoother = state.smoother
        rows_by_pid = np.argsort(self.pid_of_row)
        sorted_pids = self.pid_of_row[rows_by_pid]
        in_conv = np.asarray(state.in_conv, dtype=np.int64)
        self.in_conv[:] = False
        self.base_of[:] = -1
        if in_conv.size:
            rows = rows_by_pid[np.searchsorted(sorted_pids, in_conv)]
            self.in_conv[rows] = True
            if state.base_of:
                self.base_of[rows] = np.asarray(state.base_of, dtype=np.int64)
        self.has_base = bool(state.base_of)
        base_ids = np.asarray(state.base_ids, dtype=np.int64)
        self.base_ids = base_ids
        self.groupings = {k: (base_ids, np.asarray(g, dtype=np.int64)) for k, g in state.groupings}

    def state(self) -> ClusterState:
        rows = np.flatnonzero(self.in_conv)
        pids = self.pid_of_row[rows]
        order = np.argsort(pids)
        base_ids = self.base_ids
        return ClusterState(
            last_k=self.smoother.last_k,
            last_k_count=self.smoother.last_k_count,
            smoothed_k=self.smoother.smoothed_k,
            history=True,
            in_conv=tuple(pids[order].tolist()),
            base_of=tuple(self.base_of[rows][order].tolist()) if self.has_base else (),
            base_ids=tuple(base_ids.tolist()) if self.has_base else (),
            groupings=tuple((k, tuple(g.tolist())) for k, (_, g) in sorted(self.groupings.items()))
            if self.has_base
            else (),
        )

    def reload(self) -> None:
        """Forget the per-k group clusterings and the k smoother (Pol.is reloading the conversation)."""
        self.groupings = {}
        self.smoother = ClusterState()

    def _reset_clusters(self) -> int:
        self.base_of[:] = -1
        self.has_base = False
        self.base_ids = np.zeros(0, dtype=np.int64)
        self.groupings = {}
        return 0

    def update(self) -> int:
        """One warm-started update over the votes so far; returns the number of groups (0: none)."""
        n = self.n_seen
        seen = self.colcount > 0
        n_cols = int(seen.sum())
        n_mod = int((self.col_seen & self.is_mod_col).sum())
        n_cols_all = n_cols + n_mod
        self.in_conv[:n] = sticky_in_conv(self.in_conv[:n], self.votes_all[:n], n_cols_all)
        conv_rows = np.flatnonzero(self.in_conv[:n])
        if len(conv_rows) < MIN_PARTICIPANTS_FOR_GROUPS or n_cols < MIN_STATEMENTS_FOR_GROUPS:
            return self._reset_clusters()
        mean = np.where(seen, self.colsum / np.maximum(self.colcount, 1.0), 0.0)
        am = self.A * mean[None, :]
        cov = self.S - am - am.T + self.N * np.outer(mean, mean)
        comps = self.pca.components(cov)  # (2, kept statements)
        v, m = self.V[conv_rows], self.M[conv_rows]
        coords = v @ comps.T - m @ (comps * mean[None, :]).T
        votes = m.sum(axis=1) + n_mod
        coords *= np.sqrt(n_cols_all / np.maximum(votes, 1.0))[:, None]
        previous_base = self.base_of[conv_rows] if self.has_base else None
        result = update_groups(coords, previous_base, self.groupings, self.smoother)
        if result is None:
            self.smoother = self.smoother.smoother
            return self._reset_clusters()
        self.base_of[:] = -1
        self.base_of[conv_rows] = result.base.labels
        self.has_base = True
        self.base_ids = result.base.ids
        self.groupings = {k: (result.base.ids, c.labels) for k, c in result.clusterings.items()}
        self.smoother = result.smoother
        return result.k


__all__ = ["POLIS_POLL_MS", "ReplayResult", "replay", "update_ends"]
