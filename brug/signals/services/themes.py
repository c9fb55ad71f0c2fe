"""Themes per municipality: seeding the defaults, saving with a checked query, re-matching messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from brug.core.audit import record
from brug.core.errors import BrugError
from brug.core.versioning import save_if_unchanged, unique_or_error

from ..models import Signal, Theme
from . import stats

if TYPE_CHECKING:
    from brug.core.models import Membership, Organisation
    from brug.text import Query


NAME_TAKEN = "Er is al een thema met deze naam."


class ThemeError(BrugError):
    def __init__(self, message: str, position: int | None = None, field: str = "query") -> None:
        super().__init__(message, field=field)
        self.position = position


def check_query(query: str) -> None:
    """Raise ThemeError with the Dutch message and 0-based position of a syntax error."""
    from brug.text import QuerySyntaxError, parse_query

    if not query.strip():
        raise ThemeError("Vul een zoekvraag in.", 0)
    try:
        # strict: lowercase "and"/"or"/"not" are flagged instead of silently searched for.
        parse_query(query, strict=True)
    except QuerySyntaxError as exc:
        raise ThemeError(exc.message, exc.position) from None


def ensure_default_themes(*, organisation: Organisation, membership: Membership | None = None) -> int:
    """Give a municipality the default themes once (first signal or import, or a coordinator's
    button); returns how many were added. Audited as the person's action when one asked."""
    if Theme.objects.filter(organisation=organisation).exists():
        return 0
    from brug.text import default_themes

    added = 0
    for theme in default_themes():
        try:
            with transaction.atomic():
                Theme.objects.create(
                    organisation=organisation,
                    name=theme.name,
                    query=theme.query,
                    description=theme.description[:300],
                )
            added += 1
        except IntegrityError:
            continue  # another request seeded it at the same moment
    if added and membership is not None:
        record(
            action="signals.theme.defaults_added",
            membership=membership,
            object_type="signals.Theme",
            object_id=f"{added} thema's",
            fields=["name", "query"],
        )
    return added


@transaction.atomic
def save_theme(
    *,
    membership: Membership,
    name: str,
    query: str,
    description: str = "",
    active: bool = True,
    theme: Theme | None = None,
    version: int | None = None,
) -> Theme:
    name = name.strip()
    if not name:
        raise ThemeError("Geef het thema een naam.", field="name")
    check_query(query)
    clash = Theme.objects.filter(organisation=membership.organisation, name__iexact=name)
    if theme is not None:
        clash = clash.exclude(pk=theme.pk)
    if clash.exists():
        raise ThemeError(NAME_TAKEN, field="name")
    is_new = theme is None
    if theme is None:
        theme = Theme(organisation=membership.organisation)
    # A new name re-matches too: the stored "waarom" of each message names its themes.
    query_changed = is_new or theme.query != query or theme.active != active or theme.name != name
    theme.name, theme.query, theme.description, theme.active = name, query, description.strip()[:300], active
    # Two people creating the same name at once pass the check above; the constraint then decides.
    with unique_or_error(NAME_TAKEN, error=lambda message: ThemeError(message, field="name")):
        if is_new:
            theme.save()
        else:  # refused (StaleObject) if someone saved after the form was rendered
            save_if_unchanged(theme, version=version)
    record(
        action="signals.theme.create" if is_new else "signals.theme.update",
        obj=theme,
        membership=membership,
        fields=["name", "query", "description", "active"],
    )
    if query_changed:
        from ..tasks import rematch_theme

        theme_id = theme.pk
        transaction.on_commit(lambda: rematch_theme.delay(theme_id))
    return theme


@transaction.atomic
def delete_theme(*, membership: Membership, theme: Theme) -> None:
    """Delete a theme with its links to messages, its daily counts and its alerts (messages stay)."""
    if theme.organisation_id != membership.organisation_id:
        raise ThemeError("Dit thema hoort niet bij uw organisatie.", field="")
    record(action="signals.theme.delete", obj=theme, membership=membership, fields=["name", "query"])
    theme.delete()
    from .. import classify

    classify.forget(membership.organisation_id)


REMATCH_BATCH = 2000


def rematch_theme(*, theme_id: int) -> int:
    """A theme's query, name or state changed: match it again against every stored text, keep each
    message's "waarom" in step (the words that made it match, under the theme's current name) and
    recount the theme. Returns the number of matching messages. Runs in the background (tasks)."""
    from brug.text import QuerySyntaxError, parse_query

    theme = Theme.objects.filter(pk=theme_id).select_related("organisation").first()
    if theme is None:
        return 0
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
        matched += _rematch_batch(theme, query, batch)
    stats.rebuild_theme(theme=theme)
    # Which stored messages count for a theme changed: that is a change of the organisation's data.
    record(
        action="signals.theme.rematch",
        obj=theme,
        organisation=theme.organisation,
        actor_label="systeem (thema opnieuw ingedeeld)",
        fields=["query", "active"],
    )
    return matched


@transaction.atomic
def _rematch_batch(theme: Theme, query: Query | None, batch: list[tuple[int, str]]) -> int:
    through = Signal.themes.through
    ids = [pk for pk, _ in batch]
    words = {
        pk: query.explain(text) or ["zoekvraag"]
        for pk, text in batch
        if query is not None and query.matches(text)
    }
    linked = set(
        through.objects.filter(theme_id=theme.pk, signal_id__in=ids).values_list("signal_id", flat=True)
    )
    through.objects.filter(theme_id=theme.pk, signal_id__in=ids).delete()
    through.objects.bulk_create([through(theme_id=theme.pk, signal_id=pk) for pk in words])
    # The "waarom" of every message that is or was in the theme names it (or no longer does).
    touched = list(Signal.objects.filter(pk__in=set(words) | linked).only("pk", "why"))
    for signal in touched:
        why = dict(signal.why) if isinstance(signal.why, dict) else {}
        themes = {k: v for k, v in (why.get("themes") or {}).items() if k != theme.name}
        if signal.pk in words:
            themes[theme.name] = words[signal.pk]
        why["themes"] = themes
        signal.why = why
    Signal.objects.bulk_update(touched, ["why"], batch_size=1000)
    return len(words)
