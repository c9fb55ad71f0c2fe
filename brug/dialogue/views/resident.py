"""Residents' pages under d/<slug>/: no account, an anonymous token in a signed cookie.

Everything works as plain forms without JavaScript. A vote request only stores the vote.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import messages
from django.core.signing import BadSignature
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from brug.core import ratelimit
from brug.core.errors import add_form_error

from .. import emailcheck, selectors, services
from ..forms import CodeForm, EmailForm, StatementForm
from ..mapview import map_context
from ..models import Dialogue
from ..recompute import background_available
from ..services.opinion_map import ensure_fresh

COOKIE = "brug_dialoog"
SALT = "brug.dialogue.token"
COOKIE_AGE = 365 * 24 * 3600


def _token(request: HttpRequest) -> str | None:
    try:
        value = request.get_signed_cookie(COOKIE, salt=SALT)
    except (KeyError, BadSignature):
        return None
    return value if value and len(value) <= 64 else None


def _with_token(response: HttpResponse, token: str) -> HttpResponse:
    response.set_signed_cookie(
        COOKIE, token, salt=SALT, max_age=COOKIE_AGE, httponly=True, samesite="Lax", secure=not settings.DEBUG
    )
    return response


def _page(
    request: HttpRequest,
    dialogue: Dialogue,
    token: str,
    *,
    form: StatementForm | None = None,
    email_form: EmailForm | None = None,
    code_form: CodeForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    participant = services.participant_for(dialogue=dialogue, token=token, create=False)
    view = selectors.resident_view(dialogue=dialogue, participant=participant, token_hint=token)
    if (
        view.group is None
        and view.n_voted
        and not view.votes_needed
        and dialogue.dirty
        and not background_available()
    ):
        # Without a background worker, place the resident now (a page view, never the vote itself).
        dialogue = ensure_fresh(dialogue=dialogue)
        view = selectors.resident_view(dialogue=dialogue, participant=participant, token_hint=token)
    context = {
        "dialogue": dialogue,
        "view": view,
        "form": form or StatementForm(),
        "error": error,
        "is_open": dialogue.is_open(),
        "email_form": email_form or EmailForm(),
        "code_form": code_form or CodeForm(),
        "email_confirmed": emailcheck.is_confirmed(participant),
        "code_pending": emailcheck.code_pending(participant),
    }
    return _with_token(render(request, "dialogue/resident.html", context, status=status), token)


def _no_cookie(request: HttpRequest, slug: str) -> HttpResponse:
    # Every page view hands out the token; a POST without it would make each vote a new "resident"
    # (and slip past the per-token rate limit), so it is refused and a token is offered again.
    dialogue = selectors.public_dialogue(slug=slug)
    error = (
        "Uw browser stuurde ons kenmerk-cookie niet mee, dus we konden uw stem niet bewaren. "
        "Sta cookies toe voor deze site en probeer het opnieuw."
    )
    return _page(request, dialogue, secrets.token_urlsafe(24), error=error, status=400)


def resident(request: HttpRequest, slug: str) -> HttpResponse:
    dialogue = selectors.public_dialogue(slug=slug)
    # A first visit gets its anonymous token here, so the vote form always has one.
    return _page(request, dialogue, _token(request) or secrets.token_urlsafe(24))


@require_POST
def vote(request: HttpRequest, slug: str) -> HttpResponse:
    # The hot path: a light dialogue (cached a few seconds) and one upsert; the full page only on errors.
    target = selectors.vote_target(slug=slug)
    token = _token(request)
    if token is None:
        return _no_cookie(request, slug)
    try:
        statement_id = int(request.POST.get("statement", ""))
        services.cast_vote(
            dialogue=target, token=token, statement_id=statement_id, value=request.POST.get("vote", "")
        )
    except services.DialogueError as exc:  # before ValueError: every BrugError is one
        error, status = str(exc), exc.status
    except ValueError:
        error, status = "Deze stelling bestaat niet (meer) in deze dialoog.", 400
    else:
        # Back to the voting card (not the top of the page), so the next statement is in view.
        return _with_token(redirect(reverse("dialogue:resident", args=[slug]) + "#stemmen"), token)
    return _page(request, selectors.public_dialogue(slug=slug), token, error=error, status=status)


@require_POST
def add_statement(request: HttpRequest, slug: str) -> HttpResponse:
    dialogue = selectors.public_dialogue(slug=slug, with_result=False)
    token = _token(request)
    if token is None:
        return _no_cookie(request, slug)
    form = StatementForm(request.POST)
    if not form.is_valid():
        return _page(request, dialogue, token, form=form, status=400)
    try:
        statement = services.submit_statement(dialogue=dialogue, token=token, text=form.cleaned_data["text"])
    except services.DialogueError as exc:
        add_form_error(form, exc, field="text")
        return _page(request, dialogue, token, form=form, status=exc.status)
    if statement.status == "goed":
        messages.success(request, "Dank u. Uw stelling staat nu bij de stellingen waarop anderen stemmen.")
    else:
        messages.success(
            request, "Dank u. De gemeente bekijkt uw stelling eerst; daarna kunnen anderen erop stemmen."
        )
    return _with_token(redirect("dialogue:resident", slug=slug), token)


def public_map(request: HttpRequest, slug: str) -> HttpResponse:
    dialogue = selectors.public_dialogue(slug=slug)
    if not dialogue.map_public:
        raise Http404
    dialogue = ensure_fresh(dialogue=dialogue)
    token = _token(request)
    participant = services.participant_for(dialogue=dialogue, token=token, create=False) if token else None
    context = map_context(dialogue, highlight=participant.number if participant else None)
    context["dialogue"] = dialogue
    return render(request, "dialogue/public_map.html", context)


@require_POST
def email_start(request: HttpRequest, slug: str) -> HttpResponse:
    dialogue = selectors.public_dialogue(slug=slug)
    token = _token(request)
    if token is None:
        return _no_cookie(request, slug)
    form = EmailForm(request.POST)
    if not form.is_valid():
        return _page(request, dialogue, token, email_form=form, status=400)
    try:
        # Mails are limited per address and per client IP, before any code is made or sent.
        ratelimit.enforce_mail(
            purpose="dialogue-code", email=form.cleaned_data["email"], ip=ratelimit.client_ip(request)
        )
    except ratelimit.RateLimited as exc:
        form.add_error("email", exc.message)
        return _page(request, dialogue, token, email_form=form, status=429)
    try:
        services.send_email_code(dialogue=dialogue, token=token, email=form.cleaned_data["email"])
    except services.DialogueError as exc:
        add_form_error(form, exc, field="email")
        return _page(request, dialogue, token, email_form=form, status=exc.status)
    messages.success(request, "We hebben u een code gestuurd. Vul die hieronder in.")
    return _with_token(redirect(reverse("dialogue:resident", args=[slug]) + "#bevestigen"), token)


@require_POST
def email_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    dialogue = selectors.public_dialogue(slug=slug)
    token = _token(request)
    if token is None:
        return _no_cookie(request, slug)
    form = CodeForm(request.POST)
    if not form.is_valid():
        return _page(request, dialogue, token, code_form=form, status=400)
    try:
        services.confirm_email_code(dialogue=dialogue, token=token, code=form.cleaned_data["code"])
    except services.DialogueError as exc:
        add_form_error(form, exc, field="code")
        return _page(request, dialogue, token, code_form=form, status=exc.status)
    messages.success(request, "Dank u. Uw deelname is bevestigd.")
    return _with_token(redirect("dialogue:resident", slug=slug), token)
