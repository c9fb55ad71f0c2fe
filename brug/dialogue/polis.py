"""Export and import in Pol.is's open-data format (comments.csv, votes.csv, participants-votes.csv).

Reading the vote files is left to the engine's reader (brug.opinion.polis_io); this module adds
the statement texts and vote times and checks everything; `services.import_polis` writes all or nothing.
"""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.utils import timezone

from brug.core.exports import neutralise
from brug.core.uploads import NotAZip, UnsafeArchive, ZipLimits, check_zip, read_entry
from brug.opinion.polis_io import META_TRUE, PolisExportError, read_export

from .common import DialogueError
from .models import Dialogue, Statement, StatementStatus, Vote

KNOWN_FILES = ("comments.csv", "votes.csv", "participants-votes.csv", "summary.csv")
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
POLIS_ZIP_LIMITS = ZipLimits(
    max_entries=100, max_unpacked_bytes=MAX_UNPACKED_BYTES, max_entry_bytes=MAX_UNPACKED_BYTES
)
MODERATED: dict[str, int] = {
    StatementStatus.APPROVED: 1,
    StatementStatus.PENDING: 0,
    StatementStatus.REJECTED: -1,
}
STATUS_FROM_POLIS = {1: StatementStatus.APPROVED, 0: StatementStatus.APPROVED, -1: StatementStatus.REJECTED}


def _stamp(moment: datetime) -> tuple[str, str]:
    return str(int(moment.timestamp() * 1000)), moment.astimezone(UTC).strftime("%a %b %d %H:%M:%S UTC %Y")


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    # Residents write the statements: a text starting with = + - @ must not run as a formula.
    writer.writerows(_neutralised(rows))
    return out.getvalue().encode("utf-8")


def _neutralised(rows: list[list[object]]) -> list[list[object]]:
    return [[neutralise(cell) if isinstance(cell, str) else cell for cell in row] for row in rows]


def export_zip(dialogue: Dialogue) -> bytes:
    statements = list(Statement.objects.filter(dialogue=dialogue).select_related("author").order_by("number"))
    votes = list(
        Vote.objects.filter(dialogue=dialogue)
        .order_by("updated_at", "participant__number", "statement__number")
        .values_list("updated_at", "statement__number", "participant__number", "value")
    )
    tally: dict[int, dict[int, int]] = defaultdict(lambda: {1: 0, -1: 0, 0: 0})
    per_participant: dict[int, dict[int, int]] = defaultdict(dict)
    for _at, sid, pid, value in votes:
        tally[sid][value] += 1
        per_participant[pid][sid] = value
    authored: dict[int, int] = defaultdict(int)
    comment_rows: list[list[object]] = []
    for s in statements:
        author = s.author.number if s.author else ""
        if s.author:
            authored[s.author.number] += 1
        comment_rows.append(
            [
                *_stamp(s.created_at),
                s.number,
                author,
                tally[s.number][1],
                tally[s.number][-1],
                MODERATED[s.status],
                "true" if s.is_meta else "false",
                s.text,
            ]
        )
    vote_rows = [[*_stamp(at), sid, pid, value] for at, sid, pid, value in votes]
    groups = (dialogue.result or {}).get("groups", {})
    sids = [s.number for s in statements]
    pv_rows = []
    for pid in sorted(set(per_participant) | set(authored)):
        mine = per_participant.get(pid, {})
        values = list(mine.values())
        pv_rows.append(
            [
                pid,
                groups.get(str(pid), ""),
                authored.get(pid, 0),
                len(values),
                values.count(1),
                values.count(-1),
            ]
            + [mine.get(sid, "") for sid in sids]
        )
    summary: list[list[object]] = [
        ["topic", dialogue.title],
        ["voters", len(per_participant)],
        ["comments", len(statements)],
        ["groups", (dialogue.result or {}).get("k", 0)],
        ["conversation-description", dialogue.question],
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "comments.csv",
            _csv(
                [
                    "timestamp",
                    "datetime",
                    "comment-id",
                    "author-id",
                    "agrees",
                    "disagrees",
                    "moderated",
                    "is-meta",
                    "comment-body",
                ],
                comment_rows,
            ),
        )
        archive.writestr(
            "votes.csv", _csv(["timestamp", "datetime", "comment-id", "voter-id", "vote"], vote_rows)
        )
        archive.writestr(
            "participants-votes.csv",
            _csv(
                [
                    "participant",
                    "group-id",
                    "n-comments",
                    "n-votes",
                    "n-agree",
                    "n-disagree",
                    *map(str, sids),
                ],
                pv_rows,
            ),
        )
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(_neutralised(summary))
        archive.writestr("summary.csv", out.getvalue())
    return buffer.getvalue()


