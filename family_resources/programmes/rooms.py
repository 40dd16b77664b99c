"""Whether a room can be used at a time: the place is open, not closed that day, and the room is not in use.

Services call these while holding a lock on the room's row (`room_lock`), so two bookings of one room
cannot both pass the check. Appointments (the scheduling app) are not seen here: that app can ask
`programmes.selectors.room_in_use` for ours.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from family_resources.places.models import OpeningHours, PlaceClosure, Room
from family_resources.programmes.selectors import room_in_use


def room_lock(room: Room) -> Room:
    """The room's row, locked until the transaction ends: bookings of one room queue behind each other."""
    return Room.objects.select_for_update(of=("self",)).select_related("place").get(pk=room.pk)


@dataclass(frozen=True)
class OpeningProblem:
    """Why a place cannot be used then; `whole_day` when it is shut all day, so a form can point at the date."""

    message: str
    whole_day: bool


def opening_problem(room: Room, day: date, start: time, end: time) -> OpeningProblem | None:
    """Why the room's place cannot be used on that day at that time; None when it can."""
    place = room.place
    if PlaceClosure.objects.filter(place=place, closed_on=day).exists():
        message = _("%(place)s is closed on %(date)s.") % {"place": place, "date": date_format(day, "l j F Y")}
        return OpeningProblem(message=message, whole_day=True)
    hours = OpeningHours.objects.filter(place=place, weekday=day.weekday()).first()
    if hours is None:
        message = _("%(place)s is not open on a %(day)s.") % {"place": place, "day": date_format(day, "l")}
        return OpeningProblem(message=message, whole_day=True)
    if start < hours.opens_at or end > hours.closes_at:
        message = _(
            "%(place)s is open from %(opens)s to %(closes)s on a %(day)s: the time must fit inside those hours."
        ) % {
            "place": place,
            "opens": time_format(hours.opens_at, "G:i"),
            "closes": time_format(hours.closes_at, "G:i"),
            "day": date_format(day, "l"),
        }
        return OpeningProblem(message=message, whole_day=False)
    return None


def clash_problem(room: Room, starts_at: datetime, ends_at: datetime) -> str:
    """What already uses the room at that time, in words; empty when it is free."""
    busy = room_in_use(room=room, starts_at=starts_at, ends_at=ends_at)
    if not busy:
        return ""
    when = timezone.localtime(busy[0].starts_at)
    return _("%(room)s is already booked for %(what)s on %(date)s at %(time)s.") % {
        "room": room,
        "what": busy[0].label,
        "date": date_format(when, "j F Y"),
        "time": time_format(when, "G:i"),
    }


def local_moment(day: date, at: time) -> datetime:
    """A wall-clock time in the service's time zone: a 10am group stays at 10am when the clocks change."""
    return timezone.make_aware(datetime.combine(day, at))
