"""Every read a view does, scoped to the membership: facilitator reads and participant reads."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from brug.core.access import FACILITATORS
from brug.core.models import Membership
from brug.knowledge.hooks import LearningQuestion

from ..models import (
    Assignment,
    Edition,
    KnowledgeProduct,
    MaatwerkApplication,
    Notification,
    Pair,
    Registration,
    RegistrationPerson,
    Session,
    Status,
    Submission,
    SubmissionFile,
    Thread,
)
from ..services.pairs import question_vectors

# ---- facilitator (partner organisation running or co-running the edition) --------------------


def editions_for(*, membership: Membership) -> QuerySet[Edition]:
    if membership.role not in FACILITATORS or membership.organisation.is_municipality:
        return Edition.objects.none()
    org = membership.organisation
    return Edition.objects.filter(Q(organisation=org) | Q(partners=org)).distinct()


def edition_for(*, membership: Membership, pk: int) -> Edition:
    return get_object_or_404(editions_for(membership=membership), pk=pk)


def registrations_for(*, membership: Membership, edition: Edition) -> QuerySet[Registration]:
    edition_for(membership=membership, pk=edition.pk)
    return (
        Registration.objects.filter(edition=edition)
        .select_related("municipality", "intake")
        .prefetch_related("people")
    )


def registration_for(*, membership: Membership, edition: Edition, pk: int) -> Registration:
    return get_object_or_404(registrations_for(membership=membership, edition=edition), pk=pk)


def session_for(*, membership: Membership, edition: Edition, pk: int) -> Session:
    return get_object_or_404(Session.objects.filter(edition=edition), pk=pk)


def pair_for(*, edition: Edition, pk: int) -> Pair:
    return get_object_or_404(Pair.objects.filter(edition=edition), pk=pk)


def selected_people(*, edition: Edition) -> QuerySet[RegistrationPerson]:
    return RegistrationPerson.objects.filter(
        registration__edition=edition, registration__status=Status.SELECTED
    ).select_related("registration__municipality")


def product_of_session(*, session: Session) -> KnowledgeProduct | None:
    return KnowledgeProduct.objects.filter(session=session).first()


def product_for(*, edition: Edition, session_id: int) -> KnowledgeProduct:
    return get_object_or_404(KnowledgeProduct.objects.filter(session__edition=edition), session_id=session_id)


def maatwerk_applications(*, edition: Edition) -> QuerySet[MaatwerkApplication]:
    return MaatwerkApplication.objects.filter(registration__edition=edition).select_related(
        "registration__municipality"
    )


def published_products(*, edition: Edition) -> QuerySet[KnowledgeProduct]:
    return KnowledgeProduct.objects.filter(
        session__edition=edition, published_at__isnull=False
    ).select_related("session")


def published_product_for(*, edition: Edition, session_id: int) -> KnowledgeProduct:
    return get_object_or_404(
        KnowledgeProduct.objects.filter(session__edition=edition, published_at__isnull=False),
        session_id=session_id,
    )


def submitted_assignment_ids(*, registration: Registration) -> set[int]:
    return set(Submission.objects.filter(registration=registration).values_list("assignment_id", flat=True))


def own_submission(*, registration: Registration, assignment: Assignment) -> Submission | None:
    return (
        Submission.objects.filter(assignment=assignment, registration=registration)
        .prefetch_related("files")
        .first()
    )


def assignment_for(*, edition: Edition, pk: int) -> Assignment:
    return get_object_or_404(Assignment.objects.filter(edition=edition), pk=pk)


def maatwerk_for(*, edition: Edition, pk: int) -> MaatwerkApplication:
    return get_object_or_404(
        MaatwerkApplication.objects.filter(registration__edition=edition).select_related(
            "registration__municipality"
        ),
        pk=pk,
    )


def filter_registrations(
    registrations: QuerySet[Registration],
    *,
    size: str = "",
    region: str = "",
    status: str = "",
    advice: str = "",
) -> list[Registration]:
    rows = list(registrations)
    if size:
        rows = [r for r in rows if r.size == size]
    if region:
        rows = [r for r in rows if r.region == region]
    if status:
        rows = [r for r in rows if r.status == status]
    if advice:
        rows = [r for r in rows if (r.advice or "geen") == advice]
    return rows


# ---- participant (member of a selected municipality) -------------------------------------------


def own_registrations(*, membership: Membership) -> QuerySet[Registration]:
    municipality = membership.organisation.municipality
    if municipality is None:
        return Registration.objects.none()
    return Registration.objects.filter(municipality=municipality, status=Status.SELECTED).select_related(
        "edition", "municipality"
    )


def participation_for(*, membership: Membership, edition_pk: int) -> Registration:
    """The member's own selected registration for the edition; 404 for any other edition."""
    return get_object_or_404(own_registrations(membership=membership), edition_id=edition_pk)


def pairs_for(*, registration: Registration) -> QuerySet[Pair]:
    """The start-conversation pairs the registration sits in (normally one)."""
    return (
        Pair.objects.filter(edition_id=registration.edition_id)
        .filter(Q(first=registration) | Q(second=registration) | Q(third=registration))
        .select_related("first__municipality", "second__municipality", "third__municipality")
    )


