"""Writes to appointments: booking, moving, cancelling, marking, closing a place for a day, and reminders.

A booking holds every 15-minute slot it covers for the practitioner, the room and the family member
(`SlotHold`). The database keeps each of those unique, so two people booking the same time at once
cannot both win: the second insert fails, and the service says the time is no longer free
(docs/decisions/0015-scheduling-and-no-double-booking.md).
"""

import logging
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import ngettext

from family_resources.accounts.roles import TEAM_ROLES
from family_resources.casework.models import ActionStatus, Delivery, Episode, PlanAction
from family_resources.families.models import Person
from family_resources.notifications.models import Message
from family_resources.notifications.services import notify_email, notify_sms
from family_resources.places.models import Place, PlaceClosure, Room
from family_resources.programmes.selectors import room_in_use
from family_resources.scheduling import slots
from family_resources.scheduling.models import (
    CHOSEN_CANCEL_REASONS,
    Appointment,
    AppointmentStatus,
    CancelReason,
    SlotHold,
    Where,
)

# Identifiers and event types only: never a family's details.
logger = logging.getLogger(__name__)

NO_LONGER_FREE = "This time is no longer free: choose another"
MAX_LENGTH = timedelta(hours=4)
# --- Booking -------------------------------------------------------------------------------------


def _local_day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _hhmm(moment: time) -> str:
    return time_format(moment, "H:i")


def _require_open(episode: Episode) -> None:
    # Read afresh: the page may have loaded the episode before its support ended.
    if not Episode.objects.filter(pk=episode.pk, status=Episode.Status.OPEN).exists():
        raise ValidationError("The family's support has ended: appointments can no longer be booked.")


def _check_people(
    errors: dict[str, str], *, episode: Episode, person: Person | None, practitioner: Any, purpose: str
) -> None:
    if person is None or person.family_id != episode.family_id:
        errors["person"] = "Choose who in the family the appointment is with"
    elif person.kind == Person.Kind.UNBORN:
        errors["person"] = "An unborn child cannot have an appointment: choose a parent"
    if (
        practitioner is None
        or not practitioner.is_active
        or practitioner.role not in TEAM_ROLES
        or not practitioner.memberships.filter(team_id=episode.team_id).exists()
    ):
        errors["practitioner"] = "Choose a member of the family's team to see them"
    if not purpose.strip():
        errors["purpose"] = "Say what the appointment is for"


def _check_action(errors: dict[str, str], *, episode: Episode, plan_action: PlanAction | None) -> None:
    if plan_action is None:
        return
    if plan_action.outcome.plan.episode_id != episode.pk:
        errors["plan_action"] = "Choose an action from this family's support plan"
    elif plan_action.delivery == Delivery.GROUP:
        errors["plan_action"] = "This action is a group programme: book a place on the programme instead"
    elif plan_action.status in (ActionStatus.DONE, ActionStatus.CANCELLED):
        errors["plan_action"] = "This action is done or cancelled: choose another, or none"


def _check_where(errors: dict[str, str], *, where: str, room: Room | None, people: int) -> None:
    if where not in Where.values:
        errors["where"] = "Choose where the appointment is"
    elif where == Where.PLACE:
        if room is None:
            errors["room"] = "Choose a time with a room at the hub or outreach base"
        elif not room.active:
            errors["room"] = f"{room} is not in use: choose another time"
        elif room.capacity < people:
            errors["room"] = f"{room} holds {room.capacity} people: choose another time or fewer people"
    elif room is not None:
        errors["room"] = "A home visit does not need a room"
    if people < 1:
        errors["people_expected"] = "Say how many people will be there, you included"


