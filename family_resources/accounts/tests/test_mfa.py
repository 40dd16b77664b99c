"""The second sign-in step: setting up an authenticator app, codes, recovery codes and enforcement."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from family_resources.accounts.mfa import MFA_SESSION_KEY
from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TEST_PASSWORD, staff
from family_resources.accounts.tests.mfa_helpers import code_for, current_code, give_app
from family_resources.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def password_only(client: Client, user: User) -> str:
    """Sign in with the password alone; returns where the sign-in page sends the person next."""
    response = client.post(reverse("accounts:sign_in"), {"username": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return str(response["Location"])


def audit_kinds(user: User) -> list[str]:
    events = AuditEvent.objects.filter(object_type="accounts.user", object_id=str(user.pk)).order_by("pk")
    return [field for event in events for field in event.changed_fields]


def test_a_user_without_an_app_is_asked_to_set_one_up_with_a_qr_code_and_the_key_as_text(client):
    user = staff(Role.PRACTITIONER)

    location = password_only(client, user)
    assert location.startswith(reverse("accounts:mfa_setup"))
    page = client.get(location)

    content = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in content
    assert 'class="app-qr-code"' in content
    assert "style=" not in content  # the CSP allows no inline styles
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = re.search(r'data-testid="mfa-secret">([A-Z2-7 ]+)<', content)
    assert secret is not None
    assert len(secret.group(1).replace(" ", "")) == 32
    # A reload shows the same key, so an app already scanned still works.
    assert client.get(location).content.decode().count(secret.group(1)) == 1
    assert TOTPDevice.objects.filter(user=user).count() == 1
    assert device.confirmed is False


def test_setting_up_the_app_shows_ten_recovery_codes_once_and_opens_the_staff_pages(client):
    user = staff(Role.PRACTITIONER)
    location = password_only(client, user)
    client.get(location)
    device = TOTPDevice.objects.get(user=user)

    response = client.post(location, {"code": code_for(device)})

    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = re.findall(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert StaticToken.objects.filter(device__user=user).count() == 10
    assert client.get(response["Location"]).status_code == 302  # shown once only
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("accounts:home")).status_code == 200
    assert "mfa_app_set_up" in audit_kinds(user)


def test_a_wrong_code_at_set_up_is_refused_with_an_error_summary(client):
    user = staff(Role.PRACTITIONER)
    location = password_only(client, user)
    client.get(location)

    response = client.post(location, {"code": "000000"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert "The code is not right" in content
    assert not TOTPDevice.objects.get(user=user).confirmed
    assert client.get(reverse("accounts:home"))["Location"].startswith(reverse("accounts:mfa_setup"))


def test_a_user_with_an_app_enters_its_code_to_reach_the_staff_pages(client):
    user = staff(Role.PRACTITIONER)
    give_app(user)

    location = password_only(client, user)
    assert location.startswith(reverse("accounts:mfa_verify"))
    response = client.post(location, {"code": current_code(user)})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")
    assert client.get(reverse("accounts:home")).status_code == 200
    assert client.session[MFA_SESSION_KEY] is True
    kinds = audit_kinds(user)
    assert "signed_in_with_password" in kinds
    assert "mfa_verified" in kinds


def test_a_wrong_code_is_refused_and_audited(client):
    user = staff(Role.PRACTITIONER)
    give_app(user)
    location = password_only(client, user)

    response = client.post(location, {"code": "123456" if current_code(user) != "123456" else "654321"})

    assert response.status_code == 200
    assert "The code is not right" in response.content.decode()
    assert MFA_SESSION_KEY not in client.session
    assert "mfa_failed" in audit_kinds(user)


def test_a_recovery_code_works_once(client):
    user = staff(Role.PRACTITIONER)
    location = password_only(client, user)
    client.get(location)
    setup = client.post(location, {"code": code_for(TOTPDevice.objects.get(user=user))})
    codes = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", client.get(setup["Location"]).content.decode())
    client.post(reverse("accounts:sign_out"))

    location = password_only(client, user)
    used = client.post(location, {"code": codes[0].upper().replace("-", " ")}, follow=True)
    assert used.status_code == 200
    assert "You have 9 recovery codes left" in used.content.decode()
    assert "mfa_recovery_code_used" in audit_kinds(user)
    client.post(reverse("accounts:sign_out"))

    location = password_only(client, user)
    again = client.post(location, {"code": codes[0]})
    assert again.status_code == 200
    assert "The code is not right" in again.content.decode()
    assert StaticToken.objects.filter(device__user=user).count() == 9


@pytest.mark.parametrize(
    "url", ["/staff/", "/staff/referrals/inbox/", "/staff/audit/", "/staff/admin/", "/staff/session/keep-alive/"]
)
def test_a_password_alone_opens_no_staff_page(client, url):
    user = staff(Role.ADMINISTRATOR, is_superuser=True)
    give_app(user)
    password_only(client, user)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:mfa_verify") + "?next=")


def test_a_password_alone_still_opens_the_public_site_and_the_api_answers_by_token(client):
    user = staff(Role.PRACTITIONER)
    give_app(user)
    password_only(client, user)

    assert client.get("/").status_code == 200
    assert client.get("/api/v1/referrals/NOPE").status_code == 401


def test_the_next_page_is_kept_through_both_steps(client):
    user = staff(Role.PRACTITIONER)
    give_app(user)

    first = client.get("/staff/referrals/inbox/")
    response = client.post(first["Location"], {"username": user.email, "password": TEST_PASSWORD})
    verify = client.post(response["Location"], {"code": current_code(user)})

    assert verify["Location"] == "/staff/referrals/inbox/"


def test_an_outside_next_address_is_not_followed(client):
    user = staff(Role.PRACTITIONER)
    give_app(user)
    password_only(client, user)

    response = client.post(reverse("accounts:mfa_verify") + "?next=https://evil.example/", {"code": current_code(user)})

    assert response["Location"] == reverse("accounts:home")


def test_set_up_cannot_replace_a_working_app(client):
    user = staff(Role.PRACTITIONER)
    give_app(user)
    password_only(client, user)

    response = client.get(reverse("accounts:mfa_setup"))

    assert response["Location"].startswith(reverse("accounts:mfa_verify"))
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_a_code_cannot_be_used_twice(client):
    user = staff(Role.PRACTITIONER)
    give_app(user)
    code = current_code(user)
    client.post(password_only(client, user), {"code": code})
    client.post(reverse("accounts:sign_out"))

    response = client.post(password_only(client, user), {"code": code})

    assert response.status_code == 200
    assert MFA_SESSION_KEY not in client.session
