"""Search terms now include compound parts and joined forms; the tsvector is built from them.

Recomputes title_stems / body_stems for every item and, on PostgreSQL, the search vector over
those terms (config "simple": they are stemmed already). Runs in chunks; safe to re-run.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

CHUNK = 2000


def reindex(apps: Any, schema_editor: Any) -> None:
    from brug.knowledge.text import stem_column

    Item = apps.get_model("knowledge", "KnowledgeItem")
    ids = list(Item.objects.order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), CHUNK):
        rows = list(Item.objects.filter(id__in=ids[start : start + CHUNK]).only("id", "title", "body"))
        for row in rows:
            row.title_stems = stem_column(row.title)
            row.body_stems = stem_column(row.body)
        Item.objects.bulk_update(rows, ["title_stems", "body_stems"])
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE knowledge_knowledgeitem SET search_vector = "
            "setweight(to_tsvector('simple', coalesce(title_stems, '')), 'A') || "
            "setweight(to_tsvector('simple', coalesce(body_stems, '')), 'B')"
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_indexversion_token")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
