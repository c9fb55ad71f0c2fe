from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "brug.signals"
    label = "signals"

    def ready(self) -> None:
        # Periodic work for `celery beat`: blank expired message texts nightly, look for alerts hourly.
        from brug.celery import app

        schedule = dict(app.conf.beat_schedule or {})
        schedule.setdefault("signals-purge-expired-texts", {"task": "brug.signals.purge_expired_message_texts", "schedule": 24 * 3600})
        schedule.setdefault("signals-detect-alerts", {"task": "brug.signals.detect_alerts_all", "schedule": 3600})
        app.conf.beat_schedule = schedule
