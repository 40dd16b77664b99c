"""Stepping a family up to children's social care from within the case.

Recording a step-up does not close the episode: the closure service asks for one before a case
closes as "stepped up", and the team may go on working with the family until social care takes over.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from family_resources.casework.models import Episode, StepUp

REFERENCE_MAX_LENGTH = StepUp._meta.get_field("social_care_reference").max_length or 40


@transaction.atomic
def step_up_record(*, episode: Episode, reason: str, immediate_risk: bool, stepped_up_by: Any) -> StepUp:
    """Record that the team has escalated the family to children's social care, and why."""
    episode = Episode.objects.select_for_update().get(pk=episode.pk)
    if episode.status != Episode.Status.OPEN:
        raise ValidationError("A step-up can only be recorded while the family's support is open.")
    if not stepped_up_by.has_perm("casework.work_on_episode", episode):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": "Say why you are stepping the family up to children's social care"})
    return StepUp.objects.create(
        episode=episode,
        reason=reason.strip(),
        immediate_risk=immediate_risk,
        stepped_up_at=timezone.now(),
        stepped_up_by=stepped_up_by,
    )


@transaction.atomic
def step_up_set_reference(*, step_up: StepUp, reference: str, set_by: Any) -> StepUp:
    """Keep children's social care's own reference for the step-up, once they give one; it may be corrected."""
    step_up = StepUp.objects.select_for_update().select_related("episode").get(pk=step_up.pk)
    if not set_by.has_perm("casework.record_step_up_reference", step_up.episode):
        raise PermissionDenied
    reference = reference.strip()
    if not reference:
        raise ValidationError({"reference": "Enter children's social care's reference"})
    if len(reference) > REFERENCE_MAX_LENGTH:
        raise ValidationError(
            {"reference": f"Children's social care's reference must be {REFERENCE_MAX_LENGTH} characters or fewer"}
        )
    if reference != step_up.social_care_reference:
        step_up.social_care_reference = reference
        step_up.save(update_fields=["social_care_reference"])
    return step_up
