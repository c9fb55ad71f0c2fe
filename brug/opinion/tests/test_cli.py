"""`python -m brug.opinion` as a person would run it."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SEATTLE = Path(__file__).parent / "data" / "15-per-hour-seattle"
ROOT = Path(__file__).resolve().parents[3]


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brug.opinion", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_the_command_prints_groups_repness_and_consensus_as_json() -> None:
    done = run_cli(SEATTLE)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["k"] == 2
    # The 138 participants with >= 7 votes (all of Pol.is's grouped ones) plus 6 of the first 15
    # voters, whom Pol.is's greedy rule counts in while fewer than 15 participants are in.
    assert len(data["groups"]) == 144 and set(data["groups"].values()) == {0, 1}
    assert set(data["repness"]) == {"0", "1"}
    assert all(isinstance(sid, int) for ids in data["repness"].values() for sid in ids)
    assert data["consensus"] and all(isinstance(sid, int) for sid in data["consensus"])
    assert len(data["group_aware_consensus"]) == 31  # the statements left after moderation


def test_without_votes_csv_the_wide_participants_votes_file_is_used(tmp_path: Path) -> None:
    shutil.copy(SEATTLE / "comments.csv", tmp_path)
    shutil.copy(SEATTLE / "participants-votes.csv", tmp_path)
    done = run_cli(tmp_path)
    assert done.returncode == 0, done.stderr
    # Without vote times the first voters are unknown: only the vote-count rule applies... except
    # that the wide file lists participants in id order, which is their arrival order in Pol.is.
    assert len(json.loads(done.stdout)["groups"]) >= 138


def test_a_missing_folder_gives_a_dutch_error_and_exit_code_2(tmp_path: Path) -> None:
    done = run_cli(tmp_path / "bestaat-niet")
    assert done.returncode == 2
    assert "Map bestaat niet" in done.stderr
    assert done.stdout == ""


def test_a_folder_without_comments_gives_exit_code_2(tmp_path: Path) -> None:
    shutil.copy(SEATTLE / "votes.csv", tmp_path)
    done = run_cli(tmp_path)
    assert done.returncode == 2
    assert "Bestand ontbreekt" in done.stderr and "comments.csv" in done.stderr


@pytest.mark.parametrize("dropped", ["vote", "voter-id"])
def test_a_votes_file_without_a_required_column_gives_exit_code_2(tmp_path: Path, dropped: str) -> None:
    shutil.copy(SEATTLE / "comments.csv", tmp_path)
    with (
        (SEATTLE / "votes.csv").open(newline="") as src,
        (tmp_path / "votes.csv").open("w", newline="") as dst,
    ):
        reader = csv.DictReader(src)
        fields = [f for f in reader.fieldnames or [] if f != dropped]
        writer = csv.DictWriter(dst, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(reader)
    done = run_cli(tmp_path)
    assert done.returncode == 2
    assert "Kolom(men) ontbreken" in done.stderr and dropped in done.stderr


SHARED_BG2050 = ROOT.parent / "shared" / "data" / "polis" / "bg2050-volunteers"


@pytest.mark.skipif(not SHARED_BG2050.is_dir(), reason="shared data not present")
def test_a_newer_export_with_an_xid_column_runs_from_the_command_line(tmp_path: Path) -> None:
    shutil.copy(SHARED_BG2050 / "comments.csv", tmp_path)
    shutil.copy(SHARED_BG2050 / "participants-votes.csv", tmp_path)  # has xid; no votes.csv
    done = run_cli(tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["k"] == 2


def test_a_wrong_cell_gives_file_line_and_column_on_stderr(tmp_path: Path) -> None:
    shutil.copy(SEATTLE / "comments.csv", tmp_path)
    lines = (SEATTLE / "votes.csv").read_text().splitlines()
    cells = lines[9].split(",")
    cells[-1] = "ja"
    lines[9] = ",".join(cells)
    (tmp_path / "votes.csv").write_text("\n".join(lines) + "\n")
    done = run_cli(tmp_path)
    assert done.returncode == 2
    assert "votes.csv, regel 10, kolom 'vote'" in done.stderr


def test_the_command_replays_the_votes_update_by_update_when_asked(tmp_path: Path) -> None:
    done = run_cli(SEATTLE, "--naspelen", "--venster", "600")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    one_shot = json.loads(run_cli(SEATTLE).stdout)
    assert data["updates"] > 100 and "updates" not in one_shot
    assert data["k"] >= 2 and len(set(data["groups"].values())) == data["k"]


def test_replaying_an_export_without_vote_times_says_why_in_dutch(tmp_path: Path) -> None:
    folder = tmp_path / "zonder-tijden"
    shutil.copytree(SEATTLE, folder)
    (folder / "votes.csv").unlink()
    done = run_cli(folder, "--naspelen")
    assert done.returncode == 2 and "stemtijden" in done.stderr and "participants-votes.csv" in done.stderr
