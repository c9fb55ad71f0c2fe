"""Facilitator: sessions, knowledge products, assignments, maatwerk, calendar files and downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from brug.core.access import FACILITATORS, org_view
from brug.core.breadcrumbs import breadcrumbs, crumb
from brug.core.errors import add_form_error
from brug.core.versioning import StaleObject, stale_to_form

from .. import selectors
from ..forms import (
    AssignmentForm,
    EntryForm,
    KnowledgeForm,
    MaatwerkForm,
    PartnerAttendeeForm,
    SessionForm,
    WorkSessionForm,
)
from ..models import (
    AttendanceStatus,
    Edition,
    Intake,
    KnowledgeProduct,
    Pair,
    Status,
    WorkSession,
)
from ..services import assignments as assignment_services
from ..services import calendar
from ..services import knowledge as knowledge_services
from ..services import maatwerk as maatwerk_services
from ..services import sessions as session_services
from .common import file_response, ics_response


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


@org_view(roles=FACILITATORS, personal_data=True)
def session(request: HttpRequest, org_slug: str, edition_id: int, session_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    sess = selectors.session_for(membership=membership, edition=ed, pk=session_id)
    form = SessionForm(initial={"agenda": sess.agenda, "notes": sess.notes, "version": sess.version})
    entry_form = EntryForm()
    partners = list(ed.partner_attendees.all())
    partner_forms: dict[str, PartnerAttendeeForm] = {
        "new": PartnerAttendeeForm(prefix="partner-new"),
        **{
            str(p.pk): PartnerAttendeeForm(
                initial={"name": p.name, "organisation_name": p.organisation_name, "email": p.email},
                prefix=f"pa{p.pk}",
            )
            for p in partners
        },
    }
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "notes":
        form = SessionForm(request.POST)
        if form.is_valid():
            try:
                session_services.save_session(membership=membership, session=sess, **form.cleaned_data)
            except StaleObject as exc:
                sess.refresh_from_db()
                stale_to_form(form, exc, current_version=sess.version)
            else:
                messages.success(request, "Agenda en verslag opgeslagen.")
                return redirect(request.path)
    elif action == "entry":
        entry_form = EntryForm(request.POST)
        if entry_form.is_valid():
            session_services.add_entry(membership=membership, session=sess, **entry_form.cleaned_data)
            messages.success(request, "Toegevoegd.")
            return redirect(request.path)
    elif action == "attendance":
        present = session_services.record_attendance(
            membership=membership,
            session=sess,
            statuses=_statuses(request, "status-"),
            partner_statuses=_statuses(request, "partner-"),
        )
        messages.success(
            request,
            f"Aanwezigheid opgeslagen: {present} {'persoon' if present == 1 else 'personen'} aanwezig.",
        )
        return redirect(request.path)
    elif action == "attendance_clear":
        session_services.clear_attendance(membership=membership, session=sess)
        messages.success(request, f"De aanwezigheid van bijeenkomst {sess.number} is gewist.")
        return redirect(request.path)
    elif action in ("partner_add", "partner_edit", "partner_remove"):
        response = _change_partner(request, ed, action, partner_forms)
        if response is not None:
            return response
    elif action in ("entry_edit", "entry_delete"):
        entry = get_object_or_404(sess.entries.all(), pk=_int(request.POST.get("entry")))
        if action == "entry_delete":
            session_services.remove_entry(membership=membership, entry=entry)
            messages.success(request, "Verwijderd.")
            return redirect(request.path)
        edit_form = EntryForm(request.POST, prefix=f"e{entry.pk}")
        edit_form.fields["kind"].required = False
        if edit_form.is_valid():
            session_services.update_entry(
                membership=membership,
                entry=entry,
                text=edit_form.cleaned_data["text"],
                why=edit_form.cleaned_data["why"],
            )
            messages.success(request, "Gewijzigd.")
        else:
            messages.error(
                request,
                "Niet gewijzigd: " + " ".join(str(e) for errs in edit_form.errors.values() for e in errs),
            )
        return redirect(request.path)
    people = selectors.selected_people(edition=ed)
    recorded = list(sess.attendance.values_list("person_id", "partner_id", "status"))
    status_of = {pk: status for pk, _, status in recorded if pk is not None}
    partner_status = {pk: status for _, pk, status in recorded if pk is not None}
    rows = [(p, status_of.get(p.pk, AttendanceStatus.ABSENT)) for p in people]
    return render(
        request,
        "learning/session.html",
        {
            "edition": ed,
            "session": sess,
            "form": form,
            "entry_form": entry_form,
            "people": rows,
            "partners": [
                (p, partner_status.get(p.pk, AttendanceStatus.ABSENT), partner_forms[str(p.pk)])
                for p in partners
            ],
            "partner_form": partner_forms["new"],
            "recorded": bool(recorded),
            "statuses": AttendanceStatus.choices,
            "entries": sess.entries.all(),
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                (f"Bijeenkomst {sess.number}", None),
            ),
        },
    )


def _statuses(request: HttpRequest, prefix: str) -> dict[int, str]:
    return {
        int(key[len(prefix) :]): str(request.POST.get(key, ""))
        for key in request.POST
        if key.startswith(prefix) and key[len(prefix) :].isdigit()
    }


def _change_partner(
    request: HttpRequest, ed: Edition, action: str, forms: dict[str, PartnerAttendeeForm]
) -> HttpResponse | None:
    """Add, correct or remove a partner attendee; None re-shows the page with the form's messages."""
    membership = request.membership  # type: ignore[attr-defined]
    if action == "partner_add":
        key, partner = "new", None
    else:
        partner = get_object_or_404(ed.partner_attendees.all(), pk=_int(request.POST.get("partner")))
        key = str(partner.pk)
    if action == "partner_remove" and partner is not None:
        name = partner.name
        session_services.remove_partner(membership=membership, partner=partner)
        messages.success(request, f"{name} is verwijderd, met de vastgelegde aanwezigheid.")
        return redirect(request.path)
    form = forms[key] = PartnerAttendeeForm(
        request.POST, prefix="partner-new" if partner is None else f"pa{key}"
    )
    if not form.is_valid():
        return None
    try:
        if partner is None:
            partner = session_services.add_partner(membership=membership, edition=ed, **form.cleaned_data)
            messages.success(request, f"{partner.name} ({partner.organisation_name}) is toegevoegd.")
        else:
            session_services.update_partner(membership=membership, partner=partner, **form.cleaned_data)
            messages.success(request, f"De gegevens van {partner.name} zijn gewijzigd.")
    except session_services.AttendanceError as exc:
        add_form_error(form, exc)
        return None
    return redirect(request.path)


