"""Security headers that Django does not set by itself."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

# Scripts only from our own origin (no inline script); styles allow inline attributes because
# server-rendered SVG charts carry style attributes.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


def max_request_bytes() -> int:
    """The largest body Brug accepts: the upload limit plus room for the form around the file."""
    return (int(settings.BRUG_MAX_UPLOAD_MB) + 1) * 1024 * 1024


class RequestSizeLimitMiddleware:
    """Refuse a body that is too large from its Content-Length, before a byte of it is read.

    The web server refuses it even earlier (nginx ``client_max_body_size``, see README); this
    is the same limit inside Django, so a worker never spends time or memory on it. The page
    is Dutch; under /api/ the answer is JSON.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = max_request_bytes()
        if length > limit:
            max_mb = limit // (1024 * 1024)
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"error": f"Het verzoek is te groot (meer dan {max_mb} MB).", "max_bytes": limit},
                    status=413,
                )
            body = loader.get_template("413.html").render({"max_mb": max_mb})
            return HttpResponse(body, status=413)
        return self.get_response(request)