def files_from_upload(uploads: list[tuple[str, bytes]]) -> dict[str, bytes]:
    """Accept one zip or the separate csv files; keep only the known file names."""
    files: dict[str, bytes] = {}
    for name, content in uploads:
        base = Path(name).name.lower()
        if base.endswith(".zip"):
            try:
                # Entry count, unpacked size and ratio are checked before anything is unpacked.
                check_zip(content, name=Path(name).name, limits=POLIS_ZIP_LIMITS)
                with zipfile.ZipFile(io.BytesIO(content)) as archive:
                    for info in archive.infolist():
                        inner = Path(info.filename).name.lower()
                        if inner in KNOWN_FILES:
                            files[inner] = read_entry(archive, info, max_bytes=MAX_UNPACKED_BYTES)
            except (zipfile.BadZipFile, NotAZip) as exc:
                raise DialogueError("Dit zipbestand kan niet worden geopend.") from exc
            except UnsafeArchive as exc:
                raise DialogueError(str(exc)) from exc
        elif base in KNOWN_FILES:
            files[base] = content
    if "comments.csv" not in files:
        raise DialogueError("comments.csv ontbreekt: zonder stellingen kan niets worden ingelezen.")
    if "votes.csv" not in files and "participants-votes.csv" not in files:
        raise DialogueError("votes.csv of participants-votes.csv ontbreekt.")
    return files


def _rows(content: bytes, name: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        reader = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
        rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DialogueError(f"{name} is geen leesbaar CSV-bestand (UTF-8).") from exc
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise DialogueError(f"Kolom(men) ontbreken in {name}: {', '.join(missing)}")
    return rows


def _moment(value: str | None) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(float(value or "")) / 1000, tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None


@dataclass(frozen=True)
class PolisImport:
    """A checked Pol.is export, ready to be written by `services.import_polis`."""

    texts: dict[int, tuple[str, int, datetime | None, str]]  # number -> text, moderated, created, author
    meta: frozenset[int]  # statements Pol.is marks is-meta: kept, never voted on, left out of the map
    last: dict[tuple[int, int], int]  # (participant, statement) -> last vote
    vote_times: dict[tuple[int, int], datetime]
    start: datetime
    end: datetime


def read_polis(*, files: dict[str, bytes]) -> PolisImport:
    """Read and check a Pol.is export; refuses the whole import on any problem. Writes nothing."""
    comments = _rows(files["comments.csv"], "comments.csv", ("comment-id", "moderated", "comment-body"))
    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            (Path(folder) / name).write_bytes(content)
        try:
            export = read_export(folder)
        except PolisExportError as exc:
            raise DialogueError(str(exc).replace(folder + "/", "")) from exc
    texts: dict[int, tuple[str, int, datetime | None, str]] = {}
    meta: set[int] = set()
    for row in comments:
        try:
            sid, moderated = int(row["comment-id"]), int(float(row["moderated"] or 0))
        except ValueError as exc:
            raise DialogueError("comments.csv bevat een ongeldig comment-id of moderated.") from exc
        text = " ".join((row["comment-body"] or "").split())
        if not text or len(text) > 1000:
            raise DialogueError(f"Stelling {sid} in comments.csv is leeg of langer dan 1000 tekens.")
        texts[sid] = (text, moderated, _moment(row.get("timestamp")), row.get("author-id") or "")
        if (row.get("is-meta") or "").strip().lower() in META_TRUE:
            meta.add(sid)
    unknown = sorted(set(export.statement_ids.tolist()) - set(texts))
    if unknown:
        shown = ", ".join(map(str, unknown[:10]))
        raise DialogueError(f"Stemmen op onbekende stelling(en) {shown}: die staan niet in comments.csv.")
    vote_times: dict[tuple[int, int], datetime] = {}
    if "votes.csv" in files:
        for row in _rows(files["votes.csv"], "votes.csv", ("comment-id", "voter-id", "vote")):
            moment = _moment(row.get("timestamp"))
            if moment is not None:
                vote_times[(int(float(row["voter-id"])), int(float(row["comment-id"])))] = moment
    known_times = list(vote_times.values()) + [t[2] for t in texts.values() if t[2]]
    start = min(known_times) if known_times else timezone.now()
    end = max(known_times) if known_times else timezone.now()
    last: dict[tuple[int, int], int] = {}
    for pid, sid, value in zip(
        export.participant_ids.tolist(), export.statement_ids.tolist(), export.values.tolist(), strict=True
    ):
        if value not in (-1, 0, 1):
            raise DialogueError(
                f"Ongeldige stem {value} (alleen 1, -1 of 0) van deelnemer {pid} op stelling {sid}."
            )
        last[(pid, sid)] = value
    return PolisImport(
        texts=texts, meta=frozenset(meta), last=last, vote_times=vote_times, start=start, end=end
    )
