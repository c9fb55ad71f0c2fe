"""Shared test fixtures: the owner / weaker role / outsider triple, logins, and the browser.

Every view test uses `tenancy`: a municipality with a coordinator, an officer and a read-only
member, and an outsider who coordinates another municipality and must get nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = Path(settings.BASE_DIR) / "brug" / "static" / "vendor" / "axe" / "axe.min.js"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Real hashing costs ~0.3 s per user; tests need the behaviour, not the cost.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    # Rate-limit counters live in the cache; a test must not inherit another test's mails or votes.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _test_flush_may_empty_the_audit_log() -> Iterator[None]:
    """Transactional tests end with Django's flush, a TRUNCATE of every table.

    On PostgreSQL the audit log refuses TRUNCATE (trigger); only the test database's flush
    switches that trigger off for its own transaction, so every test still meets it.
    """
    from django.db.backends.postgresql.operations import DatabaseOperations

    original = DatabaseOperations.sql_flush
    trigger = "brug_audit_log_no_truncate"

    def sql_flush(self: Any, style: Any, tables: Any, **kwargs: Any) -> list[str]:
        statements = list(original(self, style, tables, **kwargs))
        if statements and "core_auditlogentry" in tables:
            statements = [
                f"ALTER TABLE core_auditlogentry DISABLE TRIGGER {trigger};",
                *statements,
                f"ALTER TABLE core_auditlogentry ENABLE TRIGGER {trigger};",
            ]
        return statements

    DatabaseOperations.sql_flush = sql_flush  # type: ignore[method-assign]
    yield
    DatabaseOperations.sql_flush = original  # type: ignore[method-assign]


@dataclass
class Tenancy:
    org: Any
    coordinator: Any
    officer: Any
    reader: Any
    outsider_org: Any
    outsider: Any


def ensure_municipalities() -> None:
    from brug.municipalities.models import Municipality
    from brug.municipalities.services import load_municipalities

    if not Municipality.objects.filter(fictional=False).exists():
        load_municipalities()


def make_municipality_org(cbs_code: str, slug: str) -> Any:
    from brug.core.models import Organisation, OrganisationKind
    from brug.municipalities.models import Municipality

    ensure_municipalities()
    municipality = Municipality.objects.get(cbs_code=cbs_code)
    return Organisation.objects.create(
        name=f"Gemeente {municipality.name}",
        slug=slug,
        kind=OrganisationKind.MUNICIPALITY,
        municipality=municipality,
    )


def make_user(email: str, name: str, org: Any, role: str) -> Any:
    from brug.core.models import Membership, User

    user = User.objects.create_user(email=email, password="Geheim-wachtwoord-1", name=name)
    Membership.objects.create(user=user, organisation=org, role=role)
    return user


@pytest.fixture
def tenancy(db: None) -> Tenancy:
    from brug.core.models import Role

    org = make_municipality_org("GM0513", "gouda")
    outsider_org = make_municipality_org("GM0503", "delft")
    return Tenancy(
        org=org,
        coordinator=make_user("coordinator@gouda.example", "Carla Coördinator", org, Role.COORDINATOR),
        officer=make_user("medewerker@gouda.example", "Mo Medewerker", org, Role.OFFICER),
        reader=make_user("lezer@gouda.example", "Lies Lezer", org, Role.READONLY),
        outsider_org=outsider_org,
        outsider=make_user("buiten@delft.example", "Olaf Outsider", outsider_org, Role.COORDINATOR),
    )


def login(client: Client, user: Any, *, verified: bool = True) -> Client:
    """Log in; verified=True also marks the second factor as passed for this session."""
    from brug.core.access import SESSION_2FA_KEY

    client.force_login(user)
    if verified:
        session = client.session
        session[SESSION_2FA_KEY] = True
        session.save()
    return client


@pytest.fixture
def client_for(db: None) -> Any:
    def make(user: Any, *, verified: bool = True) -> Client:
        return login(Client(), user, verified=verified)

    return make


# ---- browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    # bypass_csp lets axe-core be injected; the app's own pages never need it.
    context = browser.new_context(bypass_csp=True, locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    pg = context.new_page()
    pg.base_url = live_server.url
    yield pg
    context.close()


def browser_login(page: Any, user: Any, *, verified: bool = True) -> None:
    """Give the browser a logged-in session without typing (the login form has its own test)."""
    client = login(Client(), user, verified=verified)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": page.base_url}]
    )


def assert_accessible(page: Any) -> None:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page; fail with the violations listed."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
    )
    violations = [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]
    assert not violations, "Toegankelijkheidsproblemen op " + page.url + ":\n" + "\n".join(violations)


def screenshot(page: Any, name: str) -> None:
    """Keep a screenshot for people to look at: set BRUG_SCREENSHOT_DIR to keep them after the run."""
    target = Path(os.environ.get("BRUG_SCREENSHOT_DIR", Path(settings.VAR_DIR) / "screenshots"))
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / f"{name}.png"), full_page=True)
