"""The public session pages in a real browser: from the consultation to a session, a registration with a
mistake put right, and the confirmation. Axe-core checks each page."""

from typing import Any

import pytest
from playwright.sync_api import Page

from family_resources.core.tests.browser import assert_accessible
from family_resources.outreach.models import Registration
from family_resources.outreach.tests.factories import MEETING_LINK, an_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
SLUG = "childrens-centres-redesign"


def test_a_parent_finds_a_session_from_the_consultation_and_registers(live_server: Any, page: Page) -> None:
    event = an_event(title="Evening session for parents", place="Leagrave Hub")
    base = live_server.url

    page.goto(f"{base}/consultations/{SLUG}/en/")
    page.locator("[data-testid=events-link]").click()
    page.wait_for_url(f"**/events/{SLUG}/")
    assert_accessible(page)
    page.get_by_role("link", name="Evening session for parents").click()
    assert_accessible(page)
    assert MEETING_LINK not in page.content()

    page.get_by_role("button", name="Register for this session").click()
    page.wait_for_url("**/register/")
    assert_accessible(page)
    page.locator("input[name=name]").fill("Amina Khan")
    page.locator("input[name=email]").fill("not an email")
    page.locator("textarea[name=access_needs]").fill("Captions, please")
    page.locator("main form button.govuk-button").click()
    assert page.title().startswith("Error:")
    assert_accessible(page)
    assert page.locator("input[name=name]").input_value() == "Amina Khan"
    assert page.locator("textarea[name=access_needs]").input_value() == "Captions, please"

    page.locator("input[name=email]").fill("amina@example.org")
    page.locator("main form button.govuk-button").click()
    page.locator(".govuk-panel--confirmation").wait_for()
    assert_accessible(page)
    registration = Registration.objects.get(event=event)
    assert registration.access_needs == "Captions, please"
