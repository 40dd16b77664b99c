"""Booking an appointment, and moving one: the details, the free times found for them, then the time chosen.

One page does both steps without JavaScript: "Find free times" shows the times as radio buttons under
the details, and "Book" books the one chosen. Whatever was typed is kept when anything goes wrong.
"""

from datetime import datetime, time, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.casework.models import Delivery, Episode, PlanAction
from family_resources.core.forms import form_add_service_errors
from family_resources.families.models import Person
from family_resources.scheduling import selectors, slots
from family_resources.scheduling.forms import BookingForm, SlotSearchForm
from family_resources.scheduling.models import Appointment, Where
from family_resources.scheduling.services import appointment_book, appointment_reschedule

# The page offers free times about an hour apart, at most eight a day, 24 in all: three days or more to choose from.
OFFERED = 24
PER_DAY = 8
SPACING = timedelta(hours=1)
# The service's errors are about the time when they name the room: the room comes with the time chosen.
FIELD_NAMES: dict[str, str | None] = {"room": "slot", "plan_action": None}


def _id_from(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    if not value:
        return None
    if not value.isdigit():
        raise Http404
    return int(value)


def _episode_and_action(request: HttpRequest) -> tuple[Episode, PlanAction | None]:
    action_id, episode_id = _id_from(request, "action"), _id_from(request, "episode")
    if action_id is not None:
        action = selectors.plan_action_for_booking(action_id=action_id)
        return selectors.episode_for_booking(episode_id=action.outcome.plan.episode_id), action
    if episode_id is not None:
        return selectors.episode_for_booking(episode_id=episode_id), None
    raise Http404


def _offer(form: SlotSearchForm, data: dict[str, Any], *, person: Person | None, ignore_id: int | None = None) -> None:
    """Find free times for the details in `data` (the form's cleaned data, or its initial values)."""
    practitioner_ids = form.search_practitioner_ids(data)
    place = data.get("place") if data.get("where") == Where.PLACE else None
    incomplete = not data.get("where") or (data.get("where") == Where.PLACE and not place)
    if person is None or not practitioner_ids or not data.get("minutes") or incomplete:
        form.offer([], searched=False)
        return
    from_date = data.get("from_date") or timezone.localdate()
    found = slots.find_slots(
        person=person,
        practitioner_ids=practitioner_ids,
        place=place,
        length=timedelta(minutes=int(data["minutes"])),
        earliest=timezone.make_aware(datetime.combine(from_date, time.min)),
        people=int(data.get("people_expected") or 2),
        count=OFFERED,
        per_day=PER_DAY,
        spacing=SPACING,
        ignore_appointment_id=ignore_id,
    )
    form.offer(found)


def _initial_for(episode: Episode, action: PlanAction | None, user: Any, people: list[Person]) -> dict[str, Any]:
    adults = [p for p in people if p.kind == Person.Kind.ADULT]
    # The action's own practitioner when it has one, otherwise whoever is booking.
    practitioner = action.assigned_to if action is not None and action.assigned_to is not None else user
    where = Where.PLACE if action is not None and action.delivery == Delivery.HUB else Where.HOME
    return {
        "person": str((adults or people)[0].pk) if people else None,
        "purpose": action.intervention.name if action is not None else "",
        "where": where,
        "place": episode.team.base if episode.team.base_id else None,
        "minutes": 60,
        "people_expected": 2,
        "practitioner": str(practitioner.pk),
        "from_date": timezone.localdate(),
    }


def book(request: HttpRequest) -> HttpResponse:
    """Book from a plan action (?action=) or for the family's episode (?episode=), pre-filled from the action."""
    episode, action = _episode_and_action(request)
    authorise(user=request.user, perm="scheduling.book_appointment", instance=episode)
    people = selectors.family_members_to_see(episode=episode)
    practitioners = list(selectors.team_workers(team_id=episode.team_id))
    booking = request.method == "POST" and "book" in request.POST
    initial = _initial_for(episode, action, request.user, people)
    form = BookingForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        people=people,
        practitioners=practitioners,
        booking=booking,
    )
    if booking and form.is_valid():
        data = form.cleaned_data
        chosen = data["chosen"]
        try:
            appointment = appointment_book(
                episode=episode,
                person=form.chosen_person(),
                practitioner=form.practitioners.get(chosen.practitioner_id),
                where=data["where"],
                room=data["room"],
                starts_at=chosen.starts_at,
                minutes=chosen.minutes,
                purpose=data["purpose"],
                booked_by=request.user,
                plan_action=action,
                people_expected=data["people_expected"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error, field_names=FIELD_NAMES)
        else:
            messages.success(request, _booked_message(appointment))
            return redirect("scheduling:appointment", appointment.pk)
    if form.is_bound:
        form.is_valid()  # errors or not, the times for the details that are right stay on offer
        _offer(form, form.cleaned_data, person=form.chosen_person())
    else:
        _offer(form, initial, person=form.people.get(initial["person"] or ""))
    audit_view(instance=episode)
    audit_views(instances=[*people, *([action] if action is not None else [])])
    return render(
        request,
        "scheduling/book.html",
        {"episode": episode, "family": episode.family, "action": action, "form": form},
    )


def _booked_message(appointment: Appointment) -> str:
    if appointment.confirmation_sent_at is not None:
        return _("Appointment booked. The family has been sent a confirmation.")
    return _("Appointment booked. The family has no email address or mobile number, so tell them yourself.")


def reschedule(request: HttpRequest, appointment_id: int) -> HttpResponse:
    """Give a booked appointment a new time, or rebook one that a closure cancelled."""
    appointment = selectors.appointment_for_page(appointment_id=appointment_id)
    authorise(user=request.user, perm="scheduling.change_appointment", instance=appointment)
    episode = appointment.episode
    practitioners = list(selectors.team_workers(team_id=episode.team_id))
    booking = request.method == "POST" and "book" in request.POST
    initial = {
        "where": appointment.where,
        "place": appointment.room.place if appointment.room is not None else episode.team.base,
        "minutes": int(appointment.length.total_seconds() // 60),
        "people_expected": appointment.people_expected,
        "practitioner": str(appointment.practitioner_id),
        "from_date": timezone.localdate(),
    }
    form = SlotSearchForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        practitioners=practitioners,
        booking=booking,
    )
    if booking and form.is_valid():
        data = form.cleaned_data
        chosen = data["chosen"]
        try:
            new = appointment_reschedule(
                appointment=appointment,
                practitioner=form.practitioners.get(chosen.practitioner_id),
                where=data["where"],
                room=data["room"],
                starts_at=chosen.starts_at,
                minutes=chosen.minutes,
                people_expected=data["people_expected"],
                changed_by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error, field_names=FIELD_NAMES)
        else:
            messages.success(request, _("The appointment has a new time. The family has been told."))
            return redirect("scheduling:appointment", new.pk)
    if form.is_bound:
        form.is_valid()  # errors or not, the times for the details that are right stay on offer
    _offer(form, form.cleaned_data if form.is_bound else initial, person=appointment.person, ignore_id=appointment.pk)
    audit_view(instance=appointment)
    return render(
        request,
        "scheduling/reschedule.html",
        {"appointment": appointment, "episode": episode, "form": form},
    )
