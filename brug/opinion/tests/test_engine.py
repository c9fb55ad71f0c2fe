"""Behaviour of `compute` on small, hand-made conversations."""

from __future__ import annotations

import json

import numpy as np
import pytest

from brug.opinion import ClusterState, Consensus, OpinionResult, Repness, compute
from brug.opinion.clustering import K_SMOOTHING_BUFFER, smooth_k
from brug.opinion.tests.helpers import two_camps


def test_two_camps_become_two_groups_with_everyone_in_their_own_camp() -> None:
    pids, sids, vals = two_camps()
    result = compute(pids, sids, vals)
    assert result.k == 2
    camp_a = {result.groups[p] for p in range(30)}
    camp_b = {result.groups[p] for p in range(1000, 1030)}
    assert len(camp_a) == 1 and len(camp_b) == 1 and camp_a != camp_b
    assert result.group_sizes == {0: 30, 1: 30}


def test_each_group_is_represented_by_the_statements_its_camp_agrees_with() -> None:
    pids, sids, vals = two_camps()
    result = compute(pids, sids, vals)
    group_a = result.groups[0]
    agreed = [r for r in result.repness[group_a] if r.direction == "agree"]
    assert agreed, "camp A must have representative statements it agrees with"
    # Camp A agrees with even statements 0..9; the shared statements 10 and 11 do not set it apart.
    assert all(r.statement_id % 2 == 0 and r.statement_id < 10 for r in agreed)
    assert all(r.agree_share_in > r.agree_share_out for r in agreed)
    assert all(isinstance(r, Repness) and r.score > 0 for r in result.repness[group_a])
    assert len(result.repness[group_a]) <= 5


def test_statements_both_camps_agree_with_are_consensus_and_top_group_aware_consensus() -> None:
    pids, sids, vals = two_camps()
    result = compute(pids, sids, vals)
    assert {c.statement_id for c in result.consensus} == {10, 11}
    assert all(isinstance(c, Consensus) and c.direction == "agree" for c in result.consensus)
    assert [c.score for c in result.consensus] == sorted((c.score for c in result.consensus), reverse=True)
    top_two = {sid for sid, _ in result.group_aware_consensus[:2]}
    assert top_two == {10, 11}
    scores = [score for _, score in result.group_aware_consensus]
    assert scores == sorted(scores, reverse=True)


def test_a_later_vote_replaces_an_earlier_vote_on_the_same_statement() -> None:
    pids, sids, vals = two_camps()
    # Participant 0 first agrees with statement 1, then changes to disagree (its camp's view).
    pids = np.concatenate([[0], pids])
    sids = np.concatenate([[1], sids])
    vals = np.concatenate([[1], vals])
    stats = compute(pids, sids, vals).statement_stats
    assert stats[1]["agree"] + stats[1]["disagree"] + stats[1]["pass"] == 60
    reversed_order = compute(pids[::-1], sids[::-1], vals[::-1]).statement_stats
    assert reversed_order[1]["agree"] == stats[1]["agree"] + 1


def test_moderated_out_statements_disappear_from_every_output() -> None:
    pids, sids, vals = two_camps()
    result = compute(pids, sids, vals, moderated_out={10, 0})
    assert result.n_statements == 10
    assert 10 not in result.statement_stats and 0 not in result.statement_stats
    assert 10 not in {c.statement_id for c in result.consensus}
    assert all(r.statement_id not in (0, 10) for reps in result.repness.values() for r in reps)
    assert all(sid not in (0, 10) for sid, _ in result.group_aware_consensus)


def test_participants_with_fewer_than_seven_votes_are_projected_but_not_grouped() -> None:
    pids, sids, vals = two_camps()
    pids = np.concatenate([pids, [5000] * 3])
    sids = np.concatenate([sids, [0, 1, 2]])
    vals = np.concatenate([vals, [1, -1, 1]])
    result = compute(pids, sids, vals)
    assert 5000 not in result.groups
    assert 5000 in result.projection
    assert result.n_participants == 61 and result.n_in_conversation == 60


def test_statement_stats_count_votes_per_group() -> None:
    pids, sids, vals = two_camps(noise=0.0)
    result = compute(pids, sids, vals)
    group_a = result.groups[0]
    assert result.statement_stats[0]["groups"][group_a] == {"agree": 30, "disagree": 0, "pass": 0}
    assert result.statement_stats[0]["agree"] == 30 and result.statement_stats[0]["disagree"] == 30


def test_to_dict_survives_a_json_round_trip() -> None:
    pids, sids, vals = two_camps()
    result = compute(pids, sids, vals)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["k"] == 2
    assert set(data["groups"]) == {str(p) for p in result.groups}
    assert ClusterState.from_dict(data["state"]) == result.state


def test_the_same_seed_gives_the_same_result() -> None:
    pids, sids, vals = two_camps(noise=0.2)
    assert compute(pids, sids, vals, seed=3) == compute(pids, sids, vals, seed=3)


def test_a_new_number_of_groups_is_adopted_only_after_several_updates_in_a_row() -> None:
    state = ClusterState(last_k=2, last_k_count=5, smoothed_k=2)
    used = []
    for _ in range(K_SMOOTHING_BUFFER):
        k, state = smooth_k(3, state, {2, 3})
        used.append(k)
    assert used == [2] * (K_SMOOTHING_BUFFER - 1) + [3]
    assert state == ClusterState(last_k=3, last_k_count=K_SMOOTHING_BUFFER, smoothed_k=3)


def test_compute_keeps_the_previous_number_of_groups_when_passed_its_state() -> None:
    pids, sids, vals = two_camps()
    previous = ClusterState(last_k=3, last_k_count=1, smoothed_k=3)
    result = compute(pids, sids, vals, previous=previous)
    assert result.k == 3  # the clear best k=2 has been best only once
    assert result.state.last_k == 2 and result.state.last_k_count == 1 and result.state.smoothed_k == 3


def test_votes_other_than_agree_disagree_pass_are_rejected() -> None:
    with pytest.raises(ValueError, match="values"):
        compute([1, 2], [1, 1], [1, 2])
    with pytest.raises(ValueError, match="same length"):
        compute([1, 2], [1], [1, 1])


@pytest.mark.parametrize(
    ("pids", "sids", "vals"),
    [
        pytest.param([], [], [], id="no votes"),
        pytest.param([7] * 10, list(range(10)), [1, -1] * 5, id="single participant"),
        pytest.param(list(range(20)), [3] * 20, [1, -1] * 10, id="single statement"),
        pytest.param(
            [p for p in range(10) for _ in range(8)], list(range(8)) * 10, [0] * 80, id="all passes"
        ),
        pytest.param(
            [p for p in range(3) for _ in range(8)], list(range(8)) * 3, [1, -1, 0] * 8, id="three people"
        ),
    ],
)
def test_degenerate_conversations_return_a_consistent_result(
    pids: list[int], sids: list[int], vals: list[int]
) -> None:
    result = compute(pids, sids, vals)
    assert isinstance(result, OpinionResult)
    assert set(result.groups.values()) == set(result.group_sizes) == set(range(result.k))
    assert sum(result.group_sizes.values()) == len(result.groups)
    json.dumps(result.to_dict())


def test_a_conversation_where_everybody_passes_has_no_groups() -> None:
    pids = [p for p in range(10) for _ in range(8)]
    result = compute(pids, list(range(8)) * 10, [0] * 80)
    assert result.groups == {} and result.k == 0
    assert all(xy == (0.0, 0.0) for xy in result.projection.values())
