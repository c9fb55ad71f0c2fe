"""factory-boy factories for reference data: a made-up municipality, a neighbourhood, a real one."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from brug.municipalities.models import Municipality, Neighbourhood
from brug.municipalities.services import load_municipalities


def real_municipality(cbs_code: str) -> Municipality:
    """A municipality from the CBS reference list (loaded once per database when missing)."""
    if not Municipality.objects.real().exists():
        load_municipalities()
    return Municipality.objects.get(cbs_code=cbs_code)


class MunicipalityFactory(DjangoModelFactory):
    """A fictional municipality: never in the reference lists."""

    class Meta:
        model = Municipality

    cbs_code = factory.Sequence(lambda n: f"GM9{n:03d}")
    name = factory.Sequence(lambda n: f"Voorbeeldgemeente {n}")
    province = "Utrecht"
    population = 50_000
    reference_year = 2025
    fictional = True


class NeighbourhoodFactory(DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Wijk {n}")
