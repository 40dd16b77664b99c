"""One appointment: its page, cancelling it, recording whether the family came, and its calendar file."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.core.forms import form_add_service_errors
from family_resources.families.addresses import address_seen_by
from family_resources.scheduling import calendars, selectors
from family_resources.scheduling.forms import CancelForm, MarkForm
from family_resources.scheduling.models import Appointment, AppointmentStatus
from family_resources.scheduling.services import appointment_cancel, appointment_mark


def _appointment(request: HttpRequest, appointment_id: int, perm: str) -> Appointment:
    appointment = selectors.appointment_for_page(appointment_id=appointment_id)
    authorise(user=request.user, perm=perm, instance=appointment)
    return appointment


def appointment_detail(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = _appointment(request, appointment_id, "scheduling.view_appointment")
    audit_views(instances=[appointment, appointment.person])
    can_change = request.user.has_perm("scheduling.change_appointment", appointment)
    booked = appointment.status == AppointmentStatus.BOOKED
    started = appointment.starts_at <= timezone.now()
    return render(
        request,
        "scheduling/appointment_detail.html",
        {
            "appointment": appointment,
            "episode": appointment.episode,
            "family": appointment.episode.family,
            # The home visited, as this reader may see it: the families app decides, and audits a reveal.
            "address": address_seen_by(user=request.user, holder=calendars.home_of(appointment))
            if appointment.at_home
            else None,
            "can_view_case": request.user.has_perm("casework.view_episode", appointment.episode),
            "can_move": can_change and ((booked and not started) or appointment.is_open_to_rebook),
            "can_cancel": can_change and booked,
            "can_mark": can_change and started and appointment.status != AppointmentStatus.CANCELLED,
        },
    )


def cancel(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = _appointment(request, appointment_id, "scheduling.change_appointment")
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            appointment_cancel(
                appointment=appointment,
                reason=form.cleaned_data["reason"],
                detail=form.cleaned_data["detail"],
                cancelled_by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Appointment cancelled. Its time is free again."))
            return redirect("scheduling:appointment", appointment.pk)
    audit_view(instance=appointment)
    return render(request, "scheduling/cancel.html", {"appointment": appointment, "form": form})


@require_POST
def mark(request: HttpRequest, appointment_id: int) -> HttpResponse:
    appointment = _appointment(request, appointment_id, "scheduling.change_appointment")
    form = MarkForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose whether they came"))
        appointment_mark(appointment=appointment, outcome=form.cleaned_data["outcome"], marked_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Attendance recorded."))
    return redirect("scheduling:appointment", appointment.pk)


def calendar_file(request: HttpRequest, appointment_id: int) -> HttpResponse:
    """The appointment as an .ics file for the practitioner's own calendar (never a hidden address)."""
    appointment = _appointment(request, appointment_id, "scheduling.view_appointment")
    audit_view(instance=appointment)
    response = HttpResponse(calendars.appointment_calendar(appointment), content_type=calendars.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="appointment-{appointment.pk}.ics"'
    return response


def episode_appointments(request: HttpRequest, episode_id: int) -> HttpResponse:
    """A family's appointments in this episode, and the plan's one-to-one actions to book them for."""
    episode = selectors.episode_for_booking(episode_id=episode_id)
    authorise(user=request.user, perm="casework.view_episode", instance=episode)
    appointments = selectors.episode_appointments(episode=episode)
    actions = selectors.bookable_actions(episode=episode)
    audit_view(instance=episode)
    audit_views(instances=[*appointments, *actions])
    return render(
        request,
        "scheduling/episode_appointments.html",
        {
            "episode": episode,
            "family": episode.family,
            "appointments": appointments,
            "actions": actions,
            "can_book": request.user.has_perm("scheduling.book_appointment", episode),
        },
    )
