"""`compute`: from raw votes to opinion groups, representative and consensus statements."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

from brug.opinion.clustering import Points, base_clusters, choose_groups, participant_groups
from brug.opinion.history import lookup, sticky_in_conv, update_groups
from brug.opinion.matrix import MIN_VOTES, IntArray, VoteMatrix, build_vote_matrix
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

# Pol.is's `greedy-n`: while fewer than this many participants are in the conversation, the most
# active others are added, and once in, a participant stays in (see `early_participants`).
GREEDY_N = 15
# Below this many participants in the conversation, or with fewer than two statements, Brug shows
# no groups at all: a "group" of one or two people says nothing (Pol.is would split them anyway).
MIN_PARTICIPANTS_FOR_GROUPS = 4
MIN_STATEMENTS_FOR_GROUPS = 2
TOO_FEW_VOTES = "te weinig stemmen voor groepen"

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


def first_positions(ids: IntArray) -> tuple[IntArray, IntArray]:
    """Sorted distinct ids and the position of each one's first occurrence.

    For the usual dense, non-negative database ids a table indexed by id avoids sorting millions
    of votes (np.unique's sort dominated the start of a 50-million-vote run).
    """
    if ids.size == 0:
        return ids.copy(), ids.copy()
    low, high = int(ids.min()), int(ids.max())
    if low >= 0 and high <= 4 * ids.size + 1_000_000:
        first = np.full(high + 1, ids.size, dtype=np.int64)
        np.minimum.at(first, ids, np.arange(ids.size, dtype=np.int64))
        present = np.flatnonzero(first < ids.size)
        return present.astype(np.int64), first[present]
    uniques, index = np.unique(ids, return_index=True)
    return uniques.astype(np.int64), index.astype(np.int64)


def chronological(participant_ids: IntArray, statement_ids: IntArray, timestamps: npt.ArrayLike) -> IntArray:
    """The canonical order of votes: by time, then participant id, then statement id.

    Any permutation of the same (time, participant, statement, vote) rows gives the same order, so
    the groups do not depend on how the votes were read or stored (issue 14.5). Votes with the same
    time by the same participant on the same statement keep their input order (one of them must win).
    """
    stamps = np.asarray(timestamps).reshape(-1)
    if stamps.shape != participant_ids.shape:
        raise ValueError("timestamps must have one entry per vote")
    return np.lexsort((statement_ids, participant_ids, stamps))


def early_participants(pids: IntArray, sids: IntArray, first_vote: IntArray | None = None) -> IntArray:
    """Participants Pol.is counts in although their final vote count is below the threshold.

    Pol.is decides who is in the conversation at every update and never takes anyone out again.
    Replaying the (chronological) votes as if every vote were an update:
    - the first `GREEDY_N` participants are in: while fewer than 15 are in, Pol.is adds the most
      active others, and each new voter is then the one to add;
    - before the conversation has `MIN_VOTES` statements, the threshold is "voted on every
      statement so far", so an early participant who did that is in for good.
    Both depend only on the first votes, so this costs little on any conversation size.
    `first_vote` may pass `first_positions(pids)[1]` when the caller has it already.
    """
    if pids.size == 0:
        return np.zeros(0, dtype=np.int64)
    if first_vote is None:
        _, first_vote = first_positions(pids)
    greedy = pids[np.sort(first_vote)[:GREEDY_N]]
    # Votes before the statement count reaches MIN_VOTES (after that the final count decides).
    _, first_seen = first_positions(sids)
    first_seen = np.sort(first_seen)
    end = int(first_seen[MIN_VOTES - 1]) if len(first_seen) >= MIN_VOTES else len(sids)
    p, s = pids[:end], sids[:end]
    if end == 0:
        return greedy
    n_cols_now = np.zeros(end, dtype=np.int64)
    n_cols_now[first_seen[first_seen < end]] = 1
    n_cols_now = np.cumsum(n_cols_now)
    _, p_code = np.unique(p, return_inverse=True)
    _, s_code = np.unique(s, return_inverse=True)
    key = p_code.astype(np.int64) * (int(s_code.max()) + 1) + s_code
    _, first_key = np.unique(key, return_index=True)
    new_vote = np.zeros(end, dtype=np.int64)
    new_vote[first_key] = 1
    # Running count of distinct statements per participant, in vote order.
    order = np.argsort(p_code, kind="stable")
    running = np.cumsum(new_vote[order])
    starts = np.r_[0, np.flatnonzero(np.diff(p_code[order])) + 1]
    group_start = np.repeat(running[starts] - new_vote[order][starts], np.diff(np.r_[starts, end]))
    counts = np.empty(end, dtype=np.int64)
    counts[order] = running - group_start
    qualified = p[counts >= np.minimum(MIN_VOTES, n_cols_now)]
    return np.union1d(greedy, qualified)


def keep_letters(pids: IntArray, labels: IntArray, previous_groups: Mapping[int, int] | None) -> IntArray:
    """Renumber new groups so each keeps the number of the old group it shares most members with.

    Pairs are taken greedily by shared members (ties: lower numbers first); new groups without a
    partner get the lowest free numbers, largest first. "Groep A" stays the group with most of the
    same people, whatever order k-means found them in.
    """
    k = int(labels.max()) + 1 if len(labels) else 0
    if not previous_groups or k == 0:
        return labels
    old = np.array([previous_groups.get(int(p), -1) for p in pids.tolist()], dtype=np.int64)
    n_old = max(int(old.max()) + 1, 0)
    if n_old == 0:
        return labels
    known = old >= 0
    overlap = np.zeros((k, n_old), dtype=np.int64)
    np.add.at(overlap, (labels[known], old[known]), 1)
    mapping: dict[int, int] = {}
    pairs = sorted(
        ((int(overlap[g, o]), g, o) for g in range(k) for o in range(n_old) if overlap[g, o] > 0),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used: set[int] = set()
    for _, g, o in pairs:
        if g not in mapping and o not in used:
            mapping[g] = o
            used.add(o)
    free = (n for n in range(k + n_old) if n not in used)
    for g in range(k):  # unmatched new groups, largest first (labels are numbered by size)
        if g not in mapping:
            mapping[g] = next(free)
    # Keep numbers dense (0..k-1) so that letters run A, B, C…: when an old group vanished, the
    # highest numbers move down into the gaps, in order.
    order = sorted(mapping.values())
    dense = {n: i for i, n in enumerate(order)}
    table = np.array([dense[mapping[g]] for g in range(k)], dtype=np.int64)
    return table[labels]


def compute(
    participant_ids: VoteInput,
    statement_ids: VoteInput,
    values: VoteInput,
    *,
    moderated_out: Collection[int] = (),
    previous: ClusterState | None = None,
    previous_groups: Mapping[int, int] | None = None,
    seed: int = 0,
    timestamps: npt.ArrayLike | None = None,
) -> OpinionResult:
    """Compute the opinion map of one conversation.

    The three arrays are parallel and in chronological order (a later vote on the same statement
    by the same participant replaces the earlier one); values are 1 agree, -1 disagree, 0 pass.
    With `timestamps` (one per vote, any sortable numbers) the input may come in any order: the
    votes are put in the canonical order of `chronological` first, so any shuffle of the same votes
    gives the same result.
    Pass the returned `state` back as `previous=` on the next update: the update then continues from
    it as Pol.is does (see `brug.opinion.history`): who was in the conversation stays in, the base
    clusters and the groups of every k start from the previous ones, and the number of groups only
    changes once the new number has been the best several updates in a row. Pass the previous
    `groups` as `previous_groups=` so that every group keeps its number (letter). Without `previous`
    (or with a state that has only the k smoother) the clusters start afresh, as for a new
    conversation. The result depends only on the votes and `previous`: there is no randomness below
    5,000 distinct positions.
    """
    # The dense linear algebra here is on tiny matrices (statements × a few); multi-threaded BLAS
    # only adds thread hand-offs, which cost 10x the arithmetic on a busy 2-core server.
    # (threadpoolctl ships with scikit-learn.) k-means threads (OpenMP) are not affected.
    with _controller().limit(limits=1, user_api="blas"):
        if timestamps is not None:
            pids = np.asarray(participant_ids, dtype=np.int64).reshape(-1)
            sids = np.asarray(statement_ids, dtype=np.int64).reshape(-1)
            order = chronological(pids, sids, timestamps)
            participant_ids, statement_ids = pids[order], sids[order]
            values = np.asarray(values).reshape(-1)[order]
        matrix = build_vote_matrix(participant_ids, statement_ids, values, moderated_out)
        pids = np.asarray(participant_ids, dtype=np.int64).reshape(-1)
        # Position of every participant's first vote, aligned with the matrix rows (sorted ids).
        _, arrival = first_positions(pids)
        early = early_participants(pids, np.asarray(statement_ids, dtype=np.int64).reshape(-1), arrival)
        return compute_from_matrix(
            matrix,
            previous=previous,
            seed=seed,
            early=early,
            arrival=arrival,
            previous_groups=previous_groups,
        )


def compute_from_matrix(
    matrix: VoteMatrix,
    *,
    previous: ClusterState | None = None,
    seed: int = 0,
    early: IntArray | None = None,
    arrival: IntArray | None = None,
    previous_groups: Mapping[int, int] | None = None,
) -> OpinionResult:
    """The opinion map from a built vote matrix.

    `early` lists participants counted in regardless of their vote count (see `early_participants`);
    `arrival[row]` orders the participants by their first vote, the order in which Pol.is's matrix
    holds them and its k-means picks starting points (default: participant id order).
    """
    sids = matrix.statement_ids
    everyone = np.zeros(matrix.n_rows, dtype=np.int64)
    all_counts = count_votes(matrix, everyone, 1)
    consensus = select_consensus(all_counts, sids)
    warm = previous is not None and previous.history
    if warm:
        assert previous is not None
        # Pol.is's update rules: in-conv is sticky, the clusters start from the previous ones.
        order = np.arange(matrix.n_rows) if arrival is None else np.argsort(arrival, kind="stable")
        before = np.isin(matrix.participant_ids[order], np.asarray(previous.in_conv, dtype=np.int64))
        in_order = sticky_in_conv(before, matrix.votes_including_moderated()[order], matrix.n_cols_all)
        conv_rows = order[in_order]  # in arrival order, as Pol.is's matrix holds them
    else:
        in_conv = matrix.in_conversation()
        if early is not None and early.size:
            in_conv |= np.isin(matrix.participant_ids, early)
        conv_rows = np.flatnonzero(in_conv)

    # Pol.is fits the PCA on every participant's (imputed) votes; the sparsity-aware scaling keeps
    # light voters from collapsing to the centre. Only participants in conversation are clustered.
    pca = fit_pca(matrix, rows=None, seed=seed)
    coords = project(matrix, pca)
    pids = matrix.participant_ids
    projection = {
        int(p): (float(x), float(y)) for p, (x, y) in zip(pids.tolist(), coords[:, :2].tolist(), strict=True)
    }

    enough = len(conv_rows) >= MIN_PARTICIPANTS_FOR_GROUPS and matrix.n_cols >= MIN_STATEMENTS_FOR_GROUPS
    conv_pids = pids[conv_rows]
    labels: IntArray | None = None
    state = previous.smoother if previous is not None else ClusterState()
    base_of = np.zeros(0, dtype=np.int64)
    base_ids = np.zeros(0, dtype=np.int64)
    groupings: dict[int, IntArray] = {}
    if warm and enough:
        assert previous is not None
        prev_in = np.asarray(previous.in_conv, dtype=np.int64)
        prev_base = (
            lookup(prev_in, np.asarray(previous.base_of, dtype=np.int64), conv_pids)
            if previous.base_of
            else None
        )
        prev_base_ids = np.asarray(previous.base_ids, dtype=np.int64)
        prev_groupings = {k: (prev_base_ids, np.asarray(g, dtype=np.int64)) for k, g in previous.groupings}
        update = update_groups(coords[conv_rows, :2], prev_base, prev_groupings, previous.smoother)
        if update is not None:
            base_index = np.searchsorted(update.base.ids, update.base.labels)
            labels = keep_letters(conv_pids, update.group_of_base[base_index], previous_groups)
            state = update.smoother
            base_of, base_ids = update.base.labels, update.base.ids
            groupings = {k: c.labels for k, c in update.clusterings.items()}
    elif enough:
        points = Points.from_coords(coords[conv_rows], None if arrival is None else arrival[conv_rows])
        base = base_clusters(points, seed=seed)
        choice = choose_groups(base, previous=previous, seed=seed)
        if choice is not None:
            labels = keep_letters(conv_pids, participant_groups(points, base, choice), previous_groups)
            state = choice.state
            base_of = base.labels[points.index]
            base_ids = np.arange(len(base.centres), dtype=np.int64)
            groupings = dict(choice.clusterings or {})

    by_pid = np.argsort(conv_pids, kind="stable")
    state = replace(
        state,
        history=True,
        in_conv=tuple(conv_pids[by_pid].tolist()),
        base_of=tuple(base_of[by_pid].tolist()) if len(base_of) else (),
        base_ids=tuple(base_ids.tolist()),
        groupings=tuple((int(k), tuple(g.tolist())) for k, g in sorted(groupings.items())),
    )
    if labels is None:
        # Nothing to split; keep the caller's smoothing memory so a later update continues from it.
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
            note=TOO_FEW_VOTES,
        )

    row_groups = np.full(matrix.n_rows, -1, dtype=np.int64)
    row_groups[conv_rows] = labels
    k = int(labels.max()) + 1
    counts = count_votes(matrix, row_groups, k)
    repness: dict[int, list[Repness]] = {g: select_repness(group_stats(counts, g), sids) for g in range(k)}
    sizes = np.bincount(labels, minlength=k)
    return OpinionResult(
        groups={int(p): int(g) for p, g in zip(conv_pids.tolist(), labels.tolist(), strict=True)},
        projection=projection,
        group_sizes={g: int(sizes[g]) for g in range(k)},
        repness=repness,
        consensus=consensus,
        group_aware_consensus=group_aware_consensus(counts, sids),
        statement_stats=_statement_stats(all_counts, counts, sids),
        k=k,
        state=state,
        n_participants=matrix.n_rows,
        n_in_conversation=len(conv_rows),
        n_statements=matrix.n_cols,
    )
