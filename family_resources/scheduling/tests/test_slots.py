"""Finding a time, pinned at the boundaries of opening hours, closures, travel and other bookings.

`free_slots` is pure: these tests build its plain inputs and need no database.
"""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.utils import timezone

from family_resources.scheduling.slots import (
    Booking,
    Interval,
    Slot,
    SlotSearch,
    free_slots,
    grid_ceiling,
    on_grid,
    slot_starts,
    travel_clash,
)

MONDAY = date(2030, 3, 4)  # a Monday in GMT; the clocks go forward on Sunday 31 March 2030
WEEKDAYS_9_TO_5 = {weekday: (time(9), time(17)) for weekday in range(5)}
HUB: tuple[str, int] = ("place", 1)
OTHER_HUB: tuple[str, int] = ("place", 2)
HOME: tuple[str, int] = ("home", 10)
OTHER_HOME: tuple[str, int] = ("home", 11)
TRAVEL = timedelta(minutes=30)
HOUR = timedelta(hours=1)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def search(**changes: object) -> SlotSearch:
    values: dict = {
        "location": HUB,
        "length": HOUR,
        "earliest": at(MONDAY, 0),
        "last_day": MONDAY + timedelta(days=6),
        "hours": WEEKDAYS_9_TO_5,
        "travel": TRAVEL,
        "count": 200,
    }
    values.update(changes)
    return SlotSearch(**values)


def starts(slots: list[Slot]) -> list[datetime]:
    return [slot.starts_at for slot in slots]


def local_times(slots: list[Slot]) -> list[str]:
    return [f"{timezone.localtime(slot.starts_at):%a %H:%M}" for slot in slots]


# --- the grid ---


def test_the_grid_is_every_quarter_hour():
    assert on_grid(at(MONDAY, 9, 45))
    assert not on_grid(at(MONDAY, 9, 50))
    assert grid_ceiling(at(MONDAY, 9, 50)) == at(MONDAY, 10)
    assert grid_ceiling(at(MONDAY, 10)) == at(MONDAY, 10)
    assert grid_ceiling(at(MONDAY, 10) + timedelta(seconds=1)) == at(MONDAY, 10, 15)


def test_an_appointment_holds_each_quarter_hour_it_covers():
    held = slot_starts(at(MONDAY, 10), at(MONDAY, 11))

    assert held == [at(MONDAY, 10), at(MONDAY, 10, 15), at(MONDAY, 10, 30), at(MONDAY, 10, 45)]


# --- opening hours and closed days ---


def test_times_run_from_opening_until_the_last_that_ends_by_closing():
    found = free_slots(search(last_day=MONDAY), diaries={1: []}, rooms={5: []})

    assert found[0].starts_at == at(MONDAY, 9)
    # A one-hour appointment may end exactly at closing time, not a quarter hour after.
    assert found[-1].starts_at == at(MONDAY, 16)
    assert len(found) == 29  # 09:00, 09:15 ... 16:00


def test_days_the_place_does_not_open_are_skipped():
    friday = MONDAY + timedelta(days=4)
    found = free_slots(
        search(earliest=at(friday, 16), last_day=MONDAY + timedelta(days=7)), diaries={1: []}, rooms={5: []}
    )

    # Friday 16:00 is the last of that week; the weekend has no opening hours; Monday starts at 9.
    assert local_times(found[:2]) == ["Fri 16:00", "Mon 09:00"]


def test_a_closed_day_offers_nothing():
    tuesday = MONDAY + timedelta(days=1)
    found = free_slots(search(closed_on=frozenset({MONDAY})), diaries={1: []}, rooms={5: []})

    assert timezone.localdate(found[0].starts_at) == tuesday
    assert all(timezone.localdate(slot.starts_at) != MONDAY for slot in found)


def test_the_search_starts_at_the_next_quarter_hour_after_the_earliest_moment():
    found = free_slots(search(earliest=at(MONDAY, 10, 7)), diaries={1: []}, rooms={5: []})

    assert found[0].starts_at == at(MONDAY, 10, 15)


def test_opening_hours_are_wall_clock_times_when_the_clocks_change():
    after_clocks_change = date(2030, 4, 1)
    found = free_slots(
        search(earliest=at(after_clocks_change, 0), last_day=after_clocks_change), diaries={1: []}, rooms={5: []}
    )

    assert f"{timezone.localtime(found[0].starts_at):%H:%M}" == "09:00"
    assert found[0].starts_at.astimezone(UTC).hour == 8  # British Summer Time is an hour ahead of UTC


# --- other bookings, rooms and the family member ---


def test_appointments_at_the_same_place_may_be_back_to_back():
    diary = [Booking(at(MONDAY, 9), at(MONDAY, 10), location=HUB)]
    found = free_slots(search(last_day=MONDAY), diaries={1: diary}, rooms={5: []})

    assert found[0].starts_at == at(MONDAY, 10)


def test_a_time_that_overlaps_the_practitioner_is_not_offered():
    diary = [Booking(at(MONDAY, 11), at(MONDAY, 12), location=HUB)]
    found = starts(free_slots(search(last_day=MONDAY), diaries={1: diary}, rooms={5: []}))

    assert at(MONDAY, 10) in found  # ends as the other starts
    assert at(MONDAY, 10, 15) not in found
    assert at(MONDAY, 11, 45) not in found
    assert at(MONDAY, 12) in found


