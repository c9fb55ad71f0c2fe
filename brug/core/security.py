"""Login protection: lock-out after repeated failures, TOTP with replay protection, recovery codes."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import pyotp
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .audit import record
from .models import FailureKind, LoginFailure, RecoveryCode, TOTPDevice, User

RECOVERY_CODE_COUNT = 10


def _normalise_email(email: str) -> str:
    return email.strip().lower()


def is_locked_out(*, email: str, kind: str = FailureKind.PASSWORD) -> bool:
    """Too many failures of this kind (password or second-factor code) within the window."""
    since = timezone.now() - timedelta(minutes=settings.BRUG_LOCKOUT_MINUTES)
    recent = LoginFailure.objects.filter(email=_normalise_email(email), kind=kind, at__gte=since).count()
    return recent >= settings.BRUG_LOCKOUT_ATTEMPTS


def record_login_failure(*, email: str, kind: str = FailureKind.PASSWORD) -> None:
    LoginFailure.objects.create(email=_normalise_email(email), kind=kind)
    # Failures are only needed for the lock-out window; older ones are dropped.
    LoginFailure.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()


def clear_login_failures(*, email: str, kind: str = FailureKind.PASSWORD) -> None:
    """Forget failures of one kind only: a correct password leaves the code failures standing."""
    LoginFailure.objects.filter(email=_normalise_email(email), kind=kind).delete()


def start_totp_setup(*, user: User) -> TOTPDevice:
    """A new unconfirmed secret; a confirmed device is only replaced after a new code proves it."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, defaults={"secret": pyotp.random_base32()})
    if not device.confirmed:
        device.secret = pyotp.random_base32()
        device.save(update_fields=["secret"])
    return device


def provisioning_uri(*, device: TOTPDevice) -> str:
    return pyotp.TOTP(device.secret).provisioning_uri(
        name=device.user.email, issuer_name=settings.BRUG_TOTP_ISSUER
    )


def _matching_step(secret: str, code: str) -> int | None:
    code = code.strip().replace(" ", "")
    if not (len(code) == 6 and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    now = timezone.now().timestamp()
    for drift in (0, -1, 1):
        at = now + drift * totp.interval
        if secrets.compare_digest(totp.at(at), code):
            return int(at // totp.interval)
    return None


def verify_totp(*, user: User, code: str) -> bool:
    """True once per valid code: a replayed code (same or earlier time step) is refused."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user).first()
        if device is None:
            return False
        step = _matching_step(device.secret, code)
        if step is None or step <= device.last_step:
            return False
        device.last_step = step
        device.save(update_fields=["last_step"])
    return True


def _hash_code(code: str) -> str:
    return hashlib.sha256(code.strip().replace("-", "").lower().encode()).hexdigest()


def confirm_totp(*, user: User, code: str) -> list[str] | None:
    """Confirm the device with a first code; returns fresh recovery codes, shown once."""
    with transaction.atomic():
        if not verify_totp(user=user, code=code):
            return None
        TOTPDevice.objects.filter(user=user).update(confirmed=True)
        codes = regenerate_recovery_codes(user=user)
        record(actor=user, action="core.two_factor.setup", obj=user, fields=["totp_device"])
    return codes


def regenerate_recovery_codes(*, user: User) -> list[str]:
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(RecoveryCode(user=user, code_hash=_hash_code(c)) for c in codes)
    return codes


def use_recovery_code(*, user: User, code: str) -> bool:
    with transaction.atomic():
        match = (
            RecoveryCode.objects.select_for_update()
            .filter(user=user, code_hash=_hash_code(code), used_at__isnull=True)
            .first()
        )
        if match is None:
            return False
        match.used_at = timezone.now()
        match.save(update_fields=["used_at"])
        record(actor=user, action="core.recovery_code.use", obj=user)
    return True
