"""Walk item: the partner organisation ESS saw "Sleutelfiguren" and "Dialogen" in its menu.

Key-figure networks and dialogues with residents belong to a municipality (DOMAIN.md, ARCHITECTURE.md
"Everything a municipality owns ... key figures, signals, dialogues"). One door: a partner's menu does
not offer them and the views answer 404; a municipality keeps both; an outsider gets 404.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from brug.core.models import Organisation, OrganisationKind, Role
from conftest import make_user

pytestmark = pytest.mark.django_db

PARTS = [("Sleutelfiguren", "network:index"), ("Dialogen", "dialogue:list"), (None, "dialogue:create")]


def test_a_partner_is_neither_offered_nor_let_into_key_figures_and_dialogues(
    tenancy: Any, client_for: Any
) -> None:
    ess = Organisation.objects.create(name="ESS", slug="ess", kind=OrganisationKind.PARTNER)
    facilitator = make_user("begeleider@ess.example", "Bea Begeleider", ess, Role.FACILITATOR)
    client = client_for(facilitator)
    dashboard = client.get(reverse("core:dashboard", args=["ess"])).content.decode()
    gouda = client_for(tenancy.coordinator)
    gouda_dashboard = gouda.get(reverse("core:dashboard", args=["gouda"])).content.decode()
    for label, name in PARTS:
        if label:
            assert f">{label}<" not in dashboard
            assert f">{label}<" in gouda_dashboard
        assert client.get(reverse(name, args=["ess"])).status_code == 404
        assert gouda.get(reverse(name, args=["gouda"])).status_code == 200
        assert client_for(tenancy.outsider).get(reverse(name, args=["gouda"])).status_code == 404
