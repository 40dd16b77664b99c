"""Reads about the community directory."""

from datetime import date

from django.db.models import Count, QuerySet
from django.utils import timezone

from family_resources.directory.models import Organisation


def organisations_with_status() -> QuerySet[Organisation]:
    return Organisation.objects.annotate(service_count=Count("services")).order_by(
        "safeguarding_evidence_expires_on", "name"
    )


def signpostable_organisations(*, on: date | None = None) -> QuerySet[Organisation]:
    """Only organisations with in-date safeguarding evidence may be signposted to."""
    day = on or timezone.localdate()
    return Organisation.objects.filter(safeguarding_evidence_expires_on__gte=day)
