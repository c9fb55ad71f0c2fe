from django.apps import AppConfig


class SignalsConfig(AppConfig):
    # Periodic work (nightly purge of expired message texts, hourly alert check) is in
    # settings.CELERY_BEAT_SCHEDULE.
    name = "brug.signals"
    label = "signals"

    def ready(self) -> None:
        from brug.core.registry import register

        from . import dashboard, demo

        register(self.name, menu=dashboard.menu, panel=dashboard.panel, demo=demo)