def fellow_participants(*, registration: Registration) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(edition=registration.edition, status=Status.SELECTED)
        .select_related("municipality")
        .prefetch_related("people")
    )


def threads_for(*, registration: Registration) -> QuerySet[Thread]:
    return (
        Thread.objects.filter(edition=registration.edition)
        .filter(Q(asker=registration) | Q(addressee=registration))
        .select_related("asker__municipality", "addressee__municipality")
    )


def thread_for(*, registration: Registration, pk: int) -> Thread:
    return get_object_or_404(threads_for(registration=registration), pk=pk)


def file_for_participant(*, registration: Registration, pk: int) -> SubmissionFile:
    return get_object_or_404(SubmissionFile.objects.filter(submission__registration=registration), pk=pk)


def file_for_facilitator(*, edition: Edition, pk: int) -> SubmissionFile:
    return get_object_or_404(SubmissionFile.objects.filter(submission__assignment__edition=edition), pk=pk)


def open_calls() -> QuerySet[Edition]:
    """Published editions whose registration is still open, soonest deadline first."""
    from django.utils import timezone

    return (
        Edition.objects.filter(published=True, registration_deadline__gte=timezone.localdate())
        .select_related("organisation")
        .prefetch_related("sessions")
        .order_by("registration_deadline", "title")
    )


def public_edition(*, slug: str) -> Edition:
    return get_object_or_404(Edition.objects.filter(published=True), slug=slug)


# ---- municipalities with a related learning question -------------------------------------------


def _similarity_registrations(
    *, membership: Membership, edition: Edition | None = None
) -> list[Registration]:
    """Registrations whose learning question the membership's organisation may see.

    Participants: the selected municipalities of their own selected editions. Facilitators: the
    registrations (not rejected) of the editions they run or co-run. Anyone else: none.
    """
    own = own_registrations(membership=membership)
    if own.exists():
        qs = Registration.objects.filter(
            edition_id__in=own.values_list("edition_id", flat=True), status=Status.SELECTED
        )
    else:
        qs = Registration.objects.filter(edition__in=editions_for(membership=membership)).exclude(
            status=Status.REJECTED
        )
    if edition is not None:
        qs = qs.filter(edition=edition)
    return list(qs.select_related("municipality", "intake", "edition").order_by("edition_id", "pk"))


def learning_questions_for_similarity(
    *, membership: Membership, edition: Edition | None = None
) -> list[tuple[str, str, np.ndarray]]:
    """(municipality name, learning question, unit vector) for every visible registration.

    Vectors are the stored question embeddings; missing or stale ones are embedded (and stored)
    by services.pairs.question_vectors. ``edition`` narrows the result to one visible edition.
    """
    registrations = _similarity_registrations(membership=membership, edition=edition)
    vectors = question_vectors(registrations)
    return [(r.municipality.name, r.learning_question, vectors[i]) for i, r in enumerate(registrations)]


MAX_EDITIONS = 20  # editions looked at per request for the knowledge base (each is one small query)


def learning_questions_for_knowledge(membership: Membership) -> list[LearningQuestion]:
    """The knowledge base's hook: every learning question the membership may see, with its edition.

    The editions are those the membership takes part in or runs (at most MAX_EDITIONS, newest
    first); learning_questions_for_similarity filters again per edition.
    """
    own = own_registrations(membership=membership).values_list("edition_id", flat=True)
    run = editions_for(membership=membership).values_list("id", flat=True)
    ids = set(own) | set(run)
    if not ids:
        return []
    editions = Edition.objects.filter(pk__in=ids).only("id", "title").order_by("-id")[:MAX_EDITIONS]
    found: list[LearningQuestion] = []
    for edition in editions:
        found += [
            LearningQuestion(name, question, edition.title, vector)
            for name, question, vector in learning_questions_for_similarity(
                membership=membership, edition=edition
            )
        ]
    return found


@dataclass
class RelatedQuestion:
    municipality: str
    question: str
    similarity: float


def related_questions(
    *, membership: Membership, registration: Registration, limit: int = 3
) -> list[RelatedQuestion]:
    """The other municipalities of the registration's edition with the closest learning questions."""
    municipality = membership.organisation.municipality
    if municipality is None or registration.municipality_id != municipality.pk:
        return []  # only the participating municipality itself sees this panel
    rows = learning_questions_for_similarity(membership=membership, edition=registration.edition)
    own = next((row for row in rows if row[0] == registration.municipality.name), None)
    if own is None:
        return []
    others = [row for row in rows if row[0] != own[0]]
    scored = sorted(
        ((float(vector @ own[2]), name, question) for name, question, vector in others), key=lambda t: -t[0]
    )
    return [RelatedQuestion(name, question, sim) for sim, name, question in scored[:limit]]


def unread_notifications(*, membership: Membership) -> int:
    """How many of the member's own notifications in Brug they have not opened yet."""
    return Notification.objects.filter(
        email=membership.user.email.lower(), shown=True, read_at__isnull=True
    ).count()
