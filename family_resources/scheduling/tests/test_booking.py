"""Booking, moving, cancelling and marking one-to-one appointments, and the rules each must keep."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.models import ClosureReason, PlanAction
from family_resources.casework.services import episode_close
from family_resources.casework.tests.factories_plans import agreed_plan
from family_resources.families.tests.factories import AdultFactory, ChildFactory, UnbornChildFactory
from family_resources.notifications.models import Message
from family_resources.places.models import Place, Room
from family_resources.scheduling.models import Appointment, AppointmentStatus, CancelReason, SlotHold, Where
from family_resources.scheduling.services import (
    NO_LONGER_FREE,
    appointment_cancel,
    appointment_mark,
    appointment_reschedule,
    slots_hold,
    slots_release,
)
from family_resources.scheduling.tests.factories import (
    at,
    book,
    booked_episode,
    family_room,
    leagrave,
    monday,
    parent_of,
)

pytestmark = pytest.mark.django_db

MONDAY = monday()


def test_a_home_visit_for_a_plan_action_holds_its_quarter_hours_and_confirms_to_the_family():
    episode, practitioner = booked_episode()
    plan = agreed_plan(episode, practitioner)
    action = PlanAction.objects.get(outcome__plan=plan, delivery="home")

    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10), minutes=90, plan_action=action)

    assert appointment.where == Where.HOME
    assert appointment.ends_at == at(MONDAY, 11, 30)
    assert appointment.plan_action == action
    holds = SlotHold.objects.filter(appointment=appointment)
    assert holds.count() == 6
    assert {(h.practitioner_id, h.person_id, h.room_id) for h in holds} == {
        (practitioner.pk, appointment.person_id, None)
    }
    message = Message.objects.get(template="appointment_booked")
    assert message.recipient == "parent@example.org"
    assert (message.regarding_type, message.regarding_id) == ("scheduling.appointment", str(appointment.pk))
    assert "at your home" in message.body
    assert appointment.confirmation_sent_at is not None
    assert AuditEvent.objects.filter(object_type="scheduling.appointment", action=AuditAction.CREATE).exists()


def test_the_family_is_told_by_text_when_that_is_their_channel():
    episode, practitioner = booked_episode(contact_channel="sms", contact_phone="07700 900123")

    book(episode, practitioner, starts_at=at(MONDAY, 10))

    assert Message.objects.get(template="appointment_booked").channel == "sms"


def test_a_family_with_no_contact_details_gets_no_message_and_the_booking_says_so():
    episode, practitioner = booked_episode(contact_email="")

    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))

    assert not Message.objects.exists()
    assert appointment.confirmation_sent_at is None


def test_a_confirmation_never_carries_a_hidden_address():
    episode, practitioner = booked_episode(address_line="12 Secret Street", postcode="LU2 9ZZ", address_hidden=True)

    book(episode, practitioner, starts_at=at(MONDAY, 10))

    body = Message.objects.get(template="appointment_booked").body
    assert "Secret" not in body
    assert "LU2 9ZZ" not in body


def test_an_appointment_at_a_hub_is_in_a_room_that_holds_everyone_during_opening_hours():
    episode, practitioner = booked_episode()
    room = family_room()

    appointment = book(episode, practitioner, starts_at=at(MONDAY, 16), minutes=60, room=room, people_expected=6)

    assert appointment.room == room
    assert Message.objects.get(template="appointment_booked").body.count(leagrave().name) == 1
    with pytest.raises(ValidationError, match="holds 6 people"):
        book(episode, practitioner, starts_at=at(MONDAY, 9), room=room, people_expected=7)


@pytest.mark.parametrize(
    ("hour", "minute", "minutes", "problem"),
    [
        (8, 45, 60, "open from 09:00 to 17:00"),  # starts before opening
        (16, 15, 60, "open from 09:00 to 17:00"),  # ends after closing
        (10, 10, 60, "15, 30 or 45 minutes past"),  # off the grid
        (10, 0, 50, "quarter hours"),  # a length off the grid
        (10, 0, 300, "quarter hours"),  # longer than four hours
    ],
)
def test_a_hub_appointment_must_fit_the_grid_and_the_opening_hours(hour, minute, minutes, problem):
    episode, practitioner = booked_episode()

    with pytest.raises(ValidationError, match=problem):
        book(episode, practitioner, starts_at=at(MONDAY, hour, minute), minutes=minutes, room=family_room())


def test_no_hub_appointment_at_the_weekend_or_on_a_day_the_place_is_closed():
    episode, practitioner = booked_episode()
    manager = staff(Role.SERVICE_MANAGER)
    from family_resources.scheduling.services import place_close

    place_close(place=leagrave(), day=MONDAY, reason="building", recorded_by=manager)

    with pytest.raises(ValidationError, match="closed on Saturdays"):
        book(episode, practitioner, starts_at=at(MONDAY - timedelta(days=2), 10), room=family_room())
    with pytest.raises(ValidationError, match="is closed on"):
        book(episode, practitioner, starts_at=at(MONDAY, 10), room=family_room())


@pytest.mark.parametrize(("hour", "minute", "allowed"), [(7, 45, False), (8, 0, True), (19, 0, True), (19, 15, False)])
def test_home_visits_are_between_eight_and_eight(hour, minute, allowed, settings):
    settings.SCHEDULING_HOME_VISITS_FROM, settings.SCHEDULING_HOME_VISITS_UNTIL = "08:00", "20:00"
    episode, practitioner = booked_episode()

    if allowed:
        assert book(episode, practitioner, starts_at=at(MONDAY, hour, minute)).pk
    else:
        with pytest.raises(ValidationError, match="between 08:00 and 20:00"):
            book(episode, practitioner, starts_at=at(MONDAY, hour, minute))


def test_an_appointment_must_be_in_the_future():
    episode, practitioner = booked_episode()

    with pytest.raises(ValidationError, match="must be in the future"):
        book(episode, practitioner, starts_at=at(MONDAY, 10), now=at(MONDAY, 10))


def test_the_practitioner_must_be_in_the_family_team_and_the_person_in_the_family():
    episode, practitioner = booked_episode()
    outsider = staff(Role.PRACTITIONER, teams=[TeamFactory.create()])
    stranger = AdultFactory.create()
    unborn = UnbornChildFactory.create(family=episode.family)

    with pytest.raises(ValidationError) as refused:
        book(episode, outsider, starts_at=at(MONDAY, 10), person=stranger, booked_by=practitioner)
    assert set(refused.value.message_dict) == {"practitioner", "person"}
    with pytest.raises(ValidationError, match="unborn child"):
        book(episode, practitioner, starts_at=at(MONDAY, 10), person=unborn)


def test_nothing_is_booked_once_the_family_support_has_ended():
    episode, practitioner = booked_episode()
    episode_close(
        episode=episode, reason=ClosureReason.OUTCOMES_MET, closed_on=timezone.localdate(), closed_by=practitioner
    )

    with pytest.raises(ValidationError, match="support has ended"):
        book(episode, practitioner, starts_at=at(MONDAY, 10))


# --- no double booking ---


def test_a_practitioner_a_room_and_a_family_member_are_never_booked_twice():
    episode, practitioner = booked_episode()
    other_episode, colleague = booked_episode()
    colleague.memberships.get_or_create(team=episode.team)
    book(episode, practitioner, starts_at=at(MONDAY, 10), room=family_room())

    with pytest.raises(ValidationError, match="already has an appointment then"):
        book(
            other_episode,
            practitioner,
            starts_at=at(MONDAY, 10, 30),
            room=Room.objects.get(place=leagrave(), name="Group room"),
        )
    with pytest.raises(ValidationError, match="Family room, Leagrave area hub is already booked"):
        book(other_episode, colleague, starts_at=at(MONDAY, 10, 45), room=family_room())
    with pytest.raises(ValidationError, match="already has an appointment then"):
        book(
            episode, colleague, starts_at=at(MONDAY, 10, 45), room=Room.objects.get(place=leagrave(), name="Group room")
        )
    assert Appointment.objects.count() == 1


@pytest.mark.parametrize("who", ["practitioner", "room", "person"])
def test_the_database_itself_refuses_a_second_hold_on_a_slot(who):
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10), room=family_room())
    held = SlotHold.objects.filter(appointment=appointment).first()
    assert held is not None
    values = {"practitioner": None, "room": None, "person": None, who: getattr(held, who)}

    with pytest.raises(IntegrityError), transaction.atomic():
        SlotHold.objects.create(slot_start=held.slot_start, held_for="test", **values)


def test_a_home_visit_leaves_time_to_travel_from_the_hub(settings):
    settings.SCHEDULING_TRAVEL_MINUTES = 30
    episode, practitioner = booked_episode()
    book(episode, practitioner, starts_at=at(MONDAY, 9), room=family_room())

    with pytest.raises(ValidationError, match="needs 30 minutes to travel"):
        book(episode, practitioner, starts_at=at(MONDAY, 10, 15), person=ChildFactory.create(family=episode.family))
    assert book(episode, practitioner, starts_at=at(MONDAY, 10, 30), person=ChildFactory.create(family=episode.family))


# --- cancelling, moving and marking ---


def test_cancelling_frees_the_time_and_tells_the_family():
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))

    appointment_cancel(appointment=appointment, reason=CancelReason.FAMILY_CANCELLED, cancelled_by=practitioner)

    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert not SlotHold.objects.filter(appointment=appointment).exists()
    assert Message.objects.filter(template="appointment_cancelled").count() == 1
    assert book(episode, practitioner, starts_at=at(MONDAY, 10)).pk != appointment.pk


def test_a_cancellation_needs_a_reason_and_detail_for_another_reason():
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))

    with pytest.raises(ValidationError, match="Choose why"):
        appointment_cancel(appointment=appointment, reason=CancelReason.PLACE_CLOSED, cancelled_by=practitioner)
    with pytest.raises(ValidationError, match="Say why"):
        appointment_cancel(appointment=appointment, reason=CancelReason.OTHER, detail=" ", cancelled_by=practitioner)


def test_moving_an_appointment_links_the_new_time_to_the_old_and_may_overlap_it():
    episode, practitioner = booked_episode()
    old = book(episode, practitioner, starts_at=at(MONDAY, 10), minutes=60)

    new = appointment_reschedule(
        appointment=old,
        practitioner=practitioner,
        where=Where.HOME,
        room=None,
        starts_at=at(MONDAY, 10, 30),
        minutes=60,
        changed_by=practitioner,
    )

    old.refresh_from_db()
    assert (old.status, old.cancel_reason) == (AppointmentStatus.CANCELLED, CancelReason.RESCHEDULED)
    assert new.rescheduled_from == old
    assert (new.person, new.purpose) == (old.person, old.purpose)
    assert SlotHold.objects.filter(appointment=new).count() == 4
    assert not SlotHold.objects.filter(appointment=old).exists()
    assert Message.objects.filter(template="appointment_moved").count() == 1


def test_a_failed_move_keeps_the_old_appointment():
    episode, practitioner = booked_episode()
    old = book(episode, practitioner, starts_at=at(MONDAY, 10))

    with pytest.raises(ValidationError):
        appointment_reschedule(
            appointment=old,
            practitioner=practitioner,
            where=Where.HOME,
            room=None,
            starts_at=at(MONDAY, 21),
            minutes=60,
            changed_by=practitioner,
        )

    old.refresh_from_db()
    assert old.status == AppointmentStatus.BOOKED
    assert SlotHold.objects.filter(appointment=old).count() == 4


def test_attendance_is_recorded_only_once_the_appointment_has_started():
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))

    with pytest.raises(ValidationError, match="once the appointment has started"):
        appointment_mark(appointment=appointment, outcome="attended", marked_by=practitioner, now=at(MONDAY, 9, 59))
    marked = appointment_mark(
        appointment=appointment, outcome=AppointmentStatus.DID_NOT_ATTEND, marked_by=practitioner, now=at(MONDAY, 10)
    )

    assert marked.status == AppointmentStatus.DID_NOT_ATTEND
    # The time was used, so it stays held.
    assert SlotHold.objects.filter(appointment=appointment).count() == 4


def test_a_cancelled_appointment_cannot_be_marked():
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))
    appointment_cancel(appointment=appointment, reason=CancelReason.NO_LONGER_NEEDED, cancelled_by=practitioner)

    with pytest.raises(ValidationError, match="cancelled appointment"):
        appointment_mark(appointment=appointment, outcome="attended", marked_by=practitioner, now=at(MONDAY, 11))


# --- holds for other apps ---


def test_another_app_can_hold_a_room_and_the_booking_finds_it_taken():
    episode, practitioner = booked_episode()
    room = family_room()
    slots_hold(held_for="programmes.session:1", starts_at=at(MONDAY, 10), ends_at=at(MONDAY, 12), room=room)

    with pytest.raises(ValidationError, match="already booked"):
        book(episode, practitioner, starts_at=at(MONDAY, 11), room=room)
    with pytest.raises(ValidationError, match=NO_LONGER_FREE):
        slots_hold(held_for="programmes.session:2", starts_at=at(MONDAY, 11), ends_at=at(MONDAY, 13), room=room)

    assert slots_release(held_for="programmes.session:1") == 8
    assert book(episode, practitioner, starts_at=at(MONDAY, 11), room=room).room == room


def test_place_room_and_person_stay_consistent_in_the_database():
    episode, practitioner = booked_episode()
    person = parent_of(episode)

    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(
            episode=episode,
            person=person,
            practitioner=practitioner,
            purpose="x",
            where=Where.HOME,
            room=Room.objects.filter(place=Place.objects.get(slug="leagrave-hub")).first(),
            starts_at=at(MONDAY, 10),
            ends_at=at(MONDAY, 11),
            booked_by=practitioner,
        )
