"""Reads about the community directory."""

from collections.abc import Collection
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from family_resources.directory.models import Organisation, Service


def organisations_with_status() -> QuerySet[Organisation]:
    return Organisation.objects.annotate(service_count=Count("services")).order_by(
        "safeguarding_evidence_expires_on", "name"
    )


def signpostable_organisations(*, on: date | None = None) -> QuerySet[Organisation]:
    """Only organisations with in-date safeguarding evidence may be signposted to."""
    day = on or timezone.localdate()
    return Organisation.objects.filter(safeguarding_evidence_expires_on__gte=day)


def services_for_family(
    *,
    neighbourhood_id: int | None,
    ages: Collection[int],
    service_area_ids: Collection[int],
    language: str,
    on: date | None = None,
    limit: int = 5,
) -> list[Service]:
    """Vetted services that suit a family: in-date safeguarding evidence always; the children's ages and
    the family's neighbourhood (or borough-wide); the family's needs where any service meets them; and
    services in the family's language first."""
    day = on or timezone.localdate()
    vetted = Service.objects.filter(organisation__safeguarding_evidence_expires_on__gte=day).select_related(
        "organisation", "neighbourhood"
    )
    if neighbourhood_id is not None:
        vetted = vetted.filter(Q(neighbourhood_id=neighbourhood_id) | Q(neighbourhood__isnull=True))
    if ages:
        fits = Q()
        for age in ages:
            fits |= (Q(min_age__isnull=True) | Q(min_age__lte=age)) & (Q(max_age__isnull=True) | Q(max_age__gte=age))
        vetted = vetted.filter(fits)
    matched = vetted.filter(service_areas__in=service_area_ids).distinct() if service_area_ids else vetted.none()
    chosen = list(matched) or list(vetted.distinct())
    chosen.sort(key=lambda service: (language not in (service.languages or []), service.name))
    return chosen[:limit]
