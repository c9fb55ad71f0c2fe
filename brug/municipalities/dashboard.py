from __future__ import annotations

from django.urls import reverse

from brug.core.models import Membership
from brug.core.registry import MenuItem


def menu(membership: Membership) -> list[MenuItem]:
    if not membership.organisation.is_municipality:
        return []
    return [MenuItem("Wijken", reverse("municipalities:neighbourhoods", args=[membership.organisation.slug]))]
