from family_resources.catalogue.models import CeasedService, Intervention, ServiceArea
from family_resources.core.admin_helpers import register

register(ServiceArea, list_display=["name", "position"], prepopulated_fields={"slug": ["name"]})
register(
    Intervention,
    list_display=["name", "kind", "one_to_one", "group", "bookable", "active"],
    list_filter=["kind", "group", "active"],
    filter_horizontal=["service_areas"],
    prepopulated_fields={"slug": ["name"]},
)
register(CeasedService, list_display=["name", "ceased_on"], prepopulated_fields={"slug": ["name"]})
