"""/beheer/ (Django admin) behind Brug's own door.

- Login goes through Brug's login page (lock-out on passwords and on codes); the admin's own
  login form is never shown.
- Access ALWAYS needs a verified second factor in this session, whatever the role.
- Every write (add, change, delete, bulk delete) lands in Brug's audit log, in the same
  transaction as the change. Every ModelAdmin registered on this site gets that behaviour,
  also those registered by other apps (``@admin.register``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from .access import second_factor_verified
from .audit import record


def _organisation_of(obj: models.Model) -> Any:
    from .models import Organisation

    if isinstance(obj, Organisation):
        return obj
    organisation = getattr(obj, "organisation", None)
    return organisation if isinstance(organisation, Organisation) else None


def _audit(request: HttpRequest, action: str, obj: models.Model, fields: list[str] | None = None) -> None:
    record(
        actor=request.user if request.user.is_authenticated else None,  # type: ignore[arg-type]
        organisation=_organisation_of(obj),
        action=action,
        obj=obj,
        fields=fields or [],
    )


class AuditedAdminMixin:
    """Writes of a ModelAdmin go to the audit log (field names only, never values)."""

    def save_model(self, request: HttpRequest, obj: models.Model, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        fields = list(form.changed_data) if change else [f for f in form.fields if f in form.cleaned_data]
        _audit(request, "core.admin.update" if change else "core.admin.create", obj, fields)

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        _audit(request, "core.admin.delete", obj)
        super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        # Bulk delete ("delete selected"): one line per object, before the rows are gone.
        for obj in queryset:
            _audit(request, "core.admin.delete", obj)
        super().delete_queryset(request, queryset)  # type: ignore[misc]


class BrugAdminSite(admin.AdminSite):
    site_header = "Brug beheer"
    site_title = "Brug beheer"
    index_title = "Beheer"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active
            and user.is_staff
            and getattr(user, "has_second_factor", False)
            and second_factor_verified(request)
        )

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """Never the admin's own form: Brug's login, or its second-factor step."""
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        query = urlencode({"next": next_url})
        if not request.user.is_authenticated:
            return redirect(f"{reverse('core:login')}?{query}")
        if not getattr(request.user, "has_second_factor", False):
            return redirect(f"{reverse('core:2fa_setup')}?{query}")
        if not second_factor_verified(request):
            return redirect(f"{reverse('core:2fa_verify')}?{query}")
        # Logged in with a verified second factor, yet no permission (not staff): nothing here.
        return redirect("core:home")

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, AuditedAdminMixin):
            admin_class = type(
                admin_class.__name__, (AuditedAdminMixin, admin_class), {"__module__": admin_class.__module__}
            )
        super().register(model_or_iterable, admin_class, **options)
