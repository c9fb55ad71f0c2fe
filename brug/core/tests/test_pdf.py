"""Every PDF of Brug is rendered by brug.core.pdf.render_pdf as tagged PDF/UA-1 (issue 15, item 9)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from brug.core.pdf import render_pdf

from .pdfua import assert_tagged_pdf

DOC = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Rapport Gemeente Testdorp</title></head>
<body><h1>Rapport</h1><p>Inleiding.</p><h2>Uitkomsten</h2><ul><li>Eén</li></ul>
<table><tr><th>Wijk</th><td>12</td></tr></table></body></html>"""


def test_render_pdf_is_tagged_with_language_title_and_headings() -> None:
    types = assert_tagged_pdf(render_pdf(DOC), title="Rapport Gemeente Testdorp")
    assert {"Document", "P", "L", "Table"} <= set(types)


def test_untagged_weasyprint_output_fails_the_check() -> None:
    # The check must catch a PDF made without tagging (plain write_pdf), or it proves nothing.
    from weasyprint import HTML

    untagged = HTML(string=DOC).write_pdf()
    catalog: Any = PdfReader(io.BytesIO(untagged)).trailer["/Root"].get_object()
    assert "/StructTreeRoot" not in catalog
    with pytest.raises(AssertionError):
        assert_tagged_pdf(untagged, title="Rapport Gemeente Testdorp")


@pytest.mark.parametrize(
    "html",
    [
        DOC.replace(' lang="nl"', ""),
        DOC.replace(' lang="nl"', ' lang="en"'),
        DOC.replace("<title>Rapport Gemeente Testdorp</title>", ""),
        DOC.replace("<title>Rapport Gemeente Testdorp</title>", "<title> </title>"),
    ],
)
def test_template_without_dutch_language_or_title_is_refused(html: str) -> None:
    with pytest.raises(ValueError, match="PDF-template mist"):
        render_pdf(html)
