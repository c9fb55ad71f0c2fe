"""Every read a signals page does, always scoped to the member's organisation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from brug.core.models import Membership
from brug.municipalities.models import Neighbourhood

from .models import (
    Alert,
    ApiToken,
    ImportJob,
    Meeting,
    MonitorConfig,
    ScoreRefresh,
    Signal,
    SignalStatus,
    Theme,
)
from .models.signals import NEGATIVE_AT, POSITIVE_AT, REPORTED_CHANNELS
from .stats import FRAMING_AT, HOSTILE_AT


def monitor_config(*, organisation: Any) -> MonitorConfig:
    """The organisation's monitor settings; the defaults, unsaved, until a coordinator saves them.

    A read never writes: the row is created by services.save_monitor_config (or an import).
    """
    return MonitorConfig.objects.filter(organisation=organisation).first() or MonitorConfig(
        organisation=organisation
    )


def reported_signals(*, membership: Membership, status: str = "", q: str = "") -> QuerySet[Signal]:
    """Reported signals; `q` searches their text (Dutch full text on PostgreSQL, words elsewhere)."""
    qs = (
        Signal.objects.filter(
            organisation=membership.organisation, channel__in=REPORTED_CHANNELS, published=True
        )
        .select_related("neighbourhood")
        .prefetch_related("themes")
    )
    if status in SignalStatus.values:
        qs = qs.filter(status=status)
    if q.strip():
        qs = _full_text(qs, q.strip(), membership.organisation_id)
    return qs


def open_signal_count(*, membership: Membership) -> int:
    return reported_signals(membership=membership).exclude(status=SignalStatus.CLOSED).count()


def signal_for(*, membership: Membership, pk: int) -> Signal:
    signal = get_object_or_404(
        Signal.objects.select_related("neighbourhood").prefetch_related(
            "themes", "status_changes__changed_by"
        ),
        organisation=membership.organisation,
        published=True,
        pk=pk,
    )
    with_theme_why([signal])
    return signal


NO_THEME_WORDS = "past bij de zoekvraag van het thema"


def theme_why(why: Any, names: list[str]) -> list[str]:
    """ "Waarom deze score?" for themes, always after the message's current themes: each theme it
    is listed under now, with the words stored when it was matched (or, while a re-match is still
    running, that it fits the theme's query). A theme renamed or deleted since then is not named."""
    stored = (why.get("themes") or {}) if isinstance(why, dict) else {}
    lines = []
    for name in names:
        words = stored.get(name)
        lines.append(f"{name} ({', '.join(words) if words else NO_THEME_WORDS})")
    return lines


def with_theme_why(signals: list[Signal]) -> None:
    """Set `theme_names` (sorted) and `theme_why` on each signal, with one query for all."""
    links = Signal.themes.through.objects.filter(signal_id__in=[s.pk for s in signals]).values_list(
        "signal_id", "theme__name"
    )
    names: dict[int, list[str]] = {}
    for signal_id, name in links:
        names.setdefault(signal_id, []).append(name)
    for s in signals:
        s.theme_names = sorted(names.get(s.pk, []))  # type: ignore[attr-defined]
        s.theme_why = theme_why(s.why, s.theme_names)  # type: ignore[attr-defined]


def _texts(membership: Membership) -> QuerySet[Signal]:
    return Signal.objects.filter(
        organisation=membership.organisation, published=True, text_purged_at__isnull=True
    ).exclude(text="")


def message_text_count(*, membership: Membership) -> int:
    return _texts(membership).count()


def message_text_batches(
    *, membership: Membership, batch: int = 2000
) -> Iterator[list[tuple[int, datetime, str]]]:
    """Every stored text as (id, moment, text), newest first, in keyset-paged batches."""
    qs = _texts(membership).order_by("-occurred_at", "-id")
    last: tuple[datetime, int] | None = None
    while True:
        page = qs
        if last is not None:
            page = qs.filter(Q(occurred_at__lt=last[0]) | Q(occurred_at=last[0], id__lt=last[1]))
        rows = list(page.values_list("id", "occurred_at", "text")[:batch])
        if not rows:
            return
        yield rows
        last = (rows[-1][1], rows[-1][0])


def running_score_refresh(*, membership: Membership) -> ScoreRefresh | None:
    """The recomputation of stored scores after a model change, while it runs (services.rescore)."""
    return ScoreRefresh.objects.filter(organisation=membership.organisation, finished_at__isnull=True).first()


def themes_for(*, membership: Membership) -> QuerySet[Theme]:
    return Theme.objects.filter(organisation=membership.organisation)


def theme_for(*, membership: Membership, pk: int) -> Theme:
    return get_object_or_404(Theme, organisation=membership.organisation, pk=pk)


def imports_for(*, membership: Membership) -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(organisation=membership.organisation).select_related("created_by")[:20]  # type: ignore[return-value]


def import_for(*, membership: Membership, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob, organisation=membership.organisation, pk=pk)


def alerts_for(*, membership: Membership) -> QuerySet[Alert]:
    return Alert.objects.filter(organisation=membership.organisation).select_related("theme")


def alert_for(*, membership: Membership, pk: int) -> Alert:
    return get_object_or_404(Alert, organisation=membership.organisation, pk=pk)


def meetings_for(*, membership: Membership) -> QuerySet[Meeting]:
    return Meeting.objects.filter(organisation=membership.organisation).prefetch_related("measures")


def meeting_for(*, membership: Membership, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.prefetch_related("measures", "signals"), organisation=membership.organisation, pk=pk
    )


def api_tokens_for(*, membership: Membership) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(organisation=membership.organisation)


def api_token_for(*, membership: Membership, pk: int) -> ApiToken:
    return get_object_or_404(ApiToken, organisation=membership.organisation, pk=pk)


# ---------------------------------------------------------------- messages page
TONE_RANGES = {
    "negatief": (None, NEGATIVE_AT),
    "neutraal": (NEGATIVE_AT, POSITIVE_AT),
    "positief": (POSITIVE_AT, None),
}
MESSAGE_PAGE = 50


@dataclass(frozen=True)
class MessageFilters:
    """The filters of the messages page; every field optional."""

    q: str = ""
    theme: int | None = None
    start: date | None = None
    end: date | None = None
    channel: str = ""
    neighbourhood: int | None = None
    tone: str = ""
    hostile: bool = False
    framed: bool = False
    status: str = ""


_SEARCH_TOKEN = re.compile(r'-?"[^"]*"|\S+')
_WORDS = re.compile(r"\w+")


def _search_terms(q: str) -> list[list[tuple[bool, list[str], bool]]]:
    """The search box: OR-groups of (negated, words, phrase) terms; words lowercase letters/digits only."""
    groups: list[list[tuple[bool, list[str], bool]]] = [[]]
    for part in _SEARCH_TOKEN.findall(q[:200]):
        if part == "OR":
            if groups[-1]:
                groups.append([])
            continue
        negated = part.startswith("-")
        part = part.lstrip("-")
        phrase = part.startswith('"')
        words = [w.lower() for w in _WORDS.findall(part)]
        if words:
            groups[-1].append((negated, words, phrase or len(words) > 1))
    return [g for g in groups if g]


RARE_HITS = 2000
SEARCH_WINDOW = 10_000
STOPWORDS_ONLY = (
    "Uw zoekvraag bevat alleen veelvoorkomende woorden (zoals 'de' of 'het'), waarop niet gezocht "
    "wordt. Zoek op een specifieker woord."
)


def _tsqueries(groups: list[list[tuple[bool, list[str], bool]]]) -> tuple[str, str | None]:
    """The search as a tsquery, and its probe: the positive words only, a phrase as plain AND.

    The probe is answered by the GIN index alone (no row has to be re-read), and every hit of the
    search is a hit of the probe. None when an OR-group has no positive word ("-woord" alone).
    """
    full: list[str] = []
    probe: list[str] | None = []
    for group in groups:
        ands: list[str] = []
        positive: list[str] = []
        for negated, words, phrase in group:
            ands.append(
                ("!" if negated else "") + ("(" + " <-> ".join(words) + ")" if phrase else f"{words[0]}:*")
            )
            if not negated:
                positive.append("(" + " & ".join(words) + ")" if phrase else f"{words[0]}:*")
        full.append("(" + " & ".join(ands) + ")")
        if probe is not None and positive:
            probe.append("(" + " & ".join(positive) + ")")
        else:
            probe = None
    return " | ".join(full), (" | ".join(probe) if probe is not None else None)


def _full_text(
    qs: QuerySet[Signal],
    q: str,
    organisation_id: int,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    notes: list[str] | None = None,
) -> QuerySet[Signal]:
    """Dutch full-text search: PostgreSQL `dutch` tsvector (GIN index, migration 0002), else words.

    Words are matched on their Dutch stem as a prefix ("windmolen" finds "windmolens": PostgreSQL's
    Dutch stemmer cuts them differently), "a zinsdeel" as a phrase, -woord excludes, OR gives a
    choice. Without PostgreSQL (SQLite in development) every word must occur as written.

    The work is bounded whatever the data (bench/signals/messages_bench.py, 1 M messages):
    - the probe (positive words, GIN index only) finds the candidates; fewer than RARE_HITS: the
      page is read from those ids (a phrase or exclusion is checked on at most RARE_HITS rows);
    - many candidates and plain words: the newest messages are read in order until a page of
      hits is found (with so many hits that takes a few hundred rows);
    - many candidates and a phrase or exclusion (which the index cannot decide: "geen woning"
      -jongeren may match none of 100,000 candidates): only the newest SEARCH_WINDOW messages
      (of the chosen period) are searched, and `notes` says so, so that the person can narrow it.
    """
    groups = _search_terms(q)
    if not groups:
        return qs
    if connection.vendor == "postgresql":
        full, probe = _tsqueries(groups)
        exact = probe == full
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT numnode(to_tsquery('dutch', %s)), numnode(to_tsquery('dutch', %s))",
                [full, probe or full],
            )
            full_nodes, probe_nodes = cursor.fetchone()
            if not full_nodes:
                if notes is not None:
                    notes.append(STOPWORDS_ONLY)
                return qs.none()
            ids: list[int] | None = None
            if probe is not None and probe_nodes:
                cursor.execute(
                    "SELECT id FROM signals_signal WHERE organisation_id = %s AND published "
                    "AND search_nl @@ to_tsquery('dutch', %s) LIMIT %s",
                    [organisation_id, probe, RARE_HITS],
                )
                ids = [row[0] for row in cursor.fetchall()]
        if ids is not None and len(ids) < RARE_HITS:
            qs = qs.filter(pk__in=ids)
            if exact:
                return qs
            return qs.extra(where=["signals_signal.search_nl @@ to_tsquery('dutch', %s)"], params=[full])
        if exact:
            return qs.extra(where=["signals_signal.search_nl @@ to_tsquery('dutch', %s)"], params=[full])
        period = ""
        params: list[object] = [organisation_id]
        if start is not None:
            period += " AND occurred_at >= %s"
            params.append(start)
        if end is not None:
            period += " AND occurred_at < %s"
            params.append(end)
        params += [SEARCH_WINDOW, full]
        if notes is not None:
            notes.append(
                f"Uw zoekvraag met een zinsdeel of uitsluiting past op meer dan {RARE_HITS:,} berichten; "
                f"daarom zijn alleen de nieuwste {SEARCH_WINDOW:,} berichten"
                f"{' van de gekozen periode' if period else ''} doorzocht. Kies een (kortere) periode of "
                "een specifieker woord om verder terug te zoeken.".replace(",", ".")
            )
        # `period` holds only the fixed fragments above; every value is a parameter.
        return qs.extra(  # noqa: S610
            where=[
                "signals_signal.id IN (SELECT id FROM (SELECT id, search_nl FROM signals_signal "  # noqa: S608
                f"WHERE organisation_id = %s AND published{period} ORDER BY occurred_at DESC LIMIT %s) "
                "AS recent WHERE recent.search_nl @@ to_tsquery('dutch', %s))"
            ],
            params=params,
        )
    condition = Q()
    for group in groups:
        part = Q()
        for negated, words, _phrase in group:
            match = Q(text__icontains=" ".join(words))
            part &= ~match if negated else match
        condition |= part
    return qs.filter(condition)


