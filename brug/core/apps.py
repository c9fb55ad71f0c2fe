from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    name = "brug.core"
    label = "core"
    verbose_name = "Kern: organisaties, rollen, inloggen, auditlog"


class BrugAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with Brug's site: Brug's login, always a second factor, audited writes."""

    default = False
    default_site = "brug.core.admin_site.BrugAdminSite"
