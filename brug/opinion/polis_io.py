"""Read a Pol.is export folder (comments.csv plus votes.csv and/or participants-votes.csv).

Every public export format is accepted: with or without an `xid` column, with extra or reordered
columns, with or without votes.csv (then the votes come from the wide participants-votes.csv), and
comments with any moderation state (-1 out, 0 not yet moderated, 1 in). A file that really is wrong
raises `PolisExportError` with a Dutch message naming the file, the line and the column.

Only the standard library and numpy: the engine must stay importable without pandas or Django.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from brug.opinion.matrix import IntArray

VOTES_COLUMNS = ("comment-id", "voter-id", "vote")
PARTICIPANTS_VOTES_COLUMNS = ("participant",)
COMMENTS_COLUMNS = ("comment-id", "moderated")
# Values of the `is-meta` column of comments.csv that mark a meta statement.
META_TRUE = ("true", "t", "1")


class PolisExportError(Exception):
    """A problem with the export folder, worded for the person who runs the command (in Dutch)."""


@dataclass(frozen=True)
class PolisExport:
    participant_ids: IntArray
    statement_ids: IntArray
    values: IntArray
    moderated_out: frozenset[int] = frozenset()
    polis_groups: dict[int, int] = field(default_factory=dict)  # Pol.is's own group-id, if exported
    source: str = "votes.csv"  # which file the votes came from
    # Vote times (votes.csv `timestamp`, milliseconds in Pol.is exports), aligned with the votes;
    # None when the export has no vote times (participants-votes.csv only, or no timestamp column).
    timestamps: npt.NDArray[np.float64] | None = None


def _int(value: str | None, path: Path, line: int, column: str) -> int:
    text = (value or "").strip()
    try:
        number = float(text)
        if number != int(number):
            raise ValueError(text)
        return int(number)
    except (ValueError, OverflowError) as exc:
        raise PolisExportError(
            f"Ongeldige waarde {text!r} in {path.name}, regel {line}, kolom {column!r}: hier hoort een geheel getal."
        ) from exc


def _vote(value: str | None, path: Path, line: int, column: str) -> int:
    number = _int(value, path, line, column)
    if number not in (-1, 0, 1):
        raise PolisExportError(
            f"Ongeldige stem {number} in {path.name}, regel {line}, kolom {column!r}: "
            "alleen 1 (eens), -1 (oneens) of 0 (overslaan)."
        )
    return number


def _rows(path: Path, required: tuple[str, ...]) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """Header and (line number, cells) pairs; exports are at most a few MB, so reading whole is fine.

    Rows shorter than the header are padded with empty cells (trailing empty votes are often cut).
    """
    if not path.is_file():
        raise PolisExportError(f"Bestand ontbreekt: {path}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PolisExportError(f"{path.name} is geen UTF-8-tekstbestand (CSV).") from exc
    reader = csv.reader(text.splitlines(keepends=True))
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        raise PolisExportError(f"{path.name}, regel 1: geen leesbare CSV-kopregel ({exc}).") from exc
    missing = [c for c in required if c not in header]
    if missing:
        raise PolisExportError(
            f"Kolom(men) ontbreken in {path.name}: {', '.join(missing)} (kopregel, regel 1)"
        )

    width = len(header)

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) > len(header):
                    raise PolisExportError(
                        f"{path.name}, regel {reader.line_num}: {len(cells)} velden, "
                        f"maar de kopregel heeft er {len(header)}."
                    )
                if len(cells) < width:
                    cells = cells + [""] * (width - len(cells))
                yield reader.line_num, cells
        except csv.Error as exc:
            raise PolisExportError(f"{path.name}, regel {reader.line_num}: onleesbare CSV ({exc}).") from exc

    return header, rows()


def read_moderated_out(folder: Path) -> frozenset[int]:
    """Statements Pol.is leaves out of its math: moderated = -1, and meta statements (`is-meta`
    true, in newer exports), as Pol.is's own `mod-out` does. 0 (not yet moderated) and 1 stay in."""
    path = folder / "comments.csv"
    header, rows = _rows(path, COMMENTS_COLUMNS)
    i_sid, i_mod = header.index("comment-id"), header.index("moderated")
    i_meta = header.index("is-meta") if "is-meta" in header else -1
    out: set[int] = set()
    for line, row in rows:
        sid = _int(row[i_sid], path, line, "comment-id")
        state = row[i_mod].strip() or "0"
        meta = i_meta >= 0 and row[i_meta].strip().lower() in META_TRUE
        if _int(state, path, line, "moderated") == -1 or meta:
            out.add(sid)
    return frozenset(out)


