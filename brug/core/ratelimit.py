"""The one rate limiter of Brug: fixed-window counters in Django's cache.

Every limit (votes per resident token, signals per key-figure link, public call POSTs, mails
per address and per IP) counts here. With ``REDIS_URL`` the cache is Redis and the counters are
shared by every web worker; production mode refuses to start without it. Counting is atomic:
``cache.add`` creates the counter once, with the window as its lifetime, and ``cache.incr``
increments it (Redis INCR keeps the expiry), so two workers never lose a hit. A window starts
with the first hit and ends when its counter expires.

Login lock-out is deliberately not here: it counts failures per account in the database
(``brug.core.security``), so it survives a cache flush and separates passwords from codes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    """At most ``count`` hits per ``seconds`` for one key in one scope."""

    scope: str
    count: int
    seconds: int


class RateLimited(Exception):
    """Raised by :func:`enforce`; ``message`` is Dutch and meant for the page."""

    def __init__(self, message: str, *, retry_after: int = 60) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def _digest(key: str) -> str:
    # Cache keys must be short and safe for every backend; no raw address or IP is stored.
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _cache_key(limit: Limit, key: str) -> str:
    return f"brug:rl:{limit.scope}:{_digest(key)}"


# INCR, and EXPIRE on the first hit, in one Redis round trip (a vote's hot path counts here).
_HIT_SCRIPT = (
    "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n"
)
_redis_clients: dict[int, Any] = {}


def _redis_client(backend: RedisCache) -> Any:
    # Django builds a new redis.Redis (with ~170 response callbacks) on every cache call; keep one
    # per cache client (each holds its own connection pool, per process and thread-safe).
    client = _redis_clients.get(id(backend._cache))
    if client is None:
        client = _redis_clients[id(backend._cache)] = backend._cache.get_client(write=True)
    return client


def hit(limit: Limit, key: str) -> int:
    """Count one hit for ``key`` and return the count in the current window (1 for the first)."""
    full = _cache_key(limit, key)
    # The window starts with the first hit and lasts `seconds`.
    timeout = limit.seconds
    # `cache` is a proxy: isinstance() must look at the backend behind it.
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        # One round trip instead of three (add; then exists + incrby for Django's incr).
        redis_key = backend.make_and_validate_key(full)
        return int(_redis_client(backend).eval(_HIT_SCRIPT, 1, redis_key, timeout))
    if cache.add(full, 1, timeout=timeout):
        return 1
    try:
        return int(cache.incr(full))
    except ValueError:  # the window ended between add and incr: this hit starts a new one
        cache.add(full, 1, timeout=limit.seconds)
        return 1


def allow(limit: Limit, key: str) -> bool:
    """Count one hit; True while the count stays within the limit."""
    return hit(limit, key) <= limit.count


def used(limit: Limit, key: str) -> int:
    """Hits counted so far in the current window, without counting one."""
    return int(cache.get(_cache_key(limit, key)) or 0)


def exhausted(limit: Limit, key: str) -> bool:
    """True when the limit is used up (for limits that only count successful actions)."""
    return used(limit, key) >= limit.count


def client_ip(request: HttpRequest) -> str:
    """The client address as Django sees it (``REMOTE_ADDR``).

    Behind a reverse proxy, the proxy must set ``REMOTE_ADDR`` to the real client address,
    otherwise every visitor shares one limit (see README, production).
    """
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def normalise_address(email: str) -> str:
    return email.strip().lower()


# ---- mail-sending endpoints: per address and per client IP ---------------------------------

MAILS_PER_ADDRESS = Limit("mail-address", count=5, seconds=3600)
MAILS_PER_IP = Limit("mail-ip", count=20, seconds=3600)
MAIL_LIMIT_MESSAGE = (
    "Er zijn in korte tijd te veel e-mails aangevraagd. Er is nu geen e-mail verstuurd. "
    "Probeer het over een uur opnieuw."
)


def enforce_mail(*, purpose: str, email: str, ip: str) -> None:
    """Refuse another mail to this address, or from this client, once its hourly limit is used.

    Both counters are counted on every attempt: a script that varies the address still runs
    into the per-IP limit, and one address cannot be flooded from many IPs.
    """
    per_address = allow(MAILS_PER_ADDRESS, f"{purpose}:{normalise_address(email)}")
    per_ip = allow(MAILS_PER_IP, f"{purpose}:{ip}")
    if not (per_address and per_ip):
        raise RateLimited(MAIL_LIMIT_MESSAGE, retry_after=MAILS_PER_ADDRESS.seconds)
