"""Setting up a group programme: its course of weekly sessions in a room that is free, and opening it for enrolment."""

from collections.abc import Collection
from datetime import date, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from family_resources.accounts.models import Team
from family_resources.accounts.roles import Role
from family_resources.casework.models import Domain
from family_resources.catalogue.models import Intervention
from family_resources.places.models import PlaceClosure, Room
from family_resources.programmes.models import MAX_SESSIONS, Programme, ProgrammeSession
from family_resources.programmes.rooms import clash_problem, local_moment, opening_problem, room_lock

# A course that keeps meeting closed days would never end: give up after this many skipped weeks.
MAX_SKIPPED_WEEKS = 8


def _session_days(room: Room, starts_on: date, count: int) -> list[date]:
    """`count` weekly dates from `starts_on`, skipping any day the place is closed (the course runs a week longer)."""
    closed = set(
        PlaceClosure.objects.filter(place_id=room.place_id, closed_on__gte=starts_on).values_list(
            "closed_on", flat=True
        )
    )
    days: list[date] = []
    day, skipped = starts_on, 0
    while len(days) < count and skipped <= MAX_SKIPPED_WEEKS:
        if day in closed:
            skipped += 1
        else:
            days.append(day)
        day += timedelta(weeks=1)
    return days


@transaction.atomic
def programme_create(
    *,
    intervention: Intervention | None,
    name: str,
    team: Team | None,
    room: Room | None,
    facilitators: Collection[Any],
    capacity: int | None,
    starts_on: date | None,
    start_time: time | None,
    end_time: time | None,
    session_count: int | None,
    min_child_age: int | None = None,
    max_child_age: int | None = None,
    needs: Collection[str] = (),
    open_for_enrolment: bool = False,
    created_by: Any,
) -> Programme:
    """A programme and its weekly sessions, in a room that is open and free at every session's time."""
    errors: dict[str, str] = {}
    if intervention is None or not intervention.group or not intervention.active:
        errors["intervention"] = "Choose a group programme from the catalogue"
    if not name.strip():
        errors["name"] = "Enter a name for this run of the programme"
    if team is None:
        errors["team"] = "Choose the team that runs the programme"
    elif created_by.role != Role.SERVICE_MANAGER and not created_by.memberships.filter(team=team).exists():
        errors["team"] = "Choose a team you manage"
    if room is None or not room.active:
        errors["room"] = "Choose a room"
    if not facilitators:
        errors["facilitators"] = "Choose at least one facilitator"
    if capacity is None or capacity < 1:
        errors["capacity"] = "Enter how many places there are, 1 or more"
    elif room is not None and capacity + len(facilitators) > room.capacity:
        errors["capacity"] = (
            f"{room} holds {room.capacity} people, staff included: with {len(facilitators)} "
            f"facilitator(s) there can be no more than {max(room.capacity - len(facilitators), 0)} places"
        )
    if starts_on is None:
        errors["starts_on"] = "Enter the date of the first session"
    elif starts_on < timezone.localdate():
        errors["starts_on"] = "The date of the first session must be today or in the future"
    if start_time is None:
        errors["start_time"] = "Enter the time each session starts"
    if end_time is None:
        errors["end_time"] = "Enter the time each session ends"
    elif start_time is not None and end_time <= start_time:
        errors["end_time"] = "The time each session ends must be after the time it starts"
    if session_count is None or not 1 <= session_count <= MAX_SESSIONS:
        errors["session_count"] = f"Enter the number of weekly sessions, from 1 to {MAX_SESSIONS}"
    if min_child_age is not None and max_child_age is not None and min_child_age > max_child_age:
        errors["max_child_age"] = "The oldest age must be the same as or more than the youngest age"
    if set(needs) - set(Domain.values):
        errors["needs"] = "Choose the needs from the list"
    if errors:
        raise ValidationError(errors)
    assert intervention is not None
    assert team is not None
    assert room is not None
    assert capacity is not None
    assert starts_on is not None
    assert start_time is not None
    assert end_time is not None
    assert session_count is not None

    # Locked first, so two programmes (or a programme and a contact session) cannot both take the room.
    room = room_lock(room)
    days = _session_days(room, starts_on, session_count)
    if starts_on not in days:
        raise ValidationError({"starts_on": f"{room.place} is closed on {date_format(starts_on, 'l j F Y')}"})
    if len(days) < session_count:
        raise ValidationError(
            {"starts_on": f"{room.place} is closed on too many of the weeks after {date_format(starts_on, 'j F Y')}"}
        )
    for day in days:
        if problem := opening_problem(room, day, start_time, end_time):
            raise ValidationError({"starts_on" if problem.whole_day else "start_time": problem.message})
        if clash := clash_problem(room, local_moment(day, start_time), local_moment(day, end_time)):
            raise ValidationError({"start_time": clash})

    programme = Programme.objects.create(
        intervention=intervention,
        name=name.strip(),
        team=team,
        room=room,
        capacity=capacity,
        starts_on=starts_on,
        start_time=start_time,
        end_time=end_time,
        session_count=session_count,
        min_child_age=min_child_age,
        max_child_age=max_child_age,
        needs=sorted(set(needs)),
        status=Programme.Status.OPEN if open_for_enrolment else Programme.Status.DRAFT,
        created_by=created_by,
    )
    programme.facilitators.set(facilitators)
    for number, day in enumerate(days, start=1):
        ProgrammeSession.objects.create(
            programme=programme,
            number=number,
            starts_at=local_moment(day, start_time),
            ends_at=local_moment(day, end_time),
        )
    return programme


@transaction.atomic
def programme_open(*, programme: Programme) -> Programme:
    """A draft programme starts taking enrolments."""
    programme = Programme.objects.select_for_update(of=("self",)).get(pk=programme.pk)
    if programme.status != Programme.Status.DRAFT:
        raise ValidationError("The programme is already open for enrolment.")
    programme.status = Programme.Status.OPEN
    programme.save(update_fields=["status"])
    return programme


@transaction.atomic
def programme_session_cancel(*, session: ProgrammeSession, reason: str) -> ProgrammeSession:
    """Call off one session: it no longer counts towards anyone's completion."""
    session = ProgrammeSession.objects.select_for_update(of=("self",)).select_related("programme").get(pk=session.pk)
    if session.programme.status == Programme.Status.FINISHED:
        raise ValidationError("The programme has finished: its sessions can no longer be changed.")
    if session.cancelled:
        raise ValidationError("The session is already cancelled.")
    if session.register_taken_at is not None:
        raise ValidationError(
            f"The register for the session on {date_format(session.date, 'j F Y')} has been taken: it took place."
        )
    if not reason.strip():
        raise ValidationError({"reason": "Say why the session is cancelled"})
    session.cancelled = True
    session.cancelled_reason = reason.strip()
    session.save(update_fields=["cancelled", "cancelled_reason"])
    return session
