"""What the learning view modules share: breadcrumbs and file downloads."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse
from django.urls import reverse

from ..models import Edition


def crumbs(request: HttpRequest, edition: Edition | None = None, *extra: tuple[str, str | None]) -> list:
    slug = request.membership.organisation.slug  # type: ignore[attr-defined]
    items: list = [("Leernetwerk", reverse("learning:index", kwargs={"org_slug": slug}))]
    if edition is not None:
        items.append(
            (str(edition), reverse("learning:edition", kwargs={"org_slug": slug, "edition_id": edition.pk}))
        )
    return [*items, *extra]


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
