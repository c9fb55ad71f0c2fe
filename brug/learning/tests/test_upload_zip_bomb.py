"""The learning network's upload check refuses a .docx zip bomb before unpacking (issue 10, item 5)."""

from __future__ import annotations

import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from brug.core.tests.test_uploads import zip_bomb
from brug.learning.services.uploads import UploadError, detect_type


def test_the_learning_upload_refuses_a_docx_bomb() -> None:
    # Without the check, reading [Content_Types].xml alone would unpack 60 MB into memory.
    tracemalloc.start()
    with pytest.raises(UploadError, match="zipbom|uitgepakt te groot"):
        detect_type(SimpleUploadedFile("verslag.docx", zip_bomb(60, name="[Content_Types].xml")))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
