"""The dashboard in a real browser: accessible (axe-core, WCAG 2.2 AA), filterable without JavaScript,
and a download that arrives as a file. Each page is checked with core's accessibility helper."""

import csv
import io
import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.core.tests.browser import accessibility_problems, sign_in
from family_resources.reporting.tests.dataset import build_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_service_manager_filters_the_dashboard_and_downloads_a_figure(page: Page, live_server: LiveServer) -> None:
    known = build_service()
    base = live_server.url
    reports: list[str] = []
    sign_in(page, base, known.service_manager)

    page.goto(base + reverse("reporting:dashboard"))
    expect(page.locator("h1")).to_have_text("Service figures")
    expect(page.locator("svg[role=img]").first).to_be_visible()
    reports += accessibility_problems(page, seen_as="service manager, the dashboard")

    page.get_by_label("From", exact=True).fill("2030-01-01")
    page.get_by_label("To", exact=True).fill("2029-01-01")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The end date must be the same as or after")
    assert page.title().startswith("Error: ")
    reports += accessibility_problems(page, seen_as="service manager, filters with an error")

    page.get_by_label("From", exact=True).fill(known.last_month.isoformat())
    page.get_by_label("To", exact=True).fill(known.today.isoformat())
    page.get_by_label("Neighbourhood", exact=True).select_option(label="North Luton")
    page.get_by_role("button", name="Apply filters").click()
    families = page.locator("section[aria-labelledby=figure-families-by-team] table")
    expect(families.locator("tbody tr")).to_have_count(1)
    expect(families).to_contain_text("North Luton team")

    with page.expect_download() as arrived:
        # GOV.UK's visually hidden text starts with a space of its own, so the name is matched loosely.
        page.get_by_role("link", name=re.compile(r"^Download as CSV\W+Families accepted")).click()
    path = arrived.value.path()
    with open(path, encoding="utf-8-sig") as file:
        rows = list(csv.reader(io.StringIO(file.read())))
    assert [row[0] for row in rows] == ["Team", "North Luton team"]

    page.goto(base + reverse("reporting:team_dashboard", args=[known.west_team.pk]))
    reports += accessibility_problems(page, seen_as="service manager, a team's figures")

    page.goto(base + reverse("reporting:supporting_families"))
    page.get_by_role("button", name="Show the return").click()
    expect(page.locator("h2").first).to_contain_text("quarter")
    reports += accessibility_problems(page, seen_as="service manager, the Supporting Families return")

    assert len(reports) == 0, "\n\n".join(reports)
