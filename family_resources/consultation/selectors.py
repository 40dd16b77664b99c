"""Reads about consultations."""

from django.db.models import QuerySet

from family_resources.consultation.models import Consultation


def consultation_list() -> QuerySet[Consultation]:
    return Consultation.objects.order_by("-opens_on")
