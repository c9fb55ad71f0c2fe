"""The public registration and the intake with every registered municipality."""

from __future__ import annotations

from typing import Any, NamedTuple

from django.db import IntegrityError, transaction
from django.utils import timezone

from brug.core.audit import record
from brug.core.errors import BrugError
from brug.core.models import Membership
from brug.municipalities.models import Municipality

from ..models import Edition, Intake, Registration, RegistrationPerson, Status
from . import mails

# Public form limits (also enforced by RegistrationForm): a 1 MB learning question is refused.
MAX_QUESTION = 2000
MAX_CASES = 4000


class RegistrationError(BrugError):
    pass


def register(
    *,
    edition: Edition,
    municipality: Municipality,
    learning_question: str,
    own_cases: str,
    people: list[dict[str, str]],
    wants_maatwerk: bool = False,
    consent: bool,
) -> Registration | None:
    """Register a municipality's duo for an open edition and send both a confirmation.

    A municipality that is already registered gets the same public answer (None instead of the
    registration, which the public page never shows): whether a municipality registered is not
    public. The duo is told by mail, and the edition's facilitators get the second submission by
    mail and in the audit log to sort it out.
    """
    if not edition.is_open:
        raise RegistrationError("De aanmeldtermijn voor deze editie is voorbij.")
    if not consent:
        raise RegistrationError("Geef toestemming voor de privacyverklaring om u aan te melden.")
    if len(people) != 2:
        raise RegistrationError("U meldt zich aan als duo: vul de gegevens van twee personen in.")
    if municipality.fictional:
        raise RegistrationError("Kies een gemeente uit de lijst.")
    for label, text, limit in (
        ("leervraag", learning_question, MAX_QUESTION),
        ("eigen casuïstiek", own_cases, MAX_CASES),
    ):
        if not text.strip():
            raise RegistrationError(f"Vul uw {label} in.")
        if len(text) > limit:
            raise RegistrationError(f"Uw {label} is te lang: maximaal {limit} tekens.")
    try:
        with transaction.atomic():
            if Registration.objects.filter(edition=edition, municipality=municipality).exists():
                raise IntegrityError
            registration = Registration.objects.create(
                edition=edition,
                municipality=municipality,
                learning_question=learning_question,
                own_cases=own_cases,
                wants_maatwerk=wants_maatwerk,
                consent_at=timezone.now(),
            )
            for person in people:
                RegistrationPerson.objects.create(registration=registration, **person)
            record(
                action="learning.registration.create",
                obj=registration,
                organisation=edition.organisation,
                actor_label="openbare aanmelding",
                fields=["municipality", "learning_question", "own_cases", "people"],
            )
    except IntegrityError:
        _duplicate(
            edition=edition,
            municipality=municipality,
            learning_question=learning_question,
            own_cases=own_cases,
            people=people,
        )
        return None
    mails.confirmation(registration)
    _embed_question_later(registration)
    return registration


def _duplicate(
    *,
    edition: Edition,
    municipality: Municipality,
    learning_question: str,
    own_cases: str,
    people: list[dict[str, str]],
) -> None:
    existing = Registration.objects.get(edition=edition, municipality=municipality)
    record(
        action="learning.registration.duplicate",
        obj=existing,
        organisation=edition.organisation,
        actor_label="openbare aanmelding",
        fields=["municipality", "learning_question", "own_cases", "people"],
    )
    mails.duplicate_registration(
        edition=edition,
        municipality=municipality,
        learning_question=learning_question,
        own_cases=own_cases,
        people=people,
    )


def _embed_question_later(registration: Registration) -> None:
    # The pairing page then only compares stored vectors instead of embedding every question.
    from ..tasks import embed_learning_question

    registration_id = registration.pk
    transaction.on_commit(lambda: embed_learning_question.delay(registration_id))


def _tell_intake(intake: Intake, *, changed: bool) -> int:
    from django.utils.formats import date_format

    from ..models import NotificationKind
    from .calendar import intake_ics
    from .notify import notify_registrations

    when = date_format(timezone.localtime(intake.scheduled_at), "l j F Y \\o\\m H:i")
    where = "online" if intake.online else f"in {intake.registration.edition.location}"
    return notify_registrations(
        [intake.registration],
        kind=NotificationKind.INTAKE,
        subject=f"{'Gewijzigd: intakegesprek' if changed else 'Intakegesprek'} {intake.registration.edition.title}",
        body=f"Het intakegesprek over de aanmelding van gemeente {intake.registration.municipality} is "
        f"{'verplaatst naar' if changed else 'gepland op'} {when}, {where}. In het gesprek bespreken we uw "
        "leervragen en verwachtingen. In de bijlage staat de afspraak voor uw agenda.",
        ics=intake_ics(intake),
        ics_name="intake.ics",
    )


