"""JSON API for other tools: a token per organisation in 'Authorization: Bearer …'; errors as JSON."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from brug.core.access import MANAGERS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs
from brug.municipalities.models import Neighbourhood

from .. import selectors, services
from ..api_errors import problem
from ..forms import TokenForm
from ..models import Signal, TokenScope
from ..models.signals import Channel
from ..openapi import SPEC

API_READABLE_CHANNELS = (Channel.API,)

MAX_BODY = 64 * 1024


def error(status: int, message: str, **extra: Any) -> JsonResponse:
    # RFC 9457 problem details; "fout" keeps the message where the first clients read it.
    return problem(status, message, **extra)


def as_json(signal: Signal) -> dict[str, Any]:
    return {
        "id": signal.pk,
        "kanaal": signal.channel,
        "tekst": signal.text,
        "moment": timezone.localtime(signal.occurred_at).isoformat(),  # Europe/Amsterdam, with offset
        "wijk": signal.neighbourhood.name if signal.neighbourhood else None,
        "plek": signal.place,
        "ernst": signal.severity,
        "status": signal.status,
        "themas": [t.name for t in signal.themes.all()],
        "toon": round(signal.tone, 3),
        "vijandigheid": round(signal.hostility, 3),
        "wij_zij": round(signal.framing, 3),
        "waarom": signal.why,
    }


def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(SPEC)


@csrf_exempt  # token-authenticated, no cookies: CSRF does not apply
def signals_collection(request: HttpRequest) -> JsonResponse:
    token = services.api.token_from_header(request.headers.get("Authorization", ""))
    if token is None:
        return error(401, "Geen of een ongeldige token. Stuur 'Authorization: Bearer <token>'.")
    org = token.organisation
    if request.method == "GET":
        if token.scope == TokenScope.SEND:
            return error(403, "Deze sleutel mag alleen aanleveren, niet lezen.")
        qs = Signal.objects.filter(organisation=org, channel__in=API_READABLE_CHANNELS, published=True)
        if token.scope == TokenScope.READ_OWN:
            qs = qs.filter(api_token=token)
        rows = qs.prefetch_related("themes").select_related("neighbourhood")[:100]
        return JsonResponse({"signalen": [as_json(s) for s in rows]})
    if request.method != "POST":
        response = error(405, "Alleen GET en POST.")
        response["Allow"] = "GET, POST"
        return response
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY or len(request.body) > MAX_BODY:
        return error(413, f"Het verzoek is te groot: hooguit {MAX_BODY // 1024} kB.")
    if "json" not in (request.content_type or ""):
        return error(415, "Stuur JSON (Content-Type: application/json).")
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        return error(400, "De body is geen geldige JSON.")
    if not isinstance(data, dict):
        return error(400, "Stuur een JSON-object.")
    # Types as in the OpenAPI description: a wrong type is refused, never turned into text.
    for name in ("tekst", "moment", "wijk", "plek"):
        if name in data and not isinstance(data[name], str):
            return error(400, f"'{name}' moet tekst zijn.", veld=name)
        # PostgreSQL cannot store or even compare a NUL character; a form refuses it the same way.
        if name in data and "\x00" in data[name]:
            return error(400, f"'{name}' bevat een nulteken (\\u0000); dat is niet toegestaan.", veld=name)
    if "ernst" in data and (not isinstance(data["ernst"], int) or isinstance(data["ernst"], bool)):
        return error(400, "'ernst' moet een geheel getal van 1 tot 4 zijn.", veld="ernst")
    if "tekst" not in data:
        return error(400, "'tekst' ontbreekt.", veld="tekst")
    if len(data.get("plek", "")) > 200:
        return error(400, "'plek' is te lang: hooguit 200 tekens.", veld="plek")
    if len(data["tekst"]) > 10_000:
        return error(400, "'tekst' is te lang: hooguit 10.000 tekens.", veld="tekst")
    if "ernst" in data and not 1 <= data["ernst"] <= 4:
        return error(400, "'ernst' moet een geheel getal van 1 tot 4 zijn.", veld="ernst")
    try:
        occurred = None
        if "moment" in data:
            if "T" not in data["moment"].upper():
                raise ValueError("moment without a time")
            occurred = datetime.fromisoformat(str(data["moment"]).replace("Z", "+00:00"))
            if timezone.is_naive(occurred):
                occurred = timezone.make_aware(occurred)
        hood = None
        if data.get("wijk"):
            hood = Neighbourhood.objects.filter(
                municipality_id=org.municipality_id or 0, name__iexact=str(data["wijk"])
            ).first()
            if hood is None:
                return error(400, "Onbekende wijk.", veld="wijk")
        severity = int(data.get("ernst", 2))
        signal = services.create_signal(
            organisation=org,
            channel="api",
            text=str(data.get("tekst", "")),
            occurred_at=occurred,
            neighbourhood=hood,
            place=str(data.get("plek", ""))[:200],
            severity=severity,
            api_token=token,
        )
    except (TypeError, ValueError) as exc:
        if isinstance(exc, services.SignalError):
            return error(
                400,
                exc.message,
                veld={"text": "tekst", "occurred_at": "moment", "severity": "ernst"}.get(
                    exc.field, exc.field
                ),
            )
        return error(400, "Een veld heeft een ongeldige waarde (moment: ISO 8601, ernst: 1 tot 4).")
    return JsonResponse(as_json(signal), status=201)


@csrf_exempt  # token-authenticated, no cookies: CSRF does not apply
def signal_item(request: HttpRequest, pk: int) -> JsonResponse:
    if request.method not in ("GET", "HEAD"):
        response = error(405, "Alleen GET.")
        response["Allow"] = "GET, HEAD"
        return response
    token = services.api.token_from_header(request.headers.get("Authorization", ""))
    if token is None:
        return error(401, "Geen of een ongeldige token. Stuur 'Authorization: Bearer <token>'.")
    if token.scope == TokenScope.SEND:
        return error(403, "Deze sleutel mag alleen aanleveren, niet lezen.")
    # A token reads what it can list: the signals that came in through the API. Key-figure and
    # officer signals hold personal data behind the second factor. Scope "eigen": only its own.
    found = Signal.objects.filter(
        organisation=token.organisation, channel__in=API_READABLE_CHANNELS, published=True, pk=pk
    )
    if token.scope == TokenScope.READ_OWN:
        found = found.filter(api_token=token)
    signal = found.first()
    if signal is None:
        return error(404, "Dit signaal bestaat niet (voor deze token).")
    return JsonResponse(as_json(signal))


@org_view(MANAGERS, personal_data=True, municipality_only=True)
def tokens(request: OrgRequest, org_slug: str) -> HttpResponse:
    form = TokenForm(request.POST or None)
    new_token = ""
    if request.method == "POST" and form.is_valid():
        _row, new_token = services.issue_token(
            membership=request.membership,
            name=form.cleaned_data["name"],
            scope=form.cleaned_data["scope"] or "aanleveren",  # least rights unless chosen
            valid_days=int(form.cleaned_data["valid_days"] or "90") or None,
        )
        form = TokenForm()
    return render(
        request,
        "signals/tokens.html",
        {
            "form": form,
            "tokens": selectors.api_tokens_for(membership=request.membership),
            "new_token": new_token,
            "breadcrumbs": breadcrumbs(("Signalen", f"/o/{org_slug}/signalen/"), ("API-sleutels", None)),
        },
    )


@org_view(MANAGERS, personal_data=True, municipality_only=True)
@require_POST
def token_revoke(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    token = selectors.api_token_for(membership=request.membership, pk=pk)
    services.revoke_token(membership=request.membership, token=token)
    messages.success(request, f"De sleutel '{token.name}' is ingetrokken.")
    return redirect("signals:tokens", org_slug=org_slug)
