"""Speed for this app's tests only: a fast password hasher and the municipalities loaded once."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session", autouse=True)
def _municipalities_once(django_db_setup: Any, django_db_blocker: Any) -> None:
    from conftest import ensure_municipalities

    with django_db_blocker.unblock():
        ensure_municipalities()


@pytest.fixture(autouse=True)
def _clear_cache() -> Any:
    # The call form's rate limit counts in the cache; every test starts with no counted POSTs.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
