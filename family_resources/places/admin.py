from family_resources.core.admin_helpers import register
from family_resources.places.models import ClosedSite, Neighbourhood, OpeningHours, Place, PostcodeSector, Room

register(Neighbourhood, list_display=["name", "slug"], prepopulated_fields={"slug": ["name"]})
register(
    Place,
    list_display=["name", "kind", "address_line", "postcode", "hub"],
    list_filter=["kind"],
    prepopulated_fields={"slug": ["name"]},
)
register(
    ClosedSite, list_display=["name", "children_centre", "neighbourhood", "closed_on"], list_filter=["neighbourhood"]
)
register(PostcodeSector, list_display=["sector", "neighbourhood", "straddles_boundary"], list_filter=["neighbourhood"])
register(Room, list_display=["name", "place", "capacity", "accessible", "active"], list_filter=["place", "active"])
register(OpeningHours, list_display=["place", "weekday", "opens_at", "closes_at"], list_filter=["place"])
