"""Every error under /api/ answers in JSON problem details (RFC 9457), never an HTML page.

Views of the token APIs return their own problem JSON; this middleware covers what happens
around them: Django's 404 and 405, a CSRF refusal (403), a body over the upload limit (413), an
unexpected media type (415) and any exception (500). It sits before CsrfViewMiddleware in
MIDDLEWARE so it sees that middleware's answers too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse

log = logging.getLogger(__name__)

PROBLEM_TYPE = "application/problem+json"
API_PREFIX = "/api/"

# Dutch titles for the statuses the API uses; others fall back to the English reason phrase.
TITLES = {
    400: "Ongeldig verzoek",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Niet aanvaardbaar",
    413: "Verzoek te groot",
    415: "Mediatype niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne fout",
}
DETAILS = {
    403: "U hebt geen toegang tot dit adres. Een token-API gebruikt 'Authorization: Bearer <token>', geen cookies.",
    404: "Dit adres bestaat niet.",
    405: "Deze methode is hier niet toegestaan.",
    413: "Het verzoek is te groot.",
    415: "Stuur JSON (Content-Type: application/json).",
    429: "Te veel verzoeken. Wacht even en probeer het opnieuw.",
    500: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
}


def problem(status: int, detail: str = "", **extra: Any) -> JsonResponse:
    """A problem-details response; `fout` repeats the detail for clients of the first API version."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    detail = detail or DETAILS.get(status, phrase)
    body = {"type": "about:blank", "title": TITLES.get(status, phrase), "status": status, "detail": detail}
    body["fout"] = detail
    body.update(extra)
    return JsonResponse(body, status=status, content_type=PROBLEM_TYPE)


def _is_json(response: HttpResponse) -> bool:
    return "json" in response.get("Content-Type", "")


class ApiProblemMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return problem(400, "Ongeldige Content-Length.")
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return problem(
                413, f"Het verzoek is te groot: hooguit {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes."
            )
        response = self.get_response(request)
        if response.status_code >= 400 and not _is_json(response):
            allow = response.get("Allow")
            response = problem(response.status_code)
            if allow:
                response["Allow"] = allow
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith(API_PREFIX):
            return None
        if isinstance(exception, RequestDataTooBig):
            return problem(413)
        if isinstance(exception, Http404):
            return problem(404)
        if isinstance(exception, PermissionDenied):
            return problem(403)
        log.exception("API error at %s", request.path)
        return problem(500)
