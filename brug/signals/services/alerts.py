"""Storing alerts (a volume spike, hostility above a threshold, a new term rising) and mailing them.

The detection rules and their reads are in ..alerts; parameters in MonitorConfig, described in
docs/algorithms/spanningsniveau-en-pieken.md.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from brug.core.models import Membership, Organisation, Role

from ..alerts import (
    HOSTILITY_MIN_COUNT,
    NEW_TERM_MIN,
    config_for,
    daily_counts,
    nl,
    rising_term,
    spike_threshold,
)
from ..models import Alert, AlertKind, Theme


def detect_alerts(*, organisation_id: int, days: list[date] | None = None) -> list[Alert]:
    """Check the given days (default: yesterday and today) for every active theme; returns new alerts."""
    config = config_for(organisation_id)
    today = timezone.localdate()
    days = days or [today - timedelta(days=1), today]
    themes = list(Theme.objects.filter(organisation_id=organisation_id, active=True))
    start = min(days) - timedelta(days=config.baseline_days)
    counts = daily_counts([t.pk for t in themes], start, max(days))
    created: list[Alert] = []
    for theme in themes:
        series = counts.get(theme.pk, {})
        for day in days:
            current = series.get(day, {"n": 0, "hostility": 0.0})
            n = int(current["n"])
            baseline = [
                int(series.get(day - timedelta(days=i), {"n": 0})["n"])
                for i in range(1, config.baseline_days + 1)
            ]
            mean, spread, threshold = spike_threshold(baseline, config.spike_k)
            if n >= config.spike_min_count and n > threshold:
                reason = (
                    f"{n} berichten op {day:%d-%m-%Y}; normaal {nl(mean, 1)} per dag "
                    f"(drempel {nl(threshold, 1)} = gemiddelde + {nl(config.spike_k, 1)} × spreiding {nl(spread, 1)} "
                    f"over de {config.baseline_days} dagen ervoor)."
                )
                created += _create(theme, AlertKind.SPIKE, day, n, threshold, reason)
            if n >= HOSTILITY_MIN_COUNT:
                mean_hostility = current["hostility"] / n
                if mean_hostility >= config.hostility_threshold:
                    reason = (
                        f"Gemiddelde vijandigheid {nl(mean_hostility, 2)} in {n} berichten op {day:%d-%m-%Y} "
                        f"(drempel {nl(config.hostility_threshold, 2)})."
                    )
                    created += _create(
                        theme, AlertKind.HOSTILITY, day, mean_hostility, config.hostility_threshold, reason
                    )
            rising = rising_term(theme, day, config.baseline_days) if n >= NEW_TERM_MIN else None
            if rising:
                term, count, old_share = rising
                reason = (
                    f"'{term}' staat op {day:%d-%m-%Y} in {count} berichten over dit thema; "
                    f"in de {config.baseline_days} dagen ervoor in {old_share:.0%}."
                )
                created += _create(theme, AlertKind.NEW_TERM, day, count, NEW_TERM_MIN, reason, term=term)
    if created:
        _mail(organisation_id, created)
    return created


def _create(
    theme: Theme, kind: str, day: date, value: float, threshold: float, reason: str, term: str = ""
) -> list[Alert]:
    if Alert.objects.filter(theme=theme, kind=kind, window_start=day).exists():
        return []
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                organisation_id=theme.organisation_id,
                theme=theme,
                kind=kind,
                window_start=day,
                value=value,
                threshold=threshold,
                reason=reason,
                term=term[:100],
            )
    except IntegrityError:
        return []  # a parallel detection made it first: one alert per theme per window
    return [alert]


def _mail(organisation_id: int, alerts: list[Alert]) -> None:
    org = Organisation.objects.get(pk=organisation_id)
    recipients = list(
        Membership.objects.filter(organisation=org, role=Role.COORDINATOR).values_list(
            "user__email", flat=True
        )
    )
    if not recipients:
        return
    url = f"{settings.BRUG_BASE_URL}/o/{org.slug}/signalen/meldingen/"
    # Only theme names and numbers: an email must not carry message texts (personal data).
    lines = [f"- {a.theme.name}: {a.get_kind_display()} – {a.reason}" for a in alerts]
    send_mail(
        subject=f"Brug: {len(alerts)} nieuwe melding(en) in de signalenmonitor",
        message="Er zijn nieuwe meldingen in de signalenmonitor van "
        + org.name
        + ":\n\n"
        + "\n".join(lines)
        + f"\n\nBekijk ze op {url}",
        from_email=None,
        recipient_list=recipients,
        fail_silently=True,
    )
