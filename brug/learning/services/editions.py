"""Create and change an edition with its sessions."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.text import slugify

from brug.core.audit import record
from brug.core.models import Membership, Organisation
from brug.core.versioning import save_if_unchanged

from ..models import Edition, Session

MIN_SESSIONS = 3


class EditionError(ValueError):
    pass


def _other_editions(exclude: int | None) -> QuerySet[Edition]:
    # exclude(pk=None) excludes nothing, so leaving the filter out is the same query result.
    editions = Edition.objects.all()
    return editions if exclude is None else editions.exclude(pk=exclude)


def _unique_slug(title: str, exclude: int | None = None) -> str:
    base = slugify(title)[:70] or "editie"
    slug, n = base, 2
    while _other_editions(exclude).filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_sessions(sessions: list[dict[str, Any]]) -> None:
    if any(not s.get("date") for s in sessions):
        raise EditionError("Elke bijeenkomst heeft een datum nodig: er zijn meer bijeenkomsten dan datums.")
    if len(sessions) < MIN_SESSIONS:
        raise EditionError(f"Een editie heeft minstens {MIN_SESSIONS} bijeenkomsten.")


@transaction.atomic
def save_edition(
    *,
    membership: Membership,
    fields: dict[str, Any],
    sessions: list[dict[str, Any]],
    partners: list[Organisation] | None = None,
    edition: Edition | None = None,
    version: int | None = None,
) -> Edition:
    """Create (edition=None) or update an edition; sessions are numbered in date order."""
    _check_sessions(sessions)
    if version is None:
        version = fields.get("version")  # the hidden field of the edition form
    fields = {k: v for k, v in fields.items() if k != "version"}
    creating = edition is None
    if edition is None:
        edition = Edition(organisation=membership.organisation, slug=_unique_slug(fields["title"]))
    for name, value in fields.items():
        setattr(edition, name, value)
    if creating:
        edition.save()
    else:  # refused (StaleObject) if someone saved after the form was rendered
        save_if_unchanged(edition, version=version)
    if partners is not None:
        edition.partners.set([p for p in partners if p != edition.organisation])
    ordered = sorted(sessions, key=lambda s: (s["date"], s["start_time"]))
    keep = []
    for number, data in enumerate(ordered, start=1):
        session = data.get("instance") or Session(edition=edition)
        session.number = 100 + number  # temporary, to step around the unique number
        for name in ("date", "start_time", "end_time", "place", "agenda"):
            setattr(session, name, data.get(name, ""))
        session.save()
        keep.append(session)
    edition.sessions.exclude(pk__in=[s.pk for s in keep]).delete()
    for number, session in enumerate(keep, start=1):
        session.number = number
        session.save(update_fields=["number"])
    record(action="learning.edition_saved", obj=edition, membership=membership, fields=fields.keys())
    return edition


@transaction.atomic
def set_published(*, membership: Membership, edition: Edition, published: bool) -> Edition:
    edition.published = published
    edition.save(update_fields=["published"])
    record(
        action="learning.edition_published" if published else "learning.edition_unpublished",
        obj=edition,
        membership=membership,
    )
    return edition
