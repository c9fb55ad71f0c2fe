"""Walk items: partner organisations (ESS, KIS, VNG, ...) saw or could open the parts a municipality owns.

Key-figure networks, dialogues with residents, signals (with monitor and API) and analyses
(polarisation map, KIS analysis, impact scan, decisions) belong to a municipality (DOMAIN.md,
ARCHITECTURE.md "Everything a municipality owns ... analyses, key figures, signals, dialogues"); a
partner takes part in the learning network and reads what is shared with it. One door: a partner's
menu does not offer these parts and every view of them answers 404; a municipality keeps them; an
outsider gets 404. The API, the key figures' and partners' personal links and the public decision
pages ask the same question (their tests sit with their apps: test_api, test_signal_link,
test_partners, test_decisions).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from brug.core.models import Organisation, OrganisationKind, Role
from conftest import make_user

pytestmark = pytest.mark.django_db

# The apps whose organisation pages only a municipality has, and their menu labels.
MUNICIPAL_APPS = {
    "network": "Sleutelfiguren",
    "dialogue": "Dialogen",
    "signals": "Signalen",
    "analysis": "Analyse",
}
ORG_PREFIX = "o/<slug:org_slug>/"


def _org_patterns() -> list[tuple[str, URLPattern]]:
    """Every /o/<org_slug>/ URL pattern of the municipal apps, as (namespace:name, pattern)."""
    found = []
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace in MUNICIPAL_APPS:
            for pattern in entry.url_patterns:
                assert isinstance(pattern, URLPattern)
                if str(pattern.pattern).startswith(ORG_PREFIX):
                    found.append((f"{entry.namespace}:{pattern.name}", pattern))
    return found


def _url(name: str, pattern: URLPattern, slug: str) -> str:
    # Every other argument of these patterns is a number (pk, step); 1 is enough to reach the view.
    others = [a for a in re.findall(r"<(?:\w+:)?(\w+)>", str(pattern.pattern)) if a != "org_slug"]
    return reverse(name, kwargs={"org_slug": slug, **dict.fromkeys(others, 1)})


@pytest.fixture
def ess(db: None) -> Any:
    ess = Organisation.objects.create(name="ESS", slug="ess", kind=OrganisationKind.PARTNER)
    return make_user("begeleider@ess.example", "Bea Begeleider", ess, Role.FACILITATOR)


def test_the_walk_finds_the_pages_of_every_municipal_app() -> None:
    namespaces = {name.split(":")[0] for name, _p in _org_patterns()}
    assert namespaces == set(MUNICIPAL_APPS) and len(_org_patterns()) > 100


@pytest.mark.parametrize(("name", "pattern"), _org_patterns(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_page_of_a_municipal_part_is_closed_to_a_partner(name: str, pattern: URLPattern) -> None:
    # Marked on the view itself, so a new view without the control fails here even where an unknown
    # pk would give 404 anyway.
    assert getattr(pattern.callback, "municipality_only", False), (
        f"{name}: org_view(..., municipality_only=True)"
    )


def test_a_partner_gets_404_on_every_page_of_the_municipal_parts(
    tenancy: Any, client_for: Any, ess: Any
) -> None:
    partner = client_for(ess)
    outsider = client_for(tenancy.outsider)
    for name, pattern in _org_patterns():
        assert partner.get(_url(name, pattern, "ess")).status_code == 404, name
        assert partner.post(_url(name, pattern, "ess")).status_code == 404, name
        assert outsider.get(_url(name, pattern, "gouda")).status_code == 404, name


def test_a_partner_is_not_offered_what_a_municipality_is(tenancy: Any, client_for: Any, ess: Any) -> None:
    client = client_for(ess)
    dashboard = client.get(reverse("core:dashboard", args=["ess"])).content.decode()
    gouda = client_for(tenancy.coordinator)
    gouda_dashboard = gouda.get(reverse("core:dashboard", args=["gouda"])).content.decode()
    start_pages = ["network:index", "dialogue:list", "signals:list", "signals:monitor", "analysis:index"]
    for label in MUNICIPAL_APPS.values():
        assert f">{label}<" not in dashboard
        assert f">{label}<" in gouda_dashboard
    for name in start_pages:
        assert gouda.get(reverse(name, args=["gouda"])).status_code == 200, name
        assert client.get(reverse(name, args=["ess"])).status_code == 404, name


def test_the_second_factor_notice_names_only_the_pages_the_organisation_has(
    tenancy: Any, client_for: Any, ess: Any
) -> None:
    partner = client_for(ess, verified=False).get(reverse("core:dashboard", args=["ess"])).content.decode()
    gouda = client_for(tenancy.coordinator, verified=False).get(reverse("core:dashboard", args=["gouda"]))
    assert "persoonsgegevens (aanmeldingen van gemeenten)" in partner
    assert "persoonsgegevens (sleutelfiguren, signalen, aanmeldingen)" in gouda.content.decode()
