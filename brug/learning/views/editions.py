"""Facilitator: editions, registrations, intakes, selection and pairs."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from brug.core.access import FACILITATORS, org_view
from brug.core.breadcrumbs import breadcrumbs, crumb
from brug.core.errors import add_form_error
from brug.core.exports import table_response
from brug.core.services import MembershipError
from brug.core.versioning import StaleObject, stale_to_form

from .. import selectors
from ..forms import (
    DecisionChangeForm,
    EditionForm,
    FilterForm,
    IntakeForm,
    PairForm,
    PersonForm,
    SessionFormSet,
)
from ..models import Edition, Registration, Status
from ..services import editions as edition_services
from ..services import exports as export_services
from ..services import onboarding
from ..services import pairs as pair_services
from ..services import registrations as registration_services
from ..services import selection as selection_services
from ..services.registrations import save_intake
from . import participant


@org_view()
def index(request: HttpRequest, org_slug: str) -> HttpResponse:
    # Why one entry point: the menu item is the same for a municipality and a partner.
    membership = request.membership  # type: ignore[attr-defined]
    if membership.organisation.is_municipality:
        return participant.home(request)
    if membership.role not in FACILITATORS:
        raise PermissionDenied
    editions = selectors.editions_for(membership=membership).prefetch_related("sessions", "registrations")
    return render(
        request,
        "learning/editions.html",
        {"editions": editions, "breadcrumbs": breadcrumbs(("Leernetwerk", None))},
    )


def _session_rows(formset: Any, edition: Edition | None) -> list[dict]:
    # Why instances: editing keeps the existing sessions (and their attendance, notes, products).
    existing = list(edition.sessions.all()) if edition else []
    rows = []
    for index, form in enumerate(formset.forms):
        if form.cleaned_data:
            rows.append({**form.cleaned_data, "instance": existing[index] if index < len(existing) else None})
    return rows


@org_view(roles=FACILITATORS)
def edition_form(request: HttpRequest, org_slug: str, edition_id: int | None = None) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    edition = selectors.edition_for(membership=membership, pk=edition_id) if edition_id else None
    initial = [
        {
            "date": s.date,
            "start_time": s.start_time,
            "end_time": s.end_time,
            "place": s.place,
            "agenda": s.agenda,
        }
        for s in (edition.sessions.all() if edition else [])
    ]
    form = EditionForm(request.POST or None, instance=edition, organisation=membership.organisation)
    formset = SessionFormSet(request.POST or None, initial=initial or None, prefix="sessies")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "partners"}
        try:
            edition = edition_services.save_edition(
                membership=membership,
                fields=fields,
                sessions=_session_rows(formset, edition),
                partners=list(form.cleaned_data["partners"]),
                edition=edition,
            )
        except StaleObject as exc:
            assert edition is not None  # only an edit can be stale
            edition.refresh_from_db()
            stale_to_form(form, exc, current_version=edition.version)
        except edition_services.EditionError as exc:
            add_form_error(form, exc)
        else:
            messages.success(request, "De editie is opgeslagen.")
            return redirect("learning:edition", org_slug=org_slug, edition_id=edition.pk)
    title = "Editie bewerken" if edition else "Nieuwe editie"
    return render(
        request,
        "learning/edition_form.html",
        {
            "form": form,
            "formset": formset,
            "edition": edition,
            "title": title,
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                *([crumb(str(edition), "learning:edition", org_slug, edition.pk)] if edition else []),
                (title, None),
            ),
        },
    )


@org_view(roles=FACILITATORS)
def edition(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    ed = selectors.edition_for(membership=request.membership, pk=edition_id)  # type: ignore[attr-defined]
    counts = {s: ed.registrations.filter(status=s).count() for s in Status.values}
    return render(
        request,
        "learning/edition.html",
        {
            "edition": ed,
            "counts": counts,
            "total": sum(counts.values()),
            "call_url": request.build_absolute_uri(reverse("learning:call", kwargs={"slug": ed.slug})),
            "exports": [(key, label) for key, (label, _build) in export_services.EXPORTS.items()],
            "breadcrumbs": breadcrumbs(crumb("Leernetwerk", "learning:index", org_slug), (str(ed), None)),
        },
    )


@org_view(roles=FACILITATORS)
@require_POST
def publish(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    ed = selectors.edition_for(membership=request.membership, pk=edition_id)  # type: ignore[attr-defined]
    edition_services.set_published(membership=request.membership, edition=ed, published=not ed.published)  # type: ignore[attr-defined]
    messages.success(request, "De oproep staat online." if ed.published else "De oproep is offline gehaald.")
    return redirect("learning:edition", org_slug=org_slug, edition_id=ed.pk)


@org_view(roles=FACILITATORS, personal_data=True)
def registrations(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    filters = FilterForm(request.GET or None)
    rows = selectors.registrations_for(membership=membership, edition=ed)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    listed = selectors.filter_registrations(rows, **{k: v for k, v in cleaned.items() if v})
    return render(
        request,
        "learning/registrations.html",
        {
            "edition": ed,
            "rows": listed,
            "filters": filters,
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Aanmeldingen", None),
            ),
        },
    )


@org_view(roles=FACILITATORS, personal_data=True)
def registration(request: HttpRequest, org_slug: str, edition_id: int, registration_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    reg = selectors.registration_for(membership=membership, edition=ed, pk=registration_id)
    intake = getattr(reg, "intake", None)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action in ("edit_registration", "delete_registration", "delete_intake"):
        return _change_registration(request, org_slug, ed, reg, action)
    # Why one form per person: a failed correction re-shows that person's form with its messages.
    person_forms = {
        p.pk: PersonForm(
            initial={"name": p.name, "email": p.email, "function": p.function, "domain": p.domain},
            prefix=f"p{p.pk}",
        )
        for p in reg.people.all()
    }
    if action == "edit_person":
        person = get_object_or_404(reg.people.all(), pk=_int(request.POST.get("person")))
        person_form = person_forms[person.pk] = PersonForm(request.POST, prefix=f"p{person.pk}")
        if person_form.is_valid():
            old_email = person.email
            try:
                registration_services.update_person(
                    membership=membership, person=person, **person_form.cleaned_data
                )
            except registration_services.RegistrationError as exc:
                add_form_error(person_form, exc)
            else:
                hint = (
                    " Het e-mailadres is veranderd: nodig deze persoon opnieuw uit op de pagina Toegang."
                    if reg.status == Status.SELECTED and old_email.lower() != person.email.lower()
                    else ""
                )
                messages.success(request, f"De gegevens van {person.name} zijn gewijzigd.{hint}")
                return redirect(
                    "learning:registration", org_slug=org_slug, edition_id=ed.pk, registration_id=reg.pk
                )
    form = IntakeForm(request.POST if action == "" and request.method == "POST" else None, instance=intake)
    if request.method == "POST" and action == "" and form.is_valid():
        try:
            saved = save_intake(membership=membership, registration=reg, fields=form.cleaned_data)
        except registration_services.RegistrationError as exc:
            add_form_error(form, exc)
        else:
            told = (
                f" De duo van {reg.municipality} heeft een e-mail gekregen met de datum."
                if saved.mailed
                else ""
            )
            messages.success(request, f"Intake met {reg.municipality} opgeslagen.{told}")
            return redirect("learning:registrations", org_slug=org_slug, edition_id=ed.pk)
    return render(
        request,
        "learning/registration.html",
        {
            "edition": ed,
            "registration": reg,
            "form": form,
            "people": [(p, person_forms[p.pk]) for p in reg.people.all()],
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Aanmeldingen", reverse("learning:registrations", args=[org_slug, ed.pk])),
                (str(reg), None),
            ),
        },
    )


def _change_registration(
    request: HttpRequest, org_slug: str, ed: Edition, reg: Registration, action: str
) -> HttpResponse:
    # Why here: corrections and removals sit on the registration's own page, each audited.
    membership = request.membership  # type: ignore[attr-defined]
    back = redirect("learning:registration", org_slug=org_slug, edition_id=ed.pk, registration_id=reg.pk)
    try:
        if action == "delete_registration":
            name = str(reg.municipality)
            registration_services.remove_registration(membership=membership, registration=reg)
            messages.success(request, f"De aanmelding van {name} is verwijderd.")
            return redirect("learning:registrations", org_slug=org_slug, edition_id=ed.pk)
        if action == "delete_intake":
            registration_services.remove_intake(membership=membership, registration=reg)
            messages.success(request, "De intake is verwijderd.")
            return back
        registration_services.update_registration(
            membership=membership,
            registration=reg,
            learning_question=request.POST.get("learning_question", ""),
            own_cases=request.POST.get("own_cases", ""),
        )
        messages.success(request, "De aanmelding is gewijzigd.")
    except registration_services.RegistrationError as exc:
        messages.error(request, str(exc))
    return back


@org_view(roles=FACILITATORS, personal_data=True)
def selection(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    if ed.selection_decided_at is not None:
        return _decided_selection(request, org_slug, ed)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "apply":
                result = selection_services.apply_selection(membership=membership, edition=ed)
                messages.success(
                    request,
                    f"Selectie vastgelegd: {_count(result['selected'], 'gemeente doet', 'gemeenten doen')} mee, "
                    f"{_count(result['waiting'], 'gemeente staat', 'gemeenten staan')} op de wachtlijst. "
                    f"{_count(result['mailed'], 'besluitmail is', 'besluitmails zijn')} verstuurd.",
                )
            else:
                reg = selectors.registration_for(
                    membership=membership, edition=ed, pk=_int(request.POST.get("registration"))
                )
                forced = {"include": True, "exclude": False}.get(action)
                selection_services.set_override(membership=membership, registration=reg, forced=forced)
        except selection_services.SelectionError as exc:
            messages.error(request, str(exc))
        return redirect("learning:selection", org_slug=org_slug, edition_id=ed.pk)
    proposal = selection_services.proposal_for(ed)
    by_id = {r.pk: r for r in selectors.registrations_for(membership=membership, edition=ed)}
    for pk, reason in proposal.reasons.items():
        by_id[pk].reason = reason  # type: ignore[attr-defined]
    return render(
        request,
        "learning/selection.html",
        {
            "edition": ed,
            "proposal": proposal,
            # Why a second step: committing mails every duo at once and cannot be taken back.
            "confirm": selection_services.preview_decision(ed) if request.GET.get("vastleggen") else None,
            "selected": [by_id[i] for i in proposal.selected],
            "waiting": [by_id[i] for i in proposal.waiting],
            "excluded": [by_id[i] for i in proposal.excluded],
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Selectie", None),
            ),
        },
    )


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _decided_selection(request: HttpRequest, org_slug: str, ed: Edition) -> HttpResponse:
    # Why a separate page: after the decision the assistant no longer decides anything; the
    # facilitator names who withdraws and who gets a place, sees the mails, then confirms.
    membership = request.membership  # type: ignore[attr-defined]
    if request.method == "POST" and request.POST.get("action") in {"apply", "include", "exclude", "auto"}:
        # A second commit or an override (e.g. from a stale tab) would let the assistant move people.
        messages.error(request, selection_services.ALREADY_DECIDED)
        return redirect("learning:selection", org_slug=org_slug, edition_id=ed.pk)
    registrations = selectors.registrations_for(membership=membership, edition=ed)
    form = DecisionChangeForm(request.POST or None, registrations=registrations)
    change = None
    if request.method == "POST" and form.is_valid():
        withdraw = list(form.cleaned_data["withdraw"])
        admit = list(form.cleaned_data["admit"])
        try:
            if request.POST.get("action") == "confirm":
                change = selection_services.apply_change(
                    membership=membership, edition=ed, withdraw=withdraw, admit=admit
                )
                messages.success(
                    request,
                    f"Vastgelegd: {change.sentence} "
                    f"{_count(len(change.mails), 'mail is', 'mails zijn')} verstuurd.",
                )
                return redirect("learning:selection", org_slug=org_slug, edition_id=ed.pk)
            change = selection_services.preview_change(edition=ed, withdraw=withdraw, admit=admit)
        except selection_services.SelectionError as exc:
            form.add_error(None, str(exc))
            change = None
    by_status: dict[str, list[Registration]] = {s: [] for s in Status.values}
    for registration in registrations:
        by_status[registration.status].append(registration)
    return render(
        request,
        "learning/selection_decided.html",
        {
            "edition": ed,
            "form": form,
            "change": change,
            "by_status": by_status,
            "selected": by_status[Status.SELECTED],
            "waiting": by_status[Status.WAITING],
            "others": by_status[Status.REJECTED] + by_status[Status.WITHDRAWN] + by_status[Status.REGISTERED],
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Selectie", None),
            ),
        },
    )


@org_view(roles=FACILITATORS, personal_data=True)
def access(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    """Per admitted municipality: is the duo invited, did they make an account, did they log in."""
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    if request.method == "POST":
        reg = selectors.registration_for(
            membership=membership, edition=ed, pk=_int(request.POST.get("registration"))
        )
        if reg.status != Status.SELECTED:
            messages.error(request, f"{reg.municipality} doet niet mee; er gaat geen uitnodiging uit.")
        else:
            try:
                sent = onboarding.reinvite(membership=membership, registration=reg)
            except MembershipError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    f"{reg.municipality}: {_count(sent, 'nieuwe uitnodiging', 'nieuwe uitnodigingen')} verstuurd."
                    if sent
                    else f"{reg.municipality}: iedereen van het duo heeft al een account.",
                )
        return redirect("learning:access", org_slug=org_slug, edition_id=ed.pk)
    return render(
        request,
        "learning/access.html",
        {
            "edition": ed,
            "rows": onboarding.access_overview(ed),
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Toegang deelnemers", None),
            ),
        },
    )


@org_view(roles=FACILITATORS, personal_data=True)
def pairs(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    left: list[Registration] = []
    if request.method == "POST" and request.POST.get("action") == "propose":
        _, left = pair_services.propose_and_store(membership=membership, edition=ed)
        messages.success(request, "Nieuwe koppels voorgesteld.")
    candidates = pair_services.in_the_running(
        selectors.registrations_for(membership=membership, edition=ed), edition=ed
    )
    taking_part = set(candidates.values_list("pk", flat=True))
    rows = [
        (
            pair,
            PairForm(
                initial={
                    "first": pair.first,
                    "second": pair.second,
                    "third": pair.third,
                    "scheduled_at": pair.scheduled_at,
                    "version": pair.version,
                },
                registrations=candidates,
                prefix=f"p{pair.pk}",
            ),
            # Why: a municipality that withdrew (or waits) still sits in an older pair; say so.
            [
                r.municipality.name
                for r in (pair.first, pair.second, pair.third)
                if r and r.pk not in taking_part
            ],
        )
        for pair in ed.pairs.select_related(
            "first__municipality", "second__municipality", "third__municipality"
        )
    ]
    return render(
        request,
        "learning/pairs.html",
        {
            "edition": ed,
            "rows": rows,
            "left": left,
            "open_pair": request.GET.get("open", ""),
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Startgesprekken in koppels", None),
            ),
        },
    )


@org_view(roles=FACILITATORS, personal_data=True)
@require_POST
def pair_update(request: HttpRequest, org_slug: str, edition_id: int, pair_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    pair = selectors.pair_for(edition=ed, pk=pair_id)
    candidates = pair_services.in_the_running(
        selectors.registrations_for(membership=membership, edition=ed), edition=ed
    )
    if request.POST.get("action") == "delete":
        names = pair.names
        pair_services.remove_pair(membership=membership, pair=pair)
        messages.success(request, f"Koppel {names} verwijderd.")
        return redirect("learning:pairs", org_slug=org_slug, edition_id=ed.pk)
    form = PairForm(request.POST, registrations=candidates, prefix=f"p{pair.pk}")
    if form.is_valid():
        try:
            pair_services.update_pair(membership=membership, pair=pair, **form.cleaned_data)
        except StaleObject as exc:
            messages.error(request, str(exc))
        except pair_services.PairError as exc:
            messages.error(request, f"Koppel niet opgeslagen: {exc}")
        else:
            messages.success(request, "Koppel opgeslagen.")
            return redirect("learning:pairs", org_slug=org_slug, edition_id=ed.pk)
    else:
        messages.error(
            request,
            "Koppel niet opgeslagen: " + " ".join(str(e) for errs in form.errors.values() for e in errs),
        )
    # Not saved: the pair's folded form comes back open, so the facilitator can correct it at once.
    url = reverse("learning:pairs", args=[org_slug, ed.pk])
    return redirect(f"{url}?open={pair.pk}#koppel-{pair.pk}")


@org_view(roles=FACILITATORS, personal_data=True)
def export(request: HttpRequest, org_slug: str, edition_id: int, kind: str, fmt: str) -> HttpResponse:
    """Registrations, intakes, selection, attendance and submissions as CSV or XLSX."""
    ed = selectors.edition_for(membership=request.membership, pk=edition_id)  # type: ignore[attr-defined]
    if kind not in export_services.EXPORTS or fmt not in ("csv", "xlsx"):
        raise Http404
    _label, build = export_services.EXPORTS[kind]
    header, rows = build(ed)
    return table_response(filename=f"{ed.slug}-{kind}", header=header, rows=rows, fmt=fmt)  # type: ignore[arg-type]