def _check_time(
    errors: dict[str, str],
    *,
    where: str,
    room: Room | None,
    starts_at: datetime | None,
    minutes: int | None,
    now: datetime,
) -> None:
    if minutes is None or minutes <= 0 or minutes % 15 or timedelta(minutes=minutes) > MAX_LENGTH:
        errors["minutes"] = "Choose how long the appointment is, in quarter hours up to 4 hours"
        return
    if starts_at is None:
        errors["slot"] = "Choose a time for the appointment"
        return
    if not slots.on_grid(starts_at):
        errors["slot"] = "Appointments start on the hour, or at 15, 30 or 45 minutes past"
        return
    if starts_at <= now:
        errors["slot"] = "The appointment must be in the future"
        return
    ends_at = starts_at + timedelta(minutes=minutes)
    local_start, local_end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    day = local_start.date()
    weekday = date_format(day, "l")
    if where == Where.HOME:
        hours = slots.home_visit_hours().get(day.weekday())
        if hours is None:
            errors["slot"] = f"Home visits are not booked on {weekday}s: choose another day"
        elif local_start.time() < hours[0] or local_end.date() != day or local_end.time() > hours[1]:
            errors["slot"] = f"Home visits are between {_hhmm(hours[0])} and {_hhmm(hours[1])}: choose another time"
        return
    if room is None:
        return
    place = room.place
    opening = slots.place_hours(place).get(day.weekday())
    if opening is None:
        errors["slot"] = f"{place} is closed on {weekday}s: choose another day"
    elif PlaceClosure.objects.filter(place=place, closed_on=day).exists():
        errors["slot"] = f"{place} is closed on {date_format(day, 'j F Y')}: choose another day"
    elif local_start.time() < opening[0] or local_end.date() != day or local_end.time() > opening[1]:
        errors["slot"] = (
            f"{place} is open from {_hhmm(opening[0])} to {_hhmm(opening[1])} on {weekday}s: "
            "choose a time when it is open"
        )


def _taken(why: str) -> str:
    """Every clash reads the same way first, whether found before booking or by the database."""
    return f"This time is no longer free: {why}. Choose another"


def _check_free(
    *,
    practitioner: Any,
    room: Room | None,
    person: Person,
    starts_at: datetime,
    ends_at: datetime,
    ignore_id: int | None,
) -> None:
    """Say who is busy, when it is plain before booking; the holds' constraints decide when it is not."""
    starts = slots.slot_starts(starts_at, ends_at)
    holds = SlotHold.objects.filter(slot_start__in=starts)
    if ignore_id is not None:
        holds = holds.exclude(appointment_id=ignore_id)
    if holds.filter(practitioner=practitioner).exists():
        raise ValidationError({"slot": _taken(f"{practitioner.full_name} already has an appointment then")})
    if room is not None and holds.filter(room=room).exists():
        raise ValidationError({"slot": _taken(f"{room} is already booked then")})
    if room is not None and (uses := room_in_use(room=room, starts_at=starts_at, ends_at=ends_at)):
        raise ValidationError({"slot": _taken(f"{room} is booked for {uses[0].label} then")})
    if holds.filter(person=person).exists():
        raise ValidationError({"slot": _taken(f"{person} already has an appointment then")})
    travel = timedelta(minutes=settings.SCHEDULING_TRAVEL_MINUTES)
    location = ("place", room.place_id) if room is not None else slots.home_location(person)
    bookings = slots.practitioner_bookings(
        [practitioner.pk], starts_at - travel - MAX_LENGTH, ends_at + travel, ignore_appointment_id=ignore_id
    )[practitioner.pk]
    clash = slots.travel_clash(slots.Interval(starts_at, ends_at), location, bookings, travel)
    if clash is not None:
        at = time_format(timezone.localtime(clash.starts_at), "H:i")
        raise ValidationError(
            {
                "slot": f"{practitioner.full_name} needs {settings.SCHEDULING_TRAVEL_MINUTES} minutes to travel "
                f"to or from their appointment at {at}: choose another time"
            }
        )


