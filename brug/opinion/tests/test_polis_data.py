"""Brug against Pol.is on the real '15-per-hour-seattle' export (CC BY 4.0, see brug/dialogue/demo_data/ATTRIBUTION.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sklearn.metrics import adjusted_rand_score

from brug.opinion import compute
from brug.opinion.polis_io import read_export

SEATTLE = Path(__file__).parent / "data" / "15-per-hour-seattle"


@pytest.fixture(scope="module")
def seattle():  # type: ignore[no-untyped-def]
    return read_export(SEATTLE)


def test_the_seattle_export_is_read_with_moderation_and_polis_groups(seattle) -> None:  # type: ignore[no-untyped-def]
    assert len(seattle.values) == 2995
    assert 48 not in seattle.moderated_out and len(seattle.moderated_out) == 23
    assert len(seattle.polis_groups) == 138  # only participants Pol.is grouped
    assert set(seattle.polis_groups.values()) == {0, 1}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_groups_agree_with_polis_own_groups(seattle, seed: int) -> None:  # type: ignore[no-untyped-def]
    result = compute(
        seattle.participant_ids,
        seattle.statement_ids,
        seattle.values,
        moderated_out=seattle.moderated_out,
        seed=seed,
    )
    assert result.k == 2
    common = [p for p in result.groups if p in seattle.polis_groups]
    assert len(common) == 138 and len(result.groups) == 144  # >= 7 votes, plus 6 early voters
    ari = adjusted_rand_score([seattle.polis_groups[p] for p in common], [result.groups[p] for p in common])
    assert ari >= 0.7
    # Below 5,000 distinct positions nothing is random: the seed does not change the groups.
    first = compute(
        seattle.participant_ids, seattle.statement_ids, seattle.values, moderated_out=seattle.moderated_out
    )
    assert result.groups == first.groups and result.repness == first.repness


def test_every_group_has_representative_statements_and_there_is_consensus(seattle) -> None:  # type: ignore[no-untyped-def]
    result = compute(
        seattle.participant_ids, seattle.statement_ids, seattle.values, moderated_out=seattle.moderated_out
    )
    assert all(1 <= len(reps) <= 5 for reps in result.repness.values())
    assert len(result.consensus) >= 3
    assert all(c.statement_id not in seattle.moderated_out for c in result.consensus)