@org_view(roles=FACILITATORS)
def knowledge_product(request: HttpRequest, org_slug: str, edition_id: int, session_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    sess = selectors.session_for(membership=membership, edition=ed, pk=session_id)
    product = selectors.product_of_session(session=sess)
    initial = {
        "title": f"Infoblad bijeenkomst {sess.number}: {ed.theme}",
        "body": knowledge_services.draft_body(sess),
        "visibility": KnowledgeProduct.Visibility.NETWORK,
    }
    if request.method == "POST" and product is not None and product.published_at is not None:
        # Why: a save here would never reach the published item; the knowledge base holds it now.
        messages.error(request, "Dit kennisproduct is al gepubliceerd; wijzigingen doet u in de kennisbank.")
        return redirect(request.path)
    form = KnowledgeForm(request.POST or None, instance=product, initial=None if product else initial)
    if request.method == "POST" and form.is_valid():
        product = knowledge_services.save_draft(membership=membership, session=sess, **form.cleaned_data)
        if request.POST.get("action") == "publish":
            try:
                in_base = knowledge_services.publish(membership=membership, product=product)
            except ValidationError as exc:
                messages.error(request, "Niet gepubliceerd: " + " ".join(exc.messages))
                return redirect(request.path)
            messages.success(
                request,
                "Gepubliceerd in de kennisbank, met pdf-infoblad."
                if in_base
                else "Gepubliceerd voor het netwerk (de kennisbank is nog niet beschikbaar).",
            )
        else:
            messages.success(request, "Concept opgeslagen.")
        return redirect(request.path)
    return render(
        request,
        "learning/knowledge_form.html",
        {
            "edition": ed,
            "session": sess,
            "form": form,
            "product": product,
            "preview": knowledge_services.render_body(product.body) if product else None,
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                (f"Kennisproduct bijeenkomst {sess.number}", None),
            ),
        },
    )


