"""Warm-started updates (Pol.is's history): the stored state, clean-start-clusters, the replay."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from brug.opinion import ClusterState, compute
from brug.opinion.clustering import Points, base_clusters, centre_distances, polis_silhouette
from brug.opinion.history import (
    Clustering,
    clean_start,
    group_clusterings_warm,
    same_clustering,
    silhouettes_of,
    sticky_in_conv,
    warm_kmeans,
)
from brug.opinion.replay import replay, update_ends
from brug.opinion.result import StateError

from .helpers import latent_groups, two_camps


def timed_votes(n: int = 60, statements: int = 14, seed: int = 3) -> tuple[np.ndarray, ...]:
    """Three latent groups voting over time: participants arrive one after another."""
    pids, sids, vals = latent_groups(n, statements, 9, n_groups=3, seed=seed)
    rng = np.random.default_rng(seed)
    stamps = pids * 5_000.0 + rng.uniform(0, 4_000, size=len(pids))  # ms; ~5 s per participant
    return pids, sids, vals, stamps


def same_partition(a: dict[int, int], b: dict[int, int]) -> bool:
    keys = sorted(a)
    return sorted(b) == keys and adjusted_rand_score([a[p] for p in keys], [b[p] for p in keys]) == 1.0


# --- the state -----------------------------------------------------------------------------------


def test_every_computation_returns_a_history_state_that_survives_json() -> None:
    pids, sids, vals = two_camps(n_per_camp=20)
    result = compute(pids, sids, vals)
    state = result.state
    assert state.history and len(state.in_conv) == 40 == len(state.base_of)
    assert set(state.base_of) == set(state.base_ids)
    assert result.k in {k for k, _ in state.groupings}
    # The participants in a base cluster share a group.
    by_base: dict[int, set[int]] = {}
    for pid, base in zip(state.in_conv, state.base_of, strict=True):
        by_base.setdefault(base, set()).add(result.groups[pid])
    assert all(len(groups) == 1 for groups in by_base.values())
    assert ClusterState.from_dict(json.loads(json.dumps(state.to_dict()))) == state


@pytest.mark.parametrize(
    "data",
    [
        {"version": 3},
        {"version": 2, "in_conv": [2, 1], "base_of": [0, 0], "base_ids": [0]},  # not sorted
        {"version": 2, "in_conv": [1, 2], "base_of": [0], "base_ids": [0]},  # not aligned
        {"version": 2, "in_conv": [1], "base_of": [0], "base_ids": [0, 1]},  # unused base id
        {"version": 2, "in_conv": [1], "base_of": [0], "base_ids": [0], "groupings": {"2": [0, 1]}},
        {"version": 2, "in_conv": [1], "base_of": [0], "base_ids": [0], "groupings": {"twee": [0]}},
        {"version": 2, "in_conv": "1", "base_of": [], "base_ids": []},
        {"version": 2, "in_conv": [1.5], "base_of": [], "base_ids": []},
        {"last_k": "3"},
        [1, 2],
    ],
)
def test_a_state_this_engine_did_not_write_is_refused(data: object) -> None:
    with pytest.raises(StateError):
        ClusterState.from_dict(data)  # type: ignore[arg-type]


def test_a_state_from_before_the_history_reads_as_a_smoother_only() -> None:
    state = ClusterState.from_dict({"last_k": 3, "last_k_count": 2, "smoothed_k": 3})
    assert not state.history and state == ClusterState(last_k=3, last_k_count=2, smoothed_k=3)


# --- warm-started computations -------------------------------------------------------------------


def test_recomputing_the_same_votes_from_the_own_state_changes_no_group() -> None:
    pids, sids, vals, stamps = timed_votes()
    first = compute(pids, sids, vals, timestamps=stamps)
    again = compute(pids, sids, vals, timestamps=stamps, previous=first.state, previous_groups=first.groups)
    assert again.groups == first.groups and again.k == first.k
    assert again.state.base_of == first.state.base_of and again.state.groupings == first.state.groupings
    assert again.state.last_k_count == first.state.last_k_count + 1


def test_a_warm_start_keeps_the_ids_of_the_previous_clusters() -> None:
    pids, sids, vals, stamps = timed_votes()
    first = compute(pids, sids, vals, timestamps=stamps)
    shifted = replace(
        first.state,
        base_of=tuple(b + 500 for b in first.state.base_of),
        base_ids=tuple(b + 500 for b in first.state.base_ids),
    )
    again = compute(pids, sids, vals, timestamps=stamps, previous=shifted)
    assert min(again.state.base_ids) >= 500  # a clean start would number them from 0
    assert same_partition(again.groups, first.groups)


def test_who_is_counted_in_stays_counted_in() -> None:
    # Update 1: participant 100 votes on all ten statements. Update 2: 0..4 cast one vote, 5..19
    # two. Fewer than 15 have 7 votes, so Pol.is adds the most active: 100 and 5..18 are in.
    first_rows = [(100, s, 1 if s % 2 else -1) for s in range(10)]
    first_rows += [(p, 0, 1) for p in range(5)]
    first_rows += [(p, s, 1 if p % 2 else -1) for p in range(5, 20) for s in (0, 1)]
    # Update 2: thirty participants vote on everything.
    later = [(p, s, 1 if (p + s) % 2 else -1) for p in range(200, 230) for s in range(10)]
    rows = np.array(first_rows + later)
    times = np.arange(len(rows), dtype=float)
    cut = len(first_rows)
    start = compute(rows[:10, 0], rows[:10, 1], rows[:10, 2], timestamps=times[:10])
    first = compute(rows[:cut, 0], rows[:cut, 1], rows[:cut, 2], timestamps=times[:cut], previous=start.state)
    assert 18 in first.state.in_conv and 19 not in first.state.in_conv and 0 not in first.state.in_conv
    clean = compute(rows[:, 0], rows[:, 1], rows[:, 2], timestamps=times)
    warm = compute(rows[:, 0], rows[:, 1], rows[:, 2], timestamps=times, previous=first.state)
    # A clean start counts in the first 15 voters (100, 0..13), not 18 with its two votes.
    assert 18 not in clean.groups and 18 in warm.groups and 18 in warm.state.in_conv


def test_sticky_in_conv_adds_the_most_active_while_fewer_than_15_are_in() -> None:
    votes = np.array([9, 1, 3, 3, 0, 2] + [1] * 20)
    previous = np.zeros(len(votes), dtype=bool)
    in_conv = sticky_in_conv(previous, votes, 9)
    assert in_conv[0]  # 9 votes >= min(7, 9)
    assert int(in_conv.sum()) == 15 and not in_conv[4]  # never someone without votes
    assert in_conv[2] and in_conv[3] and in_conv[5]  # the most active others first


# --- Pol.is's clean-start-clusters and k-means ----------------------------------------------------


def test_clean_start_recentres_merges_identical_centres_and_splits_off_the_farthest_point() -> None:
    points = np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 0.0], [1.0, 0.0], [10.0, 0.0]])
    weights = np.ones(5)
    # Old clusters 7 (points 0, 1) and 4 (points 2, 3) now have the same centre (1, 0): they merge
    # into the one with more members (a tie: the later one in id order, 7). Point 4 is new.
    previous = np.array([7, 7, 4, 4, -1])
    ids, centres = clean_start(points, weights, previous, k=2)
    assert ids.tolist() == [7, 8]  # the merged cluster, then the split-off point with the next id
    assert centres.tolist() == [[1.0, 0.0], [10.0, 0.0]]
    # With room for more clusters nothing is merged away for good: splitting continues.
    ids3, _ = clean_start(points, weights, previous, k=3)
    assert len(ids3) == 3


def test_warm_kmeans_keeps_cluster_ids_and_lets_new_points_join() -> None:
    rng = np.random.default_rng(0)
    left = rng.normal([-5, 0], 0.3, size=(20, 2))
    right = rng.normal([5, 0], 0.3, size=(20, 2))
    points = np.vstack([left, right, [[5.2, 0.1]]])
    previous = np.r_[np.full(20, 11), np.full(20, 3), -1]
    result = warm_kmeans(points, np.ones(len(points)), previous, k=2, max_iters=20)
    assert result.ids.tolist() == [3, 11]
    assert (result.labels[:20] == 11).all() and (result.labels[20:] == 3).all()
    assert result.weights.tolist() == [21.0, 20.0]


def test_same_clustering_compares_the_sorted_centres() -> None:
    a = np.array([[0.0, 0.0], [1.0, 1.0]])
    assert same_clustering(a, a[::-1] + 0.005)
    assert not same_clustering(a, a + 0.02)


def test_all_k_at_once_equals_each_k_on_its_own() -> None:
    pids, sids, vals = latent_groups(400, 30, 12, n_groups=4, seed=5)
    first = compute(pids, sids, vals)
    rng = np.random.default_rng(1)
    base_points = rng.normal(size=(60, 2))
    base = Clustering(
        labels=np.arange(60),
        ids=np.arange(60),
        centres=base_points,
        weights=rng.integers(1, 9, size=60).astype(float),
    )
    previous = {
        k: (np.arange(60), warm_kmeans(base_points + 0.3, base.weights, None, k, 20).labels)
        for k in range(2, 6)
    }
    together = group_clusterings_warm(base, previous, range(2, 6))
    for k in range(2, 6):
        alone = warm_kmeans(base.centres, base.weights, previous[k][1], k, 20)
        assert together[k].labels.tolist() == alone.labels.tolist()
        assert together[k].ids.tolist() == alone.ids.tolist()
        assert np.allclose(together[k].centres, alone.centres)
    assert first.k >= 2


def test_silhouettes_of_several_clusterings_equal_polis_silhouette() -> None:
    pids, sids, vals = latent_groups(300, 20, 10, seed=2)
    result = compute(pids, sids, vals)
    coords = np.array([result.projection[p] for p in sorted(result.groups)])
    base = base_clusters(Points.from_coords(coords))
    dist = centre_distances(base.centres)
    rng = np.random.default_rng(0)
    index = {k: rng.integers(k, size=len(base.centres)) for k in (2, 3, 4)}
    together = silhouettes_of(dist, index)
    for k, labels in index.items():
        assert together[k] == pytest.approx(polis_silhouette(dist, labels), abs=1e-12)


# --- the replay -----------------------------------------------------------------------------------


def test_one_update_per_window_of_vote_time_that_has_votes() -> None:
    stamps = np.array([0.0, 400.0, 999.0, 1000.0, 5500.0, 5600.0])
    assert update_ends(stamps, 1000.0).tolist() == [3, 4, 6]


def chained(
    pids: np.ndarray, sids: np.ndarray, vals: np.ndarray, stamps: np.ndarray, window: float
) -> tuple[object, list[int]]:
    """`compute` on every growing prefix, each from the state of the one before."""
    order = np.lexsort((sids, pids, stamps))
    p, s, v, t = pids[order], sids[order], vals[order], stamps[order]
    state, groups, ks, result = None, None, [], None
    for end in update_ends(t, window).tolist():
        result = compute(
            p[:end], s[:end], v[:end], timestamps=t[:end], previous=state, previous_groups=groups
        )
        state, groups = result.state, result.groups
        ks.append(result.k)
    return result, ks


def test_the_replay_equals_chaining_compute_over_the_updates() -> None:
    pids, sids, vals, stamps = timed_votes()
    replayed = replay(pids, sids, vals, stamps, window=20_000.0)
    result, ks = chained(pids, sids, vals, stamps, 20_000.0)
    assert replayed.n_updates == len(ks) > 10
    assert list(replayed.k_per_update) == ks
    assert same_partition(replayed.result.groups, result.groups)  # type: ignore[attr-defined]
    assert replayed.result.state.in_conv == result.state.in_conv  # type: ignore[attr-defined]
    assert replayed.result.state.groupings == result.state.groupings  # type: ignore[attr-defined]


def test_the_replay_keeps_the_last_of_a_changed_vote_and_moderated_statements_out() -> None:
    pids, sids, vals, stamps = timed_votes()
    # Participants 0..4 change all their votes while participant 30 arrives; statement 2 is
    # moderated out (its votes still count for who is in, as in Pol.is).
    changed = pids < 5
    p = np.r_[pids, pids[changed]]
    s = np.r_[sids, sids[changed]]
    v = np.r_[vals, -vals[changed]]
    t = np.r_[stamps, 150_000.0 + np.arange(int(changed.sum()))]
    replayed = replay(p, s, v, t, window=20_000.0, moderated_out={2})
    order = np.lexsort((s, p, t))
    p, s, v, t = p[order], s[order], v[order], t[order]
    state, groups, ks = None, None, []
    for end in update_ends(t, 20_000.0).tolist():
        result = compute(
            p[:end],
            s[:end],
            v[:end],
            timestamps=t[:end],
            moderated_out={2},
            previous=state,
            previous_groups=groups,
        )
        state, groups = result.state, result.groups
        ks.append(result.k)
    assert list(replayed.k_per_update) == ks
    assert same_partition(replayed.result.groups, result.groups)
    assert replayed.result.state.base_of == result.state.base_of


def test_a_replay_in_one_window_is_the_one_shot_computation() -> None:
    pids, sids, vals, stamps = timed_votes()
    replayed = replay(pids, sids, vals, stamps, window=1e12)
    assert replayed.n_updates == 1
    assert replayed.result == compute(pids, sids, vals, timestamps=stamps)


def test_the_replay_does_not_depend_on_the_input_order() -> None:
    pids, sids, vals, stamps = timed_votes()
    shuffle = np.random.default_rng(4).permutation(len(pids))
    a = replay(pids, sids, vals, stamps, window=10_000.0)
    b = replay(pids[shuffle], sids[shuffle], vals[shuffle], stamps[shuffle], window=10_000.0)
    assert a.result.groups == b.result.groups and a.k_per_update == b.k_per_update


def test_after_a_long_pause_the_replay_starts_the_groups_afresh_and_keeps_the_base_clusters() -> None:
    pids, sids, vals, stamps = timed_votes()
    late = pids >= 40
    stamps = np.where(late, stamps + 30 * 86_400_000.0, stamps)  # a month's pause before 40..59
    replayed = replay(pids, sids, vals, stamps, window=20_000.0, reload_gap=10 * 86_400_000.0)
    order = np.lexsort((sids, pids, stamps))
    p, s, v, t = pids[order], sids[order], vals[order], stamps[order]
    state: ClusterState | None = None
    groups = None
    ks = []
    for end in update_ends(t, 20_000.0).tolist():
        result = compute(
            p[:end], s[:end], v[:end], timestamps=t[:end], previous=state, previous_groups=groups
        )
        state, groups = result.state, result.groups
        ks.append(result.k)
    without = replay(pids, sids, vals, stamps, window=20_000.0)
    assert list(without.k_per_update) == ks  # no reload: the plain chain
    # With the reload, the update after the pause starts from in-conv and base clusters only.
    first_late = int(np.argmax(t > 20 * 86_400_000.0))
    ends = update_ends(t, 20_000.0)
    i = int(np.searchsorted(ends, first_late, side="right"))
    chain_state: ClusterState | None = None
    groups = None
    for j, end in enumerate(ends.tolist()):
        previous = chain_state
        if j == i and chain_state is not None:
            previous = ClusterState(
                history=True,
                in_conv=chain_state.in_conv,
                base_of=chain_state.base_of,
                base_ids=chain_state.base_ids,
            )
        result = compute(
            p[:end], s[:end], v[:end], timestamps=t[:end], previous=previous, previous_groups=groups
        )
        chain_state, groups = result.state, result.groups
    assert same_partition(replayed.result.groups, result.groups)
    assert replayed.result.state.groupings == result.state.groupings
    # ... which is not what the plain chain computes.
    assert replayed.result.state != without.result.state


def test_fresh_groups_at_the_end_keep_in_conv_and_base_clusters_only() -> None:
    pids, sids, vals, stamps = timed_votes()
    plain = replay(pids, sids, vals, stamps, window=20_000.0)
    fresh = replay(pids, sids, vals, stamps, window=20_000.0, reload_at_end=True)
    assert plain.previous is not None
    restart = ClusterState(
        history=True,
        in_conv=plain.previous.in_conv,
        base_of=plain.previous.base_of,
        base_ids=plain.previous.base_ids,
    )
    expected = compute(pids, sids, vals, timestamps=stamps, previous=restart)
    assert fresh.result.groups == expected.groups and fresh.result.state == expected.state
    assert fresh.result.state.last_k_count == 1  # the smoother started again


def test_nearest_centre_in_blocks_equals_the_written_out_distances() -> None:
    from brug.opinion.history import CHUNK, min_distance, nearest_centre

    rng = np.random.default_rng(7)
    points = rng.normal(size=(CHUNK + 1_000, 2))
    centres = rng.normal(size=(30, 2))
    d2 = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    assert (nearest_centre(points, centres) == d2.argmin(axis=1)).all()
    assert np.allclose(min_distance(points, centres), np.sqrt(d2.min(axis=1)))
