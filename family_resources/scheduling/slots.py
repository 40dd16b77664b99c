"""Finding a time: the next free slots for an appointment.

`free_slots` is a pure function of plain data (opening hours, closed days, each practitioner's
bookings, each room's bookings, the family member's own), tested at the boundaries without the
database. `find_slots` gathers that data for one search in a fixed number of queries. The booking
service checks travel with the same `travel_clash`, so the page never offers a time the service
would refuse.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from family_resources.core.working_days import bank_holidays_between
from family_resources.families.models import Person
from family_resources.places.models import Place, PlaceClosure, Room
from family_resources.programmes.selectors import room_in_use
from family_resources.scheduling.models import SLOT, SlotHold, Where

# Where an appointment is: ("place", place id), ("home", family id), or ("own_home", person id) for an
# adult who lives apart from the family. Two appointments in the same place need no travel between them.
Location = tuple[str, int]
# How far ahead the booking page looks for free times.
SEARCH_DAYS = 28


@dataclass(frozen=True)
class Interval:
    starts_at: datetime
    ends_at: datetime

    def overlaps(self, other: "Interval") -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


@dataclass(frozen=True)
class Booking(Interval):
    """Something already in a practitioner's diary. No location: held by another app, so elsewhere."""

    location: Location | None = None


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    practitioner_id: int
    room_id: int | None


@dataclass(frozen=True)
class SlotSearch:
    """What is being looked for: where, how long, from when, and within which hours on which days."""

    location: Location
    length: timedelta
    earliest: datetime
    last_day: date
    hours: Mapping[int, tuple[time, time]]  # weekday (0 is Monday) to opening and closing time
    closed_on: frozenset[date] = frozenset()
    travel: timedelta = timedelta(0)
    count: int = 12
    per_day: int | None = None
    # Offer times at least this far apart on a day, so the choice spans the day rather than one morning.
    spacing: timedelta = timedelta(0)


def on_grid(moment: datetime) -> bool:
    """Whether a moment is on the 15-minute grid (in UTC, and so in UK time, whose offsets are whole hours)."""
    return moment.timestamp() % SLOT.total_seconds() == 0


def grid_ceiling(moment: datetime) -> datetime:
    """The first moment on the grid at or after this one."""
    step = SLOT.total_seconds()
    return datetime.fromtimestamp(math.ceil(moment.timestamp() / step) * step, tz=moment.tzinfo)


def slot_starts(starts_at: datetime, ends_at: datetime) -> list[datetime]:
    """Every grid slot an appointment from starts_at to ends_at covers, counted in UTC."""
    moment, end = starts_at.astimezone(UTC), ends_at.astimezone(UTC)
    starts = []
    while moment < end:
        starts.append(moment)
        moment += SLOT
    return starts


def home_location(person: Person) -> Location:
    return ("own_home", person.pk) if person.lives_elsewhere else ("home", person.family_id)


def needs_travel(a: Location | None, b: Location | None) -> bool:
    return a is None or b is None or a != b


def travel_clash(
    candidate: Interval, location: Location, bookings: Iterable[Booking], travel: timedelta
) -> Booking | None:
    """The first booking that overlaps the candidate, or is elsewhere and too close to travel between."""
    for booking in bookings:
        gap = travel if needs_travel(location, booking.location) else timedelta(0)
        if candidate.starts_at < booking.ends_at + gap and booking.starts_at < candidate.ends_at + gap:
            return booking
    return None


