"""Sessions: places counted under a lock, the waiting list, cancellation by link, reminders and attendance."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from family_resources.notifications.models import Message
from family_resources.outreach.models import RegistrationStatus
from family_resources.outreach.services import (
    attendance_record,
    event_reminders_send,
    event_update,
    registration_cancel,
    registration_create,
    registration_find,
)
from family_resources.outreach.tests.factories import MEETING_LINK, an_event

pytestmark = pytest.mark.django_db


def register(event, name="Amina Khan", email="amina@example.org", mobile="", language="en", **fields):
    return registration_create(
        event=event, name=name, email=email, mobile=mobile, access_needs="", language=language, **fields
    )


def cancel(token):
    registration = registration_find(token=token)
    assert registration is not None
    return registration_cancel(registration=registration)


def test_places_go_to_the_first_comers_and_then_the_waiting_list():
    event = an_event(capacity=2)
    first, _ = register(event, email="a@example.org")
    second, _ = register(event, email="b@example.org")
    third, _ = register(event, email="c@example.org")

    assert [first.status, second.status, third.status] == ["registered", "registered", "waiting"]
    assert Message.objects.filter(recipient="c@example.org", template="event_waiting_list").exists()


def test_a_full_session_can_refuse_instead_of_queueing():
    event = an_event(capacity=1)
    register(event)

    with pytest.raises(ValidationError) as error:
        register(event, email="late@example.org", waiting_list=False)

    assert "event" in error.value.message_dict


def test_the_confirmation_carries_the_meeting_link_and_an_unguessable_cancel_link():
    event = an_event()
    registration, token = register(event)

    message = Message.objects.get(template="event_registration_confirmed", recipient="amina@example.org")
    assert MEETING_LINK in message.body
    assert f"/events/cancel/{token}/" in message.body
    assert len(token) >= 40
    assert registration.token_hash != token
    assert registration_find(token=token) == registration
    assert registration_find(token="guess") is None


def test_cancelling_frees_the_place_for_the_first_person_waiting():
    event = an_event(capacity=1)
    first, token = register(event, email="a@example.org")
    waiting, _ = register(event, email="b@example.org")
    later, _ = register(event, email="c@example.org")

    cancel(token)

    first.refresh_from_db()
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert first.cancelled_at
    assert waiting.status == RegistrationStatus.REGISTERED
    assert later.status == RegistrationStatus.WAITING
    promoted = Message.objects.get(recipient="b@example.org", template="event_registration_confirmed")
    assert MEETING_LINK in promoted.body


def test_capacity_cannot_drop_below_places_taken_and_growing_it_moves_the_queue_up():
    event = an_event(capacity=1)
    register(event, email="a@example.org")
    waiting, _ = register(event, email="b@example.org")

    with pytest.raises(ValidationError):
        event_update(event=event, capacity=0)
    event_update(event=event, capacity=2)

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", ""), ("email", "not-an-email"), ("mobile", "12"), ("language", "fr")],
)
def test_bad_details_are_refused_with_the_field_named(field, value):
    event = an_event()
    details = {"name": "Amina", "email": "amina@example.org", "mobile": "", "language": "en"} | {field: value}

    with pytest.raises(ValidationError) as error:
        registration_create(event=event, access_needs="", **details)

    assert field in error.value.message_dict


def test_no_registration_for_a_session_that_has_started():
    event = an_event(days_ahead=-1)

    with pytest.raises(ValidationError):
        register(event)


def test_reminders_go_once_the_day_before_in_the_registrants_language():
    tomorrow = an_event(days_ahead=1)
    later = an_event(days_ahead=5)
    urdu, _ = register(tomorrow, email="ur@example.org", language="ur")
    by_text, _ = register(tomorrow, email="", mobile="07700 900456", language="pl")
    register(later, email="later@example.org")
    _cancelled, token = register(tomorrow, email="gone@example.org")
    cancel(token)
    now = tomorrow.starts_at - timedelta(days=1)  # any time on the day before

    first = event_reminders_send(now=now)
    second = event_reminders_send(now=now + timedelta(hours=2))

    assert {r.pk for r in first} == {urdu.pk, by_text.pk}
    assert second == []
    reminders = Message.objects.filter(template="event_reminder")
    assert reminders.count() == 2
    urdu_reminder = reminders.get(recipient="ur@example.org")
    assert urdu_reminder.language == "ur"
    assert "یاد دہانی" in urdu_reminder.subject
    assert MEETING_LINK in urdu_reminder.body
    assert reminders.get(recipient="07700 900456").language == "pl"


def test_attendance_marks_who_came_and_the_session_as_held():
    event = an_event(days_ahead=1)
    came, _ = register(event, email="a@example.org")
    missed, _ = register(event, email="b@example.org")
    event.starts_at = timezone.now() - timedelta(hours=2)
    event.ends_at = timezone.now() - timedelta(hours=1)
    event.save()

    assert attendance_record(event=event, attended_ids={came.pk, 999_999}) == 1

    came.refresh_from_db()
    missed.refresh_from_db()
    event.refresh_from_db()
    assert came.attended is True
    assert missed.attended is False
    assert event.status == "held"


def test_cancelling_a_session_tells_everyone_with_a_place_or_waiting_once_in_their_language():
    event = an_event(capacity=1)
    register(event, name="Amina Khan", email="amina@example.org", language="ur")
    register(event, name="Jan Nowak", email="jan@example.org", language="pl")
    _, token = register(event, name="Ana Silva", email="ana@example.org")
    cancel(token)  # Ana left the queue before the session was called off: she is not written to again.

    event_update(event=event, status=event.Status.CANCELLED)
    event_update(event=event, status=event.Status.CANCELLED, title="Evening session (cancelled)")

    told = Message.objects.filter(template="event_cancelled")
    assert sorted(told.values_list("recipient", "language")) == [("amina@example.org", "ur"), ("jan@example.org", "pl")]
    assert MEETING_LINK not in told.get(recipient="amina@example.org").body
    assert event.registrations.filter(status=RegistrationStatus.REGISTERED).count() == 1
    assert event_reminders_send(now=event.starts_at - timedelta(days=1)) == []
