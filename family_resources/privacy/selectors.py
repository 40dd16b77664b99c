"""Reads for the data protection pages."""

from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from family_resources.privacy.models import LegalHold, RetentionReviewItem


def people_matching(*, query: str) -> QuerySet[Any]:
    """People whose family reference, or given and family name, match what the officer typed."""
    from family_resources.families.models import Person

    words = query.split()
    if not words:
        return Person.objects.none()
    condition = Q(family__reference__iexact=query.strip())
    name = Q()
    for word in words:
        name &= Q(given_name__icontains=word) | Q(family_name__icontains=word)
    return Person.objects.filter(condition | name).select_related("family").order_by("family_name", "given_name")[:50]


def person_for_request(*, person_id: int) -> Any:
    """The person a subject access request is about; 404 when there is none."""
    from family_resources.families.models import Person

    return get_object_or_404(Person.objects.select_related("family"), pk=person_id)


def review_items(*, status: str) -> QuerySet[RetentionReviewItem]:
    return RetentionReviewItem.objects.filter(status=status).select_related("decided_by")


def legal_holds() -> QuerySet[LegalHold]:
    return LegalHold.objects.select_related("family", "placed_by").order_by("-placed_at")


def family_for_hold(*, reference: str) -> Any:
    from family_resources.families.selectors import family_by_reference

    return family_by_reference(reference=reference.strip().upper())
