"""Background work of the signals part (in-process in the demo, on Celery workers with Redis)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="brug.signals.rematch_theme")
def rematch_theme(theme_id: int) -> int:
    """A theme's query changed: match it again against every stored text and recount the theme."""
    from .services import themes

    return themes.rematch_theme(theme_id=theme_id)


@shared_task(name="brug.signals.run_import")
def run_import(job_id: int) -> None:
    from .services import pipeline

    check_alerts_after(pipeline.run(job_id, lambda jid, rows: import_chunk.delay(jid, rows)))


@shared_task(name="brug.signals.import_chunk")
def import_chunk(job_id: int, rows: list[list[object]]) -> None:
    from .services import pipeline

    check_alerts_after(pipeline.import_chunk(job_id, rows))


def check_alerts_after(published: tuple[int, str] | None) -> None:
    """After an import is published: check its organisation's last days for alerts, in the background."""
    if published is not None:
        detect_alerts.delay(*published)


@shared_task(name="brug.signals.detect_alerts")
def detect_alerts(organisation_id: int, last_day: str | None = None) -> int:
    """Check the last three days up to last_day (default today) for spikes, hostility and rising terms."""
    from datetime import date, timedelta

    from django.utils import timezone

    from .services import alerts

    end = min(date.fromisoformat(last_day), timezone.localdate()) if last_day else timezone.localdate()
    return len(
        alerts.detect_alerts(
            organisation_id=organisation_id, days=[end - timedelta(days=i) for i in (2, 1, 0)]
        )
    )


@shared_task(name="brug.signals.purge_expired_message_texts")
def purge_expired_message_texts() -> int:
    """Blank the text of online and media messages past the retention period; counts and scores stay."""
    from .services import retention

    return retention.purge_expired_texts()


@shared_task(name="brug.signals.detect_alerts_all")
def detect_alerts_all() -> int:
    """Hourly: every organisation with themes gets its alerts checked (signals from people count too)."""
    from .models import Theme

    return sum(
        detect_alerts(org_id) for org_id in Theme.objects.values_list("organisation_id", flat=True).distinct()
    )


@shared_task(name="brug.signals.refresh_scores")
def refresh_scores(organisation_id: int, batches: int = 20) -> int:
    """Rescore up to `batches` batches of outdated messages, then queue the rest as a new task
    (short tasks: a deploy or restart in between loses at most one batch, which is redone)."""
    from .services import rescore

    done = 0
    while done < batches and rescore.refresh_batch(organisation_id=organisation_id):
        done += 1
    if done == batches:
        refresh_scores.delay(organisation_id, batches)
    return done


# A running refresh without progress for this long was left by a stopped worker: queue it again.
REFRESH_STALE_SECONDS = 300


@shared_task(name="brug.signals.refresh_outdated_scores")
def refresh_outdated_scores(thorough: bool = False) -> list[int]:
    """Every organisation whose stored scores come from another brug.text model version gets a
    score refresh; a refresh left by a stopped worker is picked up again. Returns the organisations.

    On deploy `manage.py rescore_signals` runs it with thorough=True (counts every organisation's
    outdated messages); the beat runs it every 10 minutes (cheap: trusts a finished refresh).
    """
    from datetime import timedelta

    from django.utils import timezone

    from brug.core.models import Organisation

    from .models import Theme
    from .services import rescore

    queued = []
    stale_before = timezone.now() - timedelta(seconds=REFRESH_STALE_SECONDS)
    org_ids = Theme.objects.values_list("organisation_id", flat=True).distinct()
    for organisation in Organisation.objects.filter(pk__in=org_ids).order_by("pk"):
        refresh = rescore.start_refresh(organisation=organisation, thorough=thorough)
        if refresh is None:
            continue
        # No batch done yet (just opened) or no progress for a while (its worker stopped).
        if refresh.heartbeat_at is None or refresh.heartbeat_at < stale_before:
            refresh_scores.delay(organisation.pk)
            queued.append(organisation.pk)
    return queued


@shared_task(name="brug.signals.fail_stale_imports")
def fail_stale_imports() -> int:
    """Periodic: imports left running by a dead worker are failed and their uploads removed."""
    from .services import stale

    failed = stale.fail_stale_imports()
    stale.remove_orphan_uploads()
    return failed
