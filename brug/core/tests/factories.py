"""factory-boy factories for the core's test data: users, organisations, memberships.

The root conftest builds its `tenancy` with these; a test that needs one more member writes
`MembershipFactory(organisation=org, role=Role.OFFICER)` instead of three create() calls.
"""

from __future__ import annotations

from typing import Any

import factory
from factory.django import DjangoModelFactory

from brug.core.models import Membership, Organisation, OrganisationKind, Role, User

PASSWORD = "Geheim-wachtwoord-1"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"gebruiker{n}@brug.example")
    name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = PASSWORD

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> User:
        # Through the manager, so that the password is hashed and the e-mail normalised.
        return model_class.objects.create_user(*args, **kwargs)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    kind = OrganisationKind.PARTNER


class MunicipalityOrganisationFactory(OrganisationFactory):
    """The organisation of a real municipality: pass `municipality` (see municipalities' factories)."""

    name = factory.LazyAttribute(lambda o: f"Gemeente {o.municipality.name}")
    kind = OrganisationKind.MUNICIPALITY


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.OFFICER