def _hold(appointment: Appointment) -> None:
    """Insert the appointment's holds; a unique constraint failing means someone else got there first."""
    holds = [
        SlotHold(
            slot_start=start,
            appointment=appointment,
            practitioner_id=appointment.practitioner_id,
            room_id=appointment.room_id,
            person_id=appointment.person_id,
        )
        for start in slots.slot_starts(appointment.starts_at, appointment.ends_at)
    ]
    try:
        with transaction.atomic():
            SlotHold.objects.bulk_create(holds)
    except IntegrityError:
        logger.info("appointment booking lost a race for its slots")
        raise ValidationError({"slot": NO_LONGER_FREE}) from None


def _book(
    *,
    episode: Episode,
    person: Person | None,
    practitioner: Any,
    where: str,
    room: Room | None,
    starts_at: datetime | None,
    minutes: int | None,
    purpose: str,
    booked_by: Any,
    plan_action: PlanAction | None,
    people_expected: int,
    now: datetime,
    rescheduled_from: Appointment | None = None,
) -> Appointment:
    _require_open(episode)
    if room is not None and where == Where.PLACE:
        # Closing a place locks it too, so a booking cannot slip in while the day's appointments are cancelled;
        # programmes locks the room to book a group session or supervised contact in it.
        Place.objects.select_for_update().filter(pk=room.place_id).first()
        Room.objects.select_for_update().filter(pk=room.pk).first()
    errors: dict[str, str] = {}
    _check_people(errors, episode=episode, person=person, practitioner=practitioner, purpose=purpose)
    _check_action(errors, episode=episode, plan_action=plan_action)
    _check_where(errors, where=where, room=room, people=people_expected)
    _check_time(
        errors, where=where, room=room if where == Where.PLACE else None, starts_at=starts_at, minutes=minutes, now=now
    )
    if errors:
        raise ValidationError(errors)
    # The checks above refuse a missing person, time or length.
    assert person is not None
    assert starts_at is not None
    assert minutes is not None
    ends_at = starts_at + timedelta(minutes=minutes)
    ignore_id = rescheduled_from.pk if rescheduled_from is not None else None
    _check_free(
        practitioner=practitioner, room=room, person=person, starts_at=starts_at, ends_at=ends_at, ignore_id=ignore_id
    )
    appointment = Appointment.objects.create(
        episode=episode,
        person=person,
        practitioner=practitioner,
        plan_action=plan_action,
        purpose=purpose.strip(),
        where=where,
        room=room,
        people_expected=people_expected,
        starts_at=starts_at,
        ends_at=ends_at,
        booked_by=booked_by,
        booked_at=now,
        rescheduled_from=rescheduled_from,
    )
    _hold(appointment)
    return appointment


@transaction.atomic
def appointment_book(
    *,
    episode: Episode,
    person: Person | None,
    practitioner: Any,
    where: str,
    room: Room | None,
    starts_at: datetime | None,
    minutes: int | None,
    purpose: str,
    booked_by: Any,
    plan_action: PlanAction | None = None,
    people_expected: int = 2,
    now: datetime | None = None,
) -> Appointment:
    """Book a family member with a practitioner of the family's team, at a room of a place or at home.

    The time must be on the 15-minute grid, in the future, within the place's opening hours and not on a
    day it is closed (home visits: the service's home-visit hours), with time to travel from and to the
    practitioner's appointments elsewhere. The family is sent a confirmation by their chosen channel.
    """
    appointment = _book(
        episode=episode,
        person=person,
        practitioner=practitioner,
        where=where,
        room=room,
        starts_at=starts_at,
        minutes=minutes,
        purpose=purpose,
        booked_by=booked_by,
        plan_action=plan_action,
        people_expected=people_expected,
        now=now or timezone.now(),
    )
    _tell_family(appointment, "appointment_booked", confirmation=True)
    logger.info("appointment %s booked", appointment.pk)
    return appointment


