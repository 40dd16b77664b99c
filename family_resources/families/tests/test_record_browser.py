"""In a real browser: a practitioner reads the record, adds a person (first with errors) and prints a letter.

Each page is checked with axe-core against WCAG 2.2 AA and for the structure every page has,
as in core/tests/browser.py.
"""

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.core.tests.browser import accessibility_problems, sign_in
from family_resources.families.models import AgencyType, Family
from family_resources.families.tests.factories import (
    ChildFactory,
    ConsentFactory,
    HiddenAddressFamilyFactory,
    ParentLivingElsewhereFactory,
    ProfessionalFactory,
    UnbornChildFactory,
    years_ago,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def case() -> tuple[Family, User]:
    family = HiddenAddressFamilyFactory.create(family_name="Popescu")
    episode = OpenEpisodeFactory.create(referral__family=family)
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team], full_name="Alex Lead")
    ChildFactory.create(family=family, given_name="Luca", date_of_birth=years_ago(5), main_language="Romanian")
    UnbornChildFactory.create(family=family)
    ParentLivingElsewhereFactory.create(family=family, given_name="Mihai", address_hidden=True)
    ProfessionalFactory.create(family=family, name="Jo Reed", agency_type=AgencyType.HEALTH_VISITOR)
    ConsentFactory.create(family=family, agencies=[AgencyType.HEALTH_VISITOR])
    return family, practitioner


def test_the_record_adding_a_person_and_a_letter_are_accessible(
    page: Page, live_server: LiveServer, case: tuple[Family, User]
) -> None:
    family, practitioner = case
    sign_in(page, live_server.url, practitioner)
    problems: list[str] = []

    page.goto(f"{live_server.url}/staff/families/{family.reference}/")
    expect(page.locator("h1")).to_have_text("Popescu family")
    expect(page.locator("main")).to_contain_text("12 Secret Street")
    problems += accessibility_problems(page)

    page.get_by_role("link", name="Add someone to the family").click()
    page.get_by_label("Adult").check()
    page.get_by_label("Date of birth").fill("2099-01-01")
    page.get_by_role("button", name="Add the person").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter their first name")
    problems += accessibility_problems(page)

    page.get_by_label("First name").fill("Ana")
    page.get_by_label("Date of birth").fill("1990-05-01")
    page.get_by_label("Main language").fill("Romanian")
    page.get_by_role("button", name="Add the person").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Ana")

    page.get_by_role("link", name="Write a letter to Jo Reed").click()
    page.get_by_label("What you want to tell them").fill("Luca is starting nursery; we would like to meet you.")
    page.get_by_role("button", name="Write the letter").click()
    expect(page.locator("h1")).to_have_text("Re: the Popescu family")
    expect(page.locator("main")).to_contain_text("Luca Popescu")
    expect(page.locator("main")).not_to_contain_text("Secret")
    problems += accessibility_problems(page)

    assert problems == [], "\n".join(problems)
