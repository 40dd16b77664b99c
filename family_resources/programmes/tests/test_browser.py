"""Group programmes in a real browser, each page checked with axe-core: enrolling from the plan, the programme
page with its waiting list, and taking a register as a facilitator would on a tablet."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.core.tests.browser import accessibility_problems, sign_in
from family_resources.programmes.models import Attendance, Enrolment, EnrolmentStatus
from family_resources.programmes.services.enrolments import enrolment_request
from family_resources.programmes.tests.factories import family_on_case, family_with_plan, move_into_past, open_programme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TABLET: ViewportSize = {"width": 810, "height": 1080}


def test_enrol_from_the_plan_see_the_waiting_list_and_take_a_register(page: Page, live_server: LiveServer) -> None:
    base = live_server.url
    reports: list[str] = []
    episode, practitioner, action, parent = family_with_plan()
    programme = open_programme(intervention=action.intervention, capacity=2, name="Whole-family group, London Road")
    for _ in range(2):
        other_episode, other_parent = family_on_case()
        enrolment_request(programme=programme, episode=other_episode, person=other_parent, by=practitioner)

    # The practitioner enrols the family from the plan action: the group is full, so they join the waiting list.
    sign_in(page, base, practitioner)
    page.goto(f"{base}{reverse('programmes:enrol', args=[episode.pk])}?action={action.pk}")
    page.get_by_role("button", name="Ask for a place").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    reports += accessibility_problems(page, seen_as="practitioner, enrolling with errors")
    page.get_by_label(re.compile("Whole-family group")).check()
    page.get_by_label(re.compile(str(parent))).check()
    page.get_by_role("button", name="Ask for a place").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("number 1 on the waiting list")
    reports += accessibility_problems(page, seen_as="practitioner, on the enrolment")

    # The facilitator sees everyone on the programme page, then takes the first register on a tablet.
    facilitator = programme.facilitators.get()
    move_into_past(programme, weeks_ago=1)
    sign_in(page, base, facilitator)
    page.set_viewport_size(TABLET)
    page.goto(f"{base}{reverse('programmes:detail', args=[programme.pk])}")
    expect(page.locator("h1")).to_have_text(programme.name)
    expect(page.get_by_role("table", name="Waiting list")).to_contain_text(str(parent))
    reports += accessibility_problems(page, seen_as="facilitator, on the programme page")

    page.get_by_role("link", name="Take the register for session 1").click()
    page.get_by_role("button", name="Save the register").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page, seen_as="facilitator, on a register with errors")
    for fieldset in page.locator("fieldset").all():
        fieldset.get_by_label("Attended", exact=True).check()
    page.get_by_role("button", name="Save the register").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Register saved for session 1")

    assert Attendance.objects.filter(mark=Attendance.Mark.ATTENDED).count() == 2
    assert Enrolment.objects.get(person=parent).status == EnrolmentStatus.WAITING
    assert len(reports) == 0, "\n\n".join(reports)


def test_the_contact_booking_and_programme_set_up_pages(page: Page, live_server: LiveServer) -> None:
    base = live_server.url
    reports: list[str] = []
    episode, _parent = family_on_case()
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])

    sign_in(page, base, practitioner)
    page.goto(f"{base}{reverse('programmes:contact_book', args=[episode.pk])}")
    page.get_by_role("button", name="Book the contact").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page, seen_as="practitioner, booking contact")

    sign_in(page, base, staff(Role.SERVICE_MANAGER))
    page.goto(f"{base}{reverse('programmes:create')}")
    page.get_by_role("button", name="Set up the programme").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page, seen_as="service manager, setting up a programme")
    page.goto(f"{base}{reverse('programmes:list')}")
    reports += accessibility_problems(page, seen_as="service manager, on the list")

    assert len(reports) == 0, "\n\n".join(reports)
