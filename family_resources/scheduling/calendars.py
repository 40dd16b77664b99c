"""Calendar files (iCalendar, RFC 5545): one appointment, or a practitioner's diary.

A calendar file leaves the service: it is synced to phones and shared calendars. So it carries as
little as it can: the family's reference rather than their name, no purpose (free text that may be
sensitive), and never an address marked do not disclose, whoever downloads it.
"""

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from family_resources.families.addresses import address_for_letter
from family_resources.scheduling.chronology import appointment_title
from family_resources.scheduling.models import Appointment, AppointmentStatus

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.COUNCIL_NAME}//{settings.SERVICE_NAME}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _uid(appointment: Appointment) -> str:
    host = urlsplit(settings.PUBLIC_BASE_URL).hostname or "family-resources"
    return f"appointment-{appointment.pk}@{host}"


def _event(appointment: Appointment, *, summary: str, location: str, description: str) -> Event:
    event = Event()
    event.add("uid", _uid(appointment))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", appointment.starts_at)
    event.add("dtend", appointment.ends_at)
    event.add("summary", summary)
    event.add("location", location)
    event.add("description", description)
    event.add("status", "CANCELLED" if appointment.status == AppointmentStatus.CANCELLED else "CONFIRMED")
    return event


def home_of(appointment: Appointment) -> Any:
    """Whose address a home visit is at: an adult who lives apart from the family has their own."""
    return appointment.person if appointment.person.lives_elsewhere else appointment.episode.family


def _staff_location(appointment: Appointment) -> str:
    if appointment.room is not None:
        place = appointment.room.place
        return ", ".join(part for part in (appointment.room.name, place.name, place.full_address) if part)
    # The rule for other parties, not the reader's: a hidden address is withheld even from the team here.
    address = address_for_letter(holder=home_of(appointment))
    if address.withheld:
        return _("Home visit: the address is withheld (see the family's record)")
    return _("Home visit: %(address)s") % {"address": address} if address.known else _("Home visit")


def _staff_event(appointment: Appointment) -> Event:
    link = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("scheduling:appointment", args=[appointment.pk])
    return _event(
        appointment,
        summary=f"{appointment_title(appointment)}, {appointment.episode.family.reference}",
        location=_staff_location(appointment),
        description=_("Details in the Family Resources Service: %(link)s") % {"link": link},
    )


def appointment_calendar(appointment: Appointment) -> bytes:
    """One appointment, for the practitioner's own calendar."""
    calendar = _calendar(settings.SERVICE_NAME)
    calendar.add_component(_staff_event(appointment))
    return calendar.to_ical()


def diary_calendar(*, practitioner: Any, appointments: Iterable[Appointment]) -> bytes:
    """A practitioner's diary as one calendar file."""
    calendar = _calendar(_("%(name)s: diary") % {"name": practitioner.full_name})
    for appointment in appointments:
        calendar.add_component(_staff_event(appointment))
    return calendar.to_ical()


def family_calendar(appointment: Appointment) -> bytes:
    """One appointment for the family (the portal will offer it): the place, or just "your home"."""
    calendar = _calendar(settings.SERVICE_NAME)
    if appointment.room is not None:
        place = appointment.room.place
        location = ", ".join(part for part in (place.name, place.full_address) if part)
    else:
        location = _("At your home")
    description = _("With %(practitioner)s. To change or cancel, call %(phone)s.") % {
        "practitioner": appointment.practitioner.full_name,
        "phone": settings.SERVICE_PHONE,
    }
    calendar.add_component(
        _event(
            appointment,
            summary=_("Appointment with the %(service)s") % {"service": settings.SERVICE_NAME},
            location=location,
            description=description,
        )
    )
    return calendar.to_ical()
