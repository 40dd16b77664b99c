"""Group programmes and their waiting lists and registers; supervised contact and its observations."""

from family_resources.programmes.models.contact import CONTACT_CENTRE_SLUG, ContactObservation, ContactSession
from family_resources.programmes.models.enrolments import ACTIVE, HOLDS_PLACE, Attendance, Enrolment, EnrolmentStatus
from family_resources.programmes.models.programmes import MAX_SESSIONS, Programme, ProgrammeSession

__all__ = [
    "ACTIVE",
    "CONTACT_CENTRE_SLUG",
    "HOLDS_PLACE",
    "MAX_SESSIONS",
    "Attendance",
    "ContactObservation",
    "ContactSession",
    "Enrolment",
    "EnrolmentStatus",
    "Programme",
    "ProgrammeSession",
]
