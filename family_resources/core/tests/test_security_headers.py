"""Every response carries the security headers; no template has an inline script or style (docs/decisions/0022)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff

pytestmark = pytest.mark.django_db

TEMPLATES = sorted(Path(settings.BASE_DIR, "family_resources").glob("*/templates/**/*.html"))
# Files the service makes for people to download and open offline, never served as pages.
DOWNLOADED_FILES = {"privacy/sar_bundle_file.html"}


def _csp(response: HttpResponse) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


@pytest.mark.parametrize("url", ["/", "/refer/", "/directory/", "/staff/sign-in/", "/privacy/", "/no-such-page/"])
def test_public_pages_carry_the_security_headers(client, url):
    response = client.get(url)

    csp = _csp(response)
    assert csp["default-src"] == "default-src 'self'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert csp["object-src"] == "object-src 'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_staff_pages_carry_a_script_nonce_that_their_script_tags_use(signed_in_client):
    client = signed_in_client(staff(Role.PRACTITIONER))

    response = client.get(reverse("accounts:home"))

    nonce = re.search(r"'nonce-([^']+)'", _csp(response)["script-src"])
    assert nonce is not None
    assert f'nonce="{nonce.group(1)}"' in response.content.decode()
    assert client.get(reverse("accounts:home"))["Content-Security-Policy"] != response["Content-Security-Policy"]


def test_the_api_carries_the_headers_too(client):
    response = client.get("/api/v1/referrals/NOPE")
    assert response.status_code == 401
    assert "Content-Security-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"


def test_cookies_are_http_only_and_production_makes_them_secure_with_hsts():
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.CSRF_COOKIE_HTTPONLY
    production = Path(settings.BASE_DIR, "config", "settings", "production.py").read_text()
    for line in ["SESSION_COOKIE_SECURE = True", "CSRF_COOKIE_SECURE = True", "SECURE_HSTS_SECONDS"]:
        assert line in production


def test_the_template_walk_finds_the_templates():
    names = {path.name for path in TEMPLATES}
    assert {"base.html", "sign_in.html", "session_timeout.html"} <= names


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_no_template_has_an_inline_script_style_or_event_handler(path):
    if any(str(path).endswith(name) for name in DOWNLOADED_FILES):
        return
    text = path.read_text()
    for tag in re.findall(r"<script\b[^>]*>", text):
        # A script from our own origin, or an inline one carrying the response's nonce.
        assert "src=" in tag or "nonce=" in tag, f"{path}: {tag}"
    assert not re.search(r"<style\b", text), f"{path} has a <style> element"
    assert not re.search(r"\sstyle=", text), f"{path} has a style attribute"
    assert not re.search(r"\son[a-z]+=", text), f"{path} has an inline event handler"
    assert "javascript:" not in text


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_every_post_form_has_a_csrf_token(path):
    text = path.read_text()
    for form in re.findall(r"<form\b[^>]*method=\"post\"[^>]*>.*?</form>", text, flags=re.S | re.I):
        has_token = "{% csrf_token %}" in form or 'name="csrfmiddlewaretoken" value="{{ csrf_token }}"' in form
        assert has_token, f"{path}: a POST form without a CSRF token"
