"""Checks that a PDF is tagged for screen readers (PDF/UA): shared by the tests of every PDF."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def structure_types(root: Any) -> Iterator[str]:
    """Every structure type (/S) in the structure tree below `root`, depth first."""
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = _resolve(stack.pop())
        if isinstance(node, ArrayObject):
            stack.extend(reversed(list(node)))
            continue
        if not isinstance(node, DictionaryObject) or id(node) in seen:
            continue
        seen.add(id(node))
        kind = node.get("/S")
        if isinstance(kind, NameObject):
            yield str(kind)[1:]
        if "/K" in node:
            stack.append(node["/K"])


def assert_tagged_pdf(pdf: bytes, *, title: str, headings: tuple[str, ...] = ("H1", "H2")) -> list[str]:
    """Assert `pdf` is a tagged PDF/UA document in Dutch with `title`; return its structure types."""
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    reader = PdfReader(io.BytesIO(pdf))
    catalog: Any = reader.trailer["/Root"].get_object()
    assert str(catalog.get("/Lang", "")).lower() in {"nl", "nl-nl"}, catalog.get("/Lang")
    mark_info = _resolve(catalog.get("/MarkInfo")) or {}
    assert mark_info.get("/Marked") is True or str(mark_info.get("/Marked")) == "True", mark_info
    assert "/StructTreeRoot" in catalog, "geen structuurboom: PDF is niet getagd"
    # PDF/UA: the viewer shows the title, not the file name.
    prefs = _resolve(catalog.get("/ViewerPreferences")) or {}
    assert prefs.get("/DisplayDocTitle") is True or str(prefs.get("/DisplayDocTitle")) == "True", prefs
    info_title = reader.metadata.title if reader.metadata else None
    xmp = reader.xmp_metadata
    xmp_title = (xmp.dc_title or {}).get("x-default") if xmp else None
    assert title in (info_title or "") or title in (xmp_title or ""), (info_title, xmp_title)
    # The PDF/UA identification sits in the XMP metadata.
    assert xmp is not None and b"pdfuaid" in xmp.stream.get_data(), "geen PDF/UA-kenmerk in XMP"
    types = list(structure_types(catalog["/StructTreeRoot"]))
    for heading in headings:
        assert heading in types, (heading, sorted(set(types)))
    return types
