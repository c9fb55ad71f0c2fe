"""Load the three conversations with Pol.is's own computed result (../shared/data/polis-math)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from brug.opinion.matrix import IntArray

POLIS_MATH = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "polis-math"
CONVERSATIONS = ("below-100-ptpts", "above-100-ptpts", "50ptpt-3gp-strict-no-meta")


@dataclass(frozen=True)
class PolisMath:
    name: str
    participant_ids: IntArray  # chronological
    statement_ids: IntArray
    values: IntArray
    moderated_out: frozenset[int]
    math: dict[str, Any]
    timestamps: npt.NDArray[np.float64] | None = None  # `modified` of every vote (ms), chronological

    @property
    def in_conv(self) -> set[int]:
        return {int(p) for p in self.math["in-conv"]}

    def base_members(self) -> dict[int, list[int]]:
        base = self.math["base-clusters"]
        return {int(b): [int(p) for p in m] for b, m in zip(base["id"], base["members"], strict=True)}

    def groups(self) -> dict[int, int]:
        """Participant -> Pol.is group id."""
        members = self.base_members()
        return {
            p: int(g["id"])
            for g in self.math["group-clusters"]
            for b in g["members"]
            for p in members[int(b)]
        }

    def repness(self) -> dict[int, set[int]]:
        return {int(g): {int(r["tid"]) for r in reps} for g, reps in self.math["repness"].items()}

    def consensus(self) -> dict[str, list[int]]:
        return {d: [int(c["tid"]) for c in self.math["consensus"][d]] for d in ("agree", "disagree")}


def _get(row: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if key in row:
            return row[key]
    raise KeyError(keys[0])


def load(name: str) -> PolisMath:
    folder = POLIS_MATH / name
    votes = json.loads((folder / "votes.json").read_text())
    math = json.loads((folder / "math-pca2.json").read_text())
    votes.sort(key=lambda v: float(_get(v, "modified")))
    pids = np.array([int(_get(v, "pid", "participant_id")) for v in votes], dtype=np.int64)
    sids = np.array([int(_get(v, "tid", "statement_id")) for v in votes], dtype=np.int64)
    vals = np.array([int(_get(v, "vote")) for v in votes], dtype=np.int64)
    stamps = np.array([float(_get(v, "modified")) for v in votes], dtype=np.float64)
    return PolisMath(name, pids, sids, vals, frozenset(int(t) for t in math["mod-out"]), math, stamps)
