"""Programmes in each state a course passes through, built with the real services, and families to enrol on them."""

from datetime import date, time, timedelta
from typing import Any

from django.utils import timezone

from family_resources.accounts.models import Team, User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import Episode, PlanAction
from family_resources.casework.tests.factories_plans import accepted_episode, agreed_plan, allocated_episode
from family_resources.catalogue.models import Intervention
from family_resources.families.models import Person
from family_resources.families.tests.factories import AdultFactory
from family_resources.places.models import Room
from family_resources.programmes.models import Enrolment, Programme
from family_resources.programmes.services.programmes import programme_create

LONDON_ROAD = "london-road-resource-centre"  # its group room holds 20, staff included


def group_room(place_slug: str = LONDON_ROAD) -> Room:
    return Room.objects.get(place__slug=place_slug, name="Group room")


def next_weekday(weekday: int = 1, *, after: date | None = None) -> date:
    """The first given weekday (Monday is 0) at least a week after `after`, so tests never land on today."""
    day = (after or timezone.localdate()) + timedelta(days=7)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def open_programme(
    *,
    intervention: Intervention | None = None,
    capacity: int = 10,
    team: Team | None = None,
    facilitator: User | None = None,
    starts_on: date | None = None,
    sessions: int = 8,
    start: time = time(10, 0),
    room: Room | None = None,
    **fields: Any,
) -> Programme:
    """An open programme of weekly Tuesday-morning sessions at London Road, through the real service."""
    team = team or Team.objects.get(neighbourhood__slug="west")
    facilitator = facilitator or staff(Role.PRACTITIONER, teams=[team])
    return programme_create(
        intervention=intervention or Intervention.objects.get(slug="incredible-years"),
        name=fields.pop("name", "Incredible Years, London Road"),
        team=team,
        room=room or group_room(),
        facilitators=[facilitator],
        capacity=capacity,
        starts_on=starts_on or next_weekday(),
        start_time=start,
        end_time=time(start.hour + 2, start.minute),
        session_count=sessions,
        open_for_enrolment=True,
        created_by=staff(Role.SERVICE_MANAGER),
        **fields,
    )


def move_into_past(programme: Programme, *, weeks_ago: int) -> Programme:
    """Shift a programme so its first session was `weeks_ago` weeks back: the service only books the future."""
    shift = timedelta(weeks=weeks_ago) + (programme.starts_on - timezone.localdate())
    for session in programme.sessions.all():
        session.starts_at -= shift
        session.ends_at -= shift
        session.save(update_fields=["starts_at", "ends_at"])
    programme.starts_on -= shift
    programme.save(update_fields=["starts_on"])
    # Whoever asked for a place asked before the course began: straight to the table, as test set-up.
    for enrolment in Enrolment.objects.filter(programme=programme):
        Enrolment.objects.filter(pk=enrolment.pk).update(
            requested_at=enrolment.requested_at - shift,
            enrolled_at=enrolment.enrolled_at - shift if enrolment.enrolled_at else None,
        )
    return programme


def family_on_case(**family_fields: Any) -> tuple[Episode, Person]:
    """An accepted family in the West team with a six-year-old and a parent who could attend."""
    episode = accepted_episode(**family_fields)
    parent = AdultFactory.create(family=episode.family, relationship="Mother")
    return episode, parent


def family_with_plan(**family_fields: Any) -> tuple[Episode, User, PlanAction, Person]:
    """An allocated family whose agreed plan has a group-programme action, and the parent who would attend."""
    episode, practitioner = allocated_episode(**family_fields)
    plan = agreed_plan(episode, practitioner)
    action = PlanAction.objects.get(outcome__plan=plan, delivery="group")
    parent = AdultFactory.create(family=episode.family, relationship="Mother")
    return episode, practitioner, action, parent