def _local(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def opening_windows(search: SlotSearch) -> Iterator[tuple[datetime, datetime]]:
    """Each day's opening hours from the earliest moment to the last day, leaving out closed days."""
    day = timezone.localdate(search.earliest)
    while day <= search.last_day:
        hours = search.hours.get(day.weekday())
        if hours is not None and day not in search.closed_on:
            yield _local(day, hours[0]), _local(day, hours[1])
        day += timedelta(days=1)


def free_slots(
    search: SlotSearch,
    *,
    diaries: Mapping[int, Sequence[Booking]],
    rooms: Mapping[int, Sequence[Interval]] | None,
    person: Sequence[Interval] = (),
) -> list[Slot]:
    """The next free times, soonest first: one practitioner (the first free, in the order given) a time.

    `diaries` are the practitioners who could go, with what they already have booked; `rooms` are
    the rooms that would do, with their bookings, or None for a home visit; `person` is what the
    family member already has booked.
    """
    found: list[Slot] = []
    for opens, closes in opening_windows(search):
        on_this_day = 0
        start = grid_ceiling(max(opens, search.earliest))
        while start + search.length <= closes:
            candidate = Interval(start, start + search.length)
            slot = _slot_for(candidate, search, diaries=diaries, rooms=rooms, person=person)
            start += SLOT
            if slot is None:
                continue
            found.append(slot)
            on_this_day += 1
            if len(found) == search.count:
                return found
            if search.per_day is not None and on_this_day == search.per_day:
                break
            start = max(start, grid_ceiling(slot.starts_at + search.spacing))
    return found


def _slot_for(
    candidate: Interval,
    search: SlotSearch,
    *,
    diaries: Mapping[int, Sequence[Booking]],
    rooms: Mapping[int, Sequence[Interval]] | None,
    person: Sequence[Interval],
) -> Slot | None:
    if any(candidate.overlaps(busy) for busy in person):
        return None
    room_id = None
    if rooms is not None:
        room_id = next((rid for rid, busy in rooms.items() if not any(candidate.overlaps(b) for b in busy)), None)
        if room_id is None:
            return None
    practitioner_id = next(
        (
            pid
            for pid, booked in diaries.items()
            if travel_clash(candidate, search.location, booked, search.travel) is None
        ),
        None,
    )
    if practitioner_id is None:
        return None
    return Slot(candidate.starts_at, candidate.ends_at, practitioner_id, room_id)


# --- Reading the data a search needs -------------------------------------------------------------


def home_visit_hours() -> dict[int, tuple[time, time]]:
    """The hours home visits may be booked in, on the weekdays they may be booked (settings)."""
    hours = (
        time.fromisoformat(settings.SCHEDULING_HOME_VISITS_FROM),
        time.fromisoformat(settings.SCHEDULING_HOME_VISITS_UNTIL),
    )
    return dict.fromkeys(settings.SCHEDULING_HOME_VISIT_WEEKDAYS, hours)


def place_hours(place: Place) -> dict[int, tuple[time, time]]:
    return {hours.weekday: (hours.opens_at, hours.closes_at) for hours in place.opening_hours.all()}


def place_closed_on(place: Place, first_day: date, last_day: date) -> frozenset[date]:
    return frozenset(
        PlaceClosure.objects.filter(place=place, closed_on__range=(first_day, last_day)).values_list(
            "closed_on", flat=True
        )
    )


def holidays_off(first_day: date, last_day: date) -> frozenset[date]:
    """Bank holidays, on which no appointment is offered unless the service opens on them (settings)."""
    if settings.SCHEDULING_OPEN_ON_BANK_HOLIDAYS:
        return frozenset()
    return bank_holidays_between(first_day, last_day)


def bookable_rooms(place: Place, *, people: int) -> list[Room]:
    """The place's rooms that hold this many people, smallest first, so big rooms stay free for groups."""
    return list(Room.objects.filter(place=place, active=True, capacity__gte=people).order_by("capacity", "name"))


def _holds(
    condition: Q, starts: datetime, ends: datetime, ignore_appointment_id: int | None
) -> Iterator[tuple[str, SlotHold]]:
    """Holds in the window, each with the key of what holds it (an appointment, or another app's booking)."""
    holds = SlotHold.objects.filter(condition, slot_start__gte=starts, slot_start__lt=ends).select_related(
        "appointment__room", "appointment__person", "room"
    )
    if ignore_appointment_id is not None:
        holds = holds.exclude(appointment_id=ignore_appointment_id)
    for hold in holds.order_by("slot_start"):
        yield (f"appointment:{hold.appointment_id}" if hold.appointment_id else hold.held_for), hold


def _location_of(hold: SlotHold) -> Location | None:
    appointment = hold.appointment
    if appointment is not None:
        if appointment.where == Where.HOME:
            return home_location(appointment.person)
        assert appointment.room is not None
        return ("place", appointment.room.place_id)
    return ("place", hold.room.place_id) if hold.room is not None else None


def practitioner_bookings(
    practitioner_ids: Sequence[int], starts: datetime, ends: datetime, *, ignore_appointment_id: int | None = None
) -> dict[int, list[Booking]]:
    """Each practitioner's bookings that touch the window, one per appointment (or other app's booking)."""
    grouped: dict[tuple[int, str], list[SlotHold]] = defaultdict(list)
    for key, hold in _holds(Q(practitioner_id__in=practitioner_ids), starts, ends, ignore_appointment_id):
        assert hold.practitioner_id is not None
        grouped[(hold.practitioner_id, key)].append(hold)
    bookings: dict[int, list[Booking]] = {pid: [] for pid in practitioner_ids}
    for (practitioner_id, _key), holds in grouped.items():
        location = _location_of(holds[0])
        # Runs of consecutive slots: another app may hold several separate sessions under one name.
        run_start = previous = holds[0].slot_start
        for hold in holds[1:]:
            if hold.slot_start != previous + SLOT:
                bookings[practitioner_id].append(Booking(run_start, previous + SLOT, location=location))
                run_start = hold.slot_start
            previous = hold.slot_start
        bookings[practitioner_id].append(Booking(run_start, previous + SLOT, location=location))
    return bookings


def _busy_slots(condition: Q, starts: datetime, ends: datetime, ignore_appointment_id: int | None) -> list[Interval]:
    return [
        Interval(h.slot_start, h.slot_start + SLOT)
        for _key, h in _holds(condition, starts, ends, ignore_appointment_id)
    ]


def find_slots(
    *,
    person: Person,
    practitioner_ids: Sequence[int],
    place: Place | None,
    length: timedelta,
    earliest: datetime,
    people: int = 2,
    count: int = 12,
    per_day: int | None = None,
    spacing: timedelta = timedelta(0),
    days: int = SEARCH_DAYS,
    ignore_appointment_id: int | None = None,
) -> list[Slot]:
    """The next free times for a family member with one of these practitioners, at a place or (None) at home."""
    earliest = max(earliest, timezone.now())
    first_day = timezone.localdate(earliest)
    last_day = first_day + timedelta(days=days - 1)
    window_end = _local(last_day + timedelta(days=1), time.min)
    travel = timedelta(minutes=settings.SCHEDULING_TRAVEL_MINUTES)
    rooms: dict[int, list[Interval]] | None = None
    if place is not None:
        location: Location = ("place", place.pk)
        hours = place_hours(place)
        closed_on = place_closed_on(place, first_day, last_day) | holidays_off(first_day, last_day)
        rooms = {room.pk: [] for room in bookable_rooms(place, people=people)}
        if not rooms:
            return []
        for interval, room_id in _room_busy(list(rooms), earliest, window_end, ignore_appointment_id):
            rooms[room_id].append(interval)
    else:
        location = home_location(person)
        hours = home_visit_hours()
        closed_on = holidays_off(first_day, last_day)
    search = SlotSearch(
        location=location,
        length=length,
        earliest=earliest,
        last_day=last_day,
        hours=hours,
        closed_on=closed_on,
        travel=travel,
        count=count,
        per_day=per_day,
        spacing=spacing,
    )
    diaries = practitioner_bookings(
        practitioner_ids, earliest - travel - length, window_end + travel, ignore_appointment_id=ignore_appointment_id
    )
    person_busy = _busy_slots(Q(person_id=person.pk), earliest, window_end, ignore_appointment_id)
    return free_slots(search, diaries=diaries, rooms=rooms, person=person_busy)


def _room_busy(
    room_ids: list[int], starts: datetime, ends: datetime, ignore_appointment_id: int | None
) -> Iterator[tuple[Interval, int]]:
    """Appointments' holds on the rooms, and the group sessions and supervised contact programmes has in them."""
    for _key, hold in _holds(Q(room_id__in=room_ids), starts, ends, ignore_appointment_id):
        assert hold.room_id is not None
        yield Interval(hold.slot_start, hold.slot_start + SLOT), hold.room_id
    for room in Room.objects.filter(pk__in=room_ids):
        for use in room_in_use(room=room, starts_at=starts, ends_at=ends):
            yield Interval(use.starts_at, use.ends_at), room.pk
