"""On PostgreSQL, the database itself refuses UPDATE and DELETE on the audit log."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION brug_audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'Het auditlog is alleen aan te vullen (append-only)';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER brug_audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON core_auditlogentry
  FOR EACH ROW EXECUTE FUNCTION brug_audit_log_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS brug_audit_log_no_update_delete ON core_auditlogentry;
DROP FUNCTION IF EXISTS brug_audit_log_append_only();
"""


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
