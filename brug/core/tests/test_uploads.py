"""Zip-based uploads are refused from their directory before any entry is unpacked."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from brug.core.uploads import NotAZip, UnsafeArchive, ZipLimits, check_zip, read_entry


def zip_bomb(unpacked_mb: int = 60, name: str = "word/document.xml") -> bytes:
    """A real bomb: one entry of zeros, a few hundred KB packed, hundreds of MB unpacked."""
    buffer = io.BytesIO()
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if name != "[Content_Types].xml":
            archive.writestr("[Content_Types].xml", b"<Types>wordprocessingml.document.main</Types>")
        with archive.open(name, "w", force_zip64=True) as handle:
            for _ in range(unpacked_mb):
                handle.write(chunk)
    return buffer.getvalue()


def many_entries(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(count):
            archive.writestr(f"x{n}.xml", b"<x/>")
    return buffer.getvalue()


def test_a_generated_zip_bomb_is_refused_without_unpacking(db: None) -> None:
    bomb = zip_bomb()
    assert len(bomb) < 1024 * 1024  # small on disk…
    tracemalloc.start()
    with pytest.raises(UnsafeArchive, match="zipbom|uitgepakt te groot"):
        check_zip(bomb, name="verslag.docx")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # …and checking it costs no more than the file itself


def test_too_many_entries_are_refused() -> None:
    with pytest.raises(UnsafeArchive, match="te veel onderdelen"):
        check_zip(many_entries(51), limits=ZipLimits(max_entries=50))
    check_zip(many_entries(50), limits=ZipLimits(max_entries=50))


def test_a_large_total_is_refused_even_when_each_entry_is_small() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for n in range(4):
            archive.writestr(f"part{n}.bin", b"a" * 1000)
    with pytest.raises(UnsafeArchive, match="uitgepakt te groot"):
        check_zip(buffer.getvalue(), limits=ZipLimits(max_unpacked_bytes=3000))


def test_an_ordinary_office_file_passes_and_the_position_is_kept() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types>wordprocessingml.document.main</Types>")
        archive.writestr("word/document.xml", b"<w:document>" + b"<w:p>Tekst</w:p>" * 2000 + b"</w:document>")
    upload = SimpleUploadedFile("verslag.docx", buffer.getvalue())
    upload.seek(5)
    check_zip(upload, name="verslag.docx")
    assert upload.tell() == 5


def test_not_a_zip_is_its_own_refusal() -> None:
    with pytest.raises(NotAZip):
        check_zip(b"geen zip")


def test_read_entry_stops_at_its_cap() -> None:
    with zipfile.ZipFile(io.BytesIO(zip_bomb(5))) as archive:
        with pytest.raises(UnsafeArchive):
            read_entry(archive, "word/document.xml", max_bytes=1024 * 1024)
