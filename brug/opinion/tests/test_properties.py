"""Property tests: any vote matrix gives a well-formed result."""

from __future__ import annotations

import json

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brug.opinion import compute

votes_strategy = st.lists(
    st.tuples(st.integers(0, 12), st.integers(0, 9), st.sampled_from([-1, 0, 1])),
    min_size=0,
    max_size=120,
)

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def polis_in_conv(votes: list[tuple[int, int, int]]) -> set[int]:
    """Pol.is's rule replayed vote by vote, as if every vote were a math update: a participant is in
    once they voted on min(7, statements so far) statements (moderated ones count), or when they
    are among the first 15 voters (the greedy rule while fewer than 15 are in); in stays in."""
    counted: dict[int, set[int]] = {}
    statements: set[int] = set()
    inside: set[int] = set()
    order: list[int] = []
    for p, s, _ in votes:
        if p not in counted:
            order.append(p)
        counted.setdefault(p, set()).add(s)
        statements.add(s)
        if len(counted[p]) >= min(7, len(statements)):
            inside.add(p)
    return inside | set(order[:15])


@FAST
@given(votes=votes_strategy, moderated=st.sets(st.integers(0, 9), max_size=3), seed=st.integers(0, 3))
def test_any_vote_list_gives_a_well_formed_result(
    votes: list[tuple[int, int, int]], moderated: set[int], seed: int
) -> None:
    pids = [v[0] for v in votes]
    sids = [v[1] for v in votes]
    vals = [v[2] for v in votes]
    result = compute(pids, sids, vals, moderated_out=moderated, seed=seed)

    voted = {(p, s) for p, s, _ in votes if s not in moderated}
    n_statements = len({s for _, s in voted})
    in_conversation = polis_in_conv(votes)

    assert result.n_statements == n_statements
    assert set(result.projection) == {p for p, _, _ in votes}
    assert set(result.groups) <= in_conversation
    assert set(result.groups) in (set(), in_conversation)
    assert result.n_in_conversation == len(in_conversation)
    if not result.groups:
        assert result.note == "te weinig stemmen voor groepen" or len(in_conversation) >= 4
    assert set(result.group_sizes) == set(range(result.k))
    assert sum(result.group_sizes.values()) == len(result.groups)
    assert all(np.isfinite(x) and np.isfinite(y) for x, y in result.projection.values())
    assert set(result.statement_stats) == {s for _, s in voted}
    for stats in result.statement_stats.values():
        assert stats["agree"] + stats["disagree"] + stats["pass"] <= len({p for p, _, _ in votes})
    for reps in result.repness.values():
        assert len(reps) <= 5
        assert all(r.statement_id not in moderated and np.isfinite(r.score) for r in reps)
    assert all(c.statement_id not in moderated for c in result.consensus)
    json.dumps(result.to_dict())


@FAST
@given(votes=votes_strategy)
def test_the_last_of_repeated_votes_is_the_one_that_counts(votes: list[tuple[int, int, int]]) -> None:
    last: dict[tuple[int, int], int] = {}
    for p, s, v in votes:
        last[(p, s)] = v
    result = compute([v[0] for v in votes], [v[1] for v in votes], [v[2] for v in votes])
    for sid, stats in result.statement_stats.items():
        cast = [v for (_, s), v in last.items() if s == sid]
        assert stats["agree"] == cast.count(1)
        assert stats["disagree"] == cast.count(-1)
        assert stats["pass"] == cast.count(0)


@FAST
@given(n_people=st.integers(1, 6), n_statements=st.integers(1, 8), value=st.sampled_from([-1, 0, 1]))
def test_unanimous_conversations_never_split_into_groups(
    n_people: int, n_statements: int, value: int
) -> None:
    pids = [p for p in range(n_people) for _ in range(n_statements)]
    sids = list(range(n_statements)) * n_people
    result = compute(pids, sids, [value] * len(pids))
    assert result.groups == {}
    assert result.k == 0
