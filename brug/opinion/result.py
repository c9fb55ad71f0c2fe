"""Plain, frozen result types of the opinion engine.

They carry only built-in types (ints, floats, strings, tuples, dicts and lists) so that callers can
store them, compare them in tests and turn them into JSON without knowing numpy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Direction = Literal["agree", "disagree"]


@dataclass(frozen=True)
class ClusterState:
    """What the engine remembers between two updates of one conversation.

    Pol.is only changes the number of groups after the same new number has been the best for
    `count_buffer` updates in a row, so a single noisy update does not reshuffle every group.
    The caller stores this object (e.g. as JSON via `to_dict`) and passes it back as `previous=`.
    """

    last_k: int | None = None  # best k by silhouette in the latest update
    last_k_count: int = 0  # how many updates in a row `last_k` has been the best
    smoothed_k: int | None = None  # the k that is actually used

    def to_dict(self) -> dict[str, Any]:
        return {"last_k": self.last_k, "last_k_count": self.last_k_count, "smoothed_k": self.smoothed_k}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClusterState:
        def _opt_int(value: Any) -> int | None:
            return None if value is None else int(value)

        return cls(
            last_k=_opt_int(data.get("last_k")),
            last_k_count=int(data.get("last_k_count", 0)),
            smoothed_k=_opt_int(data.get("smoothed_k")),
        )


@dataclass(frozen=True)
class Repness:
    """A statement that represents a group: the group votes on it clearly differently from the rest.

    `agree_share_in` / `agree_share_out` are the plain shares of agree votes among the votes cast on
    this statement inside / outside the group (0.0 when nobody there voted); they are meant for display.
    """

    statement_id: int
    direction: Direction
    score: float
    agree_share_in: float
    agree_share_out: float


@dataclass(frozen=True)
class Consensus:
    """A statement that the whole conversation agrees (or disagrees) with, significantly."""

    statement_id: int
    direction: Direction
    score: float


@dataclass(frozen=True)
class OpinionResult:
    groups: dict[int, int] = field(default_factory=dict)
    projection: dict[int, tuple[float, float]] = field(default_factory=dict)
    group_sizes: dict[int, int] = field(default_factory=dict)
    repness: dict[int, list[Repness]] = field(default_factory=dict)
    consensus: list[Consensus] = field(default_factory=list)
    group_aware_consensus: list[tuple[int, float]] = field(default_factory=list)
    statement_stats: dict[int, dict[str, Any]] = field(default_factory=dict)
    k: int = 0
    state: ClusterState = field(default_factory=ClusterState)
    n_participants: int = 0  # everyone who voted
    n_in_conversation: int = 0  # who voted enough to be placed in a group
    n_statements: int = 0  # statements with votes that were not moderated out
    note: str = ""  # why there are no groups, in Dutch ("te weinig stemmen voor groepen"), else ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form; dict keys become strings as JSON requires."""
        return {
            "groups": {str(pid): g for pid, g in self.groups.items()},
            "projection": {str(pid): [x, y] for pid, (x, y) in self.projection.items()},
            "group_sizes": {str(g): n for g, n in self.group_sizes.items()},
            "repness": {
                str(g): [
                    {
                        "statement_id": r.statement_id,
                        "direction": r.direction,
                        "score": r.score,
                        "agree_share_in": r.agree_share_in,
                        "agree_share_out": r.agree_share_out,
                    }
                    for r in reps
                ]
                for g, reps in self.repness.items()
            },
            "consensus": [
                {"statement_id": c.statement_id, "direction": c.direction, "score": c.score}
                for c in self.consensus
            ],
            "group_aware_consensus": [[sid, score] for sid, score in self.group_aware_consensus],
            "statement_stats": {
                str(sid): {
                    **{key: value for key, value in stats.items() if key != "groups"},
                    "groups": {str(g): dict(counts) for g, counts in stats["groups"].items()},
                }
                for sid, stats in self.statement_stats.items()
            },
            "k": self.k,
            "state": self.state.to_dict(),
            "n_participants": self.n_participants,
            "n_in_conversation": self.n_in_conversation,
            "n_statements": self.n_statements,
            "note": self.note,
        }
