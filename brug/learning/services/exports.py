"""Tables the facilitator downloads: registrations, intakes, selection with reasons, attendance,
assignments handed in. Rows only; the file format (CSV/XLSX, formulas neutralised) is
brug.core.exports'."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from brug.core.exports import Cell

from ..models import Attendance, Edition, Registration, Submission
from ..models.editions import REGIONS
from .selection import proposal_for

Table = tuple[list[str], list[Sequence[Cell]]]
REGION_LABELS = dict(REGIONS)


def _minute(moment: dt.datetime) -> dt.datetime:
    # A spreadsheet user reads "29-11-2026 11:16", not "11:16:33.310989".
    return moment.replace(second=0, microsecond=0)


def _advice(registration: Registration) -> str:
    intake = getattr(registration, "intake", None)
    if intake is None:
        return "geen intake"
    return intake.get_advice_display() or "geen advies"


def _registrations(edition: Edition) -> list[Registration]:
    return list(
        Registration.objects.filter(edition=edition)
        .select_related("municipality", "intake")
        .prefetch_related("people")
        .order_by("municipality__name")
    )


def registrations(edition: Edition) -> Table:
    header = [
        "Gemeente",
        "Provincie",
        "Grootte",
        "Status",
        "Leervraag",
        "Eigen casuïstiek",
        "Maatwerk",
        "Persoon 1",
        "E-mail 1",
        "Functie 1",
        "Persoon 2",
        "E-mail 2",
        "Functie 2",
        "Aangemeld op",
    ]
    rows: list[Sequence[Cell]] = []
    for r in _registrations(edition):
        people = list(r.people.all())[:2]
        cells: list[Cell] = []
        for p in people + [None] * (2 - len(people)):
            cells += [p.name, p.email, p.function] if p else ["", "", ""]
        rows.append(
            [
                r.municipality.name,
                r.municipality.province,
                r.municipality.size_class_label,
                r.get_status_display(),
                r.learning_question,
                r.own_cases,
                "ja" if r.wants_maatwerk else "nee",
                *cells,
                _minute(r.created_at),
            ]
        )
    return header, rows


def intakes(edition: Edition) -> Table:
    header = [
        "Gemeente",
        "Datum en tijd",
        "Online",
        "Gehouden",
        "Advies",
        "Leervragen",
        "Verwachtingen",
        "Aantekeningen",
    ]
    rows: list[Sequence[Cell]] = []
    for r in _registrations(edition):
        intake = getattr(r, "intake", None)
        if intake is None:
            rows.append([r.municipality.name, None, "", "", "nog geen intake", "", "", ""])
            continue
        rows.append(
            [
                r.municipality.name,
                intake.scheduled_at,
                "ja" if intake.online else "nee",
                "ja" if intake.held else "nee",
                intake.get_advice_display() or "geen advies",
                intake.learning_questions,
                intake.expectations,
                intake.notes,
            ]
        )
    return header, rows


def selection(edition: Edition) -> Table:
    header = ["Gemeente", "Grootte", "Regio", "Advies", "Status", "Voorstel van de selectiehulp", "Waarom"]
    proposal = proposal_for(edition)
    place = {pk: "voorgesteld" for pk in proposal.selected}
    place.update({pk: "wachtlijst" for pk in proposal.waiting})
    place.update({pk: "niet voorgesteld" for pk in proposal.excluded})
    rows: list[Sequence[Cell]] = [
        [
            r.municipality.name,
            r.municipality.size_class_label,
            REGION_LABELS.get(r.region, r.region),
            _advice(r),
            r.get_status_display(),
            place.get(r.pk, ""),
            proposal.reasons.get(r.pk, ""),
        ]
        for r in _registrations(edition)
    ]
    return header, rows


def attendance(edition: Edition) -> Table:
    header = ["Bijeenkomst", "Datum", "Gemeente of organisatie", "Naam", "Rol", "Aanwezig"]
    rows: list[Sequence[Cell]] = []
    for a in Attendance.objects.filter(session__edition=edition).select_related(
        "session", "person__registration__municipality", "partner"
    ):
        if a.person is not None:
            who = [a.person.registration.municipality.name, a.person.name, "duo"]
        else:
            assert a.partner is not None  # the check constraint: a person or a partner
            who = [a.partner.organisation_name, a.partner.name, "partner"]
        rows.append([f"Bijeenkomst {a.session.number}", a.session.date, *who, a.get_status_display()])
    rows.sort(key=lambda r: (int(str(r[0]).rsplit(" ", 1)[1]), r[4] != "duo", str(r[2]), str(r[3])))
    return header, rows


def submissions(edition: Edition) -> Table:
    header = ["Opdracht", "Inleveren uiterlijk", "Gemeente", "Ingeleverd op", "Uitwerking", "Bestanden"]
    rows: list[Sequence[Cell]] = [
        [
            s.assignment.title,
            s.assignment.due_date,
            s.registration.municipality.name,
            _minute(s.updated_at),
            s.text,
            ", ".join(f.original_name for f in s.files.all()),
        ]
        for s in Submission.objects.filter(assignment__edition=edition)
        .select_related("assignment", "registration__municipality")
        .prefetch_related("files")
        .order_by("assignment__due_date", "registration__municipality__name")
    ]
    return header, rows


EXPORTS: dict[str, tuple[str, Callable[[Edition], Table]]] = {
    "aanmeldingen": ("Aanmeldingen", registrations),
    "intakes": ("Intakes", intakes),
    "selectie": ("Selectie met redenen", selection),
    "aanwezigheid": ("Aanwezigheid", attendance),
    "opdrachten": ("Ingeleverde opdrachten", submissions),
}
