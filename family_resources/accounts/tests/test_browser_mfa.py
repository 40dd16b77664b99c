"""The second sign-in step and the timeout warning in a real browser, under the real Content Security Policy."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import ConsoleMessage, Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TEST_PASSWORD, staff
from family_resources.accounts.tests.mfa_helpers import code_for, sign_in_through_page
from family_resources.core.tests.browser import accessibility_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_new_member_of_staff_sets_up_an_app_and_saves_recovery_codes(page: Page, live_server: LiveServer) -> None:
    user = staff(Role.PRACTITIONER)
    problems: list[str] = []
    refused: list[str] = []
    page.on("console", lambda message: _csp_refusal(message, refused))

    page.goto(f"{live_server.url}/staff/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.locator("h1")).to_have_text("Set up your authenticator app")
    expect(page.locator("svg.app-qr-code")).to_be_visible()
    problems += accessibility_problems(page, seen_as="new staff member, setting up an app")
    page.get_by_text("I cannot scan the QR code").click()
    expect(page.get_by_test_id("mfa-secret")).to_be_visible()
    device = TOTPDevice.objects.get(user=user)
    page.get_by_label("Enter the 6-digit code from your authenticator app").fill(code_for(device))
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("h1")).to_have_text("Your authenticator app is set up")
    expect(page.get_by_test_id("recovery-codes").locator("li")).to_have_count(10)
    page.get_by_role("button", name=re.compile("I have saved my codes")).click()
    expect(page.locator("h1")).to_have_text("Your families")
    assert not problems, problems
    assert not refused, refused


def test_the_timeout_warning_opens_and_stay_signed_in_keeps_the_session(
    page: Page, live_server: LiveServer, settings: pytest.FixtureRequest
) -> None:
    refused: list[str] = []
    page.on("console", lambda message: _csp_refusal(message, refused))
    user = staff(Role.PRACTITIONER)
    sign_in_through_page(page, live_server.url, user, TEST_PASSWORD)
    expect(page.locator("h1")).to_have_text("Your families")

    # The warning is due at once: idle and warning spans are equal.
    settings.SESSION_IDLE_MINUTES = 1  # type: ignore[attr-defined]
    settings.SESSION_IDLE_WARNING_MINUTES = 1  # type: ignore[attr-defined]
    page.reload()

    dialog = page.get_by_role("dialog", name="You're about to be signed out")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Stay signed in")).to_be_focused()
    problems = accessibility_problems(page, seen_as="practitioner, the timeout warning")
    # From now on the warning is due 30 seconds before the end, so it does not open again during the test.
    page.evaluate("document.querySelector('dialog').dataset.warningSeconds = '30'")
    with page.expect_response(lambda response: response.url.endswith("/staff/session/keep-alive/")) as renewal:
        dialog.get_by_role("button", name="Stay signed in").click()
    assert renewal.value.status == 204
    expect(dialog).to_be_hidden()
    expect(page.locator("h1")).to_have_text("Your families")
    assert not problems, problems
    assert not refused, refused


def _csp_refusal(message: ConsoleMessage, refused: list[str]) -> None:
    if "Content Security Policy" in message.text:
        refused.append(message.text)
