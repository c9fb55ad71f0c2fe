"""{% load brug_audit %}: audit-log lines in Dutch (brug.core.audit_labels).

{{ entry.action|audit_label }} the label of the action, {{ entry|audit_fields }} the changed fields by
their Dutch names, {{ entry.object_id|audit_object }} the object's number.
"""

from __future__ import annotations

from django import template

from brug.core.audit_labels import action_label, field_labels
from brug.core.models import AuditLogEntry

register = template.Library()


@register.filter(name="audit_label")
def audit_label_filter(action: str) -> str:
    return action_label(action)


@register.filter(name="audit_fields")
def audit_fields_filter(entry: AuditLogEntry) -> str:
    return ", ".join(field_labels(entry.object_type, entry.changed_fields))


@register.filter(name="audit_object")
def audit_object_filter(object_id: str) -> str:
    """A row's id reads "nr. 12"; a count ("3 berichten") stays as it is."""
    return f"nr. {object_id}" if object_id.isdigit() else object_id
