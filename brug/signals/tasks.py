"""Background work of the signals part (in-process in the demo, on Celery workers with Redis)."""

from __future__ import annotations

from celery import shared_task

REMATCH_BATCH = 2000


@shared_task(name="brug.signals.rematch_theme")
def rematch_theme(theme_id: int) -> int:
    """A theme's query changed: match it again against every stored text and recount the theme."""
    from brug.text import parse_query

    from . import stats
    from .models import Signal, Theme

    theme = Theme.objects.filter(pk=theme_id).first()
    if theme is None:
        return 0
    through = Signal.themes.through
    query = parse_query(theme.query) if theme.active else None
    matched = 0
    last = 0
    base = Signal.objects.filter(organisation_id=theme.organisation_id, published=True, text_purged_at__isnull=True)
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
    return matched
