"""Check an uploaded file by its content (magic bytes), never by its name."""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from brug.core.errors import BrugError
from brug.core.uploads import NotAZip, UnsafeArchive, check_zip, read_entry

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"


class UploadError(BrugError):
    pass


def _zip_type(upload: UploadedFile) -> str | None:
    # A zip bomb is refused from the directory before any entry is unpacked.
    try:
        check_zip(upload, name=upload.name or "")
    except NotAZip:
        return None
    except UnsafeArchive as exc:
        raise UploadError(str(exc)) from exc
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            small = 64 * 1024  # the two marker files are a few hundred bytes
            if (
                "mimetype" in names
                and read_entry(archive, "mimetype", max_bytes=small).strip() == ODT.encode()
            ):
                return ODT
            if "[Content_Types].xml" in names and b"wordprocessingml.document.main" in read_entry(
                archive, "[Content_Types].xml", max_bytes=small
            ):
                return DOCX
    except (zipfile.BadZipFile, KeyError, OSError, UnsafeArchive):
        return None
    finally:
        upload.seek(0)
    return None


def detect_type(upload: UploadedFile) -> str:
    """Return the content type of an allowed file or raise UploadError with a Dutch message."""
    limit = settings.BRUG_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size is not None and upload.size > limit:
        raise UploadError(f"Het bestand '{upload.name}' is groter dan {settings.BRUG_MAX_UPLOAD_MB} MB.")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_type(upload)
        if kind is not None:
            return kind
    raise UploadError(
        f"Het bestand '{upload.name}' is geen PDF-, DOCX- of ODT-document. Alleen die bestandstypen zijn toegestaan."
    )
