from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString

from .audit_labels import action_label, subject_choices
from .models import AuditLogEntry, Membership, Organisation, User


def _actions_in_the_log() -> list[str]:
    return list(AuditLogEntry.objects.order_by().values_list("action", flat=True).distinct())


class AuditSubjectFilter(admin.SimpleListFilter):
    """Filter on what a line is about (signaal, sleutelfiguur, …), in Dutch; the codes stay in the URL."""

    title = "onderwerp"
    parameter_name = "onderwerp"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return subject_choices(_actions_in_the_log())

    def queryset(self, request: HttpRequest, queryset: QuerySet[AuditLogEntry]) -> QuerySet[AuditLogEntry]:
        subject = self.value()
        return queryset.filter(action__startswith=f"{subject}.") if subject else queryset


class AuditActionFilter(admin.SimpleListFilter):
    """Filter on one action, shown by its Dutch label (an old line's code shows as itself)."""

    title = "handeling"
    parameter_name = "handeling"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        # With an onderwerp chosen, only its actions.
        subject = request.GET.get(AuditSubjectFilter.parameter_name, "")
        actions = [a for a in _actions_in_the_log() if not subject or a.startswith(f"{subject}.")]
        return sorted(((a, action_label(a)) for a in actions), key=lambda c: c[1].lower())

    def queryset(self, request: HttpRequest, queryset: QuerySet[AuditLogEntry]) -> QuerySet[AuditLogEntry]:
        action = self.value()
        return queryset.filter(action=action) if action else queryset


@admin.register(AuditLogEntry)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: the audit log can be inspected here, never changed or deleted."""

    list_display = ["at", "actor_label", "organisation", "handeling", "object_type", "object_id"]
    list_filter = [AuditSubjectFilter, AuditActionFilter]

    @admin.display(description="handeling", ordering="action")
    def handeling(self, entry: AuditLogEntry) -> SafeString:
        """The Dutch label with the code beneath it, as on the audit-log page."""
        label = action_label(entry.action)
        if label == entry.action:
            return format_html("{}", label)
        return format_html("{}<br><small><code>{}</code></small>", label, entry.action)

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
