"""Builders for learning-network tests: a partner organisation with a facilitator, an edition."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from brug.core.models import Membership, Organisation, OrganisationKind, Role
from brug.learning.models import Edition, Registration, RegistrationPerson, Session, Status
from brug.municipalities.models import Municipality
from conftest import ensure_municipalities, make_user


def partner_with_facilitator(slug: str = "ess") -> tuple[Organisation, Any]:
    org = Organisation.objects.create(name=f"Partner {slug}", slug=slug, kind=OrganisationKind.PARTNER)
    user = make_user(f"begeleider@{slug}.example", "Bea Begeleider", org, Role.FACILITATOR)
    return org, user


def weaker_member(org: Organisation) -> Any:
    return make_user(f"medewerker@{org.slug}.example", "Wim Weaker", org, Role.OFFICER)


def membership(user: Any, org: Organisation) -> Membership:
    return Membership.objects.get(user=user, organisation=org)


def edition(
    org: Organisation, *, slug: str = "editie", deadline_days: int = 30, max_municipalities: int = 4
) -> Edition:
    ensure_municipalities()
    ed = Edition.objects.create(
        organisation=org,
        slug=slug,
        title=f"Leernetwerk {slug}",
        theme="Lokale polarisatie en vertrouwen",
        description="Beschrijving",
        call_text="Meld u aan.",
        max_municipalities=max_municipalities,
        registration_deadline=timezone.localdate() + dt.timedelta(days=deadline_days),
        location="Utrecht",
        maatwerk_places=1,
        published=True,
    )
    for number in (1, 2, 3):
        Session.objects.create(
            edition=ed,
            number=number,
            date=timezone.localdate() + dt.timedelta(days=60 * number),
            start_time=dt.time(12),
            end_time=dt.time(16),
            place="Utrecht",
        )
    return ed


def registration(
    ed: Edition,
    cbs_code: str,
    *,
    question: str = "Hoe gaan we om met wantrouwen?",
    status: str = Status.REGISTERED,
) -> Registration:
    municipality = Municipality.objects.get(cbs_code=cbs_code)
    reg = Registration.objects.create(
        edition=ed,
        municipality=municipality,
        learning_question=question,
        own_cases="Casus",
        consent_at=timezone.now(),
        status=status,
    )
    for n in (1, 2):
        RegistrationPerson.objects.create(
            registration=reg,
            name=f"Persoon {n} {municipality.name}",
            email=f"p{n}@{cbs_code.lower()}.example",
            function="Adviseur",
            domain="sociaal",
        )
    return reg
