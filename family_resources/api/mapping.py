"""From the API's request body to intake's ReferralInput, and intake's error keys back to API fields.

Pure functions: no database, so they are tested on their own.
"""

import re

from family_resources.api.schemas import ReferralIn
from family_resources.intake.eligibility import Relationship
from family_resources.intake.models import Channel, ReferrerType, Urgency
from family_resources.intake.services import PersonInput, ReferralInput

# Words in a professional's role or organisation that say what kind of referrer they are.
# The role is read before the organisation: a school nurse employed by an NHS trust refers as a school.
_KIND_WORDS: tuple[tuple[re.Pattern[str], ReferrerType], ...] = (
    (re.compile(r"\bmidwi(fe|ves|fery)\b"), ReferrerType.MIDWIFE),
    (re.compile(r"\bhealth visit(or|ors|ing)\b"), ReferrerType.HEALTH_VISITOR),
    (re.compile(r"\b(gp|general practi(ce|tioner)|surgery|medical cent(re|er))\b"), ReferrerType.GP),
    (re.compile(r"\b(nursery|pre-?school|childminder|early years)\b"), ReferrerType.NURSERY),
    (re.compile(r"\b(school|academy|college|teacher|headteacher|senco)\b"), ReferrerType.SCHOOL),
    (re.compile(r"\b(social care|social work(er)?|children's services)\b"), ReferrerType.SOCIAL_CARE),
    (
        re.compile(r"\b(community|charity|voluntary|church|mosque|gurdwara|temple|food bank)\b"),
        ReferrerType.COMMUNITY_GROUP,
    ),
)

# referral_validate names its errors after ReferralInput's fields; the API names them after the body's.
_API_FIELD = {
    "concerns": "concerns",
    "postcode": "family.postcode",
    "consent_reason_if_not": "consent.reason_if_not",
    "people": "people",
}


def referrer_kind_from(*, role: str, organisation: str) -> ReferrerType:
    """The kind of professional their role or organisation names, or OTHER when neither says."""
    for text in (role, organisation):
        lowered = text.lower()
        for pattern, kind in _KIND_WORDS:
            if pattern.search(lowered):
                return kind
    return ReferrerType.OTHER


def api_field(intake_key: str) -> str:
    """The API body's name for a field that intake's rules report on."""
    return _API_FIELD.get(intake_key, intake_key)


def referral_input_from(payload: ReferralIn) -> tuple[ReferralInput, dict[str, str]]:
    """Build intake's input from a schema-valid body, with the API's own cross-field errors."""
    errors: dict[str, str] = {}
    referrer = payload.referrer
    if referrer.type == "self":
        if referrer.kind not in (None, ReferrerType.SELF):
            errors["referrer.kind"] = "Leave kind out when the referrer is the parent or carer (type 'self')"
        referrer_type = ReferrerType.SELF
    else:
        if referrer.kind == ReferrerType.SELF:
            errors["referrer.kind"] = "A professional's kind cannot be 'self': use type 'self' for a parent or carer"
        if not referrer.organisation.strip():
            errors["referrer.organisation"] = "Enter the organisation the professional works for"
        referrer_type = referrer.kind or referrer_kind_from(role=referrer.role, organisation=referrer.organisation)
    if not referrer.email and not referrer.phone.strip():
        errors["referrer.email"] = "Give an email address or a phone number, so the front door can contact you"

    people = []
    for index, person in enumerate(payload.people):
        if person.relationship == Relationship.UNBORN:
            if person.date_of_birth is not None:
                errors[f"people.{index}.date_of_birth"] = (
                    "An unborn baby has expected_date_of_delivery, not date_of_birth"
                )
        elif person.expected_date_of_delivery is not None:
            errors[f"people.{index}.expected_date_of_delivery"] = "Only an unborn baby has an expected date of delivery"
        people.append(
            PersonInput(
                relationship=person.relationship,
                given_name=person.given_name.strip(),
                family_name=person.family_name.strip(),
                date_of_birth=person.date_of_birth,
                expected_date_of_delivery=person.expected_date_of_delivery,
                has_send=person.send,
            )
        )

    data = ReferralInput(
        channel=Channel.API,
        referrer_type=referrer_type,
        concerns=payload.concerns,
        people=people,
        consent_given=payload.consent.given,
        consent_reason_if_not=payload.consent.reason_if_not or "",
        sharing_agreed=[str(choice) for choice in dict.fromkeys(payload.consent.sharing)],
        urgency=Urgency.IMMEDIATE_RISK if payload.immediate_risk else Urgency.ROUTINE,
        postcode=payload.family.postcode,
        address=payload.family.address.strip(),
        preferred_language=payload.family.preferred_language,
        interpreter_needed=payload.family.interpreter_needed,
        open_to_social_care=payload.family.open_to_social_care,
        referrer_name=referrer.name,
        referrer_organisation=referrer.organisation.strip(),
        referrer_role=referrer.role.strip(),
        referrer_email=referrer.email,
        referrer_phone=referrer.phone.strip(),
    )
    return data, errors
