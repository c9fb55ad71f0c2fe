"""Create and change an edition with its sessions."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.text import slugify

from brug.core.audit import record
from brug.core.errors import BrugError
from brug.core.models import Membership, Organisation
from brug.core.versioning import save_if_unchanged

from ..models import Edition, Session

MIN_SESSIONS = 3


class EditionError(BrugError):
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


def _describe(session: Session) -> str:
    from django.utils.formats import date_format

    return (
        f"{date_format(session.date, 'l j F Y')} van {session.start_time:%H:%M} tot "
        f"{session.end_time:%H:%M}, {session.place}"
    )


def _tell_changed(session: Session) -> None:
    from ..models import NotificationKind
    from .calendar import session_ics
    from .notify import notify_participants

    notify_participants(
        session.edition,
        kind=NotificationKind.SESSION,
        subject=f"Gewijzigd: bijeenkomst {session.number} van {session.edition.title}",
        body=f"Bijeenkomst {session.number} van {session.edition.title} is gewijzigd. Nieuw: "
        f"{_describe(session)}. In de bijlage staat de bijgewerkte afspraak voor uw agenda.",
        ics=session_ics(session),
        ics_name=f"bijeenkomst-{session.number}.ics",
    )


def _tell_cancelled(edition: Edition, sessions: list[Session]) -> None:
    from ..models import NotificationKind
    from .notify import notify_participants

    for session in sessions:
        notify_participants(
            edition,
            kind=NotificationKind.SESSION,
            subject=f"Afgelast: bijeenkomst op {session.date:%d-%m-%Y} van {edition.title}",
            body=f"De bijeenkomst van {edition.title} op {_describe(session)} gaat niet door. "
            "Haal haar uit uw agenda.",
        )


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
    deadline = fields.get("registration_deadline") or (edition.registration_deadline if edition else None)
    first = min(s["date"] for s in sessions)
    if deadline is not None and deadline >= first:
        raise EditionError(
            f"De aanmelddeadline ({deadline:%d-%m-%Y}) ligt niet vóór de eerste bijeenkomst "
            f"({first:%d-%m-%Y}). Kies een deadline die eerder valt, zodat er tijd is voor de intakes."
        )
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
    before = {
        s.pk: (s.date, s.start_time, s.end_time, s.place)
        for s in (edition.sessions.all() if edition.pk else [])
    }
    keep = []
    for number, data in enumerate(ordered, start=1):
        session = data.get("instance") or Session(edition=edition)
        session.number = 100 + number  # temporary, to step around the unique number
        for name in ("date", "start_time", "end_time", "place", "agenda"):
            setattr(session, name, data.get(name, ""))
        session.save()
        keep.append(session)
    cancelled = list(edition.sessions.exclude(pk__in=[s.pk for s in keep]))
    _tell_cancelled(edition, cancelled)
    edition.sessions.exclude(pk__in=[s.pk for s in keep]).delete()
    for number, session in enumerate(keep, start=1):
        session.number = number
        session.save(update_fields=["number"])
        old = before.get(session.pk)
        if old is not None and old != (session.date, session.start_time, session.end_time, session.place):
            _tell_changed(session)
    record(action="learning.edition.save", obj=edition, membership=membership, fields=fields.keys())
    return edition


@transaction.atomic
def set_published(*, membership: Membership, edition: Edition, published: bool) -> Edition:
    edition.published = published
    edition.save(update_fields=["published"])
    record(
        action="learning.edition.publish" if published else "learning.edition.unpublish",
        obj=edition,
        membership=membership,
    )
    return edition
