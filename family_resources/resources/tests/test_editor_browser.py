"""An editor drafts an article, another reviews and publishes it, and a family finds it in English and easy read."""

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.core.tests.browser import accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def topics(transactional_db: None) -> None:
    """The resource centre's topics, which conftest's reload of reference data does not (yet) include."""
    from importlib import import_module

    from django.apps import apps

    import_module("family_resources.resources.migrations.0003_topics").load(apps, None)


def test_draft_review_publish_then_a_family_finds_it_in_english_and_easy_read(
    page: Page, live_server: LiveServer, topics: None
) -> None:
    editor = staff(Role.DIRECTORY_OFFICER, full_name="Dee Editor")
    reviewer = staff(Role.SERVICE_MANAGER, full_name="Rae Reviewer")
    reports: list[str] = []

    sign_in(page, live_server.url, editor)
    page.goto(live_server.url + "/staff/resources/")
    page.get_by_role("link", name="Write a new article").click()
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page, seen_as="editor, with errors")
    page.get_by_label("Title").fill("Calm bedtimes for toddlers")
    page.get_by_label("Summary").fill("A simple routine that helps toddlers settle.")
    page.get_by_label("Text", exact=True).fill("Start at the same time each night.\n\nKeep the room dark and quiet.")
    page.get_by_label("Easy read version (optional)").fill("Go to bed at the same time.\n\nMake the room dark.")
    page.get_by_label("Toddlers").check()
    page.get_by_label("Youngest child's age (optional)").fill("1")
    page.get_by_label("Oldest child's age (optional)").fill("3")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-caption-l .govuk-tag")).to_have_text("Draft")
    reports += accessibility_problems(page, seen_as="editor")
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator(".govuk-caption-l .govuk-tag")).to_have_text("In review")
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)

    page.goto(live_server.url + "/resources/?q=bedtimes")
    expect(page.get_by_role("link", name="Calm bedtimes for toddlers")).to_have_count(0)

    sign_in(page, live_server.url, reviewer)
    page.goto(live_server.url + "/staff/resources/")
    reports += accessibility_problems(page, seen_as="reviewer")
    page.get_by_role("link", name="Calm bedtimes for toddlers", exact=True).click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".govuk-caption-l .govuk-tag")).to_have_text("Published")

    page.context.clear_cookies()
    page.goto(live_server.url + "/resources/")
    page.get_by_label("Search the resource centre").fill("bedtimes")
    page.get_by_label("Your child's age").fill("2")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]q=bedtimes"))  # the results, not the search page it came from
    reports += accessibility_problems(page, seen_as="a family, searching")
    page.get_by_role("link", name="Calm bedtimes for toddlers", exact=True).click()
    expect(page.locator("h1")).to_have_text("Calm bedtimes for toddlers")
    expect(page.locator("main")).to_contain_text("Keep the room dark and quiet.")
    reports += accessibility_problems(page, seen_as="a family")
    page.get_by_role("link", name="Easy read", exact=True).click()
    expect(page.locator(".govuk-caption-l")).to_have_text("Easy read")
    expect(page.locator("main")).to_contain_text("Make the room dark.")
    reports += accessibility_problems(page, seen_as="a family, easy read")

    assert reports == [], "\n\n".join(reports)
