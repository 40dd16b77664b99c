"""Sending an online referral: the journey's answers become a referral through referral_submit."""

from datetime import date
from typing import Any

from django.db import transaction

from family_resources.intake.eligibility import Relationship
from family_resources.intake.journey.drafts import referral_draft_mark_used
from family_resources.intake.journey.fields import YES
from family_resources.intake.journey.state import Journey
from family_resources.intake.journey.steps import (
    ABOUT_YOU,
    ADDRESS,
    CONCERNS,
    CONSENT,
    IMMEDIATE_RISK,
    LANGUAGE,
    SOCIAL_CARE,
    YOUR_DETAILS,
)
from family_resources.intake.models import Channel, Referral, ReferrerType, Urgency
from family_resources.intake.services import PersonInput, ReferralInput, referral_submit
from family_resources.notifications.services import notify_email


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _address(page: dict[str, Any]) -> str:
    return ", ".join(part.strip() for part in (page.get("line_1"), page.get("line_2"), page.get("town")) if part)


def referral_input(journey: Journey) -> ReferralInput:
    """What the answers say, in the shape every channel gives referral_submit."""
    professional = journey.is_professional
    details = journey.page(YOUR_DETAILS if professional else ABOUT_YOU)
    consent = journey.page(CONSENT)
    language = journey.page(LANGUAGE)
    people = [
        PersonInput(
            relationship=Relationship(person["relationship"]),
            given_name=person.get("given_name", ""),
            family_name=person.get("family_name", ""),
            date_of_birth=_date(person.get("date_of_birth")),
            expected_date_of_delivery=_date(person.get("expected_date_of_delivery")),
            has_send=person.get("has_send") == YES,
        )
        for person in journey.people
    ]
    return ReferralInput(
        channel=Channel.ONLINE_PROFESSIONAL if professional else Channel.ONLINE_SELF,
        referrer_type=ReferrerType(details.get("referrer_type", ReferrerType.OTHER))
        if professional
        else ReferrerType.SELF,
        concerns=journey.page(CONCERNS).get("concerns", ""),
        people=people,
        consent_given=consent.get("consent_given") == YES,
        consent_reason_if_not=consent.get("consent_reason_if_not", "") if professional else "",
        sharing_agreed=list(consent.get("sharing_agreed", [])),
        urgency=Urgency.IMMEDIATE_RISK
        if journey.page(IMMEDIATE_RISK).get("immediate_risk") == YES
        else Urgency.ROUTINE,
        postcode=journey.postcode,
        address=_address(journey.page(ADDRESS)),
        preferred_language=language.get("preferred_language", "en"),
        interpreter_needed=language.get("interpreter_needed") == YES,
        open_to_social_care=professional and journey.page(SOCIAL_CARE).get("open_to_social_care") == YES,
        referrer_name=details.get("name", ""),
        referrer_organisation=details.get("organisation", "") if professional else "",
        referrer_role=details.get("role", "") if professional else "",
        referrer_email=details.get("email", ""),
        referrer_phone=details.get("phone", ""),
    )


@transaction.atomic
def online_referral_submit(*, journey: Journey) -> Referral:
    """Record the referral, queue the referrer's confirmation and close any saved draft, in one transaction.

    Raises ValidationError, as referral_submit does, when the answers break a rule every channel shares.
    """
    data = referral_input(journey)
    referral, _created = referral_submit(data=data)
    if data.referrer_email:
        professional = data.channel == Channel.ONLINE_PROFESSIONAL
        notify_email(
            to=data.referrer_email,
            template="referral_received_professional" if professional else "referral_received",
            context={"reference": referral.reference, "referrer_name": data.referrer_name},
            language="en" if professional else data.preferred_language,
            regarding=("intake.referral", referral.reference),
        )
    if journey.draft_id is not None:
        referral_draft_mark_used(draft_id=journey.draft_id)
    return referral
