"""Appointments on the family's chronology: each one at its time, with what became of it."""

from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from family_resources.casework.chronology import (
    ChronologyScope,
    Entry,
    EntryKind,
    RecordRef,
    columns,
    in_episodes,
    register_source,
)
from family_resources.core.choices import choice_label
from family_resources.families.models import Person
from family_resources.scheduling.models import Appointment, AppointmentStatus, Where


def register() -> None:
    """Called once, from the app's ready()."""
    register_source(EntryKind.APPOINTMENT, appointment_entries, present=in_episodes(Appointment))


def appointment_title(appointment: Appointment) -> str:
    """ "Home visit" or "Appointment at <place>": never the family's address."""
    place = None if appointment.room is None else appointment.room.place.name
    return _title(where=appointment.where, place=place)


def _title(*, where: str, place: str | None) -> str:
    if where == Where.HOME:
        return _("Home visit")
    assert place is not None
    return _("Appointment at %(place)s") % {"place": place}


def appointment_entries(scope: ChronologyScope) -> Iterator[Entry]:
    appointments = columns(
        Appointment.objects.filter(episode_id__in=scope.episode_ids),
        "pk", "episode_id", "starts_at", "where", "status", "purpose", "cancel_reason", "cancel_detail",
        place="room__place__name",
        person_kind="person__kind",
        person_given_name="person__given_name",
        person_family_name="person__family_name",
        practitioner_name="practitioner__full_name",
        booked_by_name="booked_by__full_name",
    )  # fmt: skip
    for appointment in appointments:
        person = Person.name_of(
            kind=appointment["person_kind"],
            given_name=appointment["person_given_name"],
            family_name=appointment["person_family_name"],
        )
        detail = _("%(purpose)s. With %(person)s, seen by %(practitioner)s.") % {
            "purpose": appointment["purpose"],
            "person": person,
            "practitioner": appointment["practitioner_name"],
        }
        if appointment["status"] == AppointmentStatus.CANCELLED:
            reason = choice_label(Appointment, "cancel_reason", appointment["cancel_reason"])
            cancelled = _("Cancelled: %(reason)s.") % {"reason": reason}
            detail = f"{detail} {cancelled} {appointment['cancel_detail']}".strip()
        status = choice_label(Appointment, "status", appointment["status"])
        yield Entry(
            when=appointment["starts_at"],
            kind=EntryKind.APPOINTMENT,
            title=f"{_title(where=appointment['where'], place=appointment['place'])}: {status.lower()}",
            detail=detail,
            author=appointment["booked_by_name"],
            link=reverse("scheduling:appointment", args=[appointment["pk"]]),
            episode_id=appointment["episode_id"],
            record=RecordRef.to(Appointment, appointment["pk"]),
        )
