"""Demo organisations and accounts, one per role. Idempotent: a second run changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from brug.municipalities.models import Municipality, Neighbourhood

from .models import Membership, Organisation, OrganisationKind, Role, User

DEMO_PASSWORD = "Brug-demo-2026"  # noqa: S105 - printed for the demo, never used in production

VOORBEELDSTAD_HOODS = [
    "Centrum",
    "Spoorzijde",
    "Noorderveld",
    "De Akkers",
    "Oude Haven",
    "Molenwijk",
    "Westerpark",
    "Bloemendaal-Zuid",
]


@dataclass
class DemoContext:
    """What app demo loaders build on: the demo organisations and users by key."""

    orgs: dict[str, Organisation] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)


DEMO_ACCOUNTS = [
    # key, email, name, organisation key, role
    ("admin", "beheerder@brug.example", "Bram Beheer", "platform", Role.ADMIN),
    ("facilitator", "begeleider@ess.example", "Fatima El Amrani", "ess", Role.FACILITATOR),
    ("coordinator", "coordinator@voorbeeldstad.example", "Carla de Wit", "voorbeeldstad", Role.COORDINATOR),
    ("officer", "medewerker@voorbeeldstad.example", "Mehmet Yilmaz", "voorbeeldstad", Role.OFFICER),
    ("reader", "lezer@voorbeeldstad.example", "Lotte Jansen", "voorbeeldstad", Role.READONLY),
    ("participant", "deelnemer@gouda.example", "Pieter van Dijk", "gouda", Role.OFFICER),
]


def _municipality_org(key: str, name: str, municipality: Municipality) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        slug=key,
        defaults={"name": name, "kind": OrganisationKind.MUNICIPALITY, "municipality": municipality},
    )
    return org


def load(ctx: DemoContext) -> None:
    voorbeeldstad, _ = Municipality.objects.get_or_create(
        cbs_code="GM9901",
        defaults={
            "name": "Voorbeeldstad",
            "province": "Zuid-Holland",
            "population": 104_000,
            "reference_year": 2025,
            "fictional": True,
        },
    )
    for name in VOORBEELDSTAD_HOODS:
        Neighbourhood.objects.get_or_create(municipality=voorbeeldstad, name=name)
    ctx.orgs["voorbeeldstad"] = _municipality_org("voorbeeldstad", "Gemeente Voorbeeldstad", voorbeeldstad)
    ctx.orgs["gouda"] = _municipality_org(
        "gouda", "Gemeente Gouda", Municipality.objects.get(cbs_code="GM0513")
    )
    for key, name, kind in [
        ("platform", "Brug platformbeheer", OrganisationKind.PLATFORM),
        ("ess", "Expertise-unit Sociale Stabiliteit (ESS)", OrganisationKind.PARTNER),
        ("movisie", "Movisie", OrganisationKind.PARTNER),
        ("kis", "Kennisplatform Inclusief Samenleven (KIS)", OrganisationKind.PARTNER),
        ("vng", "Vereniging van Nederlandse Gemeenten (VNG)", OrganisationKind.PARTNER),
    ]:
        ctx.orgs[key], _ = Organisation.objects.get_or_create(slug=key, defaults={"name": name, "kind": kind})
    for key, email, name, org_key, role in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            # The platform administrator also gets Django's admin (/beheer/) for reference data.
            staff = role == Role.ADMIN
            user = User.objects.create_user(
                email=email, password=DEMO_PASSWORD, name=name, is_staff=staff, is_superuser=staff
            )
        ctx.users[key] = user
        Membership.objects.get_or_create(user=user, organisation=ctx.orgs[org_key], defaults={"role": role})
