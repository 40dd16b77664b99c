"""Reads about the places the service works from."""

from dataclasses import dataclass

from django.db.models import QuerySet

from family_resources.places.models import Neighbourhood, Place, PostcodeSector
from family_resources.places.postcodes import sector_of


def service_places() -> QuerySet[Place]:
    return Place.objects.select_related("hub").order_by("kind", "name")


def neighbourhoods() -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.order_by("name")


@dataclass(frozen=True)
class AreaCheck:
    in_area: bool
    neighbourhood: Neighbourhood | None
    straddles_boundary: bool


def area_of(postcode: str) -> AreaCheck:
    """Whether a (normalised) postcode is in the council's area, and which neighbourhood serves it."""
    sector = PostcodeSector.objects.select_related("neighbourhood").filter(sector=sector_of(postcode)).first()
    if sector is None:
        return AreaCheck(in_area=False, neighbourhood=None, straddles_boundary=False)
    return AreaCheck(in_area=True, neighbourhood=sector.neighbourhood, straddles_boundary=sector.straddles_boundary)
