"""Reads about families."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from family_resources.families.models import Family, Person


def family_record(*, reference: str) -> Family:
    people = Person.objects.order_by("kind", "date_of_birth")
    return get_object_or_404(
        Family.objects.select_related("neighbourhood").prefetch_related(
            Prefetch("members", queryset=people),
            "referrals__decision",
            "episodes__team",
            "episodes__lead_practitioner",
        ),
        reference=reference,
    )
