"""GIN index on the tsvector column, on PostgreSQL only (SQLite searches the stem columns)."""

from django.db import migrations


def create_gin(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS knowledge_item_search_gin ON knowledge_knowledgeitem USING gin (search_vector)"
        )


def drop_gin(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_item_search_gin")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(create_gin, drop_gin)]
