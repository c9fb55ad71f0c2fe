"""Every public Pol.is export reads, and a wrong file gets a Dutch message with file, line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from brug.opinion import compute
from brug.opinion.polis_io import PolisExportError, read_export

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "polis"
SEATTLE = Path(__file__).parent / "data" / "15-per-hour-seattle"
ELEVEN = sorted(p.name for p in SHARED.glob("*") if (p / "comments.csv").is_file()) if SHARED.is_dir() else []


def test_all_eleven_public_conversations_are_present() -> None:
    if not SHARED.is_dir():
        pytest.skip("shared data not present")
    assert len(ELEVEN) == 11


@pytest.mark.parametrize("name", ELEVEN)
def test_every_public_export_reads_and_computes(name: str) -> None:
    folder = SHARED / name
    export = read_export(folder)
    assert len(export.values) > 0 and set(np.unique(export.values).tolist()) <= {-1, 0, 1}
    # The votes match participants-votes.csv's own per-participant vote counts.
    assert export.polis_groups, "Pol.is's groups are read (group-id column)"
    result = compute(
        export.participant_ids, export.statement_ids, export.values, moderated_out=export.moderated_out
    )
    assert result.k >= 2
    assert set(result.groups) <= set(export.participant_ids.tolist())
    assert not set(s for reps in result.repness.values() for s in (r.statement_id for r in reps)) & set(
        export.moderated_out
    )


def test_newer_exports_with_an_xid_column_read() -> None:
    header = (SHARED / "bg2050-volunteers" / "participants-votes.csv").read_text().splitlines()[0]
    assert header.startswith("participant,xid,group-id")
    export = read_export(SHARED / "bg2050-volunteers")
    assert len(export.polis_groups) == 108


def test_an_export_without_votes_csv_takes_the_votes_from_participants_votes() -> None:
    folder = SHARED / "austria-climate.7z7ejpbmv5.2022-08-08"
    assert not (folder / "votes.csv").exists()
    export = read_export(folder)
    assert export.source == "participants-votes.csv"
    assert len(export.values) == 79315 and len(export.moderated_out) == 298


def _copy_seattle(tmp_path: Path) -> Path:
    for name in ("comments.csv", "votes.csv", "participants-votes.csv"):
        shutil.copy(SEATTLE / name, tmp_path / name)
    return tmp_path


def test_wide_file_with_xid_reordered_and_extra_columns_gives_the_same_votes(tmp_path: Path) -> None:
    wide = (SEATTLE / "participants-votes.csv").read_text().splitlines()
    header = wide[0].split(",")
    rows = [line.split(",") for line in wide[1:]]
    # Move the summary columns around, add xid and an unknown column, keep the statement columns.
    new_header = ["xid", "group-id", "participant", "extra-info", *header[2:]]
    lines = [",".join(new_header)]
    for row in rows:
        row = row + [""] * (len(header) - len(row))
        lines.append(",".join(["", row[1], row[0], "x", *row[2:]]))
    folder = tmp_path / "wide"
    folder.mkdir()
    shutil.copy(SEATTLE / "comments.csv", folder)
    (folder / "participants-votes.csv").write_text("\n".join(lines) + "\n")
    original = read_export(SEATTLE)
    changed = read_export(folder)
    key = lambda e: sorted(zip(e.participant_ids.tolist(), e.statement_ids.tolist(), e.values.tolist()))  # noqa: E731
    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copy(SEATTLE / "comments.csv", plain)
    shutil.copy(SEATTLE / "participants-votes.csv", plain)
    wide_original = read_export(plain)
    assert len(changed.values) == len(wide_original.values) > 2800
    assert key(changed) == key(wide_original)
    assert changed.polis_groups == original.polis_groups


def test_comments_with_every_moderation_state(tmp_path: Path) -> None:
    folder = _copy_seattle(tmp_path)
    text = (folder / "comments.csv").read_text().splitlines()
    states = {line.split(",")[6] for line in text[1:] if line.count(",") >= 7}
    assert {"-1", "0", "1"} <= states or {"-1", "1"} <= states
    export = read_export(folder)
    assert len(export.moderated_out) == 23  # only -1 is out


@pytest.mark.parametrize(
    ("file", "line_no", "column", "bad", "expected"),
    [
        ("votes.csv", 5, 4, "2", "votes.csv, regel 5, kolom 'vote'"),
        ("votes.csv", 3, 3, "abc", "votes.csv, regel 3, kolom 'voter-id'"),
        ("comments.csv", 4, 2, "x", "comments.csv, regel 4, kolom 'comment-id'"),
    ],
)
def test_a_wrong_value_names_file_line_and_column(
    tmp_path: Path, file: str, line_no: int, column: int, bad: str, expected: str
) -> None:
    folder = _copy_seattle(tmp_path)
    lines = (folder / file).read_text().splitlines()
    cells = lines[line_no - 1].split(",")
    cells[column] = bad
    lines[line_no - 1] = ",".join(cells)
    (folder / file).write_text("\n".join(lines) + "\n")
    with pytest.raises(PolisExportError) as caught:
        read_export(folder)
    assert expected in str(caught.value)


def test_a_wrong_vote_in_the_wide_file_names_the_statement_column(tmp_path: Path) -> None:
    folder = tmp_path / "wide"
    folder.mkdir()
    shutil.copy(SEATTLE / "comments.csv", folder)
    lines = (SEATTLE / "participants-votes.csv").read_text().splitlines()
    cells = lines[2].split(",")
    cells[8] = "7"
    lines[2] = ",".join(cells)
    (folder / "participants-votes.csv").write_text("\n".join(lines) + "\n")
    with pytest.raises(PolisExportError, match=r"participants-votes.csv, regel 3, kolom '2'"):
        read_export(folder)


def test_bad_vote_lists_give_a_clear_result_not_a_crash() -> None:
    # A vote on a statement nobody else saw, duplicates, a one-vote participant.
    result = compute([1, 1, 1, 2], [10, 10, 99, 10], [1, -1, 1, 0])
    assert result.k == 0 and result.groups == {} and result.note == "te weinig stemmen voor groepen"
    # Two participants.
    two = compute([1] * 8 + [2] * 8, list(range(8)) * 2, [1] * 8 + [-1] * 8)
    assert two.k == 0 and two.note == "te weinig stemmen voor groepen"
    # One statement.
    one = compute(list(range(30)), [5] * 30, [1, -1] * 15)
    assert one.k == 0 and one.note == "te weinig stemmen voor groepen" and one.n_participants == 30
    # Nothing at all.
    assert compute([], [], []).note == "te weinig stemmen voor groepen"
    with pytest.raises(ValueError):
        compute([1], [1], [3])


def test_meta_statements_are_left_out_like_polis_mod_out(tmp_path: Path) -> None:
    """Pol.is's own mod-out holds moderated = -1 *and* meta statements (polis-math above-100: 6, 23)."""
    comments = (
        "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,is-seed,comment-body\n"
        "1,1,0,0,0,1,false,true,a\n"
        "2,2,0,0,0,1,true,true,b\n"
        "3,3,0,0,0,-1,false,true,c\n"
        "4,4,0,0,0,0,False,true,d\n"
    )
    (tmp_path / "comments.csv").write_text(comments)
    (tmp_path / "votes.csv").write_text("timestamp,comment-id,voter-id,vote\n1,1,1,1\n")
    assert read_export(tmp_path).moderated_out == frozenset({2, 3})
