"""Audit-action names: `app.object.verb`, and the older names that lines written before the scheme carry.

The audit log is append-only: `AuditLogEntry` refuses updates, and on PostgreSQL a trigger refuses
UPDATE, DELETE and TRUNCATE (core migrations 0002 and 0004). Rewriting the stored names would need
exactly what that protection forbids, and a log that was rewritten once proves nothing. So old lines
keep the name they were written with, and every reader shows `canonical_action(entry.action)`
(`AuditLogEntry.canonical_action`): the audit-log page, the admin, and `actions_named()` for a
filter that must find old and new lines alike. New code writes only names from the scheme; a test
(`brug/core/tests/test_audit_names.py`) checks every name in the code.
"""

from __future__ import annotations

# Old name -> name in the scheme. Only ever grows: an old line must always find its new name.
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


def canonical_action(name: str) -> str:
    """The name in the `app.object.verb` scheme of an action as it is stored."""
    return RENAMED_ACTIONS.get(name, name)


def actions_named(name: str) -> list[str]:
    """Every stored name that means `name` (itself and its older names): for `action__in=`."""
    return [name, *sorted(old for old, new in RENAMED_ACTIONS.items() if new == name)]
