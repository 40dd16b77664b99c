"""Writes to the community directory. Views and commands call these, never the models directly."""

from family_resources.directory.services.entries import (
    change_request_approve,
    change_request_reject,
    listing_request_submit,
    organisation_change_submit,
    service_change_submit,
)
from family_resources.directory.services.evidence import (
    organisation_evidence_refresh,
    safeguarding_evidence_verify,
    safeguarding_evidence_withdraw,
)
from family_resources.directory.services.reminders import safeguarding_reminders_send
from family_resources.directory.services.sign_in import organisation_sign_in_send, organisation_sign_in_use

__all__ = [
    "change_request_approve",
    "change_request_reject",
    "listing_request_submit",
    "organisation_change_submit",
    "organisation_evidence_refresh",
    "organisation_sign_in_send",
    "organisation_sign_in_use",
    "safeguarding_evidence_verify",
    "safeguarding_evidence_withdraw",
    "safeguarding_reminders_send",
    "service_change_submit",
]
