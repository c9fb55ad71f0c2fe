"""Dutch full-text index for the messages page (PostgreSQL only; SQLite searches without it)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

INDEX = "signal_text_dutch_fts"


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        # Same expression as the search in selectors._full_text, so the planner uses it.
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON signals_signal USING gin (to_tsvector('dutch', text))"
        )


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
