"""One audit-action naming scheme (`app.object.verb`): lines written under an older name get the new name.

The audit log is append-only (model, admin and, on PostgreSQL, a trigger refuse UPDATE, DELETE and
TRUNCATE). This migration is the one deliberate exception, made by the operator who deploys it,
inside one transaction: each renamed line keeps the name it was written with in `written_as`, so
nothing is lost, and the migration adds a line of its own (`core.audit.rename_actions`) saying how
many lines it renamed. On PostgreSQL the update trigger is switched off for this transaction only
and is on again when it commits (a test checks that an UPDATE is refused afterwards).
"""

from django.db import migrations, models
from django.utils import timezone

TRIGGER = "brug_audit_log_no_update_delete"

# Old name -> name in the scheme (frozen here: the code writes only new names).
RENAMED_ACTIONS: dict[str, str] = {
    # core
    "account.aangemaakt": "core.account.create",
    "beheer.toegevoegd": "core.admin.create",
    "beheer.gewijzigd": "core.admin.update",
    "beheer.verwijderd": "core.admin.delete",
    "herstelcode.gebruikt": "core.recovery_code.use",
    "herstelcodes.vernieuwd": "core.recovery_codes.renew",
    "lid.toegevoegd": "core.membership.add",
    "lid.rol_gewijzigd": "core.membership.change_role",
    "lid.verwijderd": "core.membership.remove",
    "organisatie.aangemaakt": "core.organisation.create",
    "tweestapsverificatie.ingesteld": "core.two_factor.setup",
    "uitnodiging.verstuurd": "core.invitation.send",
    "wachtwoord.hersteld": "core.password.reset",
    # municipalities
    "wijk.toegevoegd": "municipalities.neighbourhood.add",
    "wijk.verwijderd": "municipalities.neighbourhood.remove",
    # dialogue
    "dialogue.created": "dialogue.dialogue.create",
    "dialogue.updated": "dialogue.dialogue.update",
    "dialogue.imported": "dialogue.dialogue.import",
    "dialogue.statement_added": "dialogue.statement.add",
    "dialogue.statement_approved": "dialogue.statement.approve",
    "dialogue.statement_rejected": "dialogue.statement.reject",
    # knowledge
    "knowledge.item_published": "knowledge.item.publish",
    "knowledge.item_updated": "knowledge.item.update",
    # learning
    "learning.toegang_geregeld": "learning.access.arrange",
    "learning.assignment_created": "learning.assignment.create",
    "learning.assignment_changed": "learning.assignment.update",
    "learning.assignment_removed": "learning.assignment.delete",
    "learning.attendance_recorded": "learning.attendance.record",
    "learning.edition_saved": "learning.edition.save",
    "learning.edition_published": "learning.edition.publish",
    "learning.edition_unpublished": "learning.edition.unpublish",
    "learning.intake_saved": "learning.intake.save",
    "learning.intake_removed": "learning.intake.delete",
    "learning.knowledge_draft_saved": "learning.knowledge_product.save_draft",
    "learning.knowledge_published": "learning.knowledge_product.publish",
    "learning.maatwerk_saved": "learning.maatwerk.save",
    "learning.maatwerk_selected": "learning.maatwerk.select",
    "learning.message_sent": "learning.message.send",
    "learning.pairs_proposed": "learning.pairs.propose",
    "learning.pair_updated": "learning.pair.update",
    "learning.pair_removed": "learning.pair.delete",
    "learning.registered": "learning.registration.create",
    "learning.registration_admitted": "learning.registration.admit",
    "learning.registration_changed": "learning.registration.update",
    "learning.registration_duplicate": "learning.registration.duplicate",
    "learning.registration_removed": "learning.registration.delete",
    "learning.registration_withdrawn": "learning.registration.withdraw",
    "learning.selection_applied": "learning.selection.apply",
    "learning.selection_override": "learning.selection.override",
    "learning.session_saved": "learning.session.save",
    "learning.session_entry_added": "learning.session_entry.create",
    "learning.session_entry_changed": "learning.session_entry.update",
    "learning.session_entry_removed": "learning.session_entry.delete",
    "learning.submitted": "learning.submission.create",
    "learning.thread_started": "learning.thread.start",
    "learning.thread_reply": "learning.thread.reply",
    "learning.work_session_added": "learning.work_session.create",
    "learning.work_session_notes": "learning.work_session.save_notes",
    # signals
    "signal.created": "signals.signal.create",
    "signal.key_figure_removed": "signals.signal.remove_key_figure",
    "signal.status_changed": "signals.signal.change_status",
    "signal.texts_purged": "signals.signal.purge_texts",
    "signal_alert.seen": "signals.alert.mark_seen",
    "signal_api_token.issued": "signals.api_token.issue",
    "signal_api_token.revoked": "signals.api_token.revoke",
    "signal_import.started": "signals.import.start",
    "signal_import.cancelled": "signals.import.cancel",
    "signal_meeting.recorded": "signals.meeting.record",
    "signal_meeting.changed": "signals.meeting.update",
    "signal_monitor_config.changed": "signals.monitor_config.update",
    "signal_theme.created": "signals.theme.create",
    "signal_theme.changed": "signals.theme.update",
    "signal_theme.deleted": "signals.theme.delete",
}


def _rename(schema_editor, pairs: list[tuple[str, str]], *, keep_old: bool) -> int:  # type: ignore[no-untyped-def]
    connection = schema_editor.connection
    postgres = connection.vendor == "postgresql"
    renamed = 0
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute(f"ALTER TABLE core_auditlogentry DISABLE TRIGGER {TRIGGER}")
        for old, new in pairs:
            if keep_old:
                cursor.execute(
                    "UPDATE core_auditlogentry SET action = %s, written_as = %s WHERE action = %s",
                    [new, old, old],
                )
            else:
                cursor.execute(
                    "UPDATE core_auditlogentry SET action = written_as, written_as = '' "
                    "WHERE action = %s AND written_as = %s",
                    [old, new],
                )
            renamed += cursor.rowcount
        if postgres:
            cursor.execute(f"ALTER TABLE core_auditlogentry ENABLE TRIGGER {TRIGGER}")
    return renamed


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    renamed = _rename(schema_editor, sorted(RENAMED_ACTIONS.items()), keep_old=True)
    if renamed:
        apps.get_model("core", "AuditLogEntry").objects.create(
            at=timezone.now(),
            actor_label="systeem (migratie core 0006)",
            action="core.audit.rename_actions",
            object_type="core.AuditLogEntry",
            object_id=f"{renamed} {'regel' if renamed == 1 else 'regels'}",
            changed_fields=["action", "written_as"],
        )


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    _rename(schema_editor, sorted((new, old) for old, new in RENAMED_ACTIONS.items()), keep_old=False)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_merge_20261129_0540")]

    operations = [
        migrations.AddField(
            model_name="auditlogentry",
            name="written_as",
            field=models.CharField(
                blank=True,
                default="",
                help_text="De naam waaronder de regel is geschreven, als een migratie de actie later hernoemde.",
                max_length=60,
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
