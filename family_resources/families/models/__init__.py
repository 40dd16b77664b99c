"""Family records: the household and its people, other professionals, consent, and letters."""

from family_resources.families.models.consent import Consent, ConsentMethod
from family_resources.families.models.household import (
    ACTIVE_SOCIAL_CARE_STATUSES,
    MAX_AGE,
    MAX_AGE_WITH_SEND,
    Family,
    Person,
    SocialCareStatus,
)
from family_resources.families.models.letters import Letter
from family_resources.families.models.professionals import AgencyType, Professional

__all__ = [
    "ACTIVE_SOCIAL_CARE_STATUSES",
    "MAX_AGE",
    "MAX_AGE_WITH_SEND",
    "AgencyType",
    "Consent",
    "ConsentMethod",
    "Family",
    "Letter",
    "Person",
    "Professional",
    "SocialCareStatus",
]
