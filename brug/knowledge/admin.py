"""Admin for moderation: read and remove items; content is changed by the owners in the app."""

from __future__ import annotations

from django.contrib import admin

from .models import KnowledgeItem


@admin.register(KnowledgeItem)
class KnowledgeItemAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "organisation", "visibility", "created_at")
    list_filter = ("kind", "visibility")
    search_fields = ("title",)
    fields = (
        "title",
        "kind",
        "organisation",
        "visibility",
        "themes",
        "dividing_lines",
        "source_label",
        "body",
    )
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
