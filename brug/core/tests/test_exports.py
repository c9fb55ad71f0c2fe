import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from brug.core.exports import csv_bytes, neutralise, table_response, xlsx_bytes

HOSTILE = ['=HYPERLINK("http://x","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("cell", HOSTILE)
def test_a_cell_a_spreadsheet_would_run_becomes_text(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


def test_ordinary_text_and_numbers_are_left_alone() -> None:
    assert neutralise("Gouda") == "Gouda"
    assert neutralise(-3) == -3
    assert neutralise(None) is None


def test_csv_neutralises_every_cell_and_reads_back_in_excel_encoding() -> None:
    body = csv_bytes(["naam", "tekst"], [["Gouda", HOSTILE[0]], ["Delft", None]])
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["naam", "tekst"], ["Gouda", "'" + HOSTILE[0]], ["Delft", ""]]


def test_csv_is_split_on_semicolons_with_a_decimal_comma_as_dutch_excel_reads_it() -> None:
    body = csv_bytes(["gemeente", "score", "aantal"], [["Gouda, Zuid-Holland", -0.25, 3]])
    lines = body.decode("utf-8-sig").splitlines()
    assert lines == ["gemeente;score;aantal", "Gouda, Zuid-Holland;-0,25;3"]


def test_xlsx_neutralises_cells_and_keeps_numbers_and_local_times() -> None:
    moment = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)  # 27-11 00:30 in Amsterdam
    body = xlsx_bytes(["tekst", "aantal", "tijd"], [[HOSTILE[3], 4, moment]])
    sheet = load_workbook(io.BytesIO(body)).active
    assert sheet is not None
    values = [c.value for c in sheet[2]]
    assert values[0] == "'" + HOSTILE[3]
    assert values[1] == 4
    assert values[2] == datetime(2026, 11, 27, 0, 30)


def test_table_response_names_the_file_with_its_format() -> None:
    response = table_response(filename="aanmeldingen", header=["a"], rows=[["b"]], fmt="xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="aanmeldingen.xlsx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
