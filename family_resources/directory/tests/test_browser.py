"""The public directory in a real browser: 'my service has stopped' for Stay and Play at Dallow, the search,
a service page and the organisations' pages, each checked with axe-core."""

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.catalogue.models import CeasedService
from family_resources.core.tests.browser import accessibility_problems, sign_in
from family_resources.directory.models import Organisation
from family_resources.directory.tests.factories import ServiceFactory, VettedOrganisationFactory, runs_on
from family_resources.places.models import ClosedSite, Neighbourhood
from family_resources.resources.models import Article, ArticleStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def directory_reference_data(transactional_db: None) -> None:
    """This app's reference data, which conftest's reload does not (yet) include."""
    from importlib import import_module

    from django.apps import apps

    import_module("family_resources.directory.migrations.0004_needs_taxonomy").load(apps, None)
    import_module("family_resources.resources.migrations.0003_topics").load(apps, None)


def test_a_parent_finds_what_replaces_stay_and_play_at_dallow(
    page: Page, live_server: LiveServer, directory_reference_data: None
) -> None:
    stay_and_play = CeasedService.objects.get(slug="stay-and-play")
    west = Neighbourhood.objects.get(slug="west")
    group = ServiceFactory.create(
        name="Dallow toddlers' stay and play",
        neighbourhood=west,
        organisation=VettedOrganisationFactory.create(name="St Luke's Church"),
    )
    group.replaces.add(stay_and_play)
    group.replaces_sites.add(ClosedSite.objects.get(name="Dallow"))
    runs_on(group, 2)
    ServiceFactory.create(
        name="Health visiting clinic",
        neighbourhood=west,
        organisation=VettedOrganisationFactory.create(name="Luton 0-19 service", kind=Organisation.Kind.HEALTH),
    )
    article = Article.objects.create(
        slug="play-at-home",
        title="Play ideas at home",
        summary="Cheap games for under-fives.",
        body="b",
        status=ArticleStatus.PUBLISHED,
        published_at="2026-01-01T00:00Z",
    )
    article.ceased_services.add(stay_and_play)
    reports: list[str] = []

    page.goto(live_server.url + "/directory/")
    page.get_by_role("link", name=re.compile("children's centre service you used has stopped")).click()
    reports += accessibility_problems(page)
    page.get_by_role("button", name="Show what replaces it").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page)

    page.get_by_label("Which service did you use?").select_option(label="Stay and Play")
    page.get_by_label("Where did you go?").select_option(label="Dallow (Flying Start West Children's Centre)")
    page.get_by_role("button", name="Show what replaces it").click()

    expect(page.get_by_role("heading", level=2, name="Instead of Stay and Play at Dallow")).to_be_visible()
    expect(page.get_by_role("link", name="Dallow toddlers' stay and play")).to_be_visible()
    expect(page.get_by_role("link", name="Health visiting clinic")).to_be_visible()
    expect(page.get_by_role("link", name="Play ideas at home")).to_be_visible()
    reports += accessibility_problems(page)

    page.get_by_role("link", name="Dallow toddlers' stay and play").click()
    expect(page.locator("h1")).to_have_text("Dallow toddlers' stay and play")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Wednesday, 09:30 to 11:30")
    reports += accessibility_problems(page)

    assert reports == [], "\n\n".join(reports)


def test_the_search_and_the_organisations_pages_are_accessible(
    page: Page, live_server: LiveServer, directory_reference_data: None
) -> None:
    ServiceFactory.create(name="Toddler group", min_age=0, max_age=5)
    reports: list[str] = []

    page.goto(live_server.url + "/directory/")
    page.get_by_label("Your child's age").fill("3")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("link", name="Toddler group")).to_be_visible()
    reports += accessibility_problems(page)
    page.get_by_label("Your child's age").fill("seven")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page)

    page.goto(live_server.url + "/directory/list-your-organisation/")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page)

    page.goto(live_server.url + "/directory/organisation/sign-in/")
    reports += accessibility_problems(page)

    assert reports == [], "\n\n".join(reports)


def test_the_directory_officers_pages_are_accessible(
    page: Page, live_server: LiveServer, directory_reference_data: None
) -> None:

    from family_resources.directory.services import listing_request_submit
    from family_resources.directory.tests.factories import OrganisationFactory, directory_officer, vet

    officer = directory_officer()
    organisation = vet(OrganisationFactory.create(name="Play group"))
    ServiceFactory.create(organisation=organisation, name="Stay and play")
    OrganisationFactory.create(name="New group")
    change = listing_request_submit(
        organisation={
            "name": "Dallow Dads",
            "kind": "community",
            "description": "Saturday club.",
            "account_name": "Tom",
            "account_email": "tom@example.org",
        },
        services_summary="A Saturday club.",
    )
    sign_in(page, live_server.url, officer)
    reports: list[str] = []

    page.goto(live_server.url + "/staff/directory/")
    reports += accessibility_problems(page, seen_as="directory officer")
    page.get_by_role("link", name="Play group").first.click()
    expect(page.locator("h1")).to_have_text("Play group")
    reports += accessibility_problems(page, seen_as="directory officer")
    page.get_by_role("link", name=re.compile(r"Verify new evidence\s*: DBS checks")).click()
    page.get_by_role("button", name="Record as verified").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page, seen_as="directory officer, with errors")

    page.goto(live_server.url + f"/staff/directory/requests/{change.pk}/")
    reports += accessibility_problems(page, seen_as="directory officer")
    page.get_by_label("Approve: change the directory").check()
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Approved")

    assert reports == [], "\n\n".join(reports)
