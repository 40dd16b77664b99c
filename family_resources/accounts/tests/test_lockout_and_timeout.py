"""Failed sign-ins lock an email address from one network address; idle sessions end, with a warning first."""

import time
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from family_resources.accounts.middleware import LAST_SEEN_SESSION_KEY
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TEST_PASSWORD, staff
from family_resources.accounts.tests.mfa_helpers import give_app

pytestmark = pytest.mark.django_db


def sign_in(client: Client, email: str, password: str, address: str = "127.0.0.1") -> Any:
    data = {"username": email, "password": password}
    return client.post(reverse("accounts:sign_in"), data, REMOTE_ADDR=address)


@pytest.fixture
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return settings


def test_an_account_is_locked_from_an_address_after_too_many_wrong_passwords(client, limits):
    user = staff(Role.PRACTITIONER)
    for _ in range(2):
        assert sign_in(client, user.email, "wrong-password").status_code == 200

    locked = sign_in(client, user.email, "wrong-password")

    assert locked.status_code == 429
    content = locked.content.decode()
    assert "Your account is locked for now" in content
    assert "You can try again in 30 minutes" in content
    # Even the right password is refused while locked.
    right = sign_in(client, user.email, TEST_PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_account_and_address(client, limits):
    user = staff(Role.PRACTITIONER)
    other = staff(Role.PRACTITIONER)
    give_app(user)
    for _ in range(3):
        sign_in(client, user.email, "wrong-password", address="10.0.0.1")

    # The same account from another address, and another account from the same address, still sign in.
    assert sign_in(Client(), user.email, TEST_PASSWORD, address="10.0.0.2").status_code == 302
    assert sign_in(Client(), other.email, TEST_PASSWORD, address="10.0.0.1").status_code == 302


def test_a_successful_sign_in_clears_the_count(client, limits):
    user = staff(Role.PRACTITIONER)
    for _ in range(2):
        sign_in(client, user.email, "wrong-password")
    assert sign_in(client, user.email, TEST_PASSWORD).status_code == 302
    client.post(reverse("accounts:sign_out"))

    for _ in range(2):
        assert sign_in(client, user.email, "wrong-password").status_code == 200


def test_an_idle_session_is_ended_and_the_person_told_why(signed_in_client, settings):
    settings.SESSION_IDLE_MINUTES = 30
    client = signed_in_client(staff(Role.PRACTITIONER))
    assert client.get(reverse("accounts:home")).status_code == 200
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = time.time() - 31 * 60
    session.save()

    response = client.get("/staff/referrals/inbox/")

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signed_out") + "?next=%2Fstaff%2Freferrals%2Finbox%2F"
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "You were signed out because you did not do anything for 30 minutes" in page.content.decode()
    assert 'href="/staff/sign-in/?next=/staff/referrals/inbox/"' in page.content.decode()


def test_an_active_session_carries_on(signed_in_client):
    client = signed_in_client(staff(Role.PRACTITIONER))
    client.get(reverse("accounts:home"))
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = time.time() - 29 * 60
    session.save()

    assert client.get(reverse("accounts:home")).status_code == 200
    assert time.time() - client.session[LAST_SEEN_SESSION_KEY] < 5


def test_stay_signed_in_renews_the_session(signed_in_client):
    client = signed_in_client(staff(Role.PRACTITIONER))
    client.get(reverse("accounts:home"))
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = time.time() - 28 * 60
    session.save()

    assert client.post(reverse("accounts:keep_alive")).status_code == 204
    assert client.get(reverse("accounts:keep_alive")).status_code == 405
    assert time.time() - client.session[LAST_SEEN_SESSION_KEY] < 5


def test_staff_pages_carry_the_timeout_warning_and_public_pages_for_visitors_do_not(signed_in_client, client):
    assert "app-session-timeout" not in client.get("/").content.decode()
    signed = signed_in_client(staff(Role.PRACTITIONER))

    content = signed.get(reverse("accounts:home")).content.decode()

    assert 'data-module="app-session-timeout"' in content
    assert 'data-idle-seconds="1800"' in content
    assert 'data-warning-seconds="120"' in content
    assert "accounts/session-timeout.mjs" in content


def test_passwords_must_be_long_and_not_common():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["short-pass1", "password1234"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("a-long-and-unusual-phrase")


def test_the_demo_code_command_prints_the_demo_accounts_code_only_in_demo_settings(settings, capsys):
    from family_resources.accounts.mfa import demo_app_device_give
    from family_resources.accounts.tests.mfa_helpers import code_for

    user = staff(Role.PRACTITIONER)
    device = demo_app_device_give(user=user)
    settings.DEMO_DATA_ALLOWED = True
    call_command("demo_totp_code", user.email)
    assert capsys.readouterr().out.strip() == code_for(device)

    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("demo_totp_code", user.email)


def test_the_demo_code_command_refuses_a_real_app(settings):
    user = staff(Role.PRACTITIONER)
    give_app(user)
    settings.DEMO_DATA_ALLOWED = True
    with pytest.raises(CommandError):
        call_command("demo_totp_code", user.email)
