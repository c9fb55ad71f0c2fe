"""Tables for download: CSV and XLSX with spreadsheet formulas neutralised.

Every export of user-written text goes through here, because a cell that starts with "=", "+", "-",
"@", a tab or a carriage return is executed as a formula by Excel and LibreOffice (CSV injection,
OWASP). Such a cell gets a leading apostrophe, which spreadsheets show as plain text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Literal

from django.http import HttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel with Dutch regional settings splits a CSV on ";" (a "," file lands in one column).
CSV_DELIMITER = ";"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Cell = str | int | float | bool | date | datetime | None
ExportFormat = Literal["csv", "xlsx"]


def neutralise(value: Cell) -> Cell:
    """A text cell that a spreadsheet would run as a formula becomes literal text; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _plain(value: Cell) -> Cell:
    # Spreadsheets cannot hold time zones: show the local (Europe/Amsterdam) wall-clock time.
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _dutch_csv(value: Cell) -> Cell:
    # Dutch Excel reads "0,5" as a number and "0.5" as text or a date.
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """CSV as Excel with Dutch settings opens it: ";" between cells, a decimal comma, UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else _dutch_csv(neutralise(_plain(v))) for v in row])
    # The byte-order mark makes Excel read the file as UTF-8 (ë, é in Dutch names).
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(
    header: Sequence[str], rows: Iterable[Sequence[Cell]], *, sheet_title: str = "Export"
) -> bytes:
    from openpyxl import Workbook  # imported here: only downloads need it

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=sheet_title[:31])
    sheet.append([neutralise(h) for h in header])
    for row in rows:
        sheet.append([neutralise(_plain(v)) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_response(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence[Cell]], fmt: ExportFormat
) -> HttpResponse:
    """A download of the table as CSV or XLSX; `filename` without extension."""
    if fmt == "xlsx":
        body, content_type = xlsx_bytes(header, rows), XLSX_TYPE
    else:
        body, content_type = csv_bytes(header, rows), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
