"""Check an uploaded file by its content (magic bytes), never by its name."""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from brug.core.errors import BrugError

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSION = {PDF: "pdf", DOCX: "docx", ODT: "odt"}


class UploadError(BrugError):
    pass


def _zip_type(upload: UploadedFile) -> str | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ODT
            if "[Content_Types].xml" in names and b"wordprocessingml.document.main" in archive.read(
                "[Content_Types].xml"
            ):
                return DOCX
    except (zipfile.BadZipFile, KeyError, OSError):
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
