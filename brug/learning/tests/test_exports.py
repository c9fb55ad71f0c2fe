"""Issue 12 item 5: the facilitator downloads the edition's tables as CSV and XLSX."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from brug.learning.models import Intake, Status

from . import helpers

pytestmark = pytest.mark.django_db

KINDS = ["aanmeldingen", "intakes", "selectie", "aanwezigheid", "opdrachten"]


@pytest.fixture
def setup(tenancy: Any) -> dict[str, Any]:
    org, facilitator = helpers.partner_with_facilitator()
    ed = helpers.edition(org)
    evil = helpers.registration(ed, "GM0513", question='=HYPERLINK("http://x")', status=Status.SELECTED)
    other = helpers.registration(ed, "GM0981")
    Intake.objects.create(registration=other, scheduled_at=timezone.now(), advice="geschikt")
    return {"org": org, "facilitator": facilitator, "edition": ed, "evil": evil, "tenancy": tenancy}


def _url(s: dict[str, Any], kind: str, fmt: str) -> str:
    return reverse("learning:export", args=[s["org"].slug, s["edition"].pk, kind, fmt])


@pytest.mark.parametrize("kind", KINDS)
def test_every_export_downloads_as_csv_and_xlsx_for_the_facilitator_only(
    setup: dict, client_for: Any, kind: str
) -> None:
    client = client_for(setup["facilitator"])
    csv = client.get(_url(setup, kind, "csv"))
    assert csv.status_code == 200 and "attachment" in csv["Content-Disposition"]
    xlsx = client.get(_url(setup, kind, "xlsx"))
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None and sheet.max_row >= 1
    assert client_for(setup["tenancy"].outsider).get(_url(setup, kind, "csv")).status_code == 404


def test_the_registrations_export_neutralises_formulas_and_the_selection_gives_reasons(
    setup: dict, client_for: Any
) -> None:
    client = client_for(setup["facilitator"])
    text = client.get(_url(setup, "aanmeldingen", "csv")).content.decode("utf-8-sig")
    assert "Gouda" in text and "p1@gm0513.example" in text
    assert ";=HYPERLINK" not in text and "'=HYPERLINK" in text
    selection = client.get(_url(setup, "selectie", "csv")).content.decode("utf-8-sig")
    assert "Nog geen intake" in selection and "Vaals" in selection


def test_an_unknown_export_is_404(setup: dict, client_for: Any) -> None:
    client = client_for(setup["facilitator"])
    assert client.get(_url(setup, "wachtwoorden", "csv")).status_code == 404
    assert client.get(_url(setup, "aanmeldingen", "pdf")).status_code == 404


def test_the_selection_export_shows_advice_and_region_as_on_the_page_and_times_without_seconds(
    setup: dict, client_for: Any
) -> None:
    client = client_for(setup["facilitator"])
    sheet = load_workbook(io.BytesIO(client.get(_url(setup, "selectie", "xlsx")).content)).active
    assert sheet is not None
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["Vaals"][2] == "Zuid" and rows["Vaals"][3] == "Geschikt"
    assert rows["Gouda"][3] == "geen intake"
    text = client.get(_url(setup, "aanmeldingen", "csv")).content.decode("utf-8-sig")
    registered = timezone.localtime(setup["evil"].created_at).strftime("%Y-%m-%d %H:%M")
    assert f";{registered}:00\r\n" in text
    assert client_for(setup["tenancy"].outsider).get(_url(setup, "selectie", "xlsx")).status_code == 404