def messages_for(
    *, membership: Membership, filters: MessageFilters, notes: list[str] | None = None
) -> QuerySet[Signal]:
    """Every published message of the organisation (all channels), newest first, filtered.

    Retention: purged messages keep their scores but have no text (the page says so). The author
    pseudonym is never selected.
    """
    qs = Signal.objects.filter(organisation=membership.organisation, published=True)
    f = filters
    tz = timezone.get_current_timezone()
    since = datetime.combine(f.start, time.min, tzinfo=tz) if f.start else None
    until = datetime.combine(f.end + timedelta(days=1), time.min, tzinfo=tz) if f.end else None
    if since is not None:
        qs = qs.filter(occurred_at__gte=since)
    if until is not None:
        qs = qs.filter(occurred_at__lt=until)
    if f.theme:
        qs = qs.filter(themes__id=f.theme)
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if f.neighbourhood:
        qs = qs.filter(neighbourhood_id=f.neighbourhood)
    if f.tone in TONE_RANGES:
        low, high = TONE_RANGES[f.tone]
        if low is not None:
            qs = qs.filter(tone__gte=low) if f.tone == "positief" else qs.filter(tone__gt=low)
        if high is not None:
            qs = qs.filter(tone__lte=high) if f.tone == "negatief" else qs.filter(tone__lt=high)
    if f.hostile:
        qs = qs.filter(hostility__gte=HOSTILE_AT)
    if f.framed:
        qs = qs.filter(framing__gte=FRAMING_AT)
    if f.status in SignalStatus.values:
        qs = qs.filter(status=f.status)
    if f.q.strip():
        qs = _full_text(qs, f.q.strip(), membership.organisation_id, start=since, end=until, notes=notes)
    return qs.order_by("-occurred_at", "-id")


