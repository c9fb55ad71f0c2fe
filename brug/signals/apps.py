from django.apps import AppConfig


class SignalsConfig(AppConfig):
    # Periodic work (nightly purge of expired message texts, hourly alert check) is in
    # settings.CELERY_BEAT_SCHEDULE.
    name = "brug.signals"
    label = "signals"
