from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "brug.core"
    label = "core"
    verbose_name = "Kern: organisaties, rollen, inloggen, auditlog"

    def ready(self) -> None:
        # Make Brug's Celery app the current one in every Django process, so that tasks are sent to
        # the configured broker (this used to happen in brug/__init__.py, for every import).
        from brug.celery import app  # noqa: F401
