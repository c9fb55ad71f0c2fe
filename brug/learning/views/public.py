"""The public call page: no login, only published editions.

Registrations are limited per client IP and edition (setting ``BRUG_CALL_REGISTRATIONS_PER_HOUR``,
default 10 POSTs per hour) in the Django cache. The client IP is ``REMOTE_ADDR``: behind a reverse
proxy, the proxy (or middleware in front of Django) must set ``REMOTE_ADDR`` to the real client
address, otherwise every visitor shares the proxy's address and one limit.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .. import selectors
from ..forms import RegistrationForm
from ..models import Edition
from ..services.registrations import RegistrationError, register

RATE_WINDOW_SECONDS = 3600


def registrations_per_hour() -> int:
    return int(getattr(settings, "BRUG_CALL_REGISTRATIONS_PER_HOUR", 10))


def _over_limit(request: HttpRequest, edition: Edition) -> bool:
    """Count this POST for (edition, client IP); True once the hourly limit is exceeded."""
    ip = request.META.get("REMOTE_ADDR") or "unknown"
    # Why hashed: cache keys must be short and safe for memcached/redis, and no raw IP is stored.
    digest = hashlib.sha256(ip.encode()).hexdigest()[:32]
    key = f"learning:call-posts:{edition.pk}:{digest}"
    # Fixed window: the first POST starts the hour, later POSTs only increment.
    if cache.add(key, 1, timeout=RATE_WINDOW_SECONDS):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=RATE_WINDOW_SECONDS)
            count = 1
    return count > registrations_per_hour()


def calls(request: HttpRequest) -> HttpResponse:
    """Every open call with its deadline and sessions: the public entry to the learning network."""
    return render(request, "learning/public/calls.html", {"editions": selectors.open_calls()})


def call(request: HttpRequest, slug: str) -> HttpResponse:
    edition = selectors.public_edition(slug=slug)
    if request.method == "POST" and _over_limit(request, edition):
        # Why before the form: a flood of POSTs must not reach validation or the database.
        return render(
            request,
            "learning/public/call.html",
            {"edition": edition, "form": None, "rate_limited": True},
            status=429,
        )
    form = RegistrationForm(request.POST or None) if edition.is_open else None
    if request.method == "POST" and not edition.is_open:
        # Why: a form kept open in a browser tab after the deadline must still be refused.
        return render(
            request,
            "learning/public/call.html",
            {"edition": edition, "form": None, "closed_post": True},
            status=400,
        )
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            register(
                edition=edition,
                municipality=form.cleaned_data["municipality"],
                learning_question=form.cleaned_data["learning_question"],
                own_cases=form.cleaned_data["own_cases"],
                people=form.people(),
                wants_maatwerk=form.cleaned_data["wants_maatwerk"],
                consent=form.cleaned_data["consent"],
            )
        except RegistrationError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("learning:call_thanks", slug=edition.slug)
    return render(request, "learning/public/call.html", {"edition": edition, "form": form})


def call_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    edition = selectors.public_edition(slug=slug)
    return render(request, "learning/public/thanks.html", {"edition": edition})
