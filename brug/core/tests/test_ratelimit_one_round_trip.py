"""On Redis, one rate-limit hit is one script call (INCR, EXPIRE on the first hit), not three.

`django.core.cache.cache` is a proxy, so `isinstance(cache, RedisCache)` is always False: the
limiter looks at the configured backend behind it. This test runs with the real Redis backend as
the default cache and counts the commands Redis received.
"""

from __future__ import annotations

import os
from typing import Any
from unittest import mock

import pytest
from django.core.cache import caches

from brug.core import ratelimit
from brug.core.ratelimit import Limit


def _redis_url() -> str:
    return os.environ.get("BRUG_TEST_REDIS_URL", "redis://127.0.0.1:6379/12")


def test_a_hit_on_redis_is_one_script_call_with_the_window_as_ttl(settings: Any) -> None:
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(_redis_url(), socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_url(),
            "KEY_PREFIX": f"brug-rl-one-{os.getpid()}",
        }
    }
    limit = Limit(f"one-trip-{os.getpid()}", count=2, seconds=60)
    sent: list[str] = []
    real = redis.Redis.execute_command

    def counting(self: Any, *args: Any, **options: Any) -> Any:
        sent.append(str(args[0]).upper())
        return real(self, *args, **options)

    # Counts the commands this process sends (Redis's own statistics are shared with others).
    with mock.patch.object(redis.Redis, "execute_command", counting):
        assert [ratelimit.hit(limit, "token") for _ in range(3)] == [1, 2, 3]
    assert sent == ["EVAL"] * 3, sent
    assert ratelimit.used(limit, "token") == 3 and ratelimit.exhausted(limit, "token")
    assert not ratelimit.allow(limit, "token")
    key = caches["default"].make_and_validate_key(ratelimit._cache_key(limit, "token"))
    assert 0 < client.ttl(key) <= limit.seconds + 5
    caches["default"].clear()
