"""One taxonomy of dividing lines: pairs store `brug.core.taxonomy` keys, old keys are migrated."""

from __future__ import annotations

import importlib
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.utils import timezone

from brug.analysis import config
from brug.analysis.models import MapSnapshot, UsThemPair
from brug.core import taxonomy

migration = importlib.import_module("brug.analysis.migrations.0008_one_taxonomy_of_dividing_lines")


def test_every_old_key_lands_on_a_term_a_pair_can_choose() -> None:
    keys = {t.key for t in config.dividing_lines()}
    assert set(migration.OLD_TO_NEW.values()) <= keys
    # identity lines stay identity lines, so the game-changer advice is the same after the migration
    for old in ("herkomst", "religie", "traditie", "supporters", "nieuw_oud"):
        assert config.dividing_line(migration.OLD_TO_NEW[old]).identity  # type: ignore[union-attr]
    for old in ("burger_overheid", "kansen", "energie", "anders"):
        assert not config.dividing_line(migration.OLD_TO_NEW[old]).identity  # type: ignore[union-attr]
    assert not {"sleutelfiguren", "dialoog", "lokale-analyse"} & keys  # method themes are no tension


def test_the_migration_converts_pairs_and_map_versions_and_back(pair: Any) -> None:
    UsThemPair.objects.filter(pk=pair.pk).update(dividing_line="kansen")
    snapshot = MapSnapshot.objects.create(
        map=pair.map,
        taken_on=timezone.localdate() - timedelta(days=400),
        version=1,
        data={"pairs": [{"dividing_line": "religie", "dividing_line_label": "Religie en levensbeschouwing"}]},
    )
    version = UsThemPair.objects.get(pk=pair.pk).version
    migration.forwards(apps, None)
    assert UsThemPair.objects.get(pk=pair.pk).dividing_line == "arm-rijk"
    assert UsThemPair.objects.get(pk=pair.pk).version == version  # a rename is no edit
    stored = MapSnapshot.objects.get(pk=snapshot.pk).data["pairs"][0]
    assert stored == {
        "dividing_line": "etnisch-cultureel-religieus",
        "dividing_line_label": "Religie en levensbeschouwing",
    }
    migration.backwards(apps, None)
    assert UsThemPair.objects.get(pk=pair.pk).dividing_line == "kansen"
    # religion and origin are one line now: backwards cannot tell them apart
    assert MapSnapshot.objects.get(pk=snapshot.pk).data["pairs"][0]["dividing_line"] == "herkomst"


def test_sharing_passes_the_keys_on_without_a_translation_table() -> None:
    assert taxonomy.is_dividing_line("burger-overheid") and not taxonomy.is_dividing_line("windmolens")
    assert ("windmolens", "Windmolens") in taxonomy.themes()
