"""An officer takes the oldest referral, screens it, decides level 2, and the family's pack goes out."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TEST_PASSWORD, staff
from family_resources.accounts.tests.mfa_helpers import sign_in_through_page
from family_resources.directory.models import Organisation, Service
from family_resources.families.tests.factories import ChildFactory, FamilyFactory, years_ago
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.places.models import Neighbourhood
from family_resources.resources.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def queue() -> tuple[str, str]:
    west = Neighbourhood.objects.get(slug="west")
    organisation = Organisation.objects.create(
        name="Leagrave Play Group", safeguarding_evidence_expires_on=timezone.localdate() + timedelta(days=90)
    )
    Service.objects.create(
        organisation=organisation, name="Toddler play mornings", description="Play for under-fives.",
        min_age=0, max_age=5, neighbourhood=west,
    )  # fmt: skip
    Article.objects.create(
        slug="sleep", title="Bedtime routines", summary="s", body="b", status="published", published_at=timezone.now()
    )
    families = []
    for days in (3, 1):
        family = FamilyFactory.create(neighbourhood=west, contact_email=f"family{days}@example.org")
        ChildFactory.create(family=family, date_of_birth=years_ago(3))
        referral = ReceivedReferralFactory.create(family=family, received_at=timezone.now() - timedelta(days=days))
        families.append(referral.reference)
    return families[0], families[1]


def test_an_officer_screens_the_oldest_referral_to_level_2_and_the_pack_is_in_the_outbox(
    page: Page, live_server: LiveServer, queue: tuple[str, str]
) -> None:
    oldest, newest = queue
    officer = staff(Role.FRONT_DOOR_OFFICER, email="officer@example.org")

    sign_in_through_page(page, live_server.url, officer, TEST_PASSWORD)

    rows = page.locator("table.govuk-table tbody tr")
    expect(rows.first).to_contain_text(oldest)
    expect(rows.nth(1)).to_contain_text(newest)
    rows.first.get_by_role("link", name=oldest).click()

    page.get_by_role("button", name="Screen and decide").click()
    expect(page.locator("h1")).to_have_text("Threshold decision")
    page.get_by_label("Parent asks for help with routines or boundaries").check()
    page.get_by_label("Level 2: Additional needs").check()
    page.get_by_role("group", name="Is a child at immediate risk of harm?").get_by_label("No").check()
    page.get_by_label("Why you made this decision").fill("Routines and sleep: help from community groups.")
    page.get_by_role("button", name="Record the decision").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("signposted to community support")
    expect(page.locator("main")).to_contain_text("Toddler play mornings")

    page.get_by_role("link", name="Messages sent").click()
    message_row = page.locator("table tbody tr", has_text="family3@example.org")
    expect(message_row).to_have_count(1)
    message_row.get_by_role("link").first.click()
    expect(page.locator("main")).to_contain_text("Toddler play mornings")
    expect(page.locator("main")).to_contain_text("Bedtime routines")
    expect(page).to_have_title(re.compile("Family Resources Service"))
