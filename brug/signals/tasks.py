"""Background work of the signals part (in-process in the demo, on Celery workers with Redis)."""

from __future__ import annotations

from celery import shared_task

from brug.core.audit import record

REMATCH_BATCH = 2000


@shared_task(name="brug.signals.rematch_theme")
def rematch_theme(theme_id: int) -> int:
    """A theme's query changed: match it again against every stored text and recount the theme."""
    from brug.text import QuerySyntaxError, parse_query

    from . import stats
    from .models import Signal, Theme

    theme = Theme.objects.filter(pk=theme_id).first()
    if theme is None:
        return 0
    through = Signal.themes.through
    try:
        query = parse_query(theme.query) if theme.active else None
    except QuerySyntaxError:
        query = None  # saved before the limits existed: it matches nothing rather than failing every run
    matched = 0
    last = 0
    base = Signal.objects.filter(
        organisation_id=theme.organisation_id, published=True, text_purged_at__isnull=True
    )
    while True:
        batch = list(base.filter(pk__gt=last).order_by("pk").values_list("pk", "text")[:REMATCH_BATCH])
        if not batch:
            break
        last = batch[-1][0]
        ids = [pk for pk, _ in batch]
        hits = [pk for pk, text in batch if query is not None and query.matches(text)]
        through.objects.filter(theme_id=theme.pk, signal_id__in=ids).delete()
        through.objects.bulk_create([through(theme_id=theme.pk, signal_id=pk) for pk in hits])
        matched += len(hits)
    stats.rebuild_theme(theme)
    # Which stored messages count for a theme changed: that is a change of the organisation's data.
    record(
        action="signals.theme.rematch",
        obj=theme,
        organisation=theme.organisation,
        actor_label="systeem (thema opnieuw ingedeeld)",
        fields=["query", "active"],
    )
    return matched


@shared_task(name="brug.signals.run_import")
def run_import(job_id: int) -> None:
    from .importing import pipeline

    check_alerts_after(pipeline.run(job_id, lambda jid, rows: import_chunk.delay(jid, rows)))


@shared_task(name="brug.signals.import_chunk")
def import_chunk(job_id: int, rows: list[list[object]]) -> None:
    from .importing import pipeline

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

    from . import alerts

    end = min(date.fromisoformat(last_day), timezone.localdate()) if last_day else timezone.localdate()
    return len(alerts.detect(organisation_id, [end - timedelta(days=i) for i in (2, 1, 0)]))


@shared_task(name="brug.signals.purge_expired_message_texts")
def purge_expired_message_texts() -> int:
    """Blank the text of online and media messages past the retention period; counts and scores stay."""
    from datetime import timedelta

    from django.utils import timezone

    from brug.core.audit import record

    from .models import MonitorConfig, Signal
    from .models.signals import BULK_CHANNELS

    total = 0
    now = timezone.now()
    for org_id in (
        Signal.objects.filter(text_purged_at__isnull=True, channel__in=BULK_CHANNELS)
        .values_list("organisation_id", flat=True)
        .distinct()
    ):
        config, _ = MonitorConfig.objects.get_or_create(organisation_id=org_id)
        cutoff = now - timedelta(days=config.text_retention_days)
        count = Signal.objects.filter(
            organisation_id=org_id,
            channel__in=BULK_CHANNELS,
            occurred_at__lt=cutoff,
            text_purged_at__isnull=True,
        ).update(text="", author_pseudonym="", url="", why={}, text_purged_at=now)
        if count:
            record(
                action="signals.signal.purge_texts",
                object_type="signals.Signal",
                object_id=f"{count} berichten",
                fields=["text", "author_pseudonym", "url", "why"],
                actor_label="systeem (bewaartermijn)",
                organisation=MonitorConfig.objects.get(pk=config.pk).organisation,
            )
        total += count
    return total


@shared_task(name="brug.signals.detect_alerts_all")
def detect_alerts_all() -> int:
    """Hourly: every organisation with themes gets its alerts checked (signals from people count too)."""
    from .models import Theme

    return sum(
        detect_alerts(org_id) for org_id in Theme.objects.values_list("organisation_id", flat=True).distinct()
    )


@shared_task(name="brug.signals.fail_stale_imports")
def fail_stale_imports() -> int:
    """Periodic: imports left running by a dead worker are failed and their uploads removed."""
    from .importing import stale

    failed = stale.fail_stale_imports()
    stale.remove_orphan_uploads()
    return failed
