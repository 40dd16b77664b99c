"""Finding a time from the database: places' hours, closures, rooms, diaries and the family member's bookings."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.places.models import OpeningHours, PlaceClosure, Room
from family_resources.scheduling.services import slots_hold
from family_resources.scheduling.slots import find_slots
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
HOUR = timedelta(hours=1)


def local(slots):
    return [f"{timezone.localtime(slot.starts_at):%a %H:%M}" for slot in slots]


def test_a_hub_search_follows_the_place_opening_hours_and_skips_its_closed_days():
    episode, practitioner = booked_episode()
    place = leagrave()
    OpeningHours.objects.filter(place=place, weekday=1).update(opens_at="13:00")
    PlaceClosure.objects.create(place=place, closed_on=MONDAY, reason=PlaceClosure.Reason.HOLIDAY)

    found = find_slots(
        person=parent_of(episode),
        practitioner_ids=[practitioner.pk],
        place=place,
        length=HOUR,
        earliest=at(MONDAY, 0),
        per_day=1,
        count=3,
    )

    assert local(found) == ["Tue 13:00", "Wed 09:00", "Thu 09:00"]
    assert {slot.room_id for slot in found} == {family_room().pk}  # the smallest room that holds two


def test_a_room_with_too_few_places_is_never_offered_and_a_full_room_moves_on_to_the_next():
    episode, practitioner = booked_episode()
    place = leagrave()
    slots_hold(
        held_for="programmes.session:1",
        starts_at=at(MONDAY, 9),
        ends_at=at(MONDAY, 10),
        room=Room.objects.get(place=place, name="Group room"),
    )

    big = find_slots(
        person=parent_of(episode),
        practitioner_ids=[practitioner.pk],
        place=place,
        length=HOUR,
        earliest=at(MONDAY, 0),
        people=10,
        count=1,
    )
    small = find_slots(
        person=parent_of(episode),
        practitioner_ids=[practitioner.pk],
        place=place,
        length=HOUR,
        earliest=at(MONDAY, 0),
        people=2,
        count=1,
    )

    assert local(big) == ["Mon 10:00"]  # only the group room holds ten, and it is taken until ten
    assert local(small) == ["Mon 09:00"]


def test_a_home_visit_search_leaves_travel_time_around_the_practitioner_hub_appointments(settings):
    settings.SCHEDULING_TRAVEL_MINUTES = 30
    settings.SCHEDULING_HOME_VISITS_FROM = "09:00"
    episode, practitioner = booked_episode()
    book(episode, practitioner, starts_at=at(MONDAY, 9), room=family_room())

    found = find_slots(
        person=parent_of(episode),
        practitioner_ids=[practitioner.pk],
        place=None,
        length=HOUR,
        earliest=at(MONDAY, 0),
        count=1,
    )

    assert local(found) == ["Mon 10:30"]


def test_anyone_in_the_team_finds_a_colleague_when_the_practitioner_is_busy():
    episode, practitioner = booked_episode()
    colleague = staff(Role.PRACTITIONER, teams=[episode.team])
    book(episode, practitioner, starts_at=at(MONDAY, 9), minutes=240)
    child = episode.family.members.get(kind="child")

    found = find_slots(
        person=child,
        practitioner_ids=[practitioner.pk, colleague.pk],
        place=None,
        length=HOUR,
        earliest=at(MONDAY, 9),
        count=1,
    )

    assert (found[0].starts_at, found[0].practitioner_id) == (at(MONDAY, 9), colleague.pk)


def test_moving_an_appointment_may_offer_times_that_overlap_it():
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))

    found = find_slots(
        person=appointment.person,
        practitioner_ids=[practitioner.pk],
        place=None,
        length=HOUR,
        earliest=at(MONDAY, 10),
        count=2,
        ignore_appointment_id=appointment.pk,
    )
    without_ignoring = find_slots(
        person=appointment.person,
        practitioner_ids=[practitioner.pk],
        place=None,
        length=HOUR,
        earliest=at(MONDAY, 10),
        count=1,
    )

    assert local(found) == ["Mon 10:00", "Mon 10:15"]
    assert local(without_ignoring) == ["Mon 11:00"]


def test_a_home_visit_search_skips_christmas_and_boxing_day():
    episode, practitioner = booked_episode()
    christmas_eve = date(2030, 12, 24)  # a Tuesday: Christmas Day and Boxing Day are Wednesday and Thursday

    found = find_slots(
        person=parent_of(episode),
        practitioner_ids=[practitioner.pk],
        place=None,
        length=HOUR,
        earliest=at(christmas_eve, 0),
        per_day=1,
        count=3,
    )

    assert [timezone.localtime(slot.starts_at).date() for slot in found] == [
        christmas_eve,
        date(2030, 12, 27),
        date(2030, 12, 30),
    ]


@pytest.mark.parametrize(("subdivision", "after_easter"), [("ENG", date(2030, 4, 23)), ("SCT", date(2030, 4, 22))])
def test_a_hub_search_skips_the_bank_holidays_of_the_service_s_part_of_the_uk(settings, subdivision, after_easter):
    """Good Friday is a bank holiday everywhere in the UK; Easter Monday is not one in Scotland."""
    settings.BANK_HOLIDAYS_SUBDIVISION = subdivision
    episode, practitioner = booked_episode()
    maundy_thursday = date(2030, 4, 18)

    found = find_slots(
        person=parent_of(episode),
        practitioner_ids=[practitioner.pk],
        place=leagrave(),
        length=HOUR,
        earliest=at(maundy_thursday, 0),
        per_day=1,
        count=2,
    )

    assert [timezone.localtime(slot.starts_at).date() for slot in found] == [maundy_thursday, after_easter]


def test_a_service_that_opens_on_bank_holidays_is_offered_them(settings):
    settings.SCHEDULING_OPEN_ON_BANK_HOLIDAYS = True
    episode, practitioner = booked_episode()

    found = find_slots(
        person=parent_of(episode),
        practitioner_ids=[practitioner.pk],
        place=None,
        length=HOUR,
        earliest=at(date(2030, 12, 24), 0),
        per_day=1,
        count=2,
    )

    assert [timezone.localtime(slot.starts_at).date() for slot in found] == [date(2030, 12, 24), date(2030, 12, 25)]
