"""{% load brug_audit %} {{ entry.action|audit_label }}: the Dutch label of an audit action (brug.core.audit_labels)."""

from __future__ import annotations

from django import template

from brug.core.audit_labels import action_label

register = template.Library()


@register.filter(name="audit_label")
def audit_label_filter(action: str) -> str:
    return action_label(action)
