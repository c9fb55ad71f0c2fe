"""The pure selection and pairing algorithms."""

from __future__ import annotations

import numpy as np

from brug.learning.algorithms.pairing import Item, propose_pairs
from brug.learning.algorithms.selection import Candidate, propose

SIZES = {"klein": 1 / 3, "middel": 1 / 3, "groot": 1 / 3}
REGIONS = {"noord": 0.25, "oost": 0.25, "zuid": 0.25, "west": 0.25}


def _candidates() -> list[Candidate]:
    rows = []
    sizes, regions = ["klein", "middel", "groot"], ["noord", "oost", "zuid", "west"]
    for i in range(24):
        rows.append(
            Candidate(
                id=i + 1, name=f"G{i}", size=sizes[i % 3], region=regions[(i // 3) % 4], advice="geschikt"
            )
        )
    # Twelve large municipalities from the west: the mix must not fill up with them.
    for i in range(12):
        rows.append(Candidate(id=100 + i, name=f"W{i}", size="groot", region="west", advice="geschikt"))
    return rows


def test_the_proposal_never_exceeds_the_maximum_and_matches_the_target_mix() -> None:
    proposal = propose(_candidates(), maximum=12, size_targets=SIZES, region_targets=REGIONS)
    assert len(proposal.selected) == 12
    counts = {row.category: row.count for row in proposal.mix}
    assert counts["klein"] == counts["middel"] == counts["groot"] == 4
    assert counts["noord"] == counts["oost"] == counts["zuid"] == counts["west"] == 3


def test_the_proposal_is_deterministic() -> None:
    first = propose(_candidates(), maximum=12, size_targets=SIZES, region_targets=REGIONS)
    again = propose(list(reversed(_candidates())), maximum=12, size_targets=SIZES, region_targets=REGIONS)
    assert first.selected == again.selected and first.waiting == again.waiting


def test_unsuitable_municipalities_are_not_proposed_and_suitable_ones_are_preferred() -> None:
    rows = [
        Candidate(1, "A", "klein", "noord", "niet_geschikt"),
        Candidate(2, "B", "klein", "noord", "wachtlijst"),
        Candidate(3, "C", "klein", "noord", "geschikt"),
        Candidate(4, "D", "klein", "noord", ""),
    ]
    proposal = propose(rows, maximum=1, size_targets=SIZES, region_targets=REGIONS)
    assert proposal.selected == [3]
    assert proposal.excluded == [1, 4]  # no intake: out of the proposal, not ahead of a rated one
    assert proposal.waiting == [2]
    assert "Nog geen intake" in proposal.reasons[4]


def test_a_missing_intake_never_beats_a_suitable_one_even_when_it_fits_the_mix_better() -> None:
    rows = [
        Candidate(1, "A", "groot", "west", "geschikt"),
        Candidate(2, "B", "groot", "west", "geschikt"),
        Candidate(3, "C", "klein", "noord", ""),
    ]
    proposal = propose(rows, maximum=2, size_targets=SIZES, region_targets=REGIONS)
    assert proposal.selected == [1, 2]
    assert 3 in proposal.excluded
    included = propose(
        [*rows[:2], Candidate(3, "C", "klein", "noord", "", forced=True)],
        maximum=2,
        size_targets=SIZES,
        region_targets=REGIONS,
    )
    assert 3 in included.selected  # included by hand: then it counts


def test_the_why_reads_as_dutch_sentences() -> None:
    proposal = propose(_candidates(), maximum=12, size_targets=SIZES, region_targets=REGIONS)
    assert proposal.summary[0] == "De hulp stelt 12 gemeenten voor, van de 12 plaatsen."
    assert "4 kleine gemeenten, 4 middelgrote gemeenten, 4 grote gemeenten" in proposal.summary[1]
    assert all(proposal.reasons[i].endswith(".") for i in proposal.selected + proposal.waiting)


def test_the_facilitator_can_force_a_municipality_in_or_out() -> None:
    rows = [*_candidates()]
    rows[0] = Candidate(1, "G0", "klein", "noord", "niet_geschikt", forced=True)
    rows[1] = Candidate(2, "G1", "middel", "noord", "geschikt", forced=False)
    proposal = propose(rows, maximum=12, size_targets=SIZES, region_targets=REGIONS)
    assert 1 in proposal.selected
    assert 2 not in proposal.selected and 2 in proposal.excluded


def test_each_alternative_swap_says_what_it_would_change() -> None:
    proposal = propose(_candidates(), maximum=12, size_targets=SIZES, region_targets=REGIONS)
    assert proposal.swaps
    assert all(s.cost_change >= -1e-9 for s in proposal.swaps)  # the proposal is a local optimum
    assert any("meer" in s.explanation for s in proposal.swaps)


def test_pairs_join_close_questions_and_prefer_different_sizes() -> None:
    vectors = np.array([[1, 0, 0], [0.99, 0.141, 0], [0, 1, 0], [0, 0.99, 0.141]], dtype=float)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    items = [
        Item(1, "klein", "noord"),
        Item(2, "groot", "west"),
        Item(3, "klein", "noord"),
        Item(4, "groot", "zuid"),
    ]
    pairs, left = propose_pairs(items, vectors)
    assert {(p.first, p.second) for p in pairs} == {(1, 2), (3, 4)}
    assert left == []
    assert all(p.differs_in_size for p in pairs)


def test_an_odd_number_of_municipalities_leaves_one_without_a_pair() -> None:
    vectors = np.eye(3)
    pairs, left = propose_pairs([Item(i, "klein", "noord") for i in range(3)], vectors)
    assert len(pairs) == 1 and len(left) == 1


def test_the_greedy_matching_for_large_groups_pairs_everyone() -> None:
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(120, 16))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    pairs, left = propose_pairs([Item(i, "klein", "noord") for i in range(120)], vectors)
    assert len(pairs) == 60 and not left


def test_more_forced_municipalities_than_places_puts_the_overflow_on_the_waiting_list() -> None:
    rows = [Candidate(i, f"G{i}", "klein", "noord", "geschikt", forced=True) for i in range(1, 5)]
    proposal = propose(rows, maximum=3, size_targets=SIZES, region_targets=REGIONS)
    assert proposal.selected == [1, 2, 3] and proposal.waiting == [4]
