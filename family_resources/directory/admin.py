from typing import Any

from django.http import HttpRequest

from family_resources.core.admin_helpers import register
from family_resources.directory.models import (
    ChangeRequest,
    Location,
    Organisation,
    SafeguardingEvidence,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

register(
    Organisation,
    list_display=["name", "kind", "safeguarding_evidence_expires_on"],
    list_filter=["kind"],
    search_fields=["name"],
    # Kept in step with the verified evidence by the directory's services, never typed in.
    readonly_fields=["safeguarding_evidence_expires_on"],
)
register(
    Service,
    list_display=["name", "organisation", "status", "neighbourhood", "is_free"],
    list_filter=["status", "neighbourhood", "is_free"],
    filter_horizontal=["service_areas", "categories", "replaces", "replaces_sites"],
    search_fields=["name", "organisation__name"],
)
register(
    Location, list_display=["name", "organisation", "postcode", "neighbourhood"], search_fields=["name", "postcode"]
)
register(ServiceAtLocation, list_display=["service", "location"])
register(Schedule, list_display=["service", "weekday", "opens_at", "closes_at", "frequency"])
register(Taxonomy, list_display=["name", "version"])
register(
    TaxonomyTerm,
    list_display=["name", "taxonomy", "parent", "service_area", "intervention"],
    prepopulated_fields={"slug": ["name"]},
)


def _read_only(_admin: Any, request: HttpRequest, obj: Any = None) -> bool:
    return False


for model in (SafeguardingEvidence, ChangeRequest):
    register(
        model,
        has_add_permission=_read_only,
        has_change_permission=_read_only,
        has_delete_permission=_read_only,
    )