class SavedIntake(NamedTuple):
    intake: Intake
    mailed: int  # how many mails about the date went out to the duo (0: none)


@transaction.atomic
def save_intake(*, membership: Membership, registration: Registration, fields: dict[str, Any]) -> SavedIntake:
    scheduled_at = fields.get("scheduled_at")
    stored = Intake.objects.filter(registration=registration).values_list("scheduled_at", flat=True).first()
    in_past = scheduled_at is not None and scheduled_at != stored and scheduled_at < timezone.now()
    if in_past and not fields.get("held"):
        # Why: the duo would get a mail that their intake "is gepland" on a day already gone.
        raise RegistrationError(
            "Deze datum ligt in het verleden. Kies een datum in de toekomst, "
            "of vink 'Het gesprek is gehouden' aan als u een gehouden gesprek vastlegt.",
            field="scheduled_at",
        )
    intake, created = Intake.objects.get_or_create(
        registration=registration, defaults={"scheduled_at": fields.get("scheduled_at") or timezone.now()}
    )
    before = None if created else (intake.scheduled_at, intake.online)
    for name, value in fields.items():
        setattr(intake, name, value)
    intake.save()
    record(action="learning.intake.save", obj=intake, membership=membership, fields=fields.keys())
    mailed = 0
    if not intake.held and (created or before != (intake.scheduled_at, intake.online)):
        mailed = _tell_intake(intake, changed=not created)
    if "learning_questions" in fields:
        _embed_question_later(registration)
    return SavedIntake(intake, mailed)


@transaction.atomic
def update_registration(
    *, membership: Membership, registration: Registration, learning_question: str, own_cases: str
) -> Registration:
    """The facilitator corrects what a municipality wrote (e.g. after the intake)."""
    for label, text, limit in (
        ("leervraag", learning_question, MAX_QUESTION),
        ("eigen casuïstiek", own_cases, MAX_CASES),
    ):
        if not text.strip():
            raise RegistrationError(f"Vul de {label} in.")
        if len(text) > limit:
            raise RegistrationError(f"De {label} is te lang: maximaal {limit} tekens.")
    registration.learning_question, registration.own_cases = learning_question.strip(), own_cases.strip()
    registration.save(update_fields=["learning_question", "own_cases"])
    record(
        action="learning.registration.update",
        obj=registration,
        membership=membership,
        fields=["learning_question", "own_cases"],
    )
    _embed_question_later(registration)
    return registration


@transaction.atomic
def remove_registration(*, membership: Membership, registration: Registration) -> None:
    """Remove a registration made by mistake; a participating municipality withdraws instead."""
    if registration.status == Status.SELECTED:
        raise RegistrationError(
            "Deze gemeente doet mee. Laat haar zich terugtrekken op de pagina Selectie; dan krijgt het duo "
            "daar bericht over."
        )
    record(action="learning.registration.delete", obj=registration, membership=membership)
    registration.delete()


@transaction.atomic
def remove_intake(*, membership: Membership, registration: Registration) -> None:
    intake = getattr(registration, "intake", None)
    if intake is not None:
        record(action="learning.intake.delete", obj=intake, membership=membership)
        intake.delete()


PERSON_LIMITS = {"name": ("naam", 150), "function": ("functie", 150)}


@transaction.atomic
def update_person(
    *, membership: Membership, person: RegistrationPerson, name: str, email: str, function: str, domain: str
) -> RegistrationPerson:
    """The facilitator corrects a contact person of the duo (a typo in the address, a new colleague)."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from ..models import Domain

    values = {"name": name.strip(), "email": email.strip(), "function": function.strip(), "domain": domain}
    for field, (label, limit) in PERSON_LIMITS.items():
        if not values[field]:
            raise RegistrationError(f"Vul de {label} in.", field=field)
        if len(values[field]) > limit:
            raise RegistrationError(f"De {label} is te lang: maximaal {limit} tekens.", field=field)
    try:
        validate_email(values["email"])
    except ValidationError:
        raise RegistrationError("Vul een geldig e-mailadres in.", field="email") from None
    if domain not in Domain.values:
        raise RegistrationError("Kies een domein uit de lijst.", field="domain")
    if (
        RegistrationPerson.objects.filter(registration=person.registration, email__iexact=values["email"])
        .exclude(pk=person.pk)
        .exists()
    ):
        raise RegistrationError("De andere persoon van het duo heeft dit e-mailadres al.", field="email")
    changed = [f for f, v in values.items() if getattr(person, f) != v]
    for field, value in values.items():
        setattr(person, field, value)
    person.save(update_fields=list(values))
    record(action="learning.registration_person.change", obj=person, membership=membership, fields=changed)
    return person
