"""Writes to episodes of support."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from family_resources.accounts.models import Team
from family_resources.accounts.roles import Role
from family_resources.casework.closure_hooks import closure_hooks_apply
from family_resources.casework.models import Allocation, ClosureReason, Episode
from family_resources.casework.services.reopening import episode_carry_on, recently_closed_episode
from family_resources.intake.models import Referral


@transaction.atomic
def episode_open(*, referral: Referral, opened_on: date) -> Episode:
    """Open an episode with the neighbourhood team for the family's neighbourhood; a family back within
    the reopening window carries on from its last episode instead of starting afresh."""
    family = referral.family
    if family is None:
        raise ValidationError("The referral has no family record to open an episode for.")
    if family.neighbourhood_id is None:
        raise ValidationError("A family must have a neighbourhood before a team can take it on.")
    team = Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD, neighbourhood_id=family.neighbourhood_id).first()
    if team is None:
        # A neighbourhood added in the admin before its team: say so rather than fail the decision.
        raise ValidationError("No neighbourhood team works in the family's neighbourhood yet.")
    previous = recently_closed_episode(family_id=family.pk, today=opened_on)
    episode = Episode.objects.create(family=family, referral=referral, team=team, opened_on=opened_on)
    if previous is not None:
        episode_carry_on(episode=episode, previous=previous)
    return episode


@transaction.atomic
def episode_allocate(*, episode: Episode, practitioner: Any, allocated_by: Any = None, reason: str = "") -> Episode:
    """Make a practitioner of the episode's team its lead; a reallocation needs a reason and keeps history."""
    if practitioner.role != Role.PRACTITIONER or not practitioner.is_active:
        raise ValidationError("Only an active practitioner can lead a family's support.")
    if not practitioner.memberships.filter(team=episode.team).exists():
        raise ValidationError("The practitioner must be a member of the family's neighbourhood team.")
    episode = Episode.objects.select_for_update().get(pk=episode.pk)
    if episode.status != Episode.Status.OPEN:
        raise ValidationError("Only an open episode can be allocated.")
    if episode.lead_practitioner_id == practitioner.pk:
        raise ValidationError({"practitioner": "This practitioner already leads the family's support"})
    now = timezone.now()
    current = Allocation.objects.filter(episode=episode, ended_at__isnull=True).first()
    if current is not None:
        if not reason.strip():
            raise ValidationError({"reason": "Say why the family is being reallocated"})
        current.ended_at = now
        current.save(update_fields=["ended_at"])
    Allocation.objects.create(
        episode=episode, practitioner=practitioner, allocated_by=allocated_by, allocated_at=now, reason=reason.strip()
    )
    episode.lead_practitioner = practitioner
    episode.save(update_fields=["lead_practitioner"])
    return episode


@transaction.atomic
def episode_close(
    *, episode: Episode, reason: ClosureReason, closed_on: date, note: str = "", closed_by: Any = None
) -> Episode:
    """End the team's work with the family. Casework closes through casework.services.closure, which
    records the final scores and any step-down first; this is the bare state change both use."""
    episode = Episode.objects.select_for_update().get(pk=episode.pk)
    if episode.status == Episode.Status.CLOSED:
        raise ValidationError("This episode is already closed.")
    episode.status = Episode.Status.CLOSED
    episode.closed_on = closed_on
    episode.closure_reason = reason
    episode.closure_note = note.strip()
    episode.closed_by = closed_by
    episode.save(update_fields=["status", "closed_on", "closure_reason", "closure_note", "closed_by"])
    closure_hooks_apply(episode=episode, closed_by=closed_by)
    return episode