@org_view()
def knowledge_pdf(request: HttpRequest, org_slug: str, edition_id: int, session_id: int) -> HttpResponse:
    # Why one view for both: the facilitator previews, a participant of the edition downloads.
    membership = request.membership  # type: ignore[attr-defined]
    if membership.organisation.is_municipality:
        ed = selectors.participation_for(membership=membership, edition_pk=edition_id).edition
    else:
        ed = selectors.edition_for(membership=membership, pk=edition_id)
    product = selectors.product_for(edition=ed, session_id=session_id)
    if membership.organisation.is_municipality and product.published_at is None:
        return HttpResponse(status=404)
    response = HttpResponse(knowledge_services.pdf_for(product), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="infoblad-bijeenkomst-{product.session.number}.pdf"'
    )
    return response


@org_view(roles=FACILITATORS)
def assignments(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    # Why one page: add, change (?bewerken=<id>) and remove assignments where they are listed.
    editing_id = _int(
        request.POST.get("assignment") if request.method == "POST" else request.GET.get("bewerken")
    )
    editing = selectors.assignment_for(edition=ed, pk=editing_id) if editing_id else None
    if request.method == "POST" and request.POST.get("action") == "delete" and editing is not None:
        title = editing.title
        assignment_services.remove_assignment(membership=membership, assignment=editing)
        messages.success(request, f"Opdracht '{title}' verwijderd.")
        return redirect(request.path)
    form = AssignmentForm(request.POST or None, edition=ed, instance=editing)
    if request.method == "POST" and form.is_valid():
        if editing is None:
            assignment_services.create_assignment(membership=membership, edition=ed, **form.cleaned_data)
            messages.success(request, "Opdracht toegevoegd.")
            return redirect(request.path)
        try:
            assignment_services.update_assignment(
                membership=membership, assignment=editing, fields=form.cleaned_data
            )
        except StaleObject as exc:
            editing.refresh_from_db()
            stale_to_form(form, exc, current_version=editing.version)
        else:
            messages.success(request, "Opdracht gewijzigd.")
            return redirect(request.path)
    participants = list(ed.registrations.filter(status=Status.SELECTED).select_related("municipality"))
    rows = []
    for assignment in ed.assignments.prefetch_related("submissions__files"):
        done = {s.registration_id: s for s in assignment.submissions.all()}
        rows.append((assignment, [(r, done.get(r.pk)) for r in participants]))
    return render(
        request,
        "learning/assignments.html",
        {
            "edition": ed,
            "form": form,
            "editing": editing,
            "rows": rows,
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Opdrachten", None),
            ),
        },
    )


@org_view(roles=FACILITATORS)
def submission_file(request: HttpRequest, org_slug: str, edition_id: int, file_id: int) -> FileResponse:
    ed = selectors.edition_for(membership=request.membership, pk=edition_id)  # type: ignore[attr-defined]
    return file_response(selectors.file_for_facilitator(edition=ed, pk=file_id))


