"""On PostgreSQL, TRUNCATE on the audit log is refused too (row triggers do not fire on it)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION brug_audit_log_no_truncate() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'Het auditlog is alleen aan te vullen (append-only): TRUNCATE is geweigerd';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER brug_audit_log_no_truncate
  BEFORE TRUNCATE ON core_auditlogentry
  FOR EACH STATEMENT EXECUTE FUNCTION brug_audit_log_no_truncate();
"""
DROP = """
DROP TRIGGER IF EXISTS brug_audit_log_no_truncate ON core_auditlogentry;
DROP FUNCTION IF EXISTS brug_audit_log_no_truncate();
"""


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_login_failure_kind")]
    operations = [migrations.RunPython(forwards, backwards)]
