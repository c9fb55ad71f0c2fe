"""Plain, frozen result types of the opinion engine.

They carry only built-in types (ints, floats, strings, tuples, dicts and lists) so that callers can
store them, compare them in tests and turn them into JSON without knowing numpy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Direction = Literal["agree", "disagree"]


STATE_VERSION = 2


class StateError(ValueError):
    """A stored computation state that cannot be read (corrupt, or written by another program)."""


def _int_tuple(value: Any, name: str) -> tuple[int, ...]:
    if not isinstance(value, list | tuple):
        raise StateError(f"{name}: expected a list")
    try:
        out = tuple(int(v) for v in value)
    except (TypeError, ValueError) as exc:
        raise StateError(f"{name}: expected whole numbers") from exc
    if any(isinstance(v, bool) or (isinstance(v, float) and v != int(v)) for v in value):
        raise StateError(f"{name}: expected whole numbers")
    return out


@dataclass(frozen=True)
class ClusterState:
    """What the engine remembers between two updates of one conversation (Pol.is's `conv` between
    two `conv-update`s).

    - The k smoother: Pol.is only changes the number of groups after the same new number has been
      the best for `count_buffer` updates in a row, so a single noisy update does not reshuffle
      every group.
    - The history (`history=True`, from every computation of this version): who is counted in
      (`in_conv`, sorted participant ids; once in, always in), the base cluster of each of them
      (`base_of`, aligned with `in_conv`), and for every k the group of every base cluster
      (`groupings`: k -> group ids aligned with `base_ids`, the sorted base cluster ids). The next
      update starts its k-means from these clusters, as Pol.is's `clean-start-clusters` does.
    The caller stores this object (as JSON via `to_dict`) and passes it back as `previous=`.
    A state with the smoother only (stored before the history existed) starts the clusters afresh.
    """

    last_k: int | None = None  # best k by silhouette in the latest update
    last_k_count: int = 0  # how many updates in a row `last_k` has been the best
    smoothed_k: int | None = None  # the k that is actually used
    history: bool = False
    in_conv: tuple[int, ...] = ()
    base_of: tuple[int, ...] = ()
    base_ids: tuple[int, ...] = ()
    groupings: tuple[tuple[int, tuple[int, ...]], ...] = ()  # ((k, group id per base id), ...)

    @property
    def smoother(self) -> ClusterState:
        return ClusterState(last_k=self.last_k, last_k_count=self.last_k_count, smoothed_k=self.smoothed_k)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "last_k": self.last_k,
            "last_k_count": self.last_k_count,
            "smoothed_k": self.smoothed_k,
        }
        if self.history:
            data.update(
                version=STATE_VERSION,
                in_conv=list(self.in_conv),
                base_of=list(self.base_of),
                base_ids=list(self.base_ids),
                groupings={str(k): list(groups) for k, groups in self.groupings},
            )
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClusterState:
        """Read a stored state; raises `StateError` when it is not a state this engine wrote."""
        if not isinstance(data, dict):
            raise StateError("state: expected an object")

        def _opt_int(value: Any, name: str) -> int | None:
            if value is None:
                return None
            if isinstance(value, bool) or not isinstance(value, int):
                raise StateError(f"{name}: expected a whole number")
            return value

        last_k = _opt_int(data.get("last_k"), "last_k")
        count = _opt_int(data.get("last_k_count", 0), "last_k_count") or 0
        smoothed = _opt_int(data.get("smoothed_k"), "smoothed_k")
        if "version" not in data:  # a state from before the history: the smoother only
            return cls(last_k=last_k, last_k_count=count, smoothed_k=smoothed)
        if data["version"] != STATE_VERSION:
            raise StateError(f"version {data['version']!r} is not {STATE_VERSION}")
        in_conv = _int_tuple(data.get("in_conv"), "in_conv")
        base_of = _int_tuple(data.get("base_of"), "base_of")
        base_ids = _int_tuple(data.get("base_ids"), "base_ids")
        if base_of and len(base_of) != len(in_conv):
            raise StateError("base_of must have one entry per participant in in_conv")
        if list(in_conv) != sorted(set(in_conv)) or list(base_ids) != sorted(set(base_ids)):
            raise StateError("in_conv and base_ids must be sorted and distinct")
        if set(base_of) != set(base_ids):
            raise StateError("base_ids must be exactly the base clusters in base_of")
        raw = data.get("groupings") or {}
        if not isinstance(raw, dict):
            raise StateError("groupings: expected an object")
        groupings = []
        for key, groups in raw.items():
            try:
                k = int(key)
            except ValueError as exc:
                raise StateError("groupings: keys must be numbers of groups") from exc
            values = _int_tuple(groups, f"groupings[{key}]")
            if len(values) != len(base_ids):
                raise StateError(f"groupings[{key}] must have one group per base cluster")
            groupings.append((k, values))
        return cls(
            last_k=last_k,
            last_k_count=count,
            smoothed_k=smoothed,
            history=True,
            in_conv=in_conv,
            base_of=base_of,
            base_ids=base_ids,
            groupings=tuple(sorted(groupings)),
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
