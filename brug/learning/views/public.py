"""The public call page: no login, only published editions.

Registrations are limited per client IP and edition (setting ``BRUG_CALL_REGISTRATIONS_PER_HOUR``,
default 10 POSTs per hour) in the Django cache. The client IP is ``REMOTE_ADDR``: behind a reverse
proxy, the proxy (or middleware in front of Django) must set ``REMOTE_ADDR`` to the real client
address, otherwise every visitor shares the proxy's address and one limit.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from brug.core import ratelimit
from brug.core.ratelimit import Limit

from .. import selectors
from ..forms import RegistrationForm
from ..models import Edition
from ..services.registrations import RegistrationError, register

RATE_WINDOW_SECONDS = 3600


def registrations_per_hour() -> int:
    return int(getattr(settings, "BRUG_CALL_REGISTRATIONS_PER_HOUR", 10))


def _over_limit(request: HttpRequest, edition: Edition) -> bool:
    """Count this POST for (edition, client IP); True once the hourly limit is exceeded."""
    limit = Limit("learning-call-posts", count=registrations_per_hour(), seconds=RATE_WINDOW_SECONDS)
    return not ratelimit.allow(limit, f"{edition.pk}:{ratelimit.client_ip(request)}")


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
            # The confirmation mails: limited per address and per client IP, before anything is saved.
            for email in (form.cleaned_data["p1_email"], form.cleaned_data.get("p2_email")):
                if email:
                    ratelimit.enforce_mail(purpose="call", email=email, ip=ratelimit.client_ip(request))
        except ratelimit.RateLimited as exc:
            form.add_error(None, exc.message)
            return render(
                request, "learning/public/call.html", {"edition": edition, "form": form}, status=429
            )
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
