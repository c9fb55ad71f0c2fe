"""One voice: every learning and knowledge text addresses the reader as "u", never shows Django's
"---------" placeholder, and a form never renders it either."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]  # brug/
FORBIDDEN = re.compile(r"\bje\b|\bjij\b|\bjouw\b|---------", re.IGNORECASE)
TEMPLATE_DIRS = [ROOT / "learning" / "templates", ROOT / "knowledge" / "templates"]
# Python modules whose strings end up on a page or in a mail (the stopword list of the search is not text).
TEXT_MODULES = [
    *sorted((ROOT / "learning" / "services").glob("*.py")),
    *sorted((ROOT / "learning" / "views").glob("*.py")),
    *sorted((ROOT / "learning" / "forms").glob("*.py")),
    ROOT / "learning" / "dashboard.py",
    *(ROOT / "knowledge" / name for name in ("views.py", "forms.py", "services.py", "dashboard.py")),
]


def _templates() -> list[Path]:
    return sorted(p for d in TEMPLATE_DIRS for p in d.rglob("*") if p.suffix in (".html", ".txt", ".ics"))


def test_the_scan_sees_the_templates_and_modules() -> None:
    assert len(_templates()) > 40 and all(p.exists() for p in TEXT_MODULES)


def test_the_pattern_catches_what_it_must() -> None:
    for bad in ("Heb je vragen?", "Jij bent", "jouw gemeente", "<option>---------</option>"):
        assert FORBIDDEN.search(bad), bad
    for good in ("Heeft u vragen?", "jeugdwerk", "bijeenkomst", "gejuich"):
        assert not FORBIDDEN.search(good), good


@pytest.mark.parametrize("path", _templates(), ids=lambda p: str(p.relative_to(ROOT)))
def test_templates_address_the_reader_as_u(path: Path) -> None:
    found = [
        (n, line.strip())
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if FORBIDDEN.search(line)
    ]
    assert not found, f"{path.relative_to(ROOT)}: {found}"


@pytest.mark.parametrize("path", TEXT_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_texts_and_mails_in_python_address_the_reader_as_u(path: Path) -> None:
    strings = [
        (node.lineno, node.value)
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and FORBIDDEN.search(node.value)
    ]
    assert not strings, f"{path.relative_to(ROOT)}: {strings}"


@pytest.mark.django_db
def test_no_form_of_learning_or_knowledge_renders_the_dashes(tenancy: Any) -> None:
    from brug.knowledge import forms as knowledge_forms
    from brug.learning import forms as learning_forms

    from . import helpers

    org, _ = helpers.partner_with_facilitator()
    edition = helpers.edition(org)
    special = {
        "AssignmentForm": {"edition": edition},
        "EditionForm": {"organisation": org},
        "PreferencesForm": {"current": {}},
        "ThreadForm": {"fellows": edition.registrations.all()},
        "DecisionChangeForm": {"registrations": edition.registrations.all()},
    }
    rendered = 0
    for module in (learning_forms, knowledge_forms):
        for name in dir(module):
            form_class = getattr(module, name)
            if not (
                isinstance(form_class, type) and name.endswith("Form") and hasattr(form_class, "base_fields")
            ):
                continue
            if name in ("BrugForm", "BrugModelForm"):
                continue
            html = str(form_class(**special.get(name, {})))
            assert "---------" not in html, name
            rendered += 1
    assert rendered >= 15