def test_the_first_free_room_is_given_and_a_time_with_every_room_taken_is_not_offered():
    taken = [Interval(at(MONDAY, 9), at(MONDAY, 10))]
    found = free_slots(search(last_day=MONDAY), diaries={1: []}, rooms={5: taken, 6: []})

    assert (found[0].starts_at, found[0].room_id) == (at(MONDAY, 9), 6)
    assert found[4].room_id == 5  # 10:00, when room 5 is free again

    none_free = free_slots(search(last_day=MONDAY), diaries={1: []}, rooms={5: taken, 6: taken})
    assert none_free[0].starts_at == at(MONDAY, 10)


def test_a_time_the_family_member_is_already_booked_is_not_offered():
    found = free_slots(
        search(last_day=MONDAY), diaries={1: []}, rooms={5: []}, person=[Interval(at(MONDAY, 9), at(MONDAY, 12))]
    )

    assert found[0].starts_at == at(MONDAY, 12)


def test_anyone_in_the_team_gives_the_first_practitioner_free_at_each_time():
    busy_morning = [Booking(at(MONDAY, 9), at(MONDAY, 12), location=HUB)]
    found = free_slots(search(last_day=MONDAY), diaries={1: busy_morning, 2: []}, rooms={5: []})

    assert (found[0].starts_at, found[0].practitioner_id) == (at(MONDAY, 9), 2)
    assert [slot.practitioner_id for slot in found if slot.starts_at == at(MONDAY, 12)] == [1]


def test_times_offered_are_spaced_through_the_day_and_a_busy_hour_moves_the_next_one_on():
    diary = [Booking(at(MONDAY, 10), at(MONDAY, 11, 15), location=HUB)]
    found = free_slots(search(last_day=MONDAY, spacing=HOUR), diaries={1: diary}, rooms={5: []})

    assert local_times(found) == [f"Mon {t}" for t in ("09:00", "11:15", "12:15", "13:15", "14:15", "15:15")]


def test_the_search_stops_at_the_count_and_spreads_over_days():
    found = free_slots(search(count=6, per_day=2), diaries={1: []}, rooms={5: []})

    assert local_times(found) == ["Mon 09:00", "Mon 09:15", "Tue 09:00", "Tue 09:15", "Wed 09:00", "Wed 09:15"]


# --- travel time ---


@pytest.mark.parametrize(
    ("start", "offered"),
    [
        ((10, 15), False),  # 15 minutes after the hub appointment ends: not time to get to the home
        ((10, 30), True),  # exactly the travel time: allowed
    ],
)
def test_a_home_visit_after_an_appointment_at_a_hub_leaves_time_to_travel(start, offered):
    diary = [Booking(at(MONDAY, 9), at(MONDAY, 10), location=HUB)]
    found = starts(
        free_slots(
            search(location=HOME, last_day=MONDAY, hours={0: (time(8), time(20))}), diaries={1: diary}, rooms=None
        )
    )

    assert (at(MONDAY, *start) in found) is offered


@pytest.mark.parametrize(("start", "offered"), [((12, 30), True), ((12, 45), False)])
def test_a_home_visit_before_an_appointment_elsewhere_ends_in_time_to_get_there(start, offered):
    diary = [Booking(at(MONDAY, 14), at(MONDAY, 15), location=OTHER_HUB)]
    found = starts(free_slots(search(location=HOME, last_day=MONDAY), diaries={1: diary}, rooms=None))

    assert (at(MONDAY, *start) in found) is offered


def test_an_appointment_at_a_hub_after_a_home_visit_leaves_time_to_travel_back():
    diary = [Booking(at(MONDAY, 9), at(MONDAY, 10), location=HOME)]
    found = free_slots(search(last_day=MONDAY), diaries={1: diary}, rooms={5: []})

    assert found[0].starts_at == at(MONDAY, 10, 30)


def test_two_visits_to_the_same_home_need_no_travel_but_another_home_does():
    diary = [Booking(at(MONDAY, 9), at(MONDAY, 10), location=HOME)]

    same_home = free_slots(search(location=HOME, last_day=MONDAY), diaries={1: diary}, rooms=None)
    other_home = free_slots(search(location=OTHER_HOME, last_day=MONDAY), diaries={1: diary}, rooms=None)

    assert same_home[0].starts_at == at(MONDAY, 10)
    assert other_home[0].starts_at == at(MONDAY, 10, 30)


def test_something_another_app_holds_counts_as_elsewhere():
    diary = [Booking(at(MONDAY, 9), at(MONDAY, 10), location=None)]
    found = free_slots(search(last_day=MONDAY), diaries={1: diary}, rooms={5: []})

    assert found[0].starts_at == at(MONDAY, 10, 30)


def test_travel_clash_is_the_booking_in_the_way():
    booked = Booking(at(MONDAY, 9), at(MONDAY, 10), location=HUB)
    candidate_at_home = Interval(at(MONDAY, 10, 15), at(MONDAY, 11))

    assert travel_clash(candidate_at_home, HOME, [booked], TRAVEL) == booked
    assert travel_clash(candidate_at_home, HUB, [booked], TRAVEL) is None
