"""The public pages and journey, and who may open the staff pages."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditEvent
from family_resources.consultation.tests.factories import open_childrens_centres
from family_resources.notifications.models import Message
from family_resources.outreach.models import Registration, RegistrationStatus
from family_resources.outreach.services import registration_create
from family_resources.outreach.tests.factories import MEETING_LINK, an_event

pytestmark = pytest.mark.django_db
SLUG = "childrens-centres-redesign"


def register_url(event):
    return reverse("outreach:register", args=[SLUG, event.pk])


def test_the_public_pages_list_the_sessions_but_never_the_meeting_link(client: Client) -> None:
    event = an_event()

    listing = client.get(reverse("outreach:list", args=[SLUG]))
    page = client.get(reverse("outreach:event", args=[SLUG, event.pk]))

    assert event.title in listing.content.decode()
    assert page.status_code == 200
    for response in (listing, page):
        assert MEETING_LINK not in response.content.decode()


def test_the_consultation_page_links_to_its_sessions(client: Client) -> None:
    open_childrens_centres()

    page = client.get(reverse("consultation:home", args=[SLUG, "en"]))

    assert reverse("outreach:list", args=[SLUG]) in page.content.decode()


def test_registration_errors_keep_what_was_typed_and_link_the_summary_to_the_fields(client: Client) -> None:
    event = an_event()

    response = client.post(
        register_url(event),
        {"name": "Amina Khan", "email": "not an email", "mobile": "", "language": "ur", "access_needs": "BSL"},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error:" in html
    assert 'href="#id_email"' in html
    assert 'value="Amina Khan"' in html
    assert 'value="not an email"' in html
    assert "BSL</textarea>" in html
    assert 'value="ur" checked' in html
    assert not Registration.objects.exists()


def test_registering_shows_the_confirmation_and_a_full_session_says_so(client: Client) -> None:
    event = an_event(capacity=1)
    details = {"name": "Amina", "email": "a@example.org", "mobile": "", "language": "en", "access_needs": ""}

    response = client.post(register_url(event), details, follow=True)
    assert "You are registered" in response.content.decode()

    page = client.get(reverse("outreach:event", args=[SLUG, event.pk]))
    assert 'data-testid="full"' in page.content.decode()
    response = Client().post(register_url(event), details | {"email": "b@example.org"}, follow=True)
    assert "You are on the waiting list" in response.content.decode()


def test_the_cancel_link_cancels_without_signing_in(client: Client) -> None:
    event = an_event()
    registration, token = registration_create(
        event=event, name="A", email="a@example.org", mobile="", access_needs="", language="en"
    )
    url = reverse("outreach:cancel", args=[token])

    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert client.get(reverse("outreach:cancel", args=["made-up"])).status_code == 404


STAFF_PAGES = [
    "outreach_staff:events",
    "outreach_staff:event_create",
    "outreach_staff:notices",
    "outreach_staff:notice_create",
]


@pytest.mark.parametrize("name", STAFF_PAGES)
@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SERVICE_MANAGER, Role.ADMINISTRATOR, Role.DIRECTORY_OFFICER])
def test_only_consultation_officers_open_the_staff_pages(signed_in_client, name, role):
    assert signed_in_client(staff(role)).get(reverse(name)).status_code == 403
    assert signed_in_client(staff(Role.CONSULTATION_OFFICER)).get(reverse(name)).status_code == 200


def test_reading_the_registrations_is_audited(signed_in_client):
    event = an_event()
    registration, _ = registration_create(
        event=event, name="A", email="a@example.org", mobile="", access_needs="Wheelchair", language="en"
    )
    officer = staff(Role.CONSULTATION_OFFICER)

    response = signed_in_client(officer).get(reverse("outreach_staff:event_detail", args=[event.pk]))

    assert "Wheelchair" in response.content.decode()
    assert AuditEvent.objects.filter(
        action="view", actor=officer, object_type="outreach.registration", object_id=str(registration.pk)
    ).exists()


def test_staff_create_an_event_record_notes_and_attendance(signed_in_client):
    officer = staff(Role.CONSULTATION_OFFICER)
    client = signed_in_client(officer)
    consultation = open_childrens_centres()
    bad = client.post(reverse("outreach_staff:event_create"), {"consultation": consultation.pk, "title": "Morning"})
    assert bad.status_code == 400
    assert 'value="Morning"' in bad.content.decode()

    event = an_event()
    registration, _ = registration_create(
        event=event, name="A", email="a@example.org", mobile="", access_needs="", language="en"
    )
    client.post(reverse("outreach_staff:event_notes", args=[event.pk]), {"notes": "Parents worried about travel."})
    client.post(reverse("outreach_staff:attendance", args=[event.pk]), {"attended": [str(registration.pk)]})

    event.refresh_from_db()
    registration.refresh_from_db()
    assert event.notes == "Parents worried about travel."
    assert event.notes_recorded_by == officer
    assert registration.attended is True


def test_staff_who_cancel_a_session_see_that_its_registrants_have_been_told(signed_in_client):
    client = signed_in_client(staff(Role.CONSULTATION_OFFICER))
    event = an_event()
    registration_create(event=event, name="A", email="a@example.org", mobile="", access_needs="", language="en")
    local = "%Y-%m-%dT%H:%M"
    form = {
        "title": event.title,
        "description": event.description,
        "meeting_link": event.meeting_link,
        "place": "",
        "starts_at": timezone.localtime(event.starts_at).strftime(local),
        "ends_at": timezone.localtime(event.ends_at).strftime(local),
        "language": "en",
        "capacity": str(event.capacity),
        "status": "cancelled",
    }

    response = client.post(reverse("outreach_staff:event_edit", args=[event.pk]), form, follow=True)

    assert "Everyone with a place or waiting has been told" in response.content.decode()
    assert Message.objects.filter(template="event_cancelled", recipient="a@example.org").count() == 1
