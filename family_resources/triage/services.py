"""Recording threshold decisions and acting on their route."""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from family_resources.casework.services import episode_open
from family_resources.intake.models import Referral
from family_resources.intake.services import referral_mark_decided
from family_resources.triage.models import Decision
from family_resources.triage.routing import Route, route_for


@transaction.atomic
def decision_record(
    *,
    referral: Referral,
    level: int,
    immediate_risk: bool,
    rationale: str,
    decided_by: Any,
    decided_at: datetime | None = None,
) -> Decision:
    """Record an officer's decision, then route: a neighbourhood-team route opens an episode at once."""
    referral = Referral.objects.select_for_update().select_related("family").get(pk=referral.pk)
    if referral.status == Referral.Status.DECIDED:
        raise ValidationError("This referral already has a decision.")
    if not rationale.strip():
        raise ValidationError("A decision needs a written rationale.")
    family = referral.family
    if family is None:
        raise ValidationError("Match the referral to a family record, or make a new one, before deciding.")
    route = route_for(
        level=level,
        immediate_risk=immediate_risk,
        open_to_social_care=family.open_to_social_care or referral.open_to_social_care,
    )
    decision = Decision.objects.create(
        referral=referral,
        level=level,
        immediate_risk=immediate_risk,
        route=route,
        rationale=rationale,
        decided_by=decided_by,
        decided_at=decided_at or timezone.now(),
    )
    referral_mark_decided(referral=referral)
    if route == Route.ACCEPTED:
        episode_open(referral=referral, opened_on=timezone.localdate(decision.decided_at))
    return decision
