"""Public forms, the staff sign-in and the API are rate limited, with a clear 429 (core/ratelimits.py)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_limits(settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "public_form": 2,
        "staff_sign_in": 2,
        "api_token": 2,
        "api_address": 3,
    }
    return settings


def test_a_public_form_answers_429_after_the_limit_and_keeps_what_was_typed(client, low_limits):
    url = reverse("directory:apply")
    data = {"name": "Little Acorns Playgroup", "email": "hello@example.org"}
    for _ in range(2):
        assert client.post(url, data).status_code != 429

    response = client.post(url, data)

    content = response.content.decode()
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many attempts" in content
    wait = re.search(r"Wait (\d+) minutes?, then try again", content)
    assert wait is not None
    assert 1 <= int(wait.group(1)) <= 10
    assert 'name="name" value="Little Acorns Playgroup"' in content
    assert 'name="email" value="hello@example.org"' in content
    assert f'action="{url}"' in content
    assert "csrfmiddlewaretoken" in content  # a fresh token, so "Try again" works


def test_the_limit_is_per_address(client, low_limits):
    url = reverse("directory:sign_in")
    for _ in range(3):
        client.post(url, {"email": "a@example.org"}, REMOTE_ADDR="10.0.0.1")

    assert client.post(url, {"email": "a@example.org"}, REMOTE_ADDR="10.0.0.2").status_code != 429


def test_pages_are_not_limited_on_get(client, low_limits):
    for _ in range(4):
        assert client.get(reverse("directory:apply")).status_code == 200


@pytest.mark.parametrize(
    "url", ["/refer/contact/", "/refer/check-answers/", "/refer/save/", "/help-check/some-token/", "/staff/sign-in/"]
)
def test_each_public_form_is_limited(client, low_limits, url):
    for _ in range(2):
        client.post(url, {"anything": "x"})

    response = client.post(url, {"anything": "typed"})

    assert response.status_code == 429
    assert 'name="anything" value="typed"' in response.content.decode()


def test_the_staff_sign_in_never_echoes_a_password(client, low_limits):
    for _ in range(3):
        response = client.post(reverse("accounts:sign_in"), {"username": "a@example.org", "password": "secret-words"})

    assert response.status_code == 429
    assert "secret-words" not in response.content.decode()
    assert 'value="a@example.org"' in response.content.decode()


def test_the_stopped_service_search_is_limited_on_get(client, low_limits):
    url = reverse("directory:stopped")
    for _ in range(2):
        assert client.get(url).status_code == 200
    assert client.get(url).status_code == 429


def test_the_api_answers_json_429_with_retry_after_per_token(client, low_limits):
    headers = {"Authorization": "Bearer not-a-real-token"}
    for _ in range(2):
        assert client.get("/api/v1/referrals/NOPE", headers=headers).status_code == 401

    response = client.get("/api/v1/referrals/NOPE", headers=headers)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["errors"][0]["message"].startswith("Too many requests")


def test_the_api_is_limited_per_address_across_tokens(client, low_limits):
    for n in range(3):
        client.get("/api/v1/referrals/NOPE", headers={"Authorization": f"Bearer token-{n}"})

    assert client.get("/api/v1/referrals/NOPE", headers={"Authorization": "Bearer token-9"}).status_code == 429


def test_limits_can_be_switched_off(client, low_limits):
    low_limits.RATE_LIMIT_ENABLED = False
    for _ in range(4):
        assert client.post(reverse("directory:sign_in"), {"email": "a@example.org"}).status_code != 429
