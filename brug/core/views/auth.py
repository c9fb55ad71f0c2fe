"""Login in two steps: password, then (when set up) a TOTP or recovery code."""

from __future__ import annotations

import base64
import io
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import ratelimit
from ..access import SESSION_2FA_KEY
from ..audit import record
from ..forms import CodeForm, LoginForm, SetupCodeForm
from ..models import FailureKind, User
from ..security import (
    clear_login_failures,
    confirm_totp,
    is_locked_out,
    provisioning_uri,
    record_login_failure,
    start_totp_setup,
    use_recovery_code,
    verify_totp,
)

PENDING_USER_KEY = "brug_pending_user"
LOCKED_MESSAGE = (
    "Te veel mislukte pogingen. Probeer het over een kwartier opnieuw of stel uw wachtwoord opnieuw in."
)


def _safe_next(request: HttpRequest, fallback: str = "core:home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    from django.urls import reverse

    return reverse(fallback)


def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if is_locked_out(email=email):
            form.add_error(None, LOCKED_MESSAGE)
            status = 429
        else:
            user = authenticate(request, email=email, password=form.cleaned_data["password"])
            if user is None:
                record_login_failure(email=email)
                form.add_error(None, "Deze combinatie van e-mailadres en wachtwoord kennen we niet.")
                status = 400
            else:
                clear_login_failures(email=email)
                if user.has_second_factor:
                    # Password alone is not enough: remember who is halfway through.
                    request.session.cycle_key()
                    request.session[PENDING_USER_KEY] = user.pk
                    return redirect(f"/inloggen/code/?next={_safe_next(request)}")
                login(request, user)
                return redirect(_safe_next(request))
    elif request.method == "POST":
        status = 400
    return render(
        request, "core/login.html", {"form": form, "next": request.GET.get("next", "")}, status=status
    )


def login_code(request: HttpRequest) -> HttpResponse:
    """Second step of login, and re-verification for a logged-in session."""
    user: User | None = None
    if request.user.is_authenticated:
        user = request.user  # type: ignore[assignment]
    elif PENDING_USER_KEY in request.session:
        user = User.objects.filter(pk=request.session[PENDING_USER_KEY], is_active=True).first()
    if user is None:
        return redirect("core:login")
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        # Code failures have their own counter, which a correct password does not clear.
        if is_locked_out(email=user.email, kind=FailureKind.CODE):
            form.add_error(None, LOCKED_MESSAGE)
            status = 429
        elif verify_totp(user=user, code=code) or use_recovery_code(user=user, code=code):
            clear_login_failures(email=user.email, kind=FailureKind.CODE)
            if not request.user.is_authenticated:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            request.session.pop(PENDING_USER_KEY, None)
            request.session[SESSION_2FA_KEY] = True
            return redirect(_safe_next(request))
        else:
            record_login_failure(email=user.email, kind=FailureKind.CODE)
            form.add_error("code", "Deze code klopt niet of is al gebruikt. Wacht op een nieuwe code.")
            status = 400
    elif request.method == "POST":
        status = 400
    return render(
        request, "core/login_code.html", {"form": form, "next": request.GET.get("next", "")}, status=status
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "U bent uitgelogd.")
    return redirect("core:login")


def _qr_svg_data_uri(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if user.has_second_factor and request.method == "GET":
        return redirect(f"/inloggen/code/?next={_safe_next(request)}")
    device = start_totp_setup(user=user) if request.method == "GET" else user.totp_device
    form = SetupCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        codes = confirm_totp(user=user, code=form.cleaned_data["code"])
        if codes is not None:
            request.session[SESSION_2FA_KEY] = True
            return render(request, "core/recovery_codes.html", {"codes": codes, "next": _safe_next(request)})
        form.add_error(
            "code", "Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de volgende code."
        )
        status = 400
    elif request.method == "POST":
        status = 400
    uri = provisioning_uri(device=device)
    return render(
        request,
        "core/two_factor_setup.html",
        {
            "form": form,
            "secret": device.secret,
            "qr": _qr_svg_data_uri(uri),
            "next": request.GET.get("next", ""),
        },
        status=status,
    )


@login_required
@require_POST
def two_factor_reset_codes(request: HttpRequest) -> HttpResponse:
    from ..security import regenerate_recovery_codes

    if not request.session.get(SESSION_2FA_KEY):
        return redirect("core:2fa_verify")
    codes = regenerate_recovery_codes(user=request.user)  # type: ignore[arg-type]
    record(actor=request.user, action="core.recovery_codes.renew", obj=request.user)  # type: ignore[arg-type]
    return render(request, "core/recovery_codes.html", {"codes": codes, "next": "/"})


class PasswordResetView(auth_views.PasswordResetView):
    """Reset mails are limited per address and per client IP; the page answers the same either way.

    Whether or not an account exists, the visitor is sent to the same "sent" page, unless the
    limit is reached: then nothing is sent, for any address.
    """

    template_name = "core/password_reset.html"
    email_template_name = "core/email/password_reset.txt"
    subject_template_name = "core/email/password_reset_subject.txt"
    success_url = reverse_lazy("core:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            ratelimit.enforce_mail(
                purpose="password-reset",
                email=form.cleaned_data["email"],
                ip=ratelimit.client_ip(self.request),
            )
        except ratelimit.RateLimited as exc:
            form.add_error(None, exc.message)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A new password never logs in by itself: the next login asks for the second factor again.

    It ends a password lock-out (the lock-out message points here), but never the lock-out
    on second-factor codes: those can only be waited out.
    """

    template_name = "core/password_reset_confirm.html"
    success_url = reverse_lazy("core:password_reset_complete")
    post_reset_login = False

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        user = form.user
        clear_login_failures(email=user.email, kind=FailureKind.PASSWORD)
        record(actor=user, action="core.password.reset", obj=user, fields=["password"])
        return response
