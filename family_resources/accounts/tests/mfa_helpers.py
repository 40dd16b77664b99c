"""Authenticator apps for tests: give a user one, and work out the code it would show now."""

from typing import Any

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from family_resources.accounts.models import User


def give_app(user: User) -> TOTPDevice:
    """A confirmed authenticator app for the user (the one they have, if any)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the app shows now, or steps_ahead periods later (a code is accepted only once)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + steps_ahead * device.step
    return str(totp.token()).zfill(device.digits)


def current_code(user: User) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return code_for(device)


def sign_in_through_page(page: Any, base_url: str, user: User, password: str) -> None:
    """Sign in as a person does in a browser: email and password, then the code from their app."""
    give_app(user)
    page.goto(f"{base_url}/staff/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Security code").fill(current_code(user))
    page.get_by_role("button", name="Continue").click()
