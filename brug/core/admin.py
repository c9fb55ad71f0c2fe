from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .audit_names import actions_named, canonical_action
from .models import AuditLogEntry, Membership, Organisation, User


class ActionFilter(admin.SimpleListFilter):
    """Filters on the action's name in the `app.object.verb` scheme: old lines are found too."""

    title = "actie"
    parameter_name = "action"

    def lookups(self, request: HttpRequest, _model_admin: Any) -> list[tuple[str, str]]:
        stored = AuditLogEntry.objects.order_by().values_list("action", flat=True).distinct()
        return [(name, name) for name in sorted({canonical_action(a) for a in stored})]

    def queryset(self, request: HttpRequest, queryset: Any) -> Any:
        value = self.value()
        return queryset.filter(action__in=actions_named(value)) if value else queryset


@admin.register(AuditLogEntry)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: the audit log can be inspected here, never changed or deleted."""

    list_display = ["at", "actor_label", "organisation", "canonical_action", "object_type", "object_id"]
    list_filter = [ActionFilter]

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
