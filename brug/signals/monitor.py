"""The monitor: volume, tone, hostility, framing and tension per theme, read from DailyThemeStat.

It never scans all messages: one grouped query on the daily table, one on neighbourhoods, and
one bounded sample of recent messages for example texts and top terms.
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.safestring import SafeString

from brug.text import near_duplicate_groups

from . import alerts, selectors, svg
from .alerts import nl
from .models import DailyThemeStat, MonitorConfig, Signal, Theme
from .models.signals import REPORTED_CHANNELS
from .report_sentences import quiet_sentence

log = logging.getLogger(__name__)

SAMPLE = 1000
RECENT_DAYS = 7
EXAMPLES_SHOWN = 3
# Near-duplicates are looked for among a theme's newest messages only: one embedding call of at most
# this many short texts per theme keeps the page fast.
DUPLICATE_POOL = 20
DUPLICATE_THRESHOLD = 0.9


@dataclass
class ThemeRow:
    theme: Theme
    total: int = 0
    previous: int = 0
    tone: float = 0.0
    hostility: float = 0.0
    framing_share: float = 0.0
    points: list[tuple[str, int]] = field(default_factory=list)
    phase_index: int = 0
    phase: str = ""
    state: str = "rustig"
    reasons: list[str] = field(default_factory=list)
    terms: list[tuple[str, int]] = field(default_factory=list)
    # (message shown, number of near-duplicates among the compared messages folded under it)
    examples: list[tuple[Signal, int]] = field(default_factory=list)
    example_groups: list[tuple[int, int]] = field(default_factory=list)
    chart: SafeString | None = None
    meter: SafeString | None = None

    @property
    def change(self) -> int | None:
        if not self.previous:
            return None
        return round(100 * (self.total - self.previous) / self.previous)


@dataclass
class Monitor:
    start: date
    end: date
    days: int
    unit: str
    phases: list[str]
    rows: list[ThemeRow]
    hoods: list[tuple[str, dict[int, int], int]]
    config: MonitorConfig
    duplicate_pool: int = DUPLICATE_POOL
    duplicate_threshold: float = DUPLICATE_THRESHOLD

    @property
    def quiet(self) -> list[str]:
        return [r.theme.name for r in self.rows if not r.total and not r.phase_index]


def _buckets(start: date, end: date, unit: str) -> list[date]:
    out, d = [], start
    if unit == "week":
        d = start - timedelta(days=start.weekday())
        while d <= end:
            out.append(d)
            d += timedelta(days=7)
        return out
    while d <= end:
        out.append(d)
        d += timedelta(days=1)
    return out


# A last phase whose name starts like this is the aftermath ("na de escalatie"): it follows a peak,
# it is not a step above it. Any other scale runs from calm to most severe.
AFTERMATH_STARTS = ("na ", "na-", "nazorg", "herstel", "afloop")
STATES = ("rustig", "oplopend", "piek", "dalend")


def has_aftermath(phases: list[str]) -> bool:
    return len(phases) >= 3 and phases[-1].strip().lower().startswith(AFTERMATH_STARTS)


def is_spike(config: MonitorConfig, count: int, baseline: list[int]) -> bool:
    _mean, _spread, threshold = alerts.spike_threshold(baseline, config.spike_k)
    return count >= config.spike_min_count and count > threshold


def phase_state(*, phases: list[str], points: int, peak_now: bool, peaked_on: date | None) -> tuple[str, int]:
    """(state, index into phases) from the points (0-3) of phase_for.

    The points are spread over the steps rounded up, so on the four-phase scales 1, 2 and 3 points
    are the second, third and fourth step. States: piek (2+ points: a spike now, or several signs at once), oplopend (1 point), dalend (no
    peak now, but a spike in the last week), rustig. On a calm→severe scale the points pick the step
    (a falling theme keeps what it still shows). On a scale ending in an aftermath phase
    ("sluimerend ongenoegen → oplopende spanningen → escalatie → na de escalatie") the points pick
    among the phases before it and only a falling theme is "na de escalatie": a theme spiking now
    is never labelled as being after the escalation.
    """
    if peak_now:
        state = "piek"
    elif peaked_on is not None:
        state = "dalend"
    elif points:
        state = "oplopend"
    else:
        state = "rustig"
    if has_aftermath(phases):
        if state == "dalend":
            return state, len(phases) - 1
        steps = len(phases) - 2  # the last intensity phase, before the aftermath
    else:
        steps = len(phases) - 1
    # Rounded up: every sign moves the theme at least one step, a peak reaches the top of a short scale.
    return state, min(math.ceil(points * steps / 3), steps)


def phase_for(
    *,
    config: MonitorConfig,
    days: list[tuple[date, int, list[int]]],
    hostility: float,
    framing: float,
    recent: int,
    severe: int,
    very_severe: int,
) -> tuple[int, list[str]]:
    """Points → phase; every point comes with a sentence saying why (see spanningsniveau-en-pieken.md).

    days: (day, count, counts of the baseline days before it) for today and yesterday; today is
    still running, so a spike yesterday must count too. The strongest of the two decides.
    """
    points, reasons = 0, []
    best: tuple[float, date, int, float, float, float] | None = None
    for day, last, baseline in days:
        mean, spread, threshold = alerts.spike_threshold(baseline, config.spike_k)
        score = (last - mean) / spread
        if best is None or score > best[0]:
            best = (score, day, last, mean, spread, threshold)
    if best is not None:
        _score, day, last, mean, spread, threshold = best
        if last >= config.spike_min_count and last > threshold:
            points += 2
            reasons.append(
                f"Piek: {last} berichten op {day:%d-%m}, normaal {nl(mean, 1)} per dag (drempel {nl(threshold, 1)})."
            )
        elif last > mean + 1.5 * spread and last >= 3:
            points += 1
            reasons.append(
                f"Meer berichten dan gewoonlijk: {last} op {day:%d-%m}, normaal {nl(mean, 1)} per dag."
            )
    if recent >= 5 and hostility >= config.hostility_threshold:
        points += 1
        reasons.append(
            f"Vijandige toon: gemiddeld {nl(hostility, 2)} de laatste {RECENT_DAYS} dagen (drempel {nl(config.hostility_threshold, 2)})."
        )
    if recent >= 5 and framing >= config.framing_threshold:
        points += 1
        reasons.append(
            f"Veel wij-zij-taal: {framing:.0%} van de berichten de laatste {RECENT_DAYS} dagen (drempel {config.framing_threshold:.0%})."
        )
    if severe:
        points += 1
        reasons.append(
            f"{severe} ernstig signaal/signalen van sleutelfiguren of medewerkers de laatste {RECENT_DAYS} dagen."
        )
    if very_severe:
        points = 3
        reasons.append(
            f"{very_severe} zeer ernstig signaal/signalen (incident) de laatste {RECENT_DAYS} dagen."
        )
    if not reasons:
        # Say only what the data shows: too few messages means "not judged", not "calm".
        reasons.append(
            quiet_sentence(
                recent=recent,
                recent_days=RECENT_DAYS,
                baseline_days_with_data=max((sum(1 for n in b if n) for _d, _c, b in days), default=0),
            )
        )
    return min(points, 3), reasons


def build(organisation: Any, *, days: int = 30, unit: str = "dag", end: date | None = None) -> Monitor:
    config = selectors.monitor_config(organisation=organisation)
    end = end or timezone.localdate()
    start = end - timedelta(days=days - 1)
    fetch_from = min(start - timedelta(days=days), end - timedelta(days=config.baseline_days + 1))
    themes = list(Theme.objects.filter(organisation=organisation, active=True))
    ids = [t.pk for t in themes]
    series = alerts.daily_counts(ids, fetch_from, end)
    phases = list(config.phases) or ["rust"]
    recent_from = end - timedelta(days=RECENT_DAYS - 1)
    severe_rows = (
        Signal.themes.through.objects.filter(
            theme_id__in=ids,
            signal__published=True,
            signal__channel__in=REPORTED_CHANNELS,
            signal__occurred_at__date__gte=recent_from,
            signal__severity__gte=3,
        )
        .values("theme_id", "signal__severity")
        .annotate(n=Count("id"))
        .order_by()
    )
    severe: dict[tuple[int, int], int] = {(r["theme_id"], r["signal__severity"]): r["n"] for r in severe_rows}
    sample = _sample(organisation, start)
    rows = []
    buckets = _buckets(start, end, unit)
    for theme in themes:
        s = series.get(theme.pk, {})
        period = [s[d] for d in s if start <= d <= end]
        row = ThemeRow(theme=theme)
        row.total = int(sum(v["n"] for v in period))
        row.previous = int(sum(v["n"] for d, v in s.items() if start - timedelta(days=days) <= d < start))
        if row.total:
            row.tone = sum(v["tone"] for v in period) / row.total
            row.hostility = sum(v["hostility"] for v in period) / row.total
            row.framing_share = sum(v["framed"] for v in period) / row.total
        counts: dict[date, int] = defaultdict(int)
        for d, v in s.items():
            if start <= d <= end:
                counts[d - timedelta(days=d.weekday()) if unit == "week" else d] += int(v["n"])
        fmt = "wk %V" if unit == "week" else "%d-%m"
        row.points = [(b.strftime(fmt), counts.get(b, 0)) for b in buckets]
        recent = [v for d, v in s.items() if d >= recent_from]
        n_recent = int(sum(v["n"] for v in recent))
        index, row.reasons = phase_for(
            config=config,
            days=[
                (
                    day,
                    int(s.get(day, {"n": 0})["n"]),
                    [
                        int(s.get(day - timedelta(days=i), {"n": 0})["n"])
                        for i in range(1, config.baseline_days + 1)
                    ],
                )
                for day in (end, end - timedelta(days=1))
            ],
            hostility=sum(v["hostility"] for v in recent) / n_recent if n_recent else 0.0,
            framing=sum(v["framed"] for v in recent) / n_recent if n_recent else 0.0,
            recent=n_recent,
            severe=severe.get((theme.pk, 3), 0),
            very_severe=severe.get((theme.pk, 4), 0),
        )
        peaked = [
            day
            for day in (end - timedelta(days=i) for i in range(2, RECENT_DAYS))
            if is_spike(
                config,
                int(s.get(day, {"n": 0})["n"]),
                [
                    int(s.get(day - timedelta(days=i), {"n": 0})["n"])
                    for i in range(1, config.baseline_days + 1)
                ],
            )
        ]
        row.state, row.phase_index = phase_state(
            phases=phases, points=index, peak_now=index >= 2, peaked_on=peaked[0] if peaked else None
        )
        if row.state == "dalend" and peaked:
            row.reasons.append(f"Na een piek op {peaked[0]:%d-%m} neemt het aantal berichten weer af.")
        row.phase = phases[row.phase_index]
        texts = sample.get(theme.pk, [])
        row.example_groups = example_groups(texts)
        row.terms = alerts.terms([t for _, t in texts]).most_common(8)
        highlight = len(row.points) - 1 if unit == "dag" else None
        row.chart = svg.bar_chart(
            row.points, title=f"Aantal berichten per {unit} over {theme.name}", highlight_from=highlight
        )
        row.meter = svg.meter(
            index, label=f"Spanningsniveau {theme.name}: {row.phase}", steps=phases, index=row.phase_index
        )
        rows.append(row)
    loaded = _examples([pk for r in rows for pk, _ in r.example_groups])
    for r in rows:
        r.examples = [(loaded[pk], similar) for pk, similar in r.example_groups if pk in loaded]
    rows.sort(key=lambda r: (-r.phase_index, -r.total, r.theme.name))
    return Monitor(
        start=start,
        end=end,
        days=days,
        unit=unit,
        phases=phases,
        rows=rows,
        hoods=_hoods(organisation, ids, start, end),
        config=config,
    )


def _sample(organisation: Any, start: date) -> dict[int, list[tuple[int, str]]]:
    """The most recent messages of the period as (id, text), grouped by theme, newest first."""
    tz = timezone.get_current_timezone()
    since = datetime.combine(start, time.min, tzinfo=tz)
    # Plain tuples, an index-ordered scan and a join (not a long IN list): this is the page's hot path.
    recent = Signal.objects.filter(
        organisation=organisation, published=True, occurred_at__gte=since
    ).order_by("-occurred_at")[:SAMPLE]
    texts = dict(recent.values_list("id", "text"))
    order = {pk: i for i, pk in enumerate(texts)}
    links = Signal.themes.through.objects.filter(signal_id__in=recent.values("id")).values_list(
        "signal_id", "theme_id"
    )
    out: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for signal_id, theme_id in sorted(links, key=lambda link: order.get(link[0], 0)):
        if texts.get(signal_id):  # purged texts are empty
            out[theme_id].append((signal_id, texts[signal_id]))
    return out


def example_groups(texts: list[tuple[int, str]], shown: int = EXAMPLES_SHOWN) -> list[tuple[int, int]]:
    """The newest messages to show as (id, number of near-duplicates), one per group of copies.

    Copies and reposts would otherwise fill the examples with one message: only the newest
    DUPLICATE_POOL texts are compared (by meaning, with embeddings), each group is shown once by
    its newest message with the count of the others.
    """
    pool = texts[:DUPLICATE_POOL]
    leader = list(range(len(pool)))
    if len(pool) > 1:
        candidates = [text for _, text in pool]
        try:
            groups = near_duplicate_groups(candidates, threshold=DUPLICATE_THRESHOLD)
        except Exception:  # no embedding model available: fall back to exact copies only
            log.exception("near-duplicate grouping failed; grouping exact copies only")
            groups = near_duplicate_groups(candidates, threshold=1.0)
        for group in groups:
            for index in group:
                leader[index] = group[0]
    sizes = Counter(leader)
    return [(pool[index][0], sizes[index] - 1) for index in sorted(sizes)][:shown]


def _examples(ids: list[int]) -> dict[int, Signal]:
    """Only the few examples shown are loaded as objects, with their scores and 'why'."""
    signals = list(
        Signal.objects.filter(pk__in=ids).only(
            "id", "text", "occurred_at", "channel", "tone", "hostility", "framing", "why"
        )
    )
    selectors.with_theme_why(signals)
    return {s.pk: s for s in signals}


def _hoods(
    organisation: Any, ids: list[int], start: date, end: date
) -> list[tuple[str, dict[int, int], int]]:
    rows = (
        DailyThemeStat.objects.filter(
            organisation=organisation, theme_id__in=ids, day__range=(start, end), neighbourhood__isnull=False
        )
        .values("neighbourhood__name", "theme_id")
        .annotate(n=Sum("count"))
        .order_by()
    )
    table: dict[str, dict[int, int]] = defaultdict(dict)
    for r in rows:
        table[r["neighbourhood__name"]][r["theme_id"]] = r["n"]
    out = [(name, counts, sum(counts.values())) for name, counts in table.items()]
    return sorted(out, key=lambda x: -x[2])
