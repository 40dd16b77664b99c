from family_resources.core.admin_helpers import register
from family_resources.directory.models import Organisation, Service

register(Organisation, list_display=["name", "safeguarding_evidence_expires_on"], search_fields=["name"])
register(
    Service,
    list_display=["name", "organisation", "neighbourhood", "is_free"],
    list_filter=["neighbourhood", "is_free"],
    filter_horizontal=["service_areas", "replaces"],
    search_fields=["name", "organisation__name"],
)
