"""`compute`: from raw votes to opinion groups, representative and consensus statements."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

from brug.opinion.clustering import Points, base_clusters, choose_groups, participant_groups
from brug.opinion.matrix import IntArray, VoteMatrix, build_vote_matrix
from brug.opinion.pca import fit_pca, project
from brug.opinion.repness import (
    Counts,
    count_votes,
    group_aware_consensus,
    group_stats,
    select_consensus,
    select_repness,
)
from brug.opinion.result import ClusterState, OpinionResult, Repness

VoteInput = Sequence[int] | npt.ArrayLike

_threadpools: ThreadpoolController | None = None


def _controller() -> ThreadpoolController:
    """Created once: scanning the loaded BLAS libraries costs milliseconds per call."""
    global _threadpools
    if _threadpools is None:
        _threadpools = ThreadpoolController()
    return _threadpools


def _statement_stats(
    all_counts: Counts, group_counts: Counts, statement_ids: IntArray
) -> dict[int, dict[str, Any]]:
    # Plain lists first: indexing numpy arrays element by element costs more than building the dicts.
    n_groups = group_counts.agree.shape[0]
    agree, disagree, passed = (
        c[0].tolist() for c in (all_counts.agree, all_counts.disagree, all_counts.passed)
    )
    g_agree, g_disagree, g_pass = (
        c.tolist() for c in (group_counts.agree, group_counts.disagree, group_counts.passed)
    )
    return {
        sid: {
            "agree": agree[j],
            "disagree": disagree[j],
            "pass": passed[j],
            "groups": {
                g: {"agree": g_agree[g][j], "disagree": g_disagree[g][j], "pass": g_pass[g][j]}
                for g in range(n_groups)
            },
        }
        for j, sid in enumerate(statement_ids.tolist())
    }


def compute(
    participant_ids: VoteInput,
    statement_ids: VoteInput,
    values: VoteInput,
    *,
    moderated_out: Collection[int] = (),
    previous: ClusterState | None = None,
    seed: int = 0,
) -> OpinionResult:
    """Compute the opinion map of one conversation.

    The three arrays are parallel and in chronological order (a later vote on the same statement
    by the same participant replaces the earlier one); values are 1 agree, -1 disagree, 0 pass.
    Pass the returned `state` back as `previous=` on the next update so that the number of groups
    only changes once the new number has been the best several updates in a row.
    """
    # The dense linear algebra here is on tiny matrices (statements × a few); multi-threaded BLAS
    # only adds thread hand-offs, which cost 10x the arithmetic on a busy 2-core server.
    # (threadpoolctl ships with scikit-learn.) k-means threads (OpenMP) are not affected.
    with _controller().limit(limits=1, user_api="blas"):
        matrix = build_vote_matrix(participant_ids, statement_ids, values, moderated_out)
        return compute_from_matrix(matrix, previous=previous, seed=seed)


def compute_from_matrix(
    matrix: VoteMatrix, *, previous: ClusterState | None = None, seed: int = 0
) -> OpinionResult:
    sids = matrix.statement_ids
    everyone = np.zeros(matrix.n_rows, dtype=np.int64)
    all_counts = count_votes(matrix, everyone, 1)
    consensus = select_consensus(all_counts, sids)
    in_conv = matrix.in_conversation()

    # Pol.is fits the PCA on every participant's (imputed) votes; the sparsity-aware scaling keeps
    # light voters from collapsing to the centre. Only participants in conversation are clustered.
    pca = fit_pca(matrix, rows=None, seed=seed)
    coords = project(matrix, pca)
    pids = matrix.participant_ids
    projection = {
        int(p): (float(x), float(y)) for p, (x, y) in zip(pids.tolist(), coords[:, :2].tolist(), strict=True)
    }

    conv_rows = np.flatnonzero(in_conv)
    points = Points.from_coords(coords[conv_rows])
    base = base_clusters(points, seed=seed)
    choice = choose_groups(base, previous=previous, seed=seed) if len(conv_rows) else None
    if choice is None:
        # Nothing to split; keep the caller's smoothing memory so a later update continues from it.
        state = previous or ClusterState()
        no_groups = Counts(*(np.zeros((0, matrix.n_cols), dtype=np.int64) for _ in range(3)))
        return OpinionResult(
            projection=projection,
            consensus=consensus,
            statement_stats=_statement_stats(all_counts, no_groups, sids),
            k=0,
            state=state,
            n_participants=matrix.n_rows,
            n_in_conversation=len(conv_rows),
            n_statements=matrix.n_cols,
        )

    labels = participant_groups(points, base, choice)
    row_groups = np.full(matrix.n_rows, -1, dtype=np.int64)
    row_groups[conv_rows] = labels
    k = choice.k
    counts = count_votes(matrix, row_groups, k)
    repness: dict[int, list[Repness]] = {g: select_repness(group_stats(counts, g), sids) for g in range(k)}
    sizes = np.bincount(labels, minlength=k)
    return OpinionResult(
        groups={int(p): int(g) for p, g in zip(pids[conv_rows].tolist(), labels.tolist(), strict=True)},
        projection=projection,
        group_sizes={g: int(sizes[g]) for g in range(k)},
        repness=repness,
        consensus=consensus,
        group_aware_consensus=group_aware_consensus(counts, sids),
        statement_stats=_statement_stats(all_counts, counts, sids),
        k=k,
        state=choice.state,
        n_participants=matrix.n_rows,
        n_in_conversation=len(conv_rows),
        n_statements=matrix.n_cols,
    )
