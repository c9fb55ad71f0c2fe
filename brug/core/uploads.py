"""Zip-based uploads (.zip, .docx, .xlsx, .odt) are checked before anything parses them.

A zip bomb is a small file that unpacks to gigabytes (a 408 KB .docx once took a worker from
0.5 to 1.25 GB). Before a parser opens an entry, :func:`check_zip` reads only the central
directory and refuses too many entries, too many unpacked bytes in total or per entry, and
absurd compression ratios. Python's zipfile never unpacks more than an entry's declared size
(the CRC check fails on anything longer), and :func:`read_entry` reads in chunks with its own
cap as a second line, so the declared sizes are binding.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import IO

MAX_ENTRIES = 2_000
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ENTRY_BYTES = 50 * 1024 * 1024
# Text and XML compress well (10–30×); more than this is a bomb, not a document.
MAX_RATIO = 200
_CHUNK = 64 * 1024


class UnsafeArchive(ValueError):
    """A zip that must not be parsed; the message is Dutch and meant for the page."""


class NotAZip(UnsafeArchive):
    """Not a readable zip at all (rather than a dangerous one)."""


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = MAX_ENTRIES
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES
    max_entry_bytes: int = MAX_ENTRY_BYTES
    max_ratio: int = MAX_RATIO


DEFAULT_LIMITS = ZipLimits()


def _as_file(data: bytes | IO[bytes]) -> IO[bytes]:
    return io.BytesIO(data) if isinstance(data, bytes | bytearray) else data


def check_zip(data: bytes | IO[bytes], *, name: str = "", limits: ZipLimits = DEFAULT_LIMITS) -> None:
    """Raise UnsafeArchive unless the archive is safe to open; reads only the directory.

    ``data`` may be bytes or a seekable file (an UploadedFile); its position is restored.
    """
    label = f"'{name}' " if name else ""
    fileobj = _as_file(data)
    position = fileobj.tell() if fileobj.seekable() else 0
    try:
        fileobj.seek(0)
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise NotAZip(f"Het bestand {label}is geen geldig zip- of Office-bestand.") from exc
    finally:
        fileobj.seek(position)
    if len(infos) > limits.max_entries:
        raise UnsafeArchive(
            f"Het bestand {label}bevat te veel onderdelen ({len(infos)}; hooguit {limits.max_entries})."
        )
    total = 0
    for info in infos:
        if info.file_size > limits.max_entry_bytes:
            raise UnsafeArchive(f"Het bestand {label}is uitgepakt te groot. Kies een kleiner bestand.")
        if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise UnsafeArchive(
                f"Het bestand {label}is verdacht sterk ingepakt en wordt niet geopend (mogelijk een zipbom)."
            )
        total += info.file_size
    if total > limits.max_unpacked_bytes:
        mb = limits.max_unpacked_bytes // (1024 * 1024)
        raise UnsafeArchive(f"Het bestand {label}is uitgepakt te groot (meer dan {mb} MB).")


def read_entry(
    archive: zipfile.ZipFile, member: str | zipfile.ZipInfo, *, max_bytes: int = MAX_ENTRY_BYTES
) -> bytes:
    """Read one entry in chunks and stop as soon as it grows past max_bytes."""
    out = bytearray()
    with archive.open(member) as handle:
        while chunk := handle.read(_CHUNK):
            out += chunk
            if len(out) > max_bytes:
                raise UnsafeArchive("Een onderdeel van het bestand is uitgepakt te groot.")
    return bytes(out)
