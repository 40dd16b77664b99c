"""The family portal in a real browser, each page checked with axe-core: a parent signs in with a code, sees
their plan and next appointment, asks to move it, books a group place and sends a message; the practitioner
then sees the request and the message on the case."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.core.tests.browser import accessibility_problems
from family_resources.portal.models import PortalMessage, PortalRequest, RequestKind
from family_resources.portal.tests.factories import last_code, portal_family, staff_client
from family_resources.programmes.models import Enrolment, EnrolmentStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_parent_signs_in_moves_an_appointment_books_a_group_and_messages_the_team(
    page: Page, live_server: LiveServer
) -> None:
    base = live_server.url
    reports: list[str] = []
    ours = portal_family(email="parent@example.org")

    # Sign in with a code: no password.
    page.goto(f"{base}{reverse('portal:sign_in')}")
    reports += accessibility_problems(page, seen_as="parent, signing in")
    page.get_by_role("button", name="Send me a code").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page, seen_as="parent, sign-in with errors")
    page.get_by_label("Email address or mobile phone number").fill("parent@example.org")
    page.get_by_role("button", name="Send me a code").click()
    expect(page.locator("h1")).to_have_text("Enter your code")
    reports += accessibility_problems(page, seen_as="parent, entering the code")
    page.get_by_label("Code").fill(last_code("parent@example.org"))
    page.get_by_role("button", name="Sign in").click()

    # Their plan and next appointment.
    expect(page.locator("h1")).to_have_text("Your family's support")
    expect(page.get_by_role("heading", name="Calmer bedtimes")).to_be_visible()
    expect(page.get_by_text(ours.practitioner.full_name).first).to_be_visible()
    calendar = page.get_by_role("link", name=re.compile("Add the appointment on .* to your calendar"))
    expect(calendar).to_have_attribute("href", re.compile(r"/my-family/appointments/.+/calendar\.ics$"))
    reports += accessibility_problems(page, seen_as="parent, on the family page")

    # Ask to move it.
    page.get_by_role("link", name=re.compile("Move or cancel the appointment on")).click()
    reports += accessibility_problems(page, seen_as="parent, moving an appointment")
    page.get_by_label("Move it to another day or time").check()
    page.get_by_role("button", name="Ask for the change").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    reports += accessibility_problems(page, seen_as="parent, moving an appointment with errors")
    page.get_by_label("Which days and times suit you?").fill("Any afternoon after school pick-up")
    page.get_by_role("button", name="Ask for the change").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("asked your support worker to move")

    # Book a group place.
    page.get_by_role("link", name="Book a place on Incredible Years, London Road").click()
    reports += accessibility_problems(page, seen_as="parent, booking a group")
    page.get_by_label(str(ours.parent)).check()
    page.get_by_role("button", name="Book a place").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have a place on Incredible Years")

    # Send a message.
    page.get_by_role("link", name="Send a message to your team").click()
    page.get_by_label("Your message").fill("Could we talk about nursery places?")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your message has been sent")
    reports += accessibility_problems(page, seen_as="parent, back on the family page")

    assert PortalRequest.objects.get().kind == RequestKind.REARRANGE
    assert Enrolment.objects.get(person=ours.parent).status == EnrolmentStatus.ENROLLED
    assert PortalMessage.objects.get().episode == ours.episode

    # The practitioner sees the request and the message on the case.
    page.context.clear_cookies()
    cookie = staff_client(ours.practitioner).cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base}])
    page.goto(f"{base}{reverse('casework:episode', args=[ours.episode.pk])}")
    panel = page.get_by_role("table", name="Waiting for you to confirm")
    expect(panel).to_contain_text("Move an appointment")
    expect(panel).to_contain_text("Any afternoon after school pick-up")
    expect(page.get_by_role("table", name="Messages from the family")).to_contain_text(
        "Could we talk about nursery places?"
    )
    reports += accessibility_problems(page, seen_as="practitioner, on the case page")
    panel.get_by_role("link", name=re.compile("^Open")).click()
    expect(page.locator("h1")).to_have_text("Move an appointment")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Any afternoon after school pick-up")
    expect(page.get_by_label("New start time")).to_be_visible()
    reports += accessibility_problems(page, seen_as="practitioner, answering the request")

    assert len(reports) == 0, "\n\n".join(reports)
