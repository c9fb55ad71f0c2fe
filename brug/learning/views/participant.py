"""Participant pages: a member of a selected municipality sees only their own editions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from brug.core.access import org_view

from .. import selectors
from ..forms import ReplyForm, SubmissionForm, ThreadForm
from ..models import KnowledgeProduct, Registration, Submission
from ..services import assignments as assignment_services
from ..services import calendar
from ..services import knowledge as knowledge_services
from ..services import threads as thread_services
from ..services.uploads import UploadError
from .common import file_response, ics_response


def _crumbs(request: HttpRequest, registration: Registration | None, *extra: tuple[str, str | None]) -> list:
    slug = request.membership.organisation.slug  # type: ignore[attr-defined]
    items: list = [("Leernetwerk", reverse("learning:index", kwargs={"org_slug": slug}))]
    if registration is not None:
        items.append(
            (
                registration.edition.title,
                reverse("learning:participation", args=[slug, registration.edition_id]),
            )
        )
    return [*items, *extra]


def home(request: HttpRequest) -> HttpResponse:
    """Called by views.editions.index for a municipality organisation."""
    registrations = selectors.own_registrations(membership=request.membership)  # type: ignore[attr-defined]
    return render(
        request,
        "learning/participant/home.html",
        {"registrations": registrations, "breadcrumbs": [("Leernetwerk", None)]},
    )


@org_view()
def participation(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    reg = selectors.participation_for(membership=request.membership, edition_pk=edition_id)  # type: ignore[attr-defined]
    edition = reg.edition
    done = set(Submission.objects.filter(registration=reg).values_list("assignment_id", flat=True))
    products = KnowledgeProduct.objects.filter(
        session__edition=edition, published_at__isnull=False
    ).select_related("session")
    return render(
        request,
        "learning/participant/edition.html",
        {
            "registration": reg,
            "edition": edition,
            "sessions": edition.sessions.all(),
            "assignments": [(a, a.pk in done) for a in edition.assignments.all()],
            "products": products,
            # Why here: the panel shows only the viewer's own edition, by the meaning of the questions.
            "related": selectors.related_questions(membership=request.membership, registration=reg),  # type: ignore[attr-defined]
            "today": timezone.localdate(),
            # Why here: participants see their own start-conversation pair and its date.
            "pairs": selectors.pairs_of(registration=reg),
            "breadcrumbs": _crumbs(request, None, (edition.title, None)),
        },
    )


@org_view()
def fellows(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    reg = selectors.participation_for(membership=request.membership, edition_pk=edition_id)  # type: ignore[attr-defined]
    return render(
        request,
        "learning/participant/fellows.html",
        {
            "registration": reg,
            "edition": reg.edition,
            "fellows": selectors.fellow_participants(registration=reg),
            "breadcrumbs": _crumbs(request, reg, ("Deelnemers", None)),
        },
    )


@org_view()
def assignment(request: HttpRequest, org_slug: str, edition_id: int, assignment_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    reg = selectors.participation_for(membership=membership, edition_pk=edition_id)
    task = selectors.assignment_for(edition=reg.edition, pk=assignment_id)
    submission = (
        Submission.objects.filter(assignment=task, registration=reg).prefetch_related("files").first()
    )
    form = SubmissionForm(initial={"text": submission.text if submission else ""})
    if request.method == "POST":
        if not membership.can_edit:
            raise PermissionDenied
        form = SubmissionForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data.get("file")
            try:
                assignment_services.submit(
                    membership=membership,
                    registration=reg,
                    assignment=task,
                    text=form.cleaned_data["text"],
                    files=[upload] if upload else [],
                )
            except UploadError as exc:
                form.add_error("file", str(exc))
            else:
                messages.success(request, "Uw uitwerking is ingeleverd.")
                return redirect(request.path)
    return render(
        request,
        "learning/participant/assignment.html",
        {
            "registration": reg,
            "assignment": task,
            "submission": submission,
            "form": form,
            "breadcrumbs": _crumbs(request, reg, (task.title, None)),
        },
    )


@org_view()
def own_file(request: HttpRequest, org_slug: str, edition_id: int, file_id: int) -> FileResponse:
    reg = selectors.participation_for(membership=request.membership, edition_pk=edition_id)  # type: ignore[attr-defined]
    return file_response(selectors.file_for_participant(registration=reg, pk=file_id))


@org_view()
def knowledge_product(request: HttpRequest, org_slug: str, edition_id: int, session_id: int) -> HttpResponse:
    reg = selectors.participation_for(membership=request.membership, edition_pk=edition_id)  # type: ignore[attr-defined]
    product = get_object_or_404(
        KnowledgeProduct.objects.filter(session__edition=reg.edition, published_at__isnull=False),
        session_id=session_id,
    )
    return render(
        request,
        "learning/participant/knowledge_product.html",
        {
            "registration": reg,
            "product": product,
            "content": knowledge_services.render_body(product.body),
            "breadcrumbs": _crumbs(request, reg, (product.title, None)),
        },
    )


@org_view()
def session_ics(request: HttpRequest, org_slug: str, edition_id: int, session_id: int) -> HttpResponse:
    reg = selectors.participation_for(membership=request.membership, edition_pk=edition_id)  # type: ignore[attr-defined]
    sess = get_object_or_404(reg.edition.sessions, pk=session_id)
    return ics_response(calendar.session_ics(sess), f"bijeenkomst-{sess.number}")


@org_view()
def threads(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    reg = selectors.participation_for(membership=membership, edition_pk=edition_id)
    others = selectors.fellow_participants(registration=reg).exclude(pk=reg.pk)
    form = ThreadForm(request.POST or None, fellows=others)
    if request.method == "POST":
        if not membership.can_edit:
            raise PermissionDenied
        if form.is_valid():
            thread = thread_services.start_thread(
                membership=membership,
                asker=reg,
                addressee=form.cleaned_data["addressee"],
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
            messages.success(request, "Uw vraag is verstuurd.")
            return redirect("learning:thread", org_slug=org_slug, edition_id=edition_id, thread_id=thread.pk)
    return render(
        request,
        "learning/participant/threads.html",
        {
            "registration": reg,
            "threads": selectors.threads_for(registration=reg),
            "form": form,
            "breadcrumbs": _crumbs(request, reg, ("Vragen aan andere gemeenten", None)),
        },
    )


@org_view()
def thread(request: HttpRequest, org_slug: str, edition_id: int, thread_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    reg = selectors.participation_for(membership=membership, edition_pk=edition_id)
    item = selectors.thread_for(registration=reg, pk=thread_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        if not membership.can_edit:
            raise PermissionDenied
        if form.is_valid():
            thread_services.reply(
                membership=membership, thread=item, registration=reg, body=form.cleaned_data["body"]
            )
            return redirect(request.path)
    return render(
        request,
        "learning/participant/thread.html",
        {
            "registration": reg,
            "thread": item,
            "thread_messages": item.messages.select_related("author_registration__municipality", "author"),
            "form": form,
            "breadcrumbs": _crumbs(
                request,
                reg,
                ("Vragen", reverse("learning:threads", args=[org_slug, edition_id])),
                (item.subject, None),
            ),
        },
    )
