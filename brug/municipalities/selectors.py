"""Reads for reference data and neighbourhoods."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from brug.core.models import Membership

from .models import Neighbourhood


def neighbourhoods_for(*, membership: Membership) -> QuerySet[Neighbourhood]:
    municipality = membership.organisation.municipality
    if municipality is None:
        return Neighbourhood.objects.none()
    return Neighbourhood.objects.filter(municipality=municipality)


def neighbourhood_for(*, membership: Membership, pk: int) -> Neighbourhood:
    return get_object_or_404(neighbourhoods_for(membership=membership), pk=pk)
