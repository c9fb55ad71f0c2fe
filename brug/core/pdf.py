"""The one way Brug renders a PDF: tagged for screen readers (PDF/UA-1) via WeasyPrint.

Every PDF (analysis report, council report, knowledge product) goes through `render_pdf`, so
each gets a structure tree (headings, lists, tables), the document language from
``<html lang="nl">`` and the title from ``<title>``.
"""

from __future__ import annotations

import re

PDF_VARIANT = "pdf/ua-1"

_LANG = re.compile(r"<html[^>]*\blang=\"nl(-NL)?\"", re.IGNORECASE)
_TITLE = re.compile(r"<title>\s*[^<\s]", re.IGNORECASE)


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render a full HTML document to tagged PDF/UA-1 bytes.

    The document must declare ``<html lang="nl">`` and a non-empty ``<title>``: PDF/UA needs both,
    and a template that loses them is a programming error, caught here rather than in the reader.
    """
    from weasyprint import HTML  # heavy import, only when a PDF is made

    if not _LANG.search(html):
        raise ValueError('PDF-template mist <html lang="nl">')
    if not _TITLE.search(html):
        raise ValueError("PDF-template mist een <title>")
    pdf = HTML(string=html, base_url=base_url).write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    return bytes(pdf)