def read_votes(folder: Path) -> tuple[IntArray, IntArray, IntArray, npt.NDArray[np.float64] | None]:
    """votes.csv sorted by time, so that a participant's latest vote on a statement is last
    (and the times, when the file has them)."""
    path = folder / "votes.csv"
    header, rows = _rows(path, VOTES_COLUMNS)
    has_time = "timestamp" in header
    i_time = header.index("timestamp") if has_time else -1
    i_pid, i_sid, i_vote = header.index("voter-id"), header.index("comment-id"), header.index("vote")
    stamps: list[float] = []
    pids: list[int] = []
    sids: list[int] = []
    vals: list[int] = []
    for line, row in rows:
        if has_time:
            raw = row[i_time].strip()
            try:
                stamps.append(float(raw) if raw else 0.0)
            except ValueError as exc:
                raise PolisExportError(
                    f"Ongeldige waarde {raw!r} in {path.name}, regel {line}, kolom 'timestamp'."
                ) from exc
        pids.append(_int(row[i_pid], path, line, "voter-id"))
        sids.append(_int(row[i_sid], path, line, "comment-id"))
        vals.append(_vote(row[i_vote], path, line, "vote"))
    arr = np.array([pids, sids, vals], dtype=np.int64).reshape(3, -1)
    # A canonical order, so that the same votes in any row order give the same groups: by time,
    # then participant, then statement (without a time column: by participant and statement, and
    # only a repeated vote keeps its file order).
    times = np.array(stamps, dtype=np.float64) if has_time and stamps else None
    keys = (arr[1], arr[0]) if times is None else (arr[1], arr[0], times)
    order = np.lexsort(keys)
    ordered: IntArray = arr[:, order]
    return ordered[0], ordered[1], ordered[2], None if times is None else times[order]


def _statement_columns(header: list[str]) -> list[tuple[int, str, int]]:
    """(position, name, statement id) of the columns named by a statement id; every other column
    (xid, group-id, n-comments, …, or anything a newer export adds) is a summary and is skipped."""
    return [(i, name, int(name)) for i, name in enumerate(header) if name.isdigit()]


def read_participants_votes(folder: Path) -> tuple[IntArray, IntArray, IntArray, dict[int, int]]:
    """The wide participants-votes.csv: one row per participant, one column per statement."""
    path = folder / "participants-votes.csv"
    header, rows = _rows(path, PARTICIPANTS_VOTES_COLUMNS)
    columns = _statement_columns(header)
    pids: list[int] = []
    sids: list[int] = []
    vals: list[int] = []
    groups: dict[int, int] = {}
    i_pid = header.index("participant")
    i_group = header.index("group-id") if "group-id" in header else -1
    for line, row in rows:
        pid = _int(row[i_pid], path, line, "participant")
        group = row[i_group].strip() if i_group >= 0 else ""
        if group:
            groups[pid] = _int(group, path, line, "group-id")
        for i, name, sid in columns:
            cell = row[i]
            if cell:
                pids.append(pid)
                sids.append(sid)
                vals.append(_vote(cell, path, line, name))
    # No times in this file: participants in id order (Pol.is numbers them as they arrive), so the
    # row order of the file does not matter.
    arr = np.array([pids, sids, vals], dtype=np.int64).reshape(3, -1)
    arr = arr[:, np.lexsort((arr[1], arr[0]))]
    return arr[0], arr[1], arr[2], groups


def read_polis_groups(folder: Path) -> dict[int, int]:
    """Pol.is's own group per participant, for checking Brug's groups against it."""
    path = folder / "participants-votes.csv"
    if not path.is_file():
        return {}
    header, rows = _rows(path, PARTICIPANTS_VOTES_COLUMNS)
    if "group-id" not in header:
        return {}
    i_pid, i_group = header.index("participant"), header.index("group-id")
    groups: dict[int, int] = {}
    for line, row in rows:
        group = row[i_group].strip()
        if group:
            groups[_int(row[i_pid], path, line, "participant")] = _int(group, path, line, "group-id")
    return groups


def read_export(folder: str | Path, *, with_groups: bool = True) -> PolisExport:
    """Votes in chronological order, moderated-out statements and (if asked) Pol.is's own groups."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PolisExportError(f"Map bestaat niet: {folder}")
    moderated = read_moderated_out(folder)
    if (folder / "votes.csv").is_file():
        pids, sids, vals, times = read_votes(folder)
        groups = read_polis_groups(folder) if with_groups else {}
        return PolisExport(pids, sids, vals, moderated, groups, "votes.csv", times)
    if (folder / "participants-votes.csv").is_file():
        pids, sids, vals, groups = read_participants_votes(folder)
        return PolisExport(pids, sids, vals, moderated, groups, "participants-votes.csv")
    raise PolisExportError(f"Geen votes.csv of participants-votes.csv gevonden in {folder}")
