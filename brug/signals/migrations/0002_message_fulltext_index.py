"""Dutch full-text search for the messages page (PostgreSQL only; SQLite searches without it).

A stored generated column `search_nl` (tsvector, 'dutch') with a GIN index. Stored, not an index
on the expression: checking a row (phrases, the ordered scan of the newest messages) then reads
the vector instead of re-analysing the text, which is ~50x cheaper. Django's model does not know
the column; PostgreSQL fills it on every insert and update (also when the text is purged).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS signal_text_dutch_fts")
        schema_editor.execute(
            "ALTER TABLE signals_signal ADD COLUMN IF NOT EXISTS search_nl tsvector "
            "GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, coalesce(text, ''))) STORED"
        )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS signal_search_nl ON signals_signal USING gin (search_nl)"
        )


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS signal_search_nl")
        schema_editor.execute("ALTER TABLE signals_signal DROP COLUMN IF EXISTS search_nl")


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
