"""What the learning view modules share: file downloads."""

from __future__ import annotations

from django.http import FileResponse, HttpResponse


def ics_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return response


def file_response(stored: object) -> FileResponse:
    return FileResponse(
        stored.file.open("rb"),  # type: ignore[attr-defined]
        as_attachment=True,
        filename=stored.original_name,  # type: ignore[attr-defined]
        content_type=stored.content_type,  # type: ignore[attr-defined]
    )
