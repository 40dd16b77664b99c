"""Staff pages need a signed-in member of staff; each role lands on its own home page."""

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TEST_PASSWORD, staff
from family_resources.accounts.tests.mfa_helpers import current_code, give_app

pytestmark = pytest.mark.django_db

# Staff pages that are reachable without signing in, because they are how you sign in.
SIGN_IN_PAGES = {"/staff/sign-in/", "/staff/admin/login/", "/staff/signed-out/"}


def _walk(patterns: list[Any], prefix: str = "") -> list[str]:
    """Every URL of the project, with a sample value for each path parameter."""
    urls = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            urls.extend(_walk(pattern.url_patterns, route))
        elif isinstance(pattern, URLPattern):
            urls.append(route)
    return urls


def _concrete(route: str) -> str:
    import re

    route = route.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\", "")
    route = re.sub(r"<uuid:(\w+)>", "00000000-0000-4000-8000-000000000001", route)  # a well-formed UUID
    route = re.sub(r"<(?:\w+:)?(\w+)>", "1", route)  # other path converters
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)  # admin's regex groups
    return "/" + route.replace("//", "/")


def staff_urls() -> list[str]:
    urls = sorted({_concrete(route) for route in _walk(get_resolver().url_patterns)})
    return [url for url in urls if url.startswith("/staff/") and url not in SIGN_IN_PAGES]


def test_the_walk_finds_the_staff_pages():
    urls = staff_urls()
    assert "/staff/" in urls
    assert "/staff/audit/" in urls
    assert "/staff/families/1/" in urls
    assert any(url.startswith("/staff/admin/") for url in urls)


@pytest.mark.parametrize("url", staff_urls())
def test_an_anonymous_visitor_is_sent_to_sign_in_from_every_staff_url(client, url):
    response = client.get(url, follow=True)

    assert response.redirect_chain, f"{url} answered {response.status_code} without redirecting"
    final_url, _status = response.redirect_chain[-1]
    assert final_url.startswith("/staff/sign-in/?next="), f"{url} ended at {final_url}"
    assert response.templates[0].name == "accounts/sign_in.html"


HOME_HEADINGS = {
    Role.PRACTITIONER: "Your families",
    Role.TEAM_MANAGER: "Your team's caseload",
    Role.FRONT_DOOR_OFFICER: "Referrals waiting for a decision",
    Role.SERVICE_MANAGER: "Service overview",
    Role.DIRECTORY_OFFICER: "Community directory",
    Role.CONSULTATION_OFFICER: "Consultations",
    Role.ADMINISTRATOR: "Staff accounts",
}


def test_every_role_has_a_home_page():
    assert set(HOME_HEADINGS) == set(Role)


@pytest.mark.parametrize(("role", "heading"), HOME_HEADINGS.items())
def test_each_role_lands_on_its_own_home_page(client, role, heading):
    user = staff(role)
    give_app(user)

    response = client.post(reverse("accounts:sign_in"), {"username": user.email.upper(), "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:mfa_verify"))
    response = client.post(response["Location"], {"code": current_code(user)})
    assert response.status_code == 302
    home = client.get(response["Location"])

    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in home.content.decode()


def test_a_wrong_password_is_refused_with_an_error_summary_and_the_email_kept(client):
    user = staff(Role.PRACTITIONER)

    response = client.post(reverse("accounts:sign_in"), {"username": user.email, "password": "wrong-password"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert "Enter a correct email address and password" in content
    assert f'value="{user.email}"' in content
    assert "<title>Error: Sign in" in content


def test_empty_fields_get_a_specific_message_each(client):
    response = client.post(reverse("accounts:sign_in"), {"username": "", "password": ""})

    content = response.content.decode()
    assert '<a href="#id_username">Enter your email address</a>' in content
    assert '<a href="#id_password">Enter your password</a>' in content


def test_a_switched_off_account_cannot_sign_in(client):
    user = staff(Role.PRACTITIONER, is_active=False)

    response = client.post(reverse("accounts:sign_in"), {"username": user.email, "password": TEST_PASSWORD})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_sign_out_needs_a_post_and_ends_the_session(signed_in_client):
    client = signed_in_client(staff(Role.PRACTITIONER))

    assert client.get(reverse("accounts:sign_out")).status_code == 200
    assert "_auth_user_id" in client.session
    client.post(reverse("accounts:sign_out"))
    assert "_auth_user_id" not in client.session


def test_there_is_no_public_sign_up_for_staff(client):
    assert client.get("/staff/sign-up/").status_code in {302, 404}
    assert "sign-up" not in "".join(staff_urls())


@pytest.mark.parametrize(
    ("role", "admin_status"),
    [(Role.ADMINISTRATOR, 200), (Role.SERVICE_MANAGER, 200), (Role.PRACTITIONER, 302), (Role.FRONT_DOOR_OFFICER, 302)],
)
def test_only_roles_that_keep_reference_data_open_the_admin(signed_in_client, role, admin_status):
    response = signed_in_client(staff(role)).get("/staff/admin/")
    assert response.status_code == admin_status