@org_view(roles=FACILITATORS, personal_data=True)
def maatwerk(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    if request.method == "POST":
        reg = selectors.registration_for(
            membership=membership, edition=ed, pk=int(request.POST.get("registration", 0) or 0)
        )
        app = maatwerk_services.save_application(membership=membership, registration=reg, fields={})
        return redirect(
            "learning:maatwerk_detail", org_slug=org_slug, edition_id=ed.pk, application_id=app.pk
        )
    applications = selectors.maatwerk_applications(edition=ed)
    # Why every participant: a municipality that did not tick maatwerk at registration may still ask.
    interested = (
        ed.registrations.filter(maatwerk__isnull=True)
        .filter(Q(status=Status.SELECTED) | Q(wants_maatwerk=True))
        .select_related("municipality")
        .order_by("-wants_maatwerk", "municipality__name")
    )
    return render(
        request,
        "learning/maatwerk.html",
        {
            "edition": ed,
            "applications": applications,
            "interested": interested,
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Maatwerk", None),
            ),
        },
    )


@org_view(roles=FACILITATORS, personal_data=True)
def maatwerk_detail(
    request: HttpRequest, org_slug: str, edition_id: int, application_id: int
) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    app = selectors.maatwerk_for(edition=ed, pk=application_id)
    form = MaatwerkForm(instance=app)
    work_form = WorkSessionForm()
    action = request.POST.get("action") if request.method == "POST" else None
    try:
        if action == "intake":
            form = MaatwerkForm(request.POST, instance=app)
            if form.is_valid():
                maatwerk_services.save_application(
                    membership=membership, registration=app.registration, fields=form.cleaned_data
                )
                messages.success(request, "Intake maatwerk opgeslagen.")
                return redirect(request.path)
        elif action in ("select", "deselect"):
            maatwerk_services.set_selected(
                membership=membership, application=app, selected=action == "select"
            )
            return redirect(request.path)
        elif action == "work_notes":
            ws = get_object_or_404(app.work_sessions, pk=int(request.POST.get("work_session", 0) or 0))
            maatwerk_services.save_work_notes(
                membership=membership, work_session=ws, notes=request.POST.get("notes", "")[:5000]
            )
            messages.success(request, f"Aantekeningen bij werksessie {ws.number} opgeslagen.")
            return redirect(request.path)
        elif action == "work_session":
            work_form = WorkSessionForm(request.POST)
            if work_form.is_valid():
                maatwerk_services.add_work_session(
                    membership=membership, application=app, fields=work_form.cleaned_data
                )
                messages.success(request, "Werksessie gepland.")
                return redirect(request.path)
    except maatwerk_services.MaatwerkError as exc:
        messages.error(request, str(exc))
        return redirect(request.path)
    return render(
        request,
        "learning/maatwerk_detail.html",
        {
            "edition": ed,
            "application": app,
            "form": form,
            "work_form": work_form,
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Maatwerk", reverse("learning:maatwerk", args=[org_slug, ed.pk])),
                (str(app.registration), None),
            ),
        },
    )


@org_view(roles=FACILITATORS)
def facilitator_ics(request: HttpRequest, org_slug: str, edition_id: int, kind: str, pk: int) -> HttpResponse:
    ed = selectors.edition_for(membership=request.membership, pk=edition_id)  # type: ignore[attr-defined]
    if kind == "bijeenkomst":
        return ics_response(calendar.session_ics(get_object_or_404(ed.sessions, pk=pk)), f"bijeenkomst-{pk}")
    if kind == "intake":
        return ics_response(
            calendar.intake_ics(get_object_or_404(Intake, registration__edition=ed, pk=pk)), f"intake-{pk}"
        )
    if kind == "startgesprek":
        pair = get_object_or_404(Pair, edition=ed, pk=pk, scheduled_at__isnull=False)
        return ics_response(calendar.pair_ics(pair), f"startgesprek-{pk}")
    if kind == "werksessie":
        ws = get_object_or_404(WorkSession, application__registration__edition=ed, pk=pk)
        return ics_response(calendar.work_session_ics(ws), f"werksessie-{pk}")
    return HttpResponse(status=404)
