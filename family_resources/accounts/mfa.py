"""Multi-factor sign-in for staff: an authenticator app (TOTP) and single-use recovery codes (ADR 0022).

The devices are django-otp's; this module decides what a session needs and records what happened.
A session is "verified" once the second factor has been checked in it; the middleware asks for that
on every staff page.
"""

import secrets
from base64 import b32encode

import segno
from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from family_resources.accounts.models import User
from family_resources.audit.models import AuditAction
from family_resources.audit.services import audit_record

MFA_SESSION_KEY = "accounts_mfa_verified"
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def session_is_verified(session: SessionBase) -> bool:
    return bool(session.get(MFA_SESSION_KEY))


def session_mark_verified(session: SessionBase) -> None:
    # A new session key at the change of privilege, as Django does at sign-in.
    session.cycle_key()
    session[MFA_SESSION_KEY] = True


def confirmed_app_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_app_device(user: User) -> TOTPDevice:
    """The device being set up: kept unconfirmed until a code from it is entered, so a reload shows the same key."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def device_secret(device: TOTPDevice) -> str:
    """The key as people type it into an app by hand: base32, in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def device_qr_svg(device: TOTPDevice, *, account: str) -> str:
    """The otpauth:// address as an inline SVG QR code drawn on the server: no script, no style attribute."""
    uri = (
        f"otpauth://totp/{_quote(settings.MFA_ISSUER)}:{_quote(account)}"
        f"?secret={b32encode(device.bin_key).decode().rstrip('=')}&issuer={_quote(settings.MFA_ISSUER)}"
        f"&digits={device.digits}&period={device.step}"
    )
    return str(segno.make(uri, error="m").svg_inline(scale=5, omitsize=False, svgclass="app-qr-code", lineclass=None))


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="@")


def mfa_setup_confirm(*, user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code from it and issue fresh recovery codes; None when the code is wrong."""
    if not device.verify_token(_digits(code)):
        audit_record(action=AuditAction.DENIED, instance=user, changed_fields=["mfa_setup_failed"])
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = recovery_codes_replace(user=user)
        audit_record(action=AuditAction.CREATE, instance=user, changed_fields=["mfa_app_set_up"])
    return codes


def recovery_codes_replace(*, user: User) -> list[str]:
    """Ten new single-use codes; any old ones stop working."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
        codes = [_recovery_code() for _ in range(settings.MFA_RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _recovery_code() -> str:
    # 10 characters of base32 (50 bits): no 0/O or 1/I confusion, typed with or without the hyphen.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _digits(code: str) -> str:
    return "".join(ch for ch in code if ch.isdigit())


def mfa_verify(*, user: User, code: str) -> str | None:
    """Check a code from the app, or use up a recovery code. Returns which ("app" or "recovery") or None."""
    app = confirmed_app_device(user)
    cleaned = code.strip().lower().replace(" ", "")
    if app is not None and _digits(cleaned) == cleaned and app.verify_token(cleaned):
        audit_record(action=AuditAction.UPDATE, instance=user, changed_fields=["mfa_verified"])
        return "app"
    recovery = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if recovery is not None and len(cleaned) >= 10:
        candidate = cleaned if "-" in cleaned else f"{cleaned[:5]}-{cleaned[5:]}"
        # verify_token deletes the matching token: a recovery code works once.
        if recovery.verify_token(candidate):
            audit_record(action=AuditAction.UPDATE, instance=user, changed_fields=["mfa_recovery_code_used"])
            return "recovery"
    audit_record(action=AuditAction.DENIED, instance=user, changed_fields=["mfa_failed"])
    return None


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# The demonstration accounts' shared authenticator key (demo settings only; README "Demo sign-in").
# In base32, MZQW22LMPEWXEZLTN52XEY3FOMWWIZLN: what a person types into an authenticator app;
# `manage.py demo_totp_code EMAIL` prints the current code.
DEMO_APP_KEY = b"family-resources-dem".hex()


def demo_app_device_give(*, user: User) -> TOTPDevice:
    """A confirmed app with the documented demo key, so a visitor to `make run` can sign in."""
    device, _created = TOTPDevice.objects.update_or_create(
        user=user, name=APP_DEVICE_NAME, defaults={"key": DEMO_APP_KEY, "confirmed": True}
    )
    return device


def demo_app_secret() -> str:
    return b32encode(bytes.fromhex(DEMO_APP_KEY)).decode().rstrip("=")
