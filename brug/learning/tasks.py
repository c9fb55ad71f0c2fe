from celery import shared_task

from .services.reminders import send_reminders as _send_reminders


@shared_task(name="brug.learning.send_reminders")
def send_reminders() -> int:
    """Idempotent: run it as often as you like (e.g. hourly); each reminder goes out once."""
    return _send_reminders()
