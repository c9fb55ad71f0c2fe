"""Index terms now come from brug.text's tokeniser (accents stripped, hashtags as bare words).

Recomputes title_stems / body_stems and, on PostgreSQL, the search vector, exactly as 0004 did;
safe to re-run.
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
    dependencies = [("knowledge", "0005_merge_0004_item_anonymous_0004_reindex_search_terms")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
