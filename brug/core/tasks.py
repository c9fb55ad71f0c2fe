import os
import socket

from celery import shared_task


@shared_task(name="brug.core.worker_info")
def worker_info(value: int) -> dict[str, object]:
    """Tells where it ran; used to prove that tasks reach real workers."""
    return {"pid": os.getpid(), "host": socket.gethostname(), "square": value * value}


@shared_task(name="brug.core.purge_expired_submission_keys")
def purge_expired_submission_keys() -> int:
    """Daily: the double-submission keys past their term are deleted (and the deletion audited)."""
    from . import services

    return services.purge_expired_submission_keys()
