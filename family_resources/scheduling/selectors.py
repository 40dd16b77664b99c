"""Reads about appointments: one appointment, diaries by practitioner and by room, and what to rebook."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.accounts.models import User
from family_resources.accounts.roles import TEAM_ROLES, Role
from family_resources.casework.models import ActionStatus, Delivery, Episode, PlanAction
from family_resources.places.models import Place, PlaceClosure, Room
from family_resources.programmes.selectors import room_in_use
from family_resources.scheduling.models import SLOT, Appointment, AppointmentStatus, CancelReason, SlotHold

_RELATED = ("episode__family", "episode__team", "person", "practitioner", "room__place", "plan_action__intervention")


def _day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    return (
        timezone.make_aware(datetime.combine(first, time.min)),
        timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min)),
    )


def appointment_for_page(*, appointment_id: int) -> Appointment:
    return get_object_or_404(
        Appointment.objects.select_related(*_RELATED, "booked_by", "cancelled_by", "marked_by", "rescheduled_from"),
        pk=appointment_id,
    )


def episode_for_booking(*, episode_id: int) -> Episode:
    return get_object_or_404(Episode.objects.select_related("family", "team__base"), pk=episode_id)


def plan_action_for_booking(*, action_id: int) -> PlanAction:
    return get_object_or_404(
        PlanAction.objects.select_related("intervention", "assigned_to", "outcome__plan__episode"), pk=action_id
    )


def family_members_to_see(*, episode: Episode) -> list[Any]:
    """The people an appointment can be with: everyone in the family who has been born, adults first."""
    return [person for person in episode.family.members.all() if person.kind != person.Kind.UNBORN]


def team_workers(*, team_id: int) -> QuerySet[User]:
    """Who can see a family: the practitioners and managers of the team."""
    return User.objects.filter(is_active=True, role__in=TEAM_ROLES, memberships__team_id=team_id).order_by("full_name")


def bookable_places() -> QuerySet[Place]:
    """Hubs and outreach bases with at least one room in use."""
    return Place.objects.filter(rooms__active=True).distinct().order_by("name")


def bookable_actions(*, episode: Episode) -> list[PlanAction]:
    """The plan's one-to-one actions still to do: the ones an appointment can be booked for."""
    return list(
        PlanAction.objects.filter(
            outcome__plan__episode=episode,
            delivery__in=[Delivery.HUB, Delivery.HOME],
            status__in=[ActionStatus.PLANNED, ActionStatus.IN_PROGRESS],
        )
        .select_related("intervention", "assigned_to", "outcome")
        .order_by("due_on", "id")
    )


def episode_appointments(*, episode: Episode) -> list[Appointment]:
    return list(Appointment.objects.filter(episode=episode).select_related(*_RELATED).order_by("-starts_at", "-id"))


def diary(*, practitioner: Any, first: date, last: date) -> list[Appointment]:
    """A practitioner's appointments from the first day to the last, cancelled ones left out."""
    starts, ends = _day_bounds(first, last)
    return list(
        Appointment.objects.filter(practitioner=practitioner, starts_at__gte=starts, starts_at__lt=ends)
        .exclude(status=AppointmentStatus.CANCELLED)
        .select_related(*_RELATED)
        .order_by("starts_at", "id")
    )


def todays_appointments(practitioner: Any) -> list[Appointment]:
    """For the practitioner's home page."""
    today = timezone.localdate()
    return diary(practitioner=practitioner, first=today, last=today)


def by_day(appointments: list[Appointment], first: date, last: date) -> list[tuple[date, list[Appointment]]]:
    """Each day from first to last, with its appointments: a week's diary shows empty days too."""
    days: dict[date, list[Appointment]] = defaultdict(list)
    for appointment in appointments:
        days[timezone.localdate(appointment.starts_at)].append(appointment)
    return [(first + timedelta(days=n), days[first + timedelta(days=n)]) for n in range((last - first).days + 1)]


@dataclass(frozen=True)
class RoomBooking:
    """A time a room is taken: by an appointment, or by a group session, supervised contact or another hold."""

    starts_at: datetime
    ends_at: datetime
    appointment: Appointment | None = None
    label: str = ""


@dataclass
class RoomDay:
    room: Room
    bookings: list[RoomBooking] = field(default_factory=list)

    @property
    def appointments(self) -> list[Appointment]:
        return [booking.appointment for booking in self.bookings if booking.appointment is not None]


def room_diary(*, place: Place, day: date) -> list[RoomDay]:
    """Each room of the place in use, with what takes it that day, earliest first."""
    starts, ends = _day_bounds(day, day)
    rooms = {room.pk: RoomDay(room) for room in Room.objects.filter(place=place, active=True).order_by("name")}
    for appointment in (
        Appointment.objects.filter(room_id__in=list(rooms), starts_at__gte=starts, starts_at__lt=ends)
        .exclude(status=AppointmentStatus.CANCELLED)
        .select_related(*_RELATED)
    ):
        assert appointment.room_id is not None
        rooms[appointment.room_id].bookings.append(
            RoomBooking(appointment.starts_at, appointment.ends_at, appointment=appointment)
        )
    runs: dict[tuple[int, str], list[datetime]] = defaultdict(list)
    for room_id, held_for, slot_start in (
        SlotHold.objects.filter(
            room_id__in=list(rooms), appointment__isnull=True, slot_start__gte=starts, slot_start__lt=ends
        )
        .order_by("slot_start")
        .values_list("room_id", "held_for", "slot_start")
    ):
        runs[(room_id, held_for)].append(slot_start)
    for (room_id, _held_for), slot_starts in runs.items():
        rooms[room_id].bookings.append(RoomBooking(slot_starts[0], slot_starts[-1] + SLOT, label=_("Booked")))
    for room_day in rooms.values():
        # Group sessions and supervised contact, named as programmes names them: never the family.
        uses = room_in_use(room=room_day.room, starts_at=starts, ends_at=ends)
        room_day.bookings += [RoomBooking(use.starts_at, use.ends_at, label=use.label) for use in uses]
        room_day.bookings.sort(key=lambda booking: (booking.starts_at, booking.ends_at))
    return list(rooms.values())


def place_closures(*, place: Place, from_day: date) -> QuerySet[PlaceClosure]:
    return PlaceClosure.objects.filter(place=place, closed_on__gte=from_day).order_by("closed_on")


def closure_on(*, place: Place, day: date) -> PlaceClosure | None:
    return PlaceClosure.objects.filter(place=place, closed_on=day).first()


def to_rebook(*, user: Any) -> list[Appointment]:
    """Appointments a closure cancelled and nobody has rebooked: the user's teams', or all for a service manager."""
    appointments = Appointment.objects.filter(
        status=AppointmentStatus.CANCELLED, cancel_reason=CancelReason.PLACE_CLOSED, rescheduled_as__isnull=True
    )
    if user.role != Role.SERVICE_MANAGER:
        appointments = appointments.filter(episode__team__memberships__user=user)
    return list(appointments.select_related(*_RELATED).order_by("starts_at", "id").distinct())


def places_for_diaries() -> QuerySet[Place]:
    return bookable_places().prefetch_related(
        Prefetch("rooms", queryset=Room.objects.filter(active=True).order_by("name"))
    )
