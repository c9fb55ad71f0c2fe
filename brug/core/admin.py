from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import AuditLogEntry, Membership, Organisation, User


@admin.register(AuditLogEntry)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: the audit log can be inspected here, never changed or deleted."""

    list_display = ["at", "actor_label", "organisation", "action", "object_type", "object_id"]
    list_filter = ["action"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality"]
    search_fields = ["name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role"]


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "is_active"]
    search_fields = ["email", "name"]
    exclude = ["password"]
