"""The public registration and the intake with every registered municipality."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from brug.core.audit import record
from brug.core.models import Membership
from brug.municipalities.models import Municipality

from ..models import Edition, Intake, Registration, RegistrationPerson
from . import mails


class RegistrationError(ValueError):
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
                action="learning.registered",
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
        action="learning.registration_duplicate",
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


@transaction.atomic
def save_intake(*, membership: Membership, registration: Registration, fields: dict[str, Any]) -> Intake:
    intake, _ = Intake.objects.get_or_create(
        registration=registration, defaults={"scheduled_at": fields.get("scheduled_at") or timezone.now()}
    )
    for name, value in fields.items():
        setattr(intake, name, value)
    intake.save()
    record(action="learning.intake_saved", obj=intake, membership=membership, fields=fields.keys())
    if "learning_questions" in fields:
        _embed_question_later(registration)
    return intake
