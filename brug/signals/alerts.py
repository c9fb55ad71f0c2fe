"""Alert detection per theme: a volume spike, hostility above a threshold, a new term rising.

The reads and arithmetic are here; storing alerts and mailing coordinators is services.alerts.

Parameters live in MonitorConfig and are described in docs/algorithms/spanningsniveau-en-pieken.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date, datetime, time, timedelta

from django.db.models import Sum
from django.utils import timezone

from .models import DailyThemeStat, MonitorConfig, Signal, Theme

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
    """The organisation's monitor settings; the defaults, unsaved, until a coordinator saves them."""
    return MonitorConfig.objects.filter(organisation_id=organisation_id).first() or MonitorConfig(
        organisation_id=organisation_id
    )


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
