"""Signing in and out in a real browser, as each role, by mouse and by keyboard."""

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TEST_PASSWORD, staff
from family_resources.accounts.tests.mfa_helpers import current_code, give_app
from family_resources.demo.builders import ROLE_ACCOUNTS, DemoAccount, load_demo_data

# live_server tests are transactional: the flush after each one empties the tables that the data
# migrations filled (neighbourhoods, places, teams), so serialized_rollback puts them back first
# (with help from conftest.py once Playwright is running).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "demo-password-for-browser-tests"
SIGN_IN_HEADING = "Sign in to the Family Resources Service"
SIGN_IN_PATH = re.compile(r"/staff/sign-in/(\?.*)?$")

HOME_HEADINGS = {
    "practitioner": "Your families",
    "team_manager": "Your team's caseload",
    "front_door_officer": "Referrals waiting for a decision",
    "service_manager": "Service overview",
    "directory_officer": "Community directory",
    "consultation_officer": "Consultations",
    "administrator": "Staff accounts",
}


@pytest.fixture
def demo_data(transactional_db: None) -> None:
    load_demo_data(password=PASSWORD)


@pytest.fixture
def practitioner(transactional_db: None) -> User:
    """One account is enough where the role does not matter, and much quicker to make than the demo data."""
    return staff(Role.PRACTITIONER)


def open_sign_in(page: Page, base_url: str) -> None:
    """Go to the staff area signed out: it sends you to sign in."""
    page.goto(f"{base_url}/staff/")
    expect(page).to_have_url(SIGN_IN_PATH)
    expect(page.locator("h1")).to_have_text(SIGN_IN_HEADING)


def sign_in(page: Page, base_url: str, email: str, password: str, *, second_step: bool = False) -> None:
    if second_step:
        # The person's authenticator app (the demo accounts have one; others are given one).
        give_app(User.objects.get(email=email))
    open_sign_in(page, base_url)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if second_step:
        user = User.objects.get(email=email)
        expect(page.locator("h1")).to_have_text("Enter your security code")
        page.get_by_label("Security code").fill(current_code(user))
        page.get_by_role("button", name="Continue").click()


@pytest.mark.parametrize("demo_account", ROLE_ACCOUNTS, ids=lambda demo_account: str(demo_account.role))
def test_each_role_signs_in_to_its_own_home_page(
    page: Page, live_server: LiveServer, demo_data: None, demo_account: DemoAccount
) -> None:
    sign_in(page, live_server.url, demo_account.email, PASSWORD, second_step=True)

    heading = HOME_HEADINGS[str(demo_account.role)]
    expect(page).to_have_url(re.compile(r"/staff/$"))
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator(".govuk-caption-l")).to_contain_text(str(demo_account.role.label))
    expect(page).to_have_title(re.compile(re.escape(heading)))


def test_a_wrong_password_explains_the_problem_and_keeps_the_email_address(
    page: Page, live_server: LiveServer, practitioner: User
) -> None:
    email = practitioner.email
    sign_in(page, live_server.url, email, password="not-the-right-password")

    summary = page.locator(".govuk-error-summary")
    expect(page.locator("h1")).to_have_text(SIGN_IN_HEADING)
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(summary).to_contain_text("Enter a correct email address and password")
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary so it is read out first
    expect(page.get_by_label("Email address")).to_have_value(email)
    expect(page.get_by_label("Password")).to_have_value("")
    expect(page).to_have_title(re.compile(r"^Error: "))


def test_a_wrong_password_error_links_from_the_summary_to_the_form(
    page: Page, live_server: LiveServer, practitioner: User
) -> None:
    sign_in(page, live_server.url, practitioner.email, password="not-the-right-password")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    assert summary.locator('a[href="#id_username"]').count() == 1


def test_a_missing_password_links_from_the_summary_to_the_field(
    page: Page, live_server: LiveServer, practitioner: User
) -> None:
    email = practitioner.email
    sign_in(page, live_server.url, email, password="")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link", name="Enter your password")
    expect(link).to_have_attribute("href", "#id_password")
    link.click()
    expect(page.get_by_label("Password")).to_be_focused()
    expect(page.get_by_label("Email address")).to_have_value(email)
    expect(page).to_have_title(re.compile(r"^Error: "))


def test_signing_out_ends_the_session(page: Page, live_server: LiveServer, practitioner: User) -> None:
    base_url = live_server.url
    sign_in(page, base_url, practitioner.email, TEST_PASSWORD, second_step=True)
    expect(page.locator("h1")).to_have_text("Your families")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Sign out").click()
    expect(page.locator("h1")).to_have_text("Sign out")
    page.get_by_role("button", name="Sign out").click()

    expect(page).to_have_url(SIGN_IN_PATH)
    expect(page.locator("h1")).to_have_text(SIGN_IN_HEADING)
    open_sign_in(page, base_url)  # the staff area asks for a sign-in again


def test_a_keyboard_user_can_skip_to_the_form_and_sign_in(page: Page, live_server: LiveServer) -> None:
    officer = staff(Role.FRONT_DOOR_OFFICER)
    give_app(officer)
    open_sign_in(page, live_server.url)

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()

    page.keyboard.press("Tab")
    expect(page.get_by_label("Email address")).to_be_focused()
    page.keyboard.type(officer.email)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(TEST_PASSWORD)
    page.keyboard.press("Enter")

    # The second step: the code field has focus after the skip link's target, typed and sent with Enter.
    expect(page.locator("h1")).to_have_text("Enter your security code")
    # The heading shows while the page is still parsing; focus the field only once the page and its scripts
    # have loaded, or the code can be typed into a page that is not finished and Enter lost.
    page.wait_for_load_state("load")
    code = page.get_by_label("Security code")
    code.focus()
    expect(code).to_be_focused()
    page.keyboard.type(current_code(officer))
    expect(code).to_have_value(re.compile(r"^\d{6}$"))
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Referrals waiting for a decision")
