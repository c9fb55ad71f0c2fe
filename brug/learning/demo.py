"""Demo: a past edition (editie 3, 2022) and an open call (2027). Idempotent.

The open call has the shape of the 2023 call (seed 001: max 12 municipalities, three Thursday
sessions in June, September and November in Utrecht) but is set in 2027, so that its sessions
lie after the registration deadline and after "today" (the demo runs in late 2026).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from brug.core.demo import DEMO_ACCOUNTS, DemoContext
from brug.core.models import Membership
from brug.municipalities.models import Municipality

from .demo_data import CALL_TEXT_2027, EDITION3_MUNICIPALITIES, INFOBLAD_BODY, REGISTRATIONS_2027
from .models import (
    Assignment,
    Edition,
    Intake,
    KnowledgeProduct,
    Registration,
    RegistrationPerson,
    Session,
    SessionEntry,
    Status,
)
from .services import knowledge

DEADLINE_2027 = dt.date(2027, 4, 15)


def _sessions(edition: Edition, rows: list[tuple[dt.date, dt.time, dt.time, str]]) -> None:
    for number, (date, start, end, agenda) in enumerate(rows, start=1):
        Session.objects.get_or_create(
            edition=edition,
            number=number,
            defaults={
                "date": date,
                "start_time": start,
                "end_time": end,
                "place": edition.location,
                "agenda": agenda,
            },
        )


def _email(name: str, domain: str, taken: set[str]) -> str:
    """A demo account's own address when the person is that account (so the demo participant sees
    their notifications and access), else first name; full name when the duo would share one."""
    for _key, email, account_name, _org, _role in DEMO_ACCOUNTS:
        if account_name == name and email.endswith(f"@{domain}.example"):
            return email
    email = f"{name.lower().split()[0]}@{domain}.example"
    return email if email not in taken else f"{'.'.join(name.lower().split())}@{domain}.example"


def _register(
    edition: Edition, code: str, people: list[tuple[str, str, str]], question: str, status: str
) -> Registration:
    municipality = Municipality.objects.get(cbs_code=code)
    registration, created = Registration.objects.get_or_create(
        edition=edition,
        municipality=municipality,
        defaults={
            "learning_question": question,
            "own_cases": "Casus uit de eigen gemeente, in te brengen tijdens de eerste bijeenkomst.",
            "consent_at": timezone.now(),
            "status": status,
        },
    )
    if created:
        domain = municipality.name.lower().replace(" ", "").replace("-", "")
        taken: set[str] = set()
        for name, function, area in people:
            email = _email(name, domain, taken)
            taken.add(email)
            RegistrationPerson.objects.create(
                registration=registration,
                name=name,
                email=email,
                function=function,
                domain=area,
            )
    return registration


def _edition3(ctx: DemoContext, membership: Membership) -> None:
    edition, _ = Edition.objects.get_or_create(
        slug="leernetwerk-polarisatie-editie-3",
        defaults={
            "organisation": ctx.orgs["ess"],
            "title": "Leernetwerk polarisatie voor gemeenten, editie 3",
            "theme": "Gedeelde dilemma's",
            "description": "De derde editie, met Kessels & Smit, The Learning Company: de belangrijkste dilemma's "
            "die gemeenten tegenkomen bij de omgang met polarisatie.",
            "max_municipalities": 15,
            "registration_deadline": dt.date(2022, 5, 31),
            "location": "Utrecht",
            "published": True,
            # A running edition: its selection was decided long ago and stays decided.
            "selection_decided_at": timezone.make_aware(dt.datetime(2022, 6, 15, 12)),
        },
    )
    edition.partners.add(ctx.orgs["vng"], ctx.orgs["kis"])
    _sessions(
        edition,
        [
            (dt.date(2022, 7, 7), dt.time(10), dt.time(14), "Masterclass KIS; uitwisseling over dilemma's"),
            (dt.date(2022, 10, 6), dt.time(12), dt.time(16), "Leren van successen"),
            (dt.date(2022, 12, 1), dt.time(12), dt.time(16), "Handelingsperspectieven"),
        ],
    )
    for code in EDITION3_MUNICIPALITIES:
        _register(
            edition,
            code,
            # Gouda's duo is the demo participant's, as in the 2027 edition.
            [
                ("Pieter van Dijk", "Beleidsmedewerker inclusie", "sociaal"),
                ("Samira Bakker", "Casusregisseur openbare orde en veiligheid", "veiligheid"),
            ]
            if code == "GM0513"
            else [
                ("Deelnemer Een", "Beleidsmedewerker", "sociaal"),
                ("Deelnemer Twee", "Adviseur veiligheid", "veiligheid"),
            ],
            "Hoe gaan we om met een toenemende kloof tussen burgers en overheid?",
            Status.SELECTED,
        )
    first = edition.sessions.get(number=1)
    if not first.entries.exists():
        first.notes = "Gemeenten deelden hun worstelingen en hoe ze die aanpakken."
        first.save(update_fields=["notes"])
        SessionEntry.objects.create(
            session=first, kind="dilemma", text="Hoe bewegen we meer naar de voorkant?"
        )
        SessionEntry.objects.create(
            session=first,
            kind="succes",
            text="Een bondgenotennetwerk van diverse inwoners.",
            why="Korte lijnen bij oplopende spanning.",
        )
    product, created = KnowledgeProduct.objects.get_or_create(
        session=first,
        defaults={
            "title": "Infoblad: wat is polarisatie?",
            "body": INFOBLAD_BODY,
            "visibility": KnowledgeProduct.Visibility.PUBLIC,
        },
    )
    if created or product.published_at is None:
        knowledge.publish(membership=membership, product=product)


def _call_2027(ctx: DemoContext) -> None:
    edition, _ = Edition.objects.get_or_create(
        slug="leernetwerk-lokale-polarisatie-en-vertrouwen-2027",
        defaults={
            "organisation": ctx.orgs["ess"],
            "title": "Leernetwerk lokale polarisatie en vertrouwen 2027",
            "theme": "Lokale polarisatie en vertrouwen",
            "description": "Versterken van vertrouwen tussen inwoners en gemeenten en inwoners onderling.",
            "call_text": CALL_TEXT_2027,
            "max_municipalities": 12,
            "registration_deadline": DEADLINE_2027,
            "location": "Utrecht",
            "maatwerk_places": 3,
            "published": True,
        },
    )
    edition.partners.add(ctx.orgs["movisie"], ctx.orgs["kis"])
    _sessions(
        edition,
        [
            (
                dt.date(2027, 6, 24),
                dt.time(10),
                dt.time(14),
                "Kennismaken; verticale en horizontale polarisatie",
            ),
            (dt.date(2027, 9, 23), dt.time(12), dt.time(16), "Eigen casuïstiek: wat werkte, en waarom?"),
            (dt.date(2027, 11, 25), dt.time(12), dt.time(16), "Handelingsperspectieven en afsluiting"),
        ],
    )
    for index, (code, first, second, question, advice) in enumerate(REGISTRATIONS_2027):
        status = Status.SELECTED if code == "GM0513" else Status.REGISTERED
        registration = _register(edition, code, [first, second], question, status)
        if code == "GM0513" and registration.forced is None:
            registration.forced = True
            registration.save(update_fields=["forced"])
        if advice and not hasattr(registration, "intake"):
            Intake.objects.create(
                registration=registration,
                scheduled_at=timezone.make_aware(dt.datetime(2026, 11, 2 + index % 20, 10)),
                held=True,
                learning_questions=question,
                advice=advice,
            )
    Assignment.objects.get_or_create(
        edition=edition,
        title="Breng uw casus in kaart",
        defaults={
            "description": "Beschrijf in maximaal twee pagina's een situatie van polarisatie in uw gemeente: wie zijn betrokken, wat speelt er, wat heeft u al geprobeerd?",
            "due_date": dt.date(2027, 6, 17),
        },
    )


def load(ctx: DemoContext) -> None:
    membership = Membership.objects.get(user=ctx.users["facilitator"], organisation=ctx.orgs["ess"])
    _edition3(ctx, membership)
    _call_2027(ctx)
