"""Appointments on the family's chronology: each one at its time, with what became of it."""

from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from family_resources.casework.chronology import ChronologyScope, Entry, EntryKind, in_episodes, register_source
from family_resources.scheduling.models import Appointment, AppointmentStatus


def register() -> None:
    """Called once, from the app's ready()."""
    register_source(EntryKind.APPOINTMENT, appointment_entries, present=in_episodes(Appointment))


def appointment_title(appointment: Appointment) -> str:
    """ "Home visit" or "Appointment at <place>": never the family's address."""
    if appointment.at_home:
        return _("Home visit")
    assert appointment.room is not None
    return _("Appointment at %(place)s") % {"place": appointment.room.place.name}


def appointment_entries(scope: ChronologyScope) -> Iterator[Entry]:
    appointments = Appointment.objects.filter(episode_id__in=scope.episode_ids).select_related(
        "person", "practitioner", "room__place", "booked_by"
    )
    for appointment in appointments:
        detail = _("%(purpose)s. With %(person)s, seen by %(practitioner)s.") % {
            "purpose": appointment.purpose,
            "person": appointment.person,
            "practitioner": appointment.practitioner.full_name,
        }
        if appointment.status == AppointmentStatus.CANCELLED:
            reason = appointment.get_cancel_reason_display()
            detail = f"{detail} {_('Cancelled: %(reason)s.') % {'reason': reason}} {appointment.cancel_detail}".strip()
        yield Entry(
            when=appointment.starts_at,
            kind=EntryKind.APPOINTMENT,
            title=f"{appointment_title(appointment)}: {appointment.get_status_display().lower()}",
            detail=detail,
            author=appointment.booked_by.full_name,
            link=reverse("scheduling:appointment", args=[appointment.pk]),
            episode_id=appointment.episode_id,
            record=appointment,
        )
