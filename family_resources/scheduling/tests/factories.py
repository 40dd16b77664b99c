"""Appointments for tests, booked through the real service, on days that are always in the future."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from family_resources.accounts.models import User
from family_resources.casework.models import Episode, PlanAction
from family_resources.casework.tests.factories_plans import allocated_episode
from family_resources.core.working_days import bank_holidays_between
from family_resources.families.models import Person
from family_resources.families.tests.factories import AdultFactory
from family_resources.places.models import Place, Room
from family_resources.scheduling.models import Appointment, Where
from family_resources.scheduling.services import appointment_book

# Weeks from monday() clear of bank holidays: a four-week slot search (SEARCH_DAYS) from monday(2) included.
CLEAR_WEEKS = 5


def monday(weeks_ahead: int = 1) -> date:
    """A Monday at least a day away (so any time on it is in the future), `weeks_ahead` weeks on.

    Slot searches skip bank holidays (core.working_days), so the first Monday is the first of CLEAR_WEEKS
    weeks without one: the tests' weeks are ordinary weeks, whatever day the suite runs on."""
    today = timezone.localdate()
    first = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    while bank_holidays_between(first, first + timedelta(weeks=CLEAR_WEEKS, days=-1)):
        first += timedelta(weeks=1)
    return first + timedelta(weeks=weeks_ahead - 1)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A wall-clock time in the service's time zone."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def leagrave() -> Place:
    """The West Luton team's base (reference data): a family room for 6 and a group room for 16, 9 to 5 on weekdays."""
    return Place.objects.get(slug="leagrave-hub")


def family_room(place: Place | None = None) -> Room:
    return Room.objects.get(place=place or leagrave(), name="Family room")


def parent_of(episode: Episode) -> Person:
    """The family's first adult, made if there is none (accepted_episode gives the family only a child)."""
    adult = episode.family.members.filter(kind=Person.Kind.ADULT).first()
    return adult or AdultFactory.create(family=episode.family)


def book(
    episode: Episode,
    practitioner: User,
    *,
    starts_at: datetime,
    minutes: int = 60,
    room: Room | None = None,
    person: Person | None = None,
    plan_action: PlanAction | None = None,
    **kwargs: Any,
) -> Appointment:
    return appointment_book(
        episode=episode,
        person=person or parent_of(episode),
        practitioner=practitioner,
        where=Where.PLACE if room is not None else Where.HOME,
        room=room,
        starts_at=starts_at,
        minutes=minutes,
        purpose=kwargs.pop("purpose", "Bedtime routines"),
        booked_by=kwargs.pop("booked_by", practitioner),
        plan_action=plan_action,
        **kwargs,
    )


def booked_episode(**family_fields: object) -> tuple[Episode, User]:
    """An allocated West Luton episode whose family can be reached by email."""
    family_fields.setdefault("contact_email", "parent@example.org")
    return allocated_episode(**family_fields)
