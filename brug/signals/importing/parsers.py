"""Turning an uploaded file into rows, streamed, with a Dutch reason for every refusal.

A file-level problem (wrong encoding, missing columns, an absurdly long line) refuses the whole
file before anything is stored; a row-level problem (no text, a bad date) refuses that row only.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import chain
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from brug.core.errors import BrugError

from ..classify import pseudonym

# The longest line we accept; a message is short, a longer line is a broken or hostile file.
MAX_LINE_BYTES = 64 * 1024
MAX_TEXT = 10_000
FUTURE_TOLERANCE = timedelta(hours=1)
LOCAL_TZ = ZoneInfo("Europe/Amsterdam")

COLUMN_ALIASES = {
    "text": ("text", "tekst", "bericht", "message"),
    "date": ("date", "datum", "moment", "created_at", "timestamp"),
    "channel": ("channel", "kanaal", "platform", "bron"),
    "source_id": ("id", "bron_id", "source_id", "message_id", "bericht_id", "post_id"),
    "url": ("url", "link"),
    "author": ("author", "auteur", "handle", "author_handle"),
    "neighbourhood": ("neighbourhood", "wijk"),
}
REQUIRED = ("text", "date")

# Platform names accepted in the channel column: each is an online message or media, and the
# name is kept as the message's platform. "online" and "media" themselves stay accepted.
PLATFORMS: dict[str, tuple[str, str]] = {
    "x": ("online", "X"),
    "twitter": ("online", "X"),
    "facebook": ("online", "Facebook"),
    "fb": ("online", "Facebook"),
    "instagram": ("online", "Instagram"),
    "insta": ("online", "Instagram"),
    "tiktok": ("online", "TikTok"),
    "whatsapp": ("online", "WhatsApp"),
    "telegram": ("online", "Telegram"),
    "youtube": ("online", "YouTube"),
    "linkedin": ("online", "LinkedIn"),
    "reddit": ("online", "Reddit"),
    "mastodon": ("online", "Mastodon"),
    "bluesky": ("online", "Bluesky"),
    "threads": ("online", "Threads"),
    "snapchat": ("online", "Snapchat"),
    "nextdoor": ("online", "Nextdoor"),
    "hoplr": ("online", "Hoplr"),
    "forum": ("online", "Forum"),
    "online": ("online", ""),
    "sociale media": ("online", ""),
    "social media": ("online", ""),
    "media": ("media", ""),
    "nieuws": ("media", "Nieuws"),
    "news": ("media", "Nieuws"),
    "krant": ("media", "Krant"),
    "rss": ("media", "RSS"),
    "omroep": ("media", "Omroep"),
    "radio": ("media", "Radio"),
    "tv": ("media", "Tv"),
}
ACCEPTED_CHANNELS = sorted(PLATFORMS)
ALREADY_PRESENT = "overgeslagen: al aanwezig"


class ImportFileError(BrugError):
    """The whole file is refused; nothing from it is stored."""


class RowRefused(ValueError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Row:
    line: int
    text: str
    occurred_at: str  # ISO 8601, aware
    channel: str
    url: str
    author_pseudonym: str
    neighbourhood: str
    platform: str = ""
    source_id: str = ""
    fingerprint: str = ""

    def as_list(self) -> list[Any]:
        return [
            self.line,
            self.text,
            self.occurred_at,
            self.channel,
            self.url,
            self.author_pseudonym,
            self.neighbourhood,
            self.platform,
            self.source_id,
            self.fingerprint,
        ]


def fingerprint(*, source_id: str, channel: str, author_pseudonym: str, text: str, moment: datetime) -> str:
    """What makes two messages the same: the id at the source (per channel), else the same author
    pseudonym, text and moment (to the second). Stored with every imported message."""
    if source_id:
        key = f"id|{channel}|{source_id}"
    else:
        key = f"tekst|{author_pseudonym}|{int(moment.timestamp())}|{' '.join(text.split())}"
    return hashlib.blake2b(key.encode(), digest_size=16).hexdigest()


Outcome = Row | tuple[int, str]  # a row, or (line, reason) for a refused row


def detect_format(file_name: str) -> str:
    name = file_name.lower()
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".xml", ".rss", ".atom")):
        return "rss"
    raise ImportFileError(
        "Onbekend bestandstype. Kies een .csv-, .jsonl- of RSS/Atom-bestand (.xml, .rss, .atom)."
    )


def _lines(stream: IO[bytes], max_line: int) -> Iterator[str]:
    """Lines decoded as UTF-8, reading at most max_line bytes at a time so one huge line costs no memory."""
    number = 0
    while True:
        raw = stream.readline(max_line + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_line and not raw.endswith(b"\n"):
            raise ImportFileError(
                f"Regel {number} is langer dan {max_line // 1024} kB. Het bestand is geweigerd; controleer of het echt een CSV- of JSON Lines-bestand is."
            )
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportFileError(
                f"Regel {number} is geen geldige UTF-8-tekst. Sla het bestand op als UTF-8 en probeer het opnieuw."
            ) from None


def parse_moment(value: Any) -> datetime:
    text = str(value or "").strip()
    if not text:
        raise RowRefused("datum ontbreekt")
    moment: datetime | None = None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        for fmt in ("%d-%m-%Y %H:%M", "%d-%m-%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y"):
            try:
                moment = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if moment is None:
        raise RowRefused("datum onleesbaar")
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=LOCAL_TZ)
    if moment > timezone.now() + FUTURE_TOLERANCE:
        raise RowRefused("datum in de toekomst")
    if moment.year < 2000:
        raise RowRefused("datum voor het jaar 2000")
    return moment


def make_row(line: int, values: dict[str, Any], default_channel: str) -> Row:
    text = str(values.get("text") or "").strip()
    if not text:
        raise RowRefused("tekst ontbreekt")
    if len(text) > MAX_TEXT:
        raise RowRefused("tekst te lang")
    moment = parse_moment(values.get("date"))
    written = " ".join(str(values.get("channel") or "").split()).lower()
    if written:
        if written not in PLATFORMS:
            raise RowRefused("onbekend kanaal (zie de lijst met toegestane waarden)")
        channel, platform = PLATFORMS[written]
    else:
        channel, platform = default_channel, ""
    url = str(values.get("url") or "").strip()
    if url and not url.startswith(("http://", "https://")):
        url = ""  # never store javascript: or other schemes as a link
    source_id = str(values.get("source_id") or "").strip()[:200]
    author = pseudonym(str(values.get("author") or ""))
    return Row(
        line=line,
        text=text,
        occurred_at=moment.isoformat(),
        channel=channel,
        url=url[:500],
        author_pseudonym=author,
        neighbourhood=str(values.get("neighbourhood") or "").strip(),
        platform=platform,
        source_id=source_id,
        fingerprint=fingerprint(
            source_id=source_id, channel=channel, author_pseudonym=author, text=text, moment=moment
        ),
    )


def _canonical(header: list[str]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for index, raw in enumerate(header):
        name = raw.strip().lower()
        for canonical, aliases in COLUMN_ALIASES.items():
            if name in aliases and canonical not in mapping.values():
                mapping[index] = canonical
    missing = [c for c in REQUIRED if c not in mapping.values()]
    if missing:
        labels = {"text": "tekst (of text)", "date": "datum (of date)"}
        raise ImportFileError(
            "Kolom ontbreekt: "
            + ", ".join(labels[m] for m in missing)
            + ". De eerste regel moet de kolomnamen bevatten."
        )
    return mapping


def read_csv(stream: IO[bytes], default_channel: str, max_line: int = MAX_LINE_BYTES) -> Iterator[Outcome]:
    csv.field_size_limit(max_line)
    lines = _lines(stream, max_line)
    try:
        sample = next(lines)
    except StopIteration:
        raise ImportFileError("Het bestand is leeg.") from None
    dialect = ";" if sample.count(";") > sample.count(",") else ","

    def chained() -> Iterator[str]:
        yield sample
        yield from lines

    reader = csv.reader(chained(), delimiter=dialect)
    try:
        mapping = _canonical(next(reader))
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            named = {mapping[i]: v for i, v in enumerate(values) if i in mapping}
            try:
                yield make_row(reader.line_num, named, default_channel)
            except RowRefused as exc:
                yield (reader.line_num, exc.reason)
    except csv.Error as exc:
        raise ImportFileError(
            f"Het CSV-bestand is niet te lezen rond regel {reader.line_num}: {exc}."
        ) from None


def read_jsonl(stream: IO[bytes], default_channel: str, max_line: int = MAX_LINE_BYTES) -> Iterator[Outcome]:
    for number, line in enumerate(_lines(stream, max_line), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError:
            yield (number, "geen geldige JSON")
            continue
        if not isinstance(data, dict):
            yield (number, "geen JSON-object")
            continue
        named: dict[str, Any] = {}
        for canonical, aliases in COLUMN_ALIASES.items():
            for alias in aliases:
                if alias in data:
                    named[canonical] = data[alias]
                    break
        try:
            yield make_row(number, named, default_channel)
        except RowRefused as exc:
            yield (number, exc.reason)


def read_feed(path: Path, default_channel: str) -> Iterator[Outcome]:
    import defusedxml.ElementTree as SafeET
    import feedparser
    from defusedxml import DefusedXmlException

    try:
        SafeET.parse(str(path))  # refuses entity tricks (billion laughs, external entities) before feedparser
    except (SafeET.ParseError, DefusedXmlException):
        raise ImportFileError("Het RSS/Atom-bestand is geen geldige of veilige XML.") from None
    feed = feedparser.parse(str(path))
    if not feed.entries:
        raise ImportFileError("Het RSS/Atom-bestand bevat geen berichten.")
    for number, entry in enumerate(feed.entries, start=1):
        from django.utils.html import strip_tags

        text = " ".join(
            part for part in (entry.get("title", ""), strip_tags(entry.get("summary", ""))) if part
        )
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        date = datetime(*parsed[:6]).replace(tzinfo=ZoneInfo("UTC")).isoformat() if parsed else ""
        values = {
            "text": text,
            "date": date,
            "url": entry.get("link", ""),
            "author": entry.get("author", ""),
            "source_id": entry.get("id", "") or entry.get("link", ""),
        }
        try:
            yield make_row(number, values, default_channel)
        except RowRefused as exc:
            yield (number, exc.reason)


def count(path: Path, fmt: str, default_channel: str, max_line: int = MAX_LINE_BYTES) -> int:
    """Records in the file, checking everything that refuses a file whole (encoding, columns, line length).

    Cheaper than read(): rows are not turned into Row objects, so the progress bar knows its
    total quickly even for a million lines.
    """
    if fmt != "csv":
        return sum(1 for _ in read(path, fmt, default_channel, max_line))
    csv.field_size_limit(max_line)
    with path.open("rb") as stream:
        lines = _lines(stream, max_line)
        try:
            first = next(lines)
        except StopIteration:
            raise ImportFileError("Het bestand is leeg.") from None
        delimiter = ";" if first.count(";") > first.count(",") else ","
        reader = csv.reader(chain([first], lines), delimiter=delimiter)
        try:
            _canonical(next(reader))
            return sum(1 for values in reader if any(v.strip() for v in values))
        except csv.Error as exc:
            raise ImportFileError(
                f"Het CSV-bestand is niet te lezen rond regel {reader.line_num}: {exc}."
            ) from None


def read(path: Path, fmt: str, default_channel: str, max_line: int = MAX_LINE_BYTES) -> Iterator[Outcome]:
    if fmt == "rss":
        yield from read_feed(path, default_channel)
        return
    with path.open("rb") as stream:
        reader = read_csv if fmt == "csv" else read_jsonl
        yield from reader(stream, default_channel, max_line)
