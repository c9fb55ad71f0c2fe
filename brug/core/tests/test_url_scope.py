"""Walks every URL pattern of the project as an outsider; a view that forgets the scope fails here.

The rule it enforces: a page either lives under /o/<org_slug>/ (and then an outsider gets 404,
whatever the other parameters are), or is on the public list below with the reason it may be
public. A new URL that is neither fails this test until someone decides which it is.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import Tenancy, login

# Patterns (regex on the full route) that are public or account-level, with why.
PUBLIC_ROUTES: dict[str, str] = {
    r"^$": "start: sends the user to their own organisation",
    r"^inloggen/": "login",
    r"^uitloggen/$": "logout",
    r"^account/": "the user's own account (two-factor set-up)",
    r"^wachtwoord-": "password reset by email",
    r"^uitnodiging/": "invitation link: the secret token is the proof",
    r"^toegankelijkheid": "accessibility statement",
    r"^privacy/$": "privacy statement",
    r"^beheer/": "Django admin: staff only",
    r"^static/": "static assets",
    r"^oproep/": "public call page of a learning-network edition",
    r"^kennisbank/publiek/": "public knowledge items",
    r"^s/": "key figure's personal signal link: the secret token is the proof",
    r"^bijdrage/": "a partner's personal link to one joint analysis: the secret token is the proof",
    r"^d/": "public dialogue page for residents: anonymous token",
    r"^besluit/": "a published decision explanation (Dilemmalogica) for residents: random slug, no ids",
    r"^api/": "JSON API: authenticated by organisation token, tested in the signals part",
}


def _walk(patterns: list, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, URLPattern, str]]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            yield from _walk(entry.url_patterns, route, ns)
        elif isinstance(entry, URLPattern):
            yield route, entry, namespace


SAMPLE = {"int": "1", "slug": "x", "str": "x", "uuid": str(uuid.uuid4()), "path": "x"}


def _fill(route: str, org_slug: str) -> str:
    def value(match: re.Match[str]) -> str:
        converter, name = match.group(1) or "str", match.group(2)
        return org_slug if name == "org_slug" else SAMPLE.get(converter, "1")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route).lstrip("^").rstrip("$")


def all_routes() -> list[tuple[str, URLPattern, str]]:
    return [r for r in _walk(get_resolver().url_patterns) if not r[0].startswith("beheer/")]


def test_every_url_is_scoped_to_an_organisation_or_declared_public() -> None:
    undeclared = [
        route
        for route, _, _ in all_routes()
        if "<slug:org_slug>" not in route and not any(re.search(p, route) for p in PUBLIC_ROUTES)
    ]
    assert not undeclared, f"URL's zonder organisatie en niet als openbaar verklaard: {undeclared}"


@pytest.mark.django_db
def test_outsider_gets_404_on_every_organisation_url(tenancy: Tenancy) -> None:
    # Load every part's demo data so that object ids in the URLs exist for the owner.
    from brug.core.demo import DemoContext
    from brug.core.demo import load as load_core
    from brug.core.registry import demo_loaders

    ctx = DemoContext()
    load_core(ctx)
    for _app, module in demo_loaders():
        module.load(ctx)
    outsider = login(Client(), tenancy.outsider)
    org_routes = [(r, p) for r, p, _ in all_routes() if "<slug:org_slug>" in r]
    assert org_routes, "no organisation URLs found"
    leaks = []
    for owner_slug in sorted({"gouda", *ctx.orgs.keys()}):
        for route, _pattern in org_routes:
            url = _fill(route, owner_slug)
            for method in ("get", "post"):
                status = getattr(outsider, method)(url).status_code
                if status != 404:
                    leaks.append(f"{method.upper()} {url} -> {status}")
    assert not leaks, "Buitenstaander kreeg geen 404:\n" + "\n".join(leaks)


@pytest.mark.django_db
def test_public_token_urls_answer_404_or_a_friendly_page_for_a_guessed_token() -> None:
    client = Client()
    for route, _pattern, _ns in all_routes():
        if not re.search(r"<(?:\w+:)?(token|secret)>", route):
            continue
        response = client.get(_fill(route, "x"), follow=True)
        friendly = response.status_code == 200 and "verlopen" in response.content.decode()
        assert response.status_code in (404, 410) or friendly, f"{route} -> {response.status_code}"
