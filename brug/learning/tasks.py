from celery import shared_task

from .services.reminders import send_reminders as _send_reminders


@shared_task(name="brug.learning.send_reminders")
def send_reminders() -> int:
    """Idempotent: run it as often as you like (e.g. hourly); each reminder goes out once."""
    return _send_reminders()


@shared_task(name="brug.learning.embed_learning_question", ignore_result=True)
def embed_learning_question(registration_id: int) -> None:
    """Store the embedding of a registration's learning question (cached by a hash of the text)."""
    from .models import Registration
    from .services.pairs import question_vectors

    registration = Registration.objects.select_related("intake").filter(pk=registration_id).first()
    if registration is not None:
        question_vectors([registration])
