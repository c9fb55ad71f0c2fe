"""The Pol.is zip import refuses a zip bomb before unpacking (issue 10, item 5)."""

from __future__ import annotations

import pytest

from brug.core.tests.test_uploads import zip_bomb
from brug.dialogue.polis import files_from_upload
from brug.dialogue.services import DialogueError


def test_the_polis_import_refuses_a_zip_bomb() -> None:
    with pytest.raises(DialogueError, match="zipbom|uitgepakt te groot"):
        files_from_upload([("export.zip", zip_bomb(60, name="comments.csv"))])
