"""Booking a home visit from a support plan action in a real browser, on a tablet, and finding it in the diary.

Each page on the way is checked with axe-core (core's accessibility helper).
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import PlanAction
from family_resources.casework.tests.factories_plans import agreed_plan
from family_resources.core.tests.browser import accessibility_problems, sign_in
from family_resources.scheduling.models import Appointment, Where
from family_resources.scheduling.tests.factories import at, book, booked_episode, family_room, leagrave, monday

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TABLET: ViewportSize = {"width": 810, "height": 1080}


def test_a_home_visit_booked_from_a_plan_action_is_in_the_practitioner_diary(
    page: Page, live_server: LiveServer
) -> None:
    base = live_server.url
    reports: list[str] = []
    episode, practitioner = booked_episode()
    plan = agreed_plan(episode, practitioner)
    action = PlanAction.objects.get(outcome__plan=plan, delivery="home")
    family = episode.family.family_name
    day = monday()
    page.set_viewport_size(TABLET)

    # From the family's appointments, the practitioner books for the plan's home visit action.
    sign_in(page, base, practitioner)
    page.goto(base + reverse("scheduling:episode_appointments", args=[episode.pk]))
    reports += accessibility_problems(page, seen_as="practitioner, the family's appointments")
    page.get_by_role("link", name=f"Book an appointment for {action.intervention.name}").click()

    # The page is filled in from the action: a home visit, for its intervention, with the practitioner.
    expect(page.get_by_label("At the family's home")).to_be_checked()
    expect(page.get_by_label("What is it for?")).to_have_value(action.intervention.name)
    expect(page.get_by_role("group", name="Who will see them?").get_by_label(practitioner.full_name)).to_be_checked()

    # Asking to book without choosing a time is explained in the error summary.
    page.get_by_label("Look for times from").fill(day.isoformat())
    page.get_by_role("button", name="Find free times").click()
    page.get_by_role("button", name="Book the appointment").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a time")
    expect(page).to_have_title(re.compile(r"^Error: "))
    reports += accessibility_problems(page, seen_as="practitioner, booking with an error")

    times = page.get_by_role("group", name="Choose a time")
    first = times.get_by_role("radio").first
    chosen = times.locator("label").first.inner_text()
    assert chosen.startswith(f"Monday {day.day} ")
    first.check()
    page.get_by_role("button", name="Book the appointment").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Appointment booked")
    reports += accessibility_problems(page, seen_as="practitioner, the appointment")
    appointment = Appointment.objects.get()
    assert (appointment.where, appointment.plan_action_id) == (Where.HOME, action.pk)

    # The visit is in the practitioner's diary for that day, reached from the service navigation.
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Diary").click()
    expect(page.locator("h1")).to_have_text("Your diary")
    page.goto(base + reverse("scheduling:diary") + f"?day={day.isoformat()}")
    row = page.get_by_role("row", name=re.compile(f"{family} family"))
    expect(row).to_contain_text("Home visit")
    expect(row).to_contain_text(action.intervention.name)
    reports += accessibility_problems(page, seen_as="practitioner, the diary by day")
    page.get_by_role("link", name="Show the whole week").click()
    expect(page.get_by_role("row", name=re.compile(f"{family} family"))).to_be_visible()
    reports += accessibility_problems(page, seen_as="practitioner, the diary by week")

    assert len(reports) == 0, "\n\n".join(reports)


def test_the_room_diary_closure_and_rebooking_pages_are_accessible(page: Page, live_server: LiveServer) -> None:
    base = live_server.url
    reports: list[str] = []
    episode, practitioner = booked_episode()
    day = monday()
    book(episode, practitioner, starts_at=at(day, 10), room=family_room())
    manager = staff(Role.TEAM_MANAGER, teams=[episode.team])
    page.set_viewport_size(TABLET)

    sign_in(page, base, manager)
    page.goto(base + reverse("scheduling:room_diary", args=[leagrave().slug]) + f"?day={day.isoformat()}")
    expect(page.get_by_role("table", name=re.compile("Family room"))).to_contain_text(f"{episode.family.family_name}")
    reports += accessibility_problems(page, seen_as="team manager, the room diary")
    page.get_by_role("link", name="Close this place for a day").click()
    page.get_by_role("button", name="Close the building that day").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date the building is closed")
    reports += accessibility_problems(page, seen_as="team manager, closing with errors")
    page.get_by_label("Date the building is closed").fill(day.isoformat())
    page.get_by_label("Building problem").check()
    page.get_by_role("button", name="Close the building that day").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("1 appointment was cancelled")
    reports += accessibility_problems(page, seen_as="team manager, appointments to rebook")
    page.get_by_role("link", name=re.compile("Rebook")).click()
    expect(page.get_by_role("button", name="Move the appointment to this time")).to_be_visible()
    reports += accessibility_problems(page, seen_as="team manager, rebooking")

    assert len(reports) == 0, "\n\n".join(reports)
