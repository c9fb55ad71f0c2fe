"""One taxonomy of dividing lines: a pair's key becomes a key of `brug.core.taxonomy`.

The analysis had its own list of fifteen keys and share.py translated them into the knowledge
base's keys by hand. Pairs and the pairs inside map versions (snapshots) now store the shared key.
Backwards is exact except for religion: "herkomst" and "religie" are both the one line
"etnisch-cultureel-religieus" now, which turns back into "herkomst".
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

OLD_TO_NEW = {
    "herkomst": "etnisch-cultureel-religieus",
    "religie": "etnisch-cultureel-religieus",
    "traditie": "sinterklaas",
    "supporters": "supporters",
    "nieuw_oud": "nieuwkomers-gevestigden",
    "burger_overheid": "burger-overheid",
    "kansen": "arm-rijk",
    "leeftijd": "jong-oud",
    "stad_platteland": "stad-platteland",
    "energie": "windmolens",
    "stikstof": "stikstof",
    "wonen": "woningkrapte",
    "corona": "corona",
    "bestaanszekerheid": "inflatie",
    "anders": "anders",
}
NEW_TO_OLD = {new: old for old, new in reversed(list(OLD_TO_NEW.items()))}  # first old name wins


def _convert(apps: Any, mapping: dict[str, str]) -> None:
    pair_model = apps.get_model("analysis", "UsThemPair")
    for pair in pair_model.objects.filter(dividing_line__in=list(mapping)):
        new = mapping[pair.dividing_line]
        if new != pair.dividing_line:
            # .update(): the versioned model's save() would count a new version for a rename.
            pair_model.objects.filter(pk=pair.pk).update(dividing_line=new)
    snapshot_model = apps.get_model("analysis", "MapSnapshot")
    for snapshot in snapshot_model.objects.all():
        data = snapshot.data or {}
        changed = False
        for pair in data.get("pairs", []):
            new = mapping.get(pair.get("dividing_line", ""))
            if new is not None and new != pair["dividing_line"]:
                pair["dividing_line"] = new
                changed = True
        if changed:
            snapshot_model.objects.filter(pk=snapshot.pk).update(data=data)


def forwards(apps: Any, schema_editor: Any) -> None:
    _convert(apps, OLD_TO_NEW)


def backwards(apps: Any, schema_editor: Any) -> None:
    _convert(apps, NEW_TO_OLD)


class Migration(migrations.Migration):
    dependencies = [("analysis", "0007_merge_20261129_0540")]
    operations = [migrations.RunPython(forwards, backwards)]
