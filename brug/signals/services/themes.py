"""Themes per municipality: seeding the defaults, saving with a checked query, re-matching messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from brug.core.audit import record
from brug.core.errors import BrugError
from brug.core.versioning import save_if_unchanged, unique_or_error

from ..models import Theme

if TYPE_CHECKING:
    from brug.core.models import Membership, Organisation


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


def ensure_default_themes(*, organisation: Organisation) -> int:
    """Give a municipality the default themes once (first visit, first signal); returns how many were added."""
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
    query_changed = is_new or theme.query != query or theme.active != active
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