@transaction.atomic
def appointment_reschedule(
    *,
    appointment: Appointment,
    practitioner: Any,
    where: str,
    room: Room | None,
    starts_at: datetime | None,
    minutes: int | None,
    changed_by: Any,
    people_expected: int | None = None,
    now: datetime | None = None,
) -> Appointment:
    """Move a booked appointment to a new time (or place), or rebook one a closure cancelled.

    The new appointment links back to the old one, which is cancelled as moved; its slots are freed in
    the same transaction, so the new time may overlap the old.
    """
    moment = now or timezone.now()
    # Places before appointments, in one order, as place_close takes them: two changes cannot deadlock.
    old_place_id = Appointment.objects.filter(pk=appointment.pk).values_list("room__place_id", flat=True).first()
    place_ids = {place_id for place_id in (old_place_id, room.place_id if room is not None else None) if place_id}
    list(Place.objects.select_for_update().filter(pk__in=place_ids).order_by("pk"))
    old = Appointment.objects.select_for_update(of=("self",)).select_related("episode").get(pk=appointment.pk)
    if old.status == AppointmentStatus.BOOKED:
        if old.starts_at <= moment:
            raise ValidationError("This appointment has started: record whether the family came instead.")
        _cancel(old, reason=CancelReason.RESCHEDULED, detail="", cancelled_by=changed_by, now=moment)
    elif not old.is_open_to_rebook:
        raise ValidationError("Only a booked appointment, or one a closure cancelled, can be given a new time.")
    new = _book(
        episode=old.episode,
        person=old.person,
        practitioner=practitioner,
        where=where,
        room=room,
        starts_at=starts_at,
        minutes=minutes,
        purpose=old.purpose,
        booked_by=changed_by,
        plan_action=old.plan_action,
        people_expected=people_expected if people_expected is not None else old.people_expected,
        now=moment,
        rescheduled_from=old,
    )
    _tell_family(new, "appointment_moved", confirmation=True)
    logger.info("appointment %s moved to appointment %s", old.pk, new.pk)
    return new


# --- Cancelling and marking ----------------------------------------------------------------------


def _cancel(appointment: Appointment, *, reason: str, detail: str, cancelled_by: Any, now: datetime) -> None:
    appointment.status = AppointmentStatus.CANCELLED
    appointment.cancel_reason = reason
    appointment.cancel_detail = detail.strip()
    appointment.cancelled_at = now
    appointment.cancelled_by = cancelled_by
    appointment.save(update_fields=["status", "cancel_reason", "cancel_detail", "cancelled_at", "cancelled_by"])
    appointment.holds.all().delete()


@transaction.atomic
def appointment_cancel(
    *, appointment: Appointment, reason: str, detail: str = "", cancelled_by: Any, now: datetime | None = None
) -> Appointment:
    """Cancel a booked appointment with a reason: its slots are free again and the family is told."""
    moment = now or timezone.now()
    appointment = Appointment.objects.select_for_update(of=("self",)).get(pk=appointment.pk)
    if appointment.status != AppointmentStatus.BOOKED:
        raise ValidationError("Only a booked appointment can be cancelled.")
    if reason not in CHOSEN_CANCEL_REASONS:
        raise ValidationError({"reason": "Choose why the appointment is cancelled"})
    if reason == CancelReason.OTHER and not detail.strip():
        raise ValidationError({"detail": "Say why the appointment is cancelled"})
    _cancel(appointment, reason=reason, detail=detail, cancelled_by=cancelled_by, now=moment)
    if appointment.starts_at > moment:
        _tell_family(appointment, "appointment_cancelled")
    logger.info("appointment %s cancelled reason=%s", appointment.pk, reason)
    return appointment


def closure_effect_appointments(episode: Episode) -> str:
    count = Appointment.objects.filter(
        episode=episode, status=AppointmentStatus.BOOKED, starts_at__gt=timezone.now()
    ).count()
    if not count:
        return ""
    return ngettext(
        "The appointment still to come will be cancelled and the family told.",
        "The %(count)d appointments still to come will be cancelled and the family told.",
        count,
    ) % {"count": count}


