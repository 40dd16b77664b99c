"""The community directory: organisations, their vetting, their services and the requests to change them.

Shaped to map onto Open Referral UK 3.0 (docs/decisions/0017): every published record has a `uuid`.
"""

from family_resources.directory.models.organisations import (
    EvidenceKind,
    EvidenceReminder,
    Organisation,
    ReminderStage,
    SafeguardingEvidence,
)
from family_resources.directory.models.requests import ChangeRequest, OrganisationSignIn
from family_resources.directory.models.services import (
    Frequency,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
    Weekday,
)

__all__ = [
    "ChangeRequest",
    "EvidenceKind",
    "EvidenceReminder",
    "Frequency",
    "Location",
    "Organisation",
    "OrganisationSignIn",
    "ReminderStage",
    "SafeguardingEvidence",
    "Schedule",
    "Service",
    "ServiceAtLocation",
    "ServiceStatus",
    "Taxonomy",
    "TaxonomyTerm",
    "Weekday",
]
