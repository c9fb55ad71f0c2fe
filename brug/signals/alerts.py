"""Alert detection per theme: a volume spike, hostility above a threshold, a new term rising.

Parameters live in MonitorConfig and are described in docs/algorithms/spanningsniveau-en-pieken.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from brug.core.models import Membership, Organisation, Role

from .models import Alert, AlertKind, DailyThemeStat, MonitorConfig, Signal, Theme

HOSTILITY_MIN_COUNT = 5
NEW_TERM_MIN = 5
NEW_TERM_SHARE = 0.10  # of the day's messages in the theme
NEW_TERM_BASELINE_SHARE = 0.01
SAMPLE = 2000
STOPWORDS = set(
    "de het een en van in op te dat die is niet met voor zijn er aan ook als maar om bij nog wel dan of "
    "dit wat naar ze zo je we wij ik hij zij jij u hun hen ons onze mijn jouw zijn haar kan kunnen moet "
    "moeten wordt worden werd was waren heeft hebben had door over uit tot nu al meer veel geen alles "
    "iets niets hier daar waar wie hoe omdat want zoals toch weer even echt heel gaan gaat komt komen "
    "zou zullen wil willen mag mogen doen doet gedaan zeggen zegt ja nee dus dan na per via".split()
)
WORD = re.compile(r"[a-zà-ÿ][a-zà-ÿ\-]{3,}")


def nl(value: float, digits: int = 1) -> str:
    """Dutch number notation with a decimal comma, as policy officers read it."""
    return f"{value:.{digits}f}".replace(".", ",")


def config_for(organisation_id: int) -> MonitorConfig:
    config, _ = MonitorConfig.objects.get_or_create(organisation_id=organisation_id)
    return config


def daily_counts(theme_ids: list[int], start: date, end: date) -> dict[int, dict[date, dict[str, float]]]:
    rows = (
        DailyThemeStat.objects.filter(theme_id__in=theme_ids, day__range=(start, end))
        .values("theme_id", "day")
        .annotate(
            n=Sum("count"), hostility=Sum("hostility_sum"), framed=Sum("framing_count"), tone=Sum("tone_sum")
        )
        .order_by()
    )
    out: dict[int, dict[date, dict[str, float]]] = {}
    for r in rows:
        out.setdefault(r["theme_id"], {})[r["day"]] = {
            "n": r["n"],
            "hostility": r["hostility"],
            "framed": r["framed"],
            "tone": r["tone"],
        }
    return out


def spike_threshold(baseline: list[int], k: float) -> tuple[float, float, float]:
    """Mean, spread and threshold; the spread never falls below sqrt(mean) or 1 (a quiet theme is not a flat line)."""
    mean = sum(baseline) / len(baseline) if baseline else 0.0
    var = sum((x - mean) ** 2 for x in baseline) / len(baseline) if baseline else 0.0
    spread = max(math.sqrt(var), math.sqrt(mean), 1.0)
    return mean, spread, mean + k * spread


def terms(texts: list[str]) -> Counter[str]:
    """Document frequency of words, so one long rant does not make a term rise."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({w for w in WORD.findall(text.lower()) if w not in STOPWORDS})
    return counts


def _texts(theme: Theme, start: date, end: date) -> list[str]:
    tz = timezone.get_current_timezone()
    lo = datetime.combine(start, time.min, tzinfo=tz)
    hi = datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz)
    return list(
        Signal.objects.filter(themes=theme, published=True, occurred_at__gte=lo, occurred_at__lt=hi)
        .exclude(text="")
        .order_by("-occurred_at")
        .values_list("text", flat=True)[:SAMPLE]
    )


def rising_term(theme: Theme, day: date, baseline_days: int) -> tuple[str, int, float] | None:
    today = _texts(theme, day, day)
    if len(today) < NEW_TERM_MIN:
        return None
    before = _texts(theme, day - timedelta(days=baseline_days), day - timedelta(days=1))
    now_counts, old_counts = terms(today), terms(before)
    best: tuple[str, int, float] | None = None
    for term, n in now_counts.most_common(50):
        share = n / len(today)
        old_share = old_counts.get(term, 0) / max(len(before), 1)
        if (
            n >= NEW_TERM_MIN
            and share >= NEW_TERM_SHARE
            and old_share <= NEW_TERM_BASELINE_SHARE
            and (best is None or n > best[1])
        ):
            best = (term, n, old_share)
    return best


def detect(organisation_id: int, days: list[date] | None = None) -> list[Alert]:
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