def appointments_cancel_for_closed_episode(*, episode: Episode, closed_by: Any, now: datetime | None = None) -> int:
    """Cancel the one-to-one appointments still to come once the team's work with the family ends.

    Runs in the closing transaction (casework's `episode_closed` signal), so a closure that rolls back
    cancels nothing; each family member is told, as with any cancellation.
    """
    moment = now or timezone.now()
    upcoming = Appointment.objects.select_for_update(of=("self",)).filter(
        episode=episode, status=AppointmentStatus.BOOKED, starts_at__gt=moment
    )
    cancelled = 0
    for appointment in upcoming:
        _cancel(appointment, reason=CancelReason.SUPPORT_ENDED, detail="", cancelled_by=closed_by, now=moment)
        _tell_family(appointment, "appointment_cancelled")
        cancelled += 1
    if cancelled:
        logger.info("episode %s closed: %s appointments cancelled", episode.pk, cancelled)
    return cancelled


MARKS = (AppointmentStatus.ATTENDED, AppointmentStatus.DID_NOT_ATTEND)


@transaction.atomic
def appointment_mark(
    *, appointment: Appointment, outcome: str, marked_by: Any, now: datetime | None = None
) -> Appointment:
    """Record whether the family member came, once the appointment has started. A mark may be corrected."""
    moment = now or timezone.now()
    appointment = Appointment.objects.select_for_update(of=("self",)).get(pk=appointment.pk)
    if outcome not in MARKS:
        raise ValidationError({"outcome": "Choose whether they came"})
    if appointment.status == AppointmentStatus.CANCELLED:
        raise ValidationError("A cancelled appointment cannot be marked.")
    if appointment.starts_at > moment:
        raise ValidationError({"outcome": "You can record whether they came once the appointment has started"})
    appointment.status = outcome
    appointment.marked_at = moment
    appointment.marked_by = marked_by
    appointment.save(update_fields=["status", "marked_at", "marked_by"])
    logger.info("appointment %s marked %s", appointment.pk, outcome)
    return appointment


# --- Closing a place for a day -------------------------------------------------------------------


@transaction.atomic
def place_close(
    *, place: Place, day: date | None, reason: str, detail: str = "", recorded_by: Any, now: datetime | None = None
) -> list[Appointment]:
    """Close a place for a day: its booked appointments that day are cancelled, to rebook, and families told.

    Returns the appointments cancelled, which stay on the team's list to rebook until each has a new time.
    """
    moment = now or timezone.now()
    place = Place.objects.select_for_update().get(pk=place.pk)
    errors: dict[str, str] = {}
    if day is None:
        errors["day"] = "Enter the date the building is closed"
    elif day < timezone.localdate(moment):
        errors["day"] = "The date the building is closed must be today or in the future"
    elif PlaceClosure.objects.filter(place=place, closed_on=day).exists():
        errors["day"] = f"{place} is already closed on {date_format(day, 'j F Y')}"
    if reason not in PlaceClosure.Reason.values:
        errors["reason"] = "Choose why the building is closed"
    elif reason == PlaceClosure.Reason.OTHER and not detail.strip():
        errors["detail"] = "Say why the building is closed"
    if errors:
        raise ValidationError(errors)
    assert day is not None
    # places has no services module yet: its closure row is written here (ADR 0015).
    PlaceClosure.objects.create(
        place=place, closed_on=day, reason=reason, detail=detail.strip(), recorded_by=recorded_by
    )
    starts, ends = _local_day_bounds(day)
    affected = list(
        Appointment.objects.select_for_update(of=("self",))
        .filter(room__place=place, status=AppointmentStatus.BOOKED, starts_at__gte=starts, starts_at__lt=ends)
        .select_related("episode__family", "room__place", "practitioner")
        .order_by("starts_at", "id")
    )
    for appointment in affected:
        _cancel(appointment, reason=CancelReason.PLACE_CLOSED, detail="", cancelled_by=recorded_by, now=moment)
        if appointment.starts_at > moment:
            _tell_family(appointment, "appointment_cancelled")
    logger.info("place %s closed, %s appointments cancelled", place.pk, len(affected))
    return affected


# --- Messages to the family ----------------------------------------------------------------------