def message_page(
    *,
    membership: Membership,
    filters: MessageFilters,
    after: tuple[datetime, int] | None,
    size: int = MESSAGE_PAGE,
    notes: list[str] | None = None,
) -> tuple[list[Signal], tuple[datetime, int] | None]:
    """One page by keyset (occurred_at, id) after the cursor, and the cursor of the next page.

    No count of all matching messages (that would read them all): "Volgende" exists when one row
    more than the page was found. `notes` receives what the page should tell about the search.
    """
    qs = messages_for(membership=membership, filters=filters, notes=notes)
    if after is not None:
        qs = qs.filter(Q(occurred_at__lt=after[0]) | Q(occurred_at=after[0], id__lt=after[1]))
    rows = list(
        qs.select_related("neighbourhood").only(
            "id",
            "channel",
            "text",
            "occurred_at",
            "url",
            "tone",
            "hostility",
            "framing",
            "why",
            "status",
            "severity",
            "text_purged_at",
            "neighbourhood__name",
        )[: size + 1]
    )
    more = len(rows) > size
    rows = rows[:size]
    with_theme_why(rows)
    return rows, ((rows[-1].occurred_at, rows[-1].pk) if more and rows else None)


def neighbourhoods_for(*, membership: Membership) -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.filter(
        municipality_id=membership.organisation.municipality_id or 0
    ).order_by("name")
