"""Issue 11: crawl every public page, and every staff page as each role, in every language, and run axe-core.

The crawl follows links from the entry points (crawl.py) and checks one concrete page per route
pattern, so it stays bounded however much demo data there is. Each check is axe-core's WCAG 2.0/2.1/2.2
A and AA rules and the structure every page has (test_accessibility.py), plus `<html lang dir>`.
Staff pages are checked in English as every role, and in each other language once, as the first
role (in ROLE_ACCOUNTS order) whose crawl reaches them. Django's admin (/staff/admin/) is left out:
it is Django's own interface, not a GOV.UK page of the service.

Public pages behind a form are walked in every language too (crawl_flows.py): the family portal signed in
with a family's code, a community organisation's pages signed in by its emailed link, every page of the
self-referral journey and of a consultation response, and forms with their errors. The public test then
asserts that every public URL name the project routes was shown at least once, less crawl_flows.NOT_PAGES.
"""

import time
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import resolve, reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.roles import Role
from family_resources.core.tests.browser import AXE_OPTIONS, axe, describe_violations, structure_problems
from family_resources.core.tests.crawl import Crawl
from family_resources.core.tests.crawl_flows import (
    NOT_PAGES,
    PER_PATH,
    Walker,
    directory_forms,
    flows_world,
    help_check,
    organisation_forms,
    portal_forms,
    sign_in_family,
    sign_in_organisation,
    stale_exclusions,
    uncovered,
    walk_consultation,
    walk_journey,
    walk_outcome,
    walk_outreach,
)
from family_resources.core.tests.test_accessibility import demo_data, sign_in_as
from family_resources.demo.builders import ROLE_ACCOUNTS, DemoAccount

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

__all__ = ["demo_data"]  # the fixture, imported so these tests can use it

LANGUAGES = [code for code, _name in settings.LANGUAGES]
RIGHT_TO_LEFT = {"ur"}
PUBLIC_ENTRY_POINTS = [
    "/",
    "/refer/",
    "/resources/",
    "/directory/",
    "/consultations/",
    "/my-family/",
    "/privacy/",
    "/accessibility/",
    "/help-check/",
]
# Forms whose error state is checked too: submitted empty, they show the error summary.
ERROR_STATES = ["/refer/who/", "/my-family/sign-in/"]
# Fewer distinct route patterns than this means the crawler is broken, not that the service shrank:
# set a little below what the crawl found with the demo data on 2026-11-23 (public 20; staff: practitioner 39,
# team manager 41, front door 18, service manager 26, directory 9, consultation 10, administrator 6; 76 in all).
MINIMUM_PUBLIC_PATTERNS = 18
MINIMUM_STAFF_PATTERNS = {
    Role.PRACTITIONER: 32,
    Role.TEAM_MANAGER: 34,
    Role.FRONT_DOOR_OFFICER: 15,
    Role.SERVICE_MANAGER: 22,
    Role.DIRECTORY_OFFICER: 7,
    Role.CONSULTATION_OFFICER: 8,
    Role.ADMINISTRATOR: 5,
}
MINIMUM_STAFF_PATTERNS_IN_ALL = 65


def page_language(url: str, chosen: str) -> str:
    """The language a page should declare: the chosen one, except a consultation edition's pages.

    A consultation is published in editions, one per language, each at a URL with its language code
    (ADR 0024); the page is in its edition's language whatever the visitor chose for the interface.
    """
    match = resolve(urlsplit(url).path)
    if match.namespace == "consultation" and "code" in match.kwargs:
        return str(match.kwargs["code"])
    return chosen


def _reveal_only(node: dict[str, Any]) -> bool:
    data = [str(item) for result in node["any"] + node["all"] + node["none"] for item in result.get("data") or []]
    reveal = "govuk-radios__input" in node["html"] or "govuk-checkboxes__input" in node["html"]
    return reveal and bool(data) and all(item.startswith("aria-expanded=") for item in data)


