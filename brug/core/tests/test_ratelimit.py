"""The one rate limiter: fixed windows in the cache, atomic, shared by workers through Redis."""

from __future__ import annotations

import os
import threading
import time
from typing import Any
from unittest import mock

import pytest
from django.core.cache import cache

from brug.core import ratelimit
from brug.core.ratelimit import Limit, RateLimited


@pytest.fixture(autouse=True)
def _clean_cache() -> None:
    cache.clear()


def test_hits_are_counted_per_key_and_refused_over_the_limit() -> None:
    limit = Limit("test", count=3, seconds=60)
    assert [ratelimit.allow(limit, "a") for _ in range(4)] == [True, True, True, False]
    assert ratelimit.allow(limit, "b")  # another key has its own counter
    assert ratelimit.used(limit, "a") == 4


def test_a_new_window_starts_a_new_counter() -> None:
    limit = Limit("test-window", count=1, seconds=1)
    assert ratelimit.allow(limit, "a")
    assert not ratelimit.allow(limit, "a")
    time.sleep(1.1)  # the window starts with the first hit and ends when its counter expires
    assert ratelimit.allow(limit, "a")


def test_exhausted_only_reads() -> None:
    limit = Limit("test-peek", count=2, seconds=60)
    assert not ratelimit.exhausted(limit, "a")
    ratelimit.hit(limit, "a")
    ratelimit.hit(limit, "a")
    assert ratelimit.exhausted(limit, "a")
    assert ratelimit.used(limit, "a") == 2


def test_mail_limits_count_per_address_and_per_ip() -> None:
    for _ in range(ratelimit.MAILS_PER_ADDRESS.count):
        ratelimit.enforce_mail(purpose="t", email="A@example.nl", ip="10.0.0.1")
    # The same address, differently written and from another IP: still refused.
    with pytest.raises(RateLimited):
        ratelimit.enforce_mail(purpose="t", email=" a@example.NL ", ip="10.0.0.2")
    # Many addresses from one IP run into the per-IP limit.
    cache.clear()
    with pytest.raises(RateLimited):
        for n in range(ratelimit.MAILS_PER_IP.count + 1):
            ratelimit.enforce_mail(purpose="t", email=f"p{n}@example.nl", ip="10.0.0.9")
    assert n == ratelimit.MAILS_PER_IP.count


def test_concurrent_hits_are_never_lost() -> None:
    limit = Limit("test-threads", count=10_000, seconds=600)
    counts: list[int] = []

    def worker() -> None:
        counts.extend(ratelimit.hit(limit, "x") for _ in range(50))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(counts) == list(range(1, 401))


def _redis_url() -> str:
    return os.environ.get("BRUG_TEST_REDIS_URL", "redis://127.0.0.1:6379/10")


def test_two_workers_share_one_counter_through_redis(settings: Any) -> None:
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(_redis_url(), socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis")
    from django.core.cache.backends.redis import RedisCache

    # Two separate cache clients stand for two web workers with the same REDIS_URL.
    worker_a = RedisCache(_redis_url(), {"KEY_PREFIX": "brug-rl-test"})
    worker_b = RedisCache(_redis_url(), {"KEY_PREFIX": "brug-rl-test"})
    limit = Limit(f"test-redis-{os.getpid()}", count=3, seconds=60)
    results = []
    for worker in (worker_a, worker_b, worker_a, worker_b):
        with mock.patch.object(ratelimit, "cache", worker):
            results.append(ratelimit.allow(limit, "shared"))
    assert results == [True, True, True, False]
    worker_a.clear()
