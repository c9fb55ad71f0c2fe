"""Reference data: all municipalities, idempotent loading, size classes, bad files change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from brug.municipalities.models import Municipality, SizeClass, size_class_for
from brug.municipalities.services import ReferenceDataError, load_municipalities


@pytest.fixture(autouse=True)
def _empty_reference_table(db: None) -> None:
    # Other apps' test sessions may have loaded the reference data already (it is committed
    # once per session for speed); these tests start from an empty table, inside their transaction.
    Municipality.objects.all().delete()


def test_all_342_municipalities_load_and_a_second_run_changes_nothing(db) -> None:
    first = load_municipalities()
    second = load_municipalities()
    assert first.created == 342 and Municipality.objects.count() == 342
    assert second.created == 0 and second.updated == 0
    amsterdam = Municipality.objects.get(cbs_code="GM0363")
    assert amsterdam.population == 934526 and amsterdam.size_class == SizeClass.LARGE


def test_size_classes_follow_the_bounds_in_the_settings(db) -> None:
    assert size_class_for(29_999) == SizeClass.SMALL
    assert size_class_for(30_000) == SizeClass.MEDIUM
    assert size_class_for(100_000) == SizeClass.MEDIUM
    assert size_class_for(100_001) == SizeClass.LARGE
    with override_settings(BRUG_SIZE_SMALL_BELOW=50_000):
        assert size_class_for(40_000) == SizeClass.SMALL


@pytest.mark.parametrize(
    "content, message",
    [
        ("code,naam\nGM0001,X\n", "Onverwachte kolommen"),
        ("cbs_code,naam,provincie,inwoners,peiljaar\nXX01,Foo,Utrecht,100,2025\n", "ongeldige CBS-code"),
        ("cbs_code,naam,provincie,inwoners,peiljaar\nGM0001,Foo,Utrecht,veel,2025\n", "getallen"),
        (
            "cbs_code,naam,provincie,inwoners,peiljaar\nGM0001,Foo,Utrecht,1,2025\nGM0001,Bar,Utrecht,1,2025\n",
            "dubbel",
        ),
        ("cbs_code,naam,provincie,inwoners,peiljaar\n", "geen gemeenten"),
    ],
)
def test_a_malformed_reference_csv_is_refused_and_changes_nothing(
    db, tmp_path: Path, content: str, message: str
) -> None:
    load_municipalities()
    bad = tmp_path / "gemeenten.csv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=message):
        load_municipalities(path=bad)
    with pytest.raises(CommandError, match="niets gewijzigd"):
        call_command("load_municipalities", path=bad)
    assert Municipality.objects.count() == 342
    assert Municipality.objects.get(cbs_code="GM0363").name == "Amsterdam"


def test_a_reference_file_that_is_not_utf8_is_refused(db, tmp_path: Path) -> None:
    bad = tmp_path / "gemeenten.csv"
    bad.write_bytes(
        "cbs_code,naam,provincie,inwoners,peiljaar\nGM0001,Súdwest,Friesland,1,2025\n".encode("utf-16")
    )
    with pytest.raises(ReferenceDataError, match="UTF-8"):
        load_municipalities(path=bad)
    assert Municipality.objects.count() == 0
