"""Reads at the front door."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from family_resources.families.models import Family
from family_resources.intake.models import Referral, Urgency


def front_door_queue() -> QuerySet[Referral]:
    """Everything waiting for a decision: immediate risk first of all, then urgent, then oldest first."""
    return (
        Referral.objects.filter(status=Referral.Status.RECEIVED)
        .select_related("family", "neighbourhood")
        .annotate(
            urgency_rank=Case(
                When(urgency=Urgency.IMMEDIATE_RISK, then=Value(0)),
                When(urgency=Urgency.URGENT, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("urgency_rank", "received_at", "id")
    )


def referrals_awaiting_decision() -> QuerySet[Referral]:
    return front_door_queue()


def referral_detail(*, reference: str) -> Referral:
    return get_object_or_404(
        Referral.objects.select_related("family", "neighbourhood", "logged_by").prefetch_related("people"),
        reference=reference,
    )


def match_candidates(*, referral: Referral) -> QuerySet[Family]:
    """Family records that may be this referral's family: a person with the same name and date of birth,
    or the same surname at the same postcode. Records the officer has rejected are left out."""
    conditions = Q()
    for person in referral.people.all():
        if person.family_name and person.date_of_birth:
            conditions |= Q(
                members__family_name__iexact=person.family_name, members__date_of_birth=person.date_of_birth
            )
        if person.family_name and referral.postcode:
            conditions |= Q(family_name__iexact=person.family_name, postcode=referral.postcode)
    if not conditions:
        return Family.objects.none()
    rejected = referral.rejected_matches.values("family_id")
    return Family.objects.filter(conditions).exclude(pk__in=rejected).distinct().order_by("family_name")
