"""Accessibility checks in a real browser: axe-core against WCAG 2.2 AA, plus the page structure GOV.UK expects.

The checks themselves are in browser.py, shared by every app's browser tests.
"""

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.models import User
from family_resources.core.tests.browser import accessibility_problems, assert_accessible, sign_in
from family_resources.demo.builders import ROLE_ACCOUNTS, DemoAccount, load_demo_data

# live_server tests are transactional: the flush after each one empties the tables that the data
# migrations filled (neighbourhoods, places, teams), so serialized_rollback puts them back first
# (with help from conftest.py once Playwright is running).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "demo-password-for-accessibility-tests"


@pytest.fixture
def demo_data(transactional_db: None) -> None:
    load_demo_data(password=PASSWORD)


def sign_in_as(page: Page, base_url: str, account: DemoAccount) -> None:
    sign_in(page, base_url, User.objects.get(email=account.email))


def role_account(role: str) -> DemoAccount:
    return next(account for account in ROLE_ACCOUNTS if account.role == role)


def test_the_public_pages(page: Page, live_server: LiveServer, demo_data: None) -> None:
    reports: list[str] = []
    page.goto(live_server.url + "/")
    reports += accessibility_problems(page)

    page.goto(live_server.url + "/resources/")
    reports += accessibility_problems(page)

    page.locator("main h2 a").first.click()
    expect(page).to_have_url(re.compile(r"/resources/[\w-]+/$"))
    reports += accessibility_problems(page)

    page.get_by_role("link", name="Accessibility statement").click()
    expect(page.locator("h1")).to_contain_text("Accessibility statement")
    reports += accessibility_problems(page)

    assert len(reports) == 0, "\n\n".join(reports)


def test_the_page_not_found(page: Page, live_server: LiveServer) -> None:
    response = page.goto(live_server.url + "/no-such-page/")
    assert response is not None
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    assert_accessible(page)


def test_the_home_page_in_urdu_reads_right_to_left(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/language/ur/?next=/")
    expect(page).to_have_url(live_server.url + "/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ur")
    expect(html).to_have_attribute("dir", "rtl")
    assert_accessible(page)


PUBLIC_PAGES = ["/", "/refer/", "/resources/", "/directory/", "/help-check/", "/accessibility/"]


def test_urdu_pages_read_right_to_left_and_english_pages_left_to_right(page: Page, live_server: LiveServer) -> None:
    for language, direction in (("ur", "rtl"), ("en", "ltr")):
        page.goto(f"{live_server.url}/language/{language}/?next=/")
        for path in PUBLIC_PAGES:
            page.goto(live_server.url + path)
            html = page.locator("html")
            expect(html).to_have_attribute("lang", language)
            expect(html).to_have_attribute("dir", direction)
            # The layout itself must follow, not only the attribute: the text runs from the right.
            assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == direction, path


def test_the_sign_in_page_with_and_without_errors(page: Page, live_server: LiveServer) -> None:
    reports: list[str] = []
    page.goto(live_server.url + "/staff/sign-in/")
    reports += accessibility_problems(page)

    page.get_by_label("Email address").fill("nobody@example.org")
    page.get_by_label("Password").fill("not-the-right-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    reports += accessibility_problems(page)

    assert len(reports) == 0, "\n\n".join(reports)


def test_the_staff_pages_of_every_role(page: Page, live_server: LiveServer, demo_data: None) -> None:
    """One demo dataset for every staff page: loading it is most of these tests' time."""
    base_url = live_server.url
    reports: list[str] = []
    for account in ROLE_ACCOUNTS:
        sign_in_as(page, base_url, account)
        page.goto(base_url + "/staff/")
        expect(page.locator(".govuk-caption-l")).to_contain_text(str(account.role.label))
        reports += accessibility_problems(page, seen_as=account.email)

    sign_in_as(page, base_url, role_account("practitioner"))
    page.goto(base_url + "/staff/")
    page.locator('main a[href^="/staff/casework/episodes/"]').first.click()
    expect(page).to_have_url(re.compile(r"/staff/casework/episodes/\d+/$"))
    reports += accessibility_problems(page, seen_as="practitioner, on a case")
    page.get_by_role("link", name="Support plan", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("Support plan")
    reports += accessibility_problems(page, seen_as="practitioner, on a support plan")
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("link", name="Family record").click()
    expect(page).to_have_url(re.compile(r"/staff/families/[^/]+/$"))
    expect(page.locator(".govuk-caption-l")).to_contain_text("Family record")
    reports += accessibility_problems(page, seen_as="practitioner")

    sign_in_as(page, base_url, role_account("service_manager"))
    page.goto(base_url + "/staff/audit/")
    expect(page.locator("h1")).to_have_text("Audit trail")
    reports += accessibility_problems(page, seen_as="service manager")

    page.goto(base_url + "/staff/audit/?date_from=not-a-date")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    reports += accessibility_problems(page, seen_as="service manager, with an invalid date")

    assert len(reports) == 0, "\n\n".join(reports)