def without_conditional_reveals(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Axe-core's violations less one known to the design system, on nothing else.

    GOV.UK Frontend's JavaScript puts aria-expanded on a radio or checkbox that reveals a follow-up question.
    ARIA 1.2 does not allow it on those roles, so axe-core reports aria-allowed-attr; GOV.UK keeps it on
    purpose, having found that screen readers announce it and that it helps (alphagov/govuk-frontend#979,
    open). Only that attribute on those inputs is let through; any other aria-allowed-attr still fails.
    """
    kept = []
    for violation in violations:
        if violation["id"] == "aria-allowed-attr":
            nodes = [node for node in violation["nodes"] if not _reveal_only(node)]
            if not nodes:
                continue
            violation = {**violation, "nodes": nodes}
        kept.append(violation)
    return kept


class Checker:
    """Checks the page now in the browser and keeps every report, so one run lists every failure."""

    def __init__(self, page: Page, language: str) -> None:
        self.page = page
        self.language = language
        self.reports: list[str] = []
        self.count = 0  # pages checked
        self.seconds = 0.0  # spent checking them

    def __call__(self, key: str, seen_as: str) -> None:
        started = time.perf_counter()
        try:
            self._check(key, seen_as)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started

    def _check(self, key: str, seen_as: str) -> None:
        where = f"[{self.language}, {seen_as}, {key}]"
        html = self.page.locator("html")
        expected = page_language(self.page.url, self.language)
        direction = "rtl" if expected in RIGHT_TO_LEFT else "ltr"
        if (lang := html.get_attribute("lang")) != expected:
            self.reports.append(f"{where} {self.page.url}: <html lang> is {lang!r}, expected {expected!r}")
        if (found := html.get_attribute("dir") or "ltr") != direction:
            self.reports.append(f"{where} {self.page.url}: <html dir> is {found!r}, expected {direction!r}")
        if "?print" in key or "&print" in key:
            # A print view is the record laid out for paper: no skip link, header or JavaScript by design,
            # so only axe-core's rules apply to it.
            if violations := self.violations():
                self.reports.append(describe_violations(f"{self.page.url} (as {where})", violations))
            return
        where = f"{self.page.url} (as {self.language}, {seen_as}, {key})"
        if problems := structure_problems(self.page):
            self.reports.append(f"{where}: " + "; ".join(problems))
        if violations := self.violations():
            self.reports.append(describe_violations(where, violations))

    def violations(self) -> list[dict[str, Any]]:
        return without_conditional_reveals(axe.run(self.page, options=AXE_OPTIONS).response["violations"])

    def assert_none(self) -> None:
        assert len(self.reports) == 0, f"{len(self.reports)} page(s) with problems:\n\n" + "\n\n".join(self.reports)


def choose_language(page: Page, base_url: str, language: str) -> None:
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}])


def staff_crawl(
    page: Page, base_url: str, account: DemoAccount, language: str, checked: set[str], check: Checker
) -> Crawl:
    sign_in_as(page, base_url, account)
    choose_language(page, base_url, language)
    crawl = Crawl(base_url=base_url, prefix="/staff/", checked=checked)
    crawl.run(page, ["/staff/"], lambda key: check(key, seen_as=str(account.role)))
    return crawl


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page(
    page: Page, live_server: LiveServer, demo_data: None, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The walks send some sixty forms from one address: more than a visitor's rate limit allows.
    monkeypatch.setattr(settings, "RATE_LIMIT_ENABLED", False)
    world = flows_world(language)
    base_url = live_server.url
    check = Checker(page, language)
    choose_language(page, base_url, language)
    crawl = Crawl(base_url=base_url, prefix="/")
    # An article with an easy read version and translations: no demo article has either.
    article = [
        reverse("resources:detail", args=[world.article_slug]),
        reverse("resources:easy_read", args=[world.article_slug]),
        reverse("resources:in_language", args=[world.article_slug, "ur" if language == "en" else language]),
    ]
    crawl.run(page, [*PUBLIC_ENTRY_POINTS, *article], lambda key: check(key, seen_as="anonymous"))

    for path in ERROR_STATES:
        page.goto(base_url + path)
        page.locator("main form [type=submit]").first.click()
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        check(f"{path} submitted empty", seen_as="anonymous")

    # The pages behind forms, each checked once: the referral journey, a consultation response in this
    # language's edition, asking to be listed in the directory, the signposting follow-up, the consultation's
    # sessions (registering, cancelling, a notice's unsubscribe link) and a published outcome.
    # Every page in English; in the other languages, each kind of page once, as the link crawl does.
    walker = Walker(page, base_url, lambda key: check(key, seen_as="anonymous"), thorough=language == "en")

    def walker_as(who: str) -> Walker:
        """A walker for a signed-in visitor, sharing what the first has seen and checked."""
        return Walker(page, base_url, lambda key: check(key, seen_as=who), walker.thorough, walker.seen, walker.checked)

    if not walker.thorough:  # what the link crawl checked already is not checked again
        for key, url in crawl.visited.items():
            name = key.split("?")[0]
            if key in crawl.checked:
                walker.checked.add(f"{name} {urlsplit(url).path}" if name in PER_PATH else name)
    directory_forms(walker)
    help_check(walker, world.followup_link)
    walk_journey(walker, language)
    walk_consultation(walker, world.edition_code)
    walk_outreach(walker, world)
    walk_outcome(walker, world)

    # The family portal, signed in as a family with its code.
    family = walker_as("family")
    sign_in_family(family)
    choose_language(page, base_url, language)
    portal = Crawl(base_url=base_url, prefix="/my-family/")
    portal.run(page, ["/my-family/"], lambda key: check(key, seen_as="family"))
    portal_forms(family)

    # A community organisation's own pages, signed in by its emailed link.
    page.context.clear_cookies()
    choose_language(page, base_url, language)
    organisation = walker_as("organisation")
    sign_in_organisation(organisation, world.organisation_email)
    own = Crawl(base_url=base_url, prefix="/directory/organisation/")
    own.run(page, ["/directory/organisation/"], lambda key: check(key, seen_as="organisation"))
    organisation_forms(organisation)

    print(
        f"{language}: {check.count} public pages checked in {check.seconds:.0f}s; "
        f"{len(crawl.visited)} route patterns crawled"
    )
    check.assert_none()
    assert len(crawl.visited) >= MINIMUM_PUBLIC_PATTERNS, sorted(crawl.visited)
    # Coverage cannot shrink unnoticed: every public URL name was shown, or is listed as not a page.
    assert not stale_exclusions(), f"not public URL names any more: take them off the lists: {stale_exclusions()}"
    missing = uncovered(crawl.seen | portal.seen | own.seen | walker.seen)
    assert not missing, (
        f"public pages the crawl never showed in {language!r}: {missing}. Give the crawl a way to them "
        f"(an entry point or a flow in crawl_flows.py), or, if one is not a page, add it to NOT_PAGES "
        f"(now {sorted(NOT_PAGES)})."
    )


@pytest.mark.parametrize("account", ROLE_ACCOUNTS, ids=[str(account.role) for account in ROLE_ACCOUNTS])
def test_every_staff_page_in_english_as_each_role(
    page: Page, live_server: LiveServer, demo_data: None, account: DemoAccount
) -> None:
    check = Checker(page, "en")
    crawl = staff_crawl(page, live_server.url, account, "en", set(), check)
    print(f"{account.role}: {len(crawl.visited)} staff route patterns: {sorted(crawl.visited)}")
    check.assert_none()
    assert len(crawl.visited) >= MINIMUM_STAFF_PATTERNS[Role(account.role)], sorted(crawl.visited)


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != settings.LANGUAGE_CODE])
def test_every_staff_page_in_each_other_language(
    page: Page, live_server: LiveServer, demo_data: None, language: str
) -> None:
    check = Checker(page, language)
    checked: set[str] = set()  # shared by the roles: each pattern once, as the first role to reach it
    for account in ROLE_ACCOUNTS:
        staff_crawl(page, live_server.url, account, language, checked, check)
    print(f"{language}: {len(checked)} staff route patterns")
    check.assert_none()
    assert len(checked) >= MINIMUM_STAFF_PATTERNS_IN_ALL, sorted(checked)
