"""Writes to family records. Each concept has its own module; all are re-exported for views and other apps."""

from family_resources.families.services.consent import consent_record, consent_withdraw
from family_resources.families.services.household import (
    address_update,
    family_contact_update,
    family_create,
    family_hide_address,
    family_set_social_care_status,
    person_add,
    person_update,
)
from family_resources.families.services.letters import letter_write
from family_resources.families.services.professionals import professional_add, professional_end, professional_update

__all__ = [
    "address_update",
    "consent_record",
    "consent_withdraw",
    "family_contact_update",
    "family_create",
    "family_hide_address",
    "family_set_social_care_status",
    "letter_write",
    "person_add",
    "person_update",
    "professional_add",
    "professional_end",
    "professional_update",
]
