"""Reads about the places the service works from."""

from django.db.models import QuerySet

from family_resources.places.models import Neighbourhood, Place


def service_places() -> QuerySet[Place]:
    return Place.objects.select_related("hub").order_by("kind", "name")


def neighbourhoods() -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.order_by("name")
