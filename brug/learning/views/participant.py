"""Participant pages: a member of a selected municipality sees only their own editions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from brug.core.access import org_view
from brug.core.breadcrumbs import breadcrumbs, crumb
from brug.core.errors import add_form_error

from .. import selectors
from ..forms import ReplyForm, SubmissionForm, ThreadForm
from ..services import assignments as assignment_services
from ..services import calendar
from ..services import knowledge as knowledge_services
from ..services import threads as thread_services
from ..services.uploads import UploadError
from .common import file_response, ics_response


def home(request: HttpRequest) -> HttpResponse:
    """Called by views.editions.index for a municipality organisation."""
    membership = request.membership  # type: ignore[attr-defined]
    return render(
        request,
        "learning/participant/home.html",
        {
            "registrations": selectors.own_registrations(membership=membership),
            "unread": selectors.unread_notifications(membership=membership),
            "breadcrumbs": breadcrumbs(("Leernetwerk", None)),
        },
    )


@org_view()
def participation(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    reg = selectors.participation_for(membership=request.membership, edition_pk=edition_id)  # type: ignore[attr-defined]
    edition = reg.edition
    done = selectors.submitted_assignment_ids(registration=reg)
    products = selectors.published_products(edition=edition)
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
            "pairs": selectors.pairs_for(registration=reg),
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug), (edition.title, None)
            ),
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
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(reg.edition.title, "learning:participation", org_slug, reg.edition_id),
                ("Deelnemers", None),
            ),
        },
    )


@org_view()
def assignment(request: HttpRequest, org_slug: str, edition_id: int, assignment_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    reg = selectors.participation_for(membership=membership, edition_pk=edition_id)
    task = selectors.assignment_for(edition=reg.edition, pk=assignment_id)
    submission = selectors.own_submission(registration=reg, assignment=task)
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
                add_form_error(form, exc, field="file")
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
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(reg.edition.title, "learning:participation", org_slug, reg.edition_id),
                (task.title, None),
            ),
        },
    )


@org_view()
def own_file(request: HttpRequest, org_slug: str, edition_id: int, file_id: int) -> FileResponse:
    reg = selectors.participation_for(membership=request.membership, edition_pk=edition_id)  # type: ignore[attr-defined]
    return file_response(selectors.file_for_participant(registration=reg, pk=file_id))


@org_view()
def knowledge_product(request: HttpRequest, org_slug: str, edition_id: int, session_id: int) -> HttpResponse:
    reg = selectors.participation_for(membership=request.membership, edition_pk=edition_id)  # type: ignore[attr-defined]
    product = selectors.published_product_for(edition=reg.edition, session_id=session_id)
    return render(
        request,
        "learning/participant/knowledge_product.html",
        {
            "registration": reg,
            "product": product,
            "content": knowledge_services.render_body(product.body),
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(reg.edition.title, "learning:participation", org_slug, reg.edition_id),
                (product.title, None),
            ),
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
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(reg.edition.title, "learning:participation", org_slug, reg.edition_id),
                ("Vragen aan andere gemeenten", None),
            ),
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
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(reg.edition.title, "learning:participation", org_slug, reg.edition_id),
                ("Vragen", reverse("learning:threads", args=[org_slug, edition_id])),
                (item.subject, None),
            ),
        },
    )
