"""Supervised contact at the contact centre: booking a room and a worker, and the signed observation after."""

from datetime import date, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import ngettext

from family_resources.accounts.models import User
from family_resources.accounts.roles import TEAM_ROLES
from family_resources.casework.models import Episode
from family_resources.families.models import Person
from family_resources.places.models import Room
from family_resources.programmes.models import CONTACT_CENTRE_SLUG, ContactObservation, ContactSession
from family_resources.programmes.rooms import clash_problem, local_moment, opening_problem, room_lock


@transaction.atomic
def contact_book(
    *,
    episode: Episode,
    child: Person | None,
    parent: Person | None,
    room: Room | None,
    supervisor: Any,
    day: date | None,
    start_time: time | None,
    end_time: time | None,
    by: Any,
) -> ContactSession:
    """Book supervised contact between a child and a parent of the family, in a free room at the contact centre,
    with a worker who is free then."""
    if episode.status != Episode.Status.OPEN:
        raise ValidationError("The family's support has ended: contact can no longer be booked.")
    errors: dict[str, str] = {}
    if child is None or child.family_id != episode.family_id or child.kind != Person.Kind.CHILD:
        errors["child"] = "Choose the child"
    if parent is None or parent.family_id != episode.family_id or parent.kind != Person.Kind.ADULT:
        errors["parent"] = "Choose the parent the child is seeing"
    if room is None or not room.active or room.place.slug != CONTACT_CENTRE_SLUG:
        errors["room"] = "Choose a room at the contact centre"
    if supervisor is None or not supervisor.is_active or supervisor.role not in TEAM_ROLES:
        errors["supervisor"] = "Choose the worker who will supervise"
    if day is None:
        errors["day"] = "Enter the date of the contact"
    elif day < timezone.localdate():
        errors["day"] = "The date of the contact must be today or in the future"
    if start_time is None:
        errors["start_time"] = "Enter the time the contact starts"
    if end_time is None:
        errors["end_time"] = "Enter the time the contact ends"
    elif start_time is not None and end_time <= start_time:
        errors["end_time"] = "The time the contact ends must be after the time it starts"
    if errors:
        raise ValidationError(errors)
    assert room is not None
    assert day is not None
    assert start_time is not None
    assert end_time is not None
    starts_at, ends_at = local_moment(day, start_time), local_moment(day, end_time)
    if starts_at <= timezone.now():
        raise ValidationError({"start_time": "The time the contact starts must be in the future"})

    # The room, then the worker: always in this order, so two bookings cannot wait on each other for ever.
    room = room_lock(room)
    list(User.objects.select_for_update().filter(pk=supervisor.pk))
    if problem := opening_problem(room, day, start_time, end_time):
        raise ValidationError({"day" if problem.whole_day else "start_time": problem.message})
    if clash := clash_problem(room, starts_at, ends_at):
        raise ValidationError({"room": clash})
    busy = ContactSession.objects.filter(starts_at__lt=ends_at, ends_at__gt=starts_at).exclude(
        status=ContactSession.Status.CANCELLED
    )
    if busy.filter(supervisor=supervisor).exists():
        raise ValidationError({"supervisor": f"{supervisor} is already supervising contact at that time"})
    assert child is not None
    assert parent is not None
    if busy.filter(Q(child=child) | Q(parent=child) | Q(child=parent) | Q(parent=parent)).exists():
        raise ValidationError("The child or the parent already has supervised contact at that time.")
    return ContactSession.objects.create(
        episode=episode,
        room=room,
        child=child,
        parent=parent,
        supervisor=supervisor,
        starts_at=starts_at,
        ends_at=ends_at,
        booked_by=by,
    )


@transaction.atomic
def contact_cancel(*, session: ContactSession, reason: str) -> ContactSession:
    session = ContactSession.objects.select_for_update().get(pk=session.pk)
    if session.status != ContactSession.Status.BOOKED:
        raise ValidationError("Only booked contact that has not yet happened can be cancelled.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the contact is cancelled"})
    session.status = ContactSession.Status.CANCELLED
    session.cancelled_reason = reason.strip()
    session.save(update_fields=["status", "cancelled_reason"])
    return session


SUPPORT_ENDED = "The family's support from the team ended"


def _upcoming(episode: Episode) -> Any:
    return ContactSession.objects.filter(
        episode=episode, status=ContactSession.Status.BOOKED, starts_at__gt=timezone.now()
    )


def closure_effect_contact(episode: Episode) -> str:
    count = _upcoming(episode).count()
    if not count:
        return ""
    return ngettext(
        "The supervised contact session still to come will be cancelled.",
        "The %(count)d supervised contact sessions still to come will be cancelled.",
        count,
    ) % {"count": count}


def contact_cancel_for_closed_episode(*, episode: Episode, closed_by: Any) -> int:
    """Runs in the closing transaction (casework's closure hooks): contact the team arranged ends with its work."""
    return _upcoming(episode).update(status=ContactSession.Status.CANCELLED, cancelled_reason=SUPPORT_ENDED)


@transaction.atomic
def contact_observation_record(
    *, session: ContactSession, what_happened: str, interaction_quality: str, concerns: str, signed_by: Any
) -> ContactObservation:
    """The supervising worker's signed account of the contact, once it has started. It cannot be changed after."""
    session = ContactSession.objects.select_for_update().get(pk=session.pk)
    if session.supervisor_id != signed_by.pk:
        raise ValidationError("Only the worker who supervised the contact can write and sign its observation.")
    if session.status == ContactSession.Status.CANCELLED:
        raise ValidationError("The contact was cancelled: there is nothing to observe.")
    if ContactObservation.objects.filter(session=session).exists():
        raise ValidationError("The observation has already been signed: it cannot be changed.")
    if session.starts_at > timezone.now():
        raise ValidationError("The contact has not started yet: write the observation after it.")
    errors: dict[str, str] = {}
    if not what_happened.strip():
        errors["what_happened"] = "Write what happened during the contact"
    if interaction_quality not in ContactObservation.Quality.values:
        errors["interaction_quality"] = "Choose how the parent and child got on"
    if errors:
        raise ValidationError(errors)
    observation = ContactObservation.objects.create(
        session=session,
        what_happened=what_happened.strip(),
        interaction_quality=interaction_quality,
        concerns=concerns.strip(),
        signed_by=signed_by,
    )
    session.status = ContactSession.Status.TOOK_PLACE
    session.save(update_fields=["status"])
    return observation
