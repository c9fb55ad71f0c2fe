"""Read a Pol.is export folder (votes.csv or participants-votes.csv, plus comments.csv).

Only the standard library and numpy: the engine must stay importable without pandas or Django.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from brug.opinion.matrix import IntArray

VOTES_COLUMNS = ("comment-id", "voter-id", "vote")
PARTICIPANTS_VOTES_COLUMNS = ("participant", "group-id")
COMMENTS_COLUMNS = ("comment-id", "moderated")
# participants-votes.csv starts with these summary columns; the remaining columns are statement ids.
PARTICIPANTS_VOTES_SUMMARY = ("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree")


class PolisExportError(Exception):
    """A problem with the export folder, worded for the person who runs the command (in Dutch)."""


@dataclass(frozen=True)
class PolisExport:
    participant_ids: IntArray
    statement_ids: IntArray
    values: IntArray
    moderated_out: frozenset[int] = frozenset()
    polis_groups: dict[int, int] = field(default_factory=dict)  # Pol.is's own group-id, if exported


def _read_csv(path: Path, required: tuple[str, ...]) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows; exports are at most a few MB, so reading them whole is fine."""
    if not path.is_file():
        raise PolisExportError(f"Bestand ontbreekt: {path}")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        missing = [c for c in required if c not in header]
        if missing:
            raise PolisExportError(f"Kolom(men) ontbreken in {path.name}: {', '.join(missing)}")
        return header, list(reader)


def _int(value: str | None, path: Path, column: str) -> int:
    try:
        return int(float(value or ""))
    except ValueError as exc:
        raise PolisExportError(f"Ongeldige waarde {value!r} in kolom {column} van {path.name}") from exc


def read_moderated_out(folder: Path) -> frozenset[int]:
    path = folder / "comments.csv"
    _, rows = _read_csv(path, COMMENTS_COLUMNS)
    return frozenset(
        _int(row["comment-id"], path, "comment-id")
        for row in rows
        if _int(row["moderated"], path, "moderated") == -1
    )


def read_votes(folder: Path) -> tuple[IntArray, IntArray, IntArray]:
    """votes.csv sorted by time, so that a participant's latest vote on a statement is last."""
    path = folder / "votes.csv"
    header, records = _read_csv(path, VOTES_COLUMNS)
    has_time = "timestamp" in header
    rows: list[tuple[float, int, int, int]] = []
    for row in records:
        stamp = float(row["timestamp"]) if has_time and row["timestamp"] else 0.0
        rows.append(
            (
                stamp,
                _int(row["voter-id"], path, "voter-id"),
                _int(row["comment-id"], path, "comment-id"),
                _int(row["vote"], path, "vote"),
            )
        )
    arr = np.array([r[1:] for r in rows], dtype=np.int64).reshape(-1, 3)
    if has_time and rows:
        order = np.argsort(np.array([r[0] for r in rows]), kind="stable")
        arr = arr[order]
    return arr[:, 0], arr[:, 1], arr[:, 2]


def read_participants_votes(folder: Path) -> tuple[IntArray, IntArray, IntArray, dict[int, int]]:
    """The wide participants-votes.csv: one row per participant, one column per statement."""
    path = folder / "participants-votes.csv"
    header, records = _read_csv(path, PARTICIPANTS_VOTES_COLUMNS)
    statement_columns = [c for c in header if c not in PARTICIPANTS_VOTES_SUMMARY]
    pids: list[int] = []
    sids: list[int] = []
    vals: list[int] = []
    groups: dict[int, int] = {}
    col_ids = {c: _int(c, path, "kopregel") for c in statement_columns}
    for row in records:
        pid = _int(row["participant"], path, "participant")
        if row.get("group-id"):
            groups[pid] = _int(row["group-id"], path, "group-id")
        for col in statement_columns:
            cell = row.get(col)
            if cell:
                pids.append(pid)
                sids.append(col_ids[col])
                vals.append(_int(cell, path, col))
    return (
        np.array(pids, dtype=np.int64),
        np.array(sids, dtype=np.int64),
        np.array(vals, dtype=np.int64),
        groups,
    )


def read_polis_groups(folder: Path) -> dict[int, int]:
    """Pol.is's own group per participant, for checking Brug's groups against it."""
    path = folder / "participants-votes.csv"
    if not path.is_file():
        return {}
    _, rows = _read_csv(path, PARTICIPANTS_VOTES_COLUMNS)
    return {
        _int(row["participant"], path, "participant"): _int(row["group-id"], path, "group-id")
        for row in rows
        if row.get("group-id")
    }


def read_export(folder: str | Path) -> PolisExport:
    folder = Path(folder)
    if not folder.is_dir():
        raise PolisExportError(f"Map bestaat niet: {folder}")
    moderated = read_moderated_out(folder)
    if (folder / "votes.csv").is_file():
        pids, sids, vals = read_votes(folder)
        groups = read_polis_groups(folder)
    elif (folder / "participants-votes.csv").is_file():
        pids, sids, vals, groups = read_participants_votes(folder)
    else:
        raise PolisExportError(f"Geen votes.csv of participants-votes.csv gevonden in {folder}")
    return PolisExport(pids, sids, vals, moderated, groups)
