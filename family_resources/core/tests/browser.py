"""What the browser tests share: the accessibility check every page gets, and a signed-in browser.

The check is axe-core against WCAG 2.2 AA plus the structure GOV.UK expects of every page, run once the page
has loaded and GOV.UK Frontend's JavaScript has started, as most visitors see it.
"""

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS: dict[str, Any] = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
TARGETS_SHOWN = 3

axe = Axe()


def describe_violations(where: str, violations: list[dict[str, Any]]) -> str:
    """What a developer needs to find and fix each failure: rule, impact, advice and where it is."""
    lines = [f"{len(violations)} axe-core violation(s) on {where}:"]
    for violation in violations:
        nodes = violation["nodes"]
        targets = [" >>> ".join(str(part) for part in node["target"]) for node in nodes[:TARGETS_SHOWN]]
        more = f" and {len(nodes) - TARGETS_SHOWN} more" if len(nodes) > TARGETS_SHOWN else ""
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"    at {'; '.join(targets)}{more}\n"
            f"    {violation['helpUrl']}"
        )
    return "\n".join(lines)


def structure_problems(page: Page) -> list[str]:
    """The parts every page of the service has, whatever axe-core's rules allow."""
    problems = []
    if (count := page.locator("h1").count()) != 1:
        problems.append(f"expected exactly one h1, found {count}")
    if page.locator("head > title").count() != 1 or not page.title().strip():
        problems.append("expected one non-empty <title>")
    if page.locator('a.govuk-skip-link[href="#main-content"]').count() != 1:
        problems.append("expected a skip link to #main-content")
    if page.locator("main, [role=main]").count() != 1 or page.locator("main#main-content").count() != 1:
        problems.append('expected one main landmark, <main id="main-content">')
    if "govuk-frontend-supported" not in (page.locator("body").get_attribute("class") or ""):
        problems.append("GOV.UK Frontend's JavaScript did not start, so the page was not checked as visitors see it")
    return problems


def accessibility_problems(page: Page, seen_as: str = "") -> list[str]:
    """Everything wrong with the page now in the browser, one developer-readable report per failing check."""
    # A link or form just followed may have committed its next page but not yet parsed it: axe-core would then
    # find no document at all. Check the page, not a blank.
    page.wait_for_load_state("load")
    where = f"{page.url} (as {seen_as})" if seen_as else page.url
    reports: list[str] = []
    if problems := structure_problems(page):
        reports.append(f"{where}: " + "; ".join(problems))
    if violations := axe.run(page, options=AXE_OPTIONS).response["violations"]:
        reports.append(describe_violations(where, violations))
    return reports


def assert_accessible(page: Page, seen_as: str = "") -> None:
    reports = accessibility_problems(page, seen_as)
    assert len(reports) == 0, "\n\n".join(reports)


def sign_in(page: Page, base_url: str, user: Any) -> None:
    """Give the browser a fresh signed-in session for the user, in place of any it had: signing in itself is
    tested in accounts."""
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])