def _message_context(appointment: Appointment) -> dict[str, Any]:
    """What a message may say: when, where (a place's public address, or only "your home"), and with whom."""
    room = appointment.room
    return {
        "starts_at": appointment.starts_at,
        "ends_at": appointment.ends_at,
        "at_home": appointment.at_home,
        "place_name": room.place.name if room is not None else "",
        "place_address": room.place.full_address if room is not None else "",
        "practitioner": appointment.practitioner.full_name,
    }


def _tell_family(appointment: Appointment, template: str, *, confirmation: bool = False) -> Message | None:
    """Send a message by the family's chosen channel (the other one if that is all we have); None if neither."""
    family = appointment.episode.family
    regarding = ("scheduling.appointment", str(appointment.pk))
    options: dict[str, Any] = {
        "template": template,
        "context": _message_context(appointment),
        "language": family.preferred_language,
        "regarding": regarding,
    }
    if family.contact_channel == "sms" and family.contact_phone:
        message = notify_sms(to=family.contact_phone, **options)
    elif family.contact_email:
        message = notify_email(to=family.contact_email, **options)
    elif family.contact_phone:
        message = notify_sms(to=family.contact_phone, **options)
    else:
        return None
    if confirmation:
        appointment.confirmation_sent_at = message.created_at
        appointment.save(update_fields=["confirmation_sent_at"])
    return message


def appointment_reminders_send(*, now: datetime | None = None) -> list[Appointment]:
    """Remind each family of tomorrow's booked appointments, once each. Safe to run as often as you like.

    Each appointment is reminded in its own transaction, with its row locked and re-read, so two runs at
    once cannot both send, and one failure does not undo the reminders already recorded.
    """
    moment = now or timezone.now()
    starts, ends = _local_day_bounds(timezone.localdate(moment) + timedelta(days=1))
    due = Appointment.objects.filter(
        status=AppointmentStatus.BOOKED, reminder_sent_at__isnull=True, starts_at__gte=starts, starts_at__lt=ends
    )
    reminded = []
    for appointment_id in due.order_by("starts_at", "id").values_list("id", flat=True):
        with transaction.atomic():
            appointment = (
                due.select_for_update(of=("self",))
                .select_related("episode__family", "room__place", "practitioner")
                .filter(pk=appointment_id)
                .first()
            )
            if appointment is None:
                continue  # cancelled, or reminded by another run, since the list was read
            if _tell_family(appointment, "appointment_reminder") is None:
                continue  # no way to reach the family: nothing to record
            appointment.reminder_sent_at = moment
            appointment.save(update_fields=["reminder_sent_at"])
            reminded.append(appointment)
    logger.info("appointment reminders sent=%s", len(reminded))
    return reminded


# --- Holds for other apps ------------------------------------------------------------------------


@transaction.atomic
def slots_hold(
    *,
    held_for: str,
    starts_at: datetime,
    ends_at: datetime,
    practitioner: Any = None,
    room: Room | None = None,
    person: Person | None = None,
) -> list[SlotHold]:
    """Hold a practitioner, a room or a family member for something another app books (a group session).

    Raises ValidationError when any of them is already held then. Times must be on the 15-minute grid.
    """
    if not held_for or not slots.on_grid(starts_at) or not slots.on_grid(ends_at) or ends_at <= starts_at:
        raise ValueError("Holds are named, and start and end on the 15-minute grid.")
    holds = [
        SlotHold(slot_start=start, held_for=held_for, practitioner=practitioner, room=room, person=person)
        for start in slots.slot_starts(starts_at, ends_at)
    ]
    try:
        with transaction.atomic():
            return SlotHold.objects.bulk_create(holds)
    except IntegrityError:
        raise ValidationError(NO_LONGER_FREE) from None


@transaction.atomic
def slots_release(*, held_for: str) -> int:
    """Free everything held under this name; returns how many slots were freed."""
    deleted, _ = SlotHold.objects.filter(held_for=held_for, appointment__isnull=True).delete()
    return deleted
