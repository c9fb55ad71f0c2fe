"""Order independence (issue 14.5): the same votes in any input order give the same groups."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from brug.opinion import OpinionResult, compute
from brug.opinion.polis_io import read_export

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "polis"
SEATTLE = Path(__file__).parent / "data" / "15-per-hour-seattle"


def _outcome(result: OpinionResult) -> tuple[object, ...]:
    return (
        result.k,
        result.groups,
        {g: [r.statement_id for r in reps] for g, reps in result.repness.items()},
        [c.statement_id for c in result.consensus],
    )


def _shuffled_csv(source: Path, target: Path, name: str, seed: int) -> None:
    lines = (source / name).read_text(encoding="utf-8").splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    order = np.random.default_rng(seed).permutation(len(rows))
    target.mkdir(parents=True, exist_ok=True)
    (target / name).write_text(header + "".join(rows[i] for i in order), encoding="utf-8")


def _compute(folder: Path) -> OpinionResult:
    export = read_export(folder, with_groups=False)
    return compute(
        export.participant_ids, export.statement_ids, export.values, moderated_out=export.moderated_out
    )


def _folder_with(source: Path, tmp: Path, seed: int, shuffle: str, drop: str | None = None) -> Path:
    target = tmp / f"shuffled-{seed}"
    target.mkdir(parents=True, exist_ok=True)
    for path in source.glob("*.csv"):
        if path.name != drop:
            shutil.copy(path, target / path.name)
    _shuffled_csv(source, target, shuffle, seed)
    return target


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffled_votes_csv_gives_the_same_groups(tmp_path: Path, seed: int) -> None:
    reference = _outcome(_compute(SEATTLE))
    assert reference[0] >= 2
    assert _outcome(_compute(_folder_with(SEATTLE, tmp_path, seed, "votes.csv"))) == reference


@pytest.mark.parametrize("seed", [1, 2])
def test_shuffled_participants_votes_csv_gives_the_same_groups(tmp_path: Path, seed: int) -> None:
    only_wide = tmp_path / "wide"
    only_wide.mkdir()
    for name in ("comments.csv", "participants-votes.csv"):
        shutil.copy(SEATTLE / name, only_wide / name)
    reference = _outcome(_compute(only_wide))
    assert reference[0] >= 2
    shuffled = _folder_with(only_wide, tmp_path, seed, "participants-votes.csv")
    assert _outcome(_compute(shuffled)) == reference


def test_compute_with_timestamps_accepts_votes_in_any_order() -> None:
    export = read_export(SEATTLE, with_groups=False)
    # Each participant's last vote per statement (a repeated vote at the very same time has no
    # order to recover), at times with ties: the tie-break must not depend on the input order.
    last: dict[tuple[int, int], tuple[int, int]] = {}
    for i, (p, s, v) in enumerate(
        zip(
            export.participant_ids.tolist(),
            export.statement_ids.tolist(),
            export.values.tolist(),
            strict=True,
        )
    ):
        last[(p, s)] = (i, v)
    rows = sorted((i, p, s, v) for (p, s), (i, v) in last.items())
    pids, sids, values = (np.array([r[j] for r in rows], dtype=np.int64) for j in (1, 2, 3))
    stamps = np.arange(len(rows)) // 3
    reference = _outcome(compute(pids, sids, values, moderated_out=export.moderated_out, timestamps=stamps))
    assert reference[0] >= 2
    for seed in (1, 2, 3):
        order = np.random.default_rng(seed).permutation(len(rows))
        shuffled = compute(
            pids[order],
            sids[order],
            values[order],
            moderated_out=export.moderated_out,
            timestamps=stamps[order],
        )
        assert _outcome(shuffled) == reference


@pytest.mark.skipif(not (SHARED / "brexit-consensus").is_dir(), reason="shared data not present")
def test_a_shuffled_public_export_gives_the_same_groups(tmp_path: Path) -> None:
    source = SHARED / "brexit-consensus"
    reference = _outcome(_compute(source))
    assert _outcome(_compute(_folder_with(source, tmp_path, 7, "votes.csv"))) == reference
