"""Closing a place for a day, rebooking what it cancelled, the day-before reminder, and the chronology."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.chronology import EntryKind, RecordRef, family_chronology
from family_resources.notifications.models import Message
from family_resources.places.models import Place, PlaceClosure, Room
from family_resources.scheduling import selectors
from family_resources.scheduling.models import AppointmentStatus, CancelReason, Where
from family_resources.scheduling.services import (
    appointment_cancel,
    appointment_reminders_send,
    appointment_reschedule,
    place_close,
)
from family_resources.scheduling.tests.factories import at, book, booked_episode, family_room, leagrave, monday

pytestmark = pytest.mark.django_db

MONDAY = monday()
SUNDAY_EVENING = at(MONDAY - timedelta(days=1), 18)


def test_closing_a_place_cancels_that_days_appointments_there_and_lists_them_to_rebook():
    episode, practitioner = booked_episode()
    manager = staff(Role.TEAM_MANAGER, teams=[episode.team])
    that_day = book(episode, practitioner, starts_at=at(MONDAY, 10), room=family_room())
    at_home = book(episode, practitioner, starts_at=at(MONDAY, 14))
    next_day = book(episode, practitioner, starts_at=at(MONDAY + timedelta(days=1), 10), room=family_room())
    elsewhere = book(
        episode,
        practitioner,
        starts_at=at(MONDAY, 16),
        room=Room.objects.get(place__slug="manor-contact-centre", name="Family room"),
    )

    cancelled = place_close(
        place=leagrave(), day=MONDAY, reason=PlaceClosure.Reason.BUILDING, detail="No heating", recorded_by=manager
    )

    assert cancelled == [that_day]
    that_day.refresh_from_db()
    assert (that_day.status, that_day.cancel_reason) == (AppointmentStatus.CANCELLED, CancelReason.PLACE_CLOSED)
    assert not that_day.holds.exists()
    for untouched in (at_home, next_day, elsewhere):
        untouched.refresh_from_db()
        assert untouched.status == AppointmentStatus.BOOKED
    assert Message.objects.filter(template="appointment_cancelled").count() == 1
    assert selectors.to_rebook(user=manager) == [that_day]
    assert selectors.to_rebook(user=staff(Role.PRACTITIONER)) == []  # another team's
    assert selectors.to_rebook(user=staff(Role.SERVICE_MANAGER)) == [that_day]


def test_rebooking_takes_an_appointment_off_the_list():
    episode, practitioner = booked_episode()
    cancelled = book(episode, practitioner, starts_at=at(MONDAY, 10), room=family_room())
    place_close(place=leagrave(), day=MONDAY, reason=PlaceClosure.Reason.STAFF, recorded_by=practitioner)

    new = appointment_reschedule(
        appointment=cancelled,
        practitioner=practitioner,
        where=Where.HOME,
        room=None,
        starts_at=at(MONDAY, 10),
        minutes=60,
        changed_by=practitioner,
    )

    assert new.rescheduled_from == cancelled
    assert selectors.to_rebook(user=practitioner) == []
    with pytest.raises(ValidationError, match="Only a booked appointment"):
        appointment_reschedule(
            appointment=cancelled,
            practitioner=practitioner,
            where=Where.HOME,
            room=None,
            starts_at=at(MONDAY, 14),
            minutes=60,
            changed_by=practitioner,
        )


def test_a_place_is_closed_once_a_day_and_not_in_the_past():
    manager = staff(Role.SERVICE_MANAGER)
    place = Place.objects.get(slug="leagrave-hub")
    place_close(place=place, day=MONDAY, reason=PlaceClosure.Reason.HOLIDAY, recorded_by=manager)

    with pytest.raises(ValidationError, match="already closed"):
        place_close(place=place, day=MONDAY, reason=PlaceClosure.Reason.HOLIDAY, recorded_by=manager)
    with pytest.raises(ValidationError, match="today or in the future"):
        place_close(
            place=place, day=MONDAY - timedelta(days=30), reason="holiday", recorded_by=manager, now=at(MONDAY, 9)
        )
    with pytest.raises(ValidationError, match="Say why"):
        place_close(place=place, day=MONDAY + timedelta(days=1), reason="other", recorded_by=manager)


def test_the_reminder_goes_the_day_before_once_however_often_the_command_runs():
    episode, practitioner = booked_episode()
    tomorrow = book(episode, practitioner, starts_at=at(MONDAY, 10))
    later = book(episode, practitioner, starts_at=at(MONDAY + timedelta(days=1), 10))
    cancelled = book(episode, practitioner, starts_at=at(MONDAY, 15))
    appointment_cancel(appointment=cancelled, reason=CancelReason.FAMILY_CANCELLED, cancelled_by=practitioner)

    first = appointment_reminders_send(now=SUNDAY_EVENING)
    again = appointment_reminders_send(now=SUNDAY_EVENING + timedelta(hours=1))

    assert first == [tomorrow]
    assert again == []
    reminders = Message.objects.filter(template="appointment_reminder")
    assert [m.regarding_id for m in reminders] == [str(tomorrow.pk)]
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at == SUNDAY_EVENING
    later.refresh_from_db()
    assert later.reminder_sent_at is None


def test_the_reminder_command_reports_what_it_sent():
    out = StringIO()

    call_command("send_appointment_reminders", stdout=out)

    assert out.getvalue().strip() == "reminded 0"


def test_messages_are_in_the_family_language_where_there_is_a_translation():
    polish, practitioner = booked_episode(preferred_language="pl", contact_email="rodzina@example.org")
    urdu, urdu_practitioner = booked_episode(preferred_language="ur", contact_email="family@example.org")

    book(polish, practitioner, starts_at=at(MONDAY, 10))
    book(urdu, urdu_practitioner, starts_at=at(MONDAY, 10))
    appointment_reminders_send(now=SUNDAY_EVENING)

    languages = dict(Message.objects.filter(template="appointment_reminder").values_list("recipient", "language"))
    polish_reminder = Message.objects.get(template="appointment_reminder", language="pl")
    assert languages == {"rodzina@example.org": "pl", "family@example.org": "ur"}
    assert "w Twoim domu" in polish_reminder.body
    assert "Poniedziałek" in polish_reminder.body  # Monday


def test_appointments_are_on_the_family_chronology_without_the_address():
    episode, practitioner = booked_episode(address_line="12 Secret Street", postcode="LU2 9ZZ", address_hidden=True)
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10), purpose="Bedtime routines")
    appointment_cancel(
        appointment=appointment, reason=CancelReason.OTHER, detail="Child unwell", cancelled_by=practitioner
    )

    entries = family_chronology(family=episode.family, user=practitioner, kinds=[EntryKind.APPOINTMENT])

    assert [entry.title for entry in entries] == ["Home visit: cancelled"]
    assert "Bedtime routines" in entries[0].detail
    assert "Child unwell" in entries[0].detail
    assert "Secret" not in entries[0].detail
    assert entries[0].record == RecordRef.of(appointment)
