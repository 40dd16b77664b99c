"""The API's request and response bodies. Their field descriptions become the OpenAPI document."""

import re
from datetime import date, datetime
from typing import Annotated, Literal

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict, StrictBool, field_validator

from family_resources.intake.eligibility import EligibilityStatus, Relationship
from family_resources.intake.models import ReferrerType, Sharing
from family_resources.triage.routing import Route

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits only
DATE_MESSAGE = "Enter a real date as YYYY-MM-DD, for example 2022-05-01"


def _iso_date(value: object) -> date:
    """Only 'YYYY-MM-DD': pydantic alone would also take numbers (as timestamps) and datetimes."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(DATE_MESSAGE)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(DATE_MESSAGE) from None


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
# intake's Referral.Status values, spelt out so the OpenAPI document lists them in place (a test keeps them equal).
ReferralStatus = Literal["received", "not_eligible", "decided", "not_a_referral"]


NUL_MESSAGE = "Remove the NUL character (\\u0000): text cannot contain it"


def _no_nul(value: object) -> object:
    """PostgreSQL cannot store U+0000 in text or JSON, so it is refused here rather than failing as a 500."""
    strings = value if isinstance(value, list) else [value]
    if any(isinstance(text, str) and "\x00" in text for text in strings):
        raise ValueError(NUL_MESSAGE)
    return value


class _Strict(Schema):
    # Unknown fields are refused: a misspelt optional field (say "dob") would otherwise be dropped silently.
    model_config = ConfigDict(extra="forbid")

    # Every field of every request body, nested ones included (each nested body is a _Strict too).
    _refuse_nul = field_validator("*", mode="before")(_no_nul)


class ReferrerIn(_Strict):
    type: Literal["professional", "self"] = Field(
        description="'professional' for someone referring a family they work with; 'self' for a parent or carer."
    )
    kind: ReferrerType | None = Field(
        None,
        description=(
            "What kind of professional. When left out it is worked out from role and organisation where "
            "they make it clear (for example 'Health visitor'), and is 'other' otherwise."
        ),
    )
    name: str = Field(min_length=1, max_length=150)
    organisation: str = Field("", max_length=150, description="Required for a professional.")
    role: str = Field("", max_length=150)
    email: str = Field("", max_length=254, description="An email address or a phone number is required.")
    phone: str = Field("", max_length=30)

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("Enter the referrer's name")
        return value.strip()

    @field_validator("email")
    @classmethod
    def _an_email_address(cls, value: str) -> str:
        value = value.strip()
        if value:
            try:
                validate_email(value)
            except DjangoValidationError:
                raise ValueError("Enter an email address like name@example.org") from None
        return value


class FamilyIn(_Strict):
    postcode: str = Field(min_length=1, max_length=10, description="A UK postcode, e.g. LU4 8BW.")
    address: str = Field("", max_length=250)
    preferred_language: str = Field("en", description="A language code the service works in, e.g. 'en', 'ur', 'pl'.")
    interpreter_needed: StrictBool = False
    open_to_social_care: StrictBool = Field(False, description="A social worker already works with the family.")

    @field_validator("preferred_language")
    @classmethod
    def _a_service_language(cls, value: str) -> str:
        codes = [code for code, _name in settings.LANGUAGES]
        if value not in codes:
            raise ValueError(f"Use one of {', '.join(codes)}")
        return value


class PersonIn(_Strict):
    given_name: str = Field("", max_length=100)
    family_name: str = Field("", max_length=100)
    relationship: Relationship
    date_of_birth: IsoDate | None = Field(None, description="YYYY-MM-DD. Not for an unborn baby.")
    expected_date_of_delivery: IsoDate | None = Field(
        None, description="YYYY-MM-DD. Only, and always, for an unborn baby."
    )
    send: StrictBool = Field(False, description="Has special educational needs or disabilities.")


class ConsentIn(_Strict):
    given: StrictBool = Field(description="The family knows about the referral and agrees to it.")
    reason_if_not: str | None = Field(
        None, max_length=2000, description="Why a professional is referring without consent. Required then."
    )
    sharing: list[Sharing] = Field(
        default_factory=list, description="Who the family agrees we may share information with."
    )


class ReferralIn(_Strict):
    referrer: ReferrerIn
    family: FamilyIn
    people: list[PersonIn] = Field(min_length=1, max_length=20)
    concerns: str = Field(min_length=1, max_length=10_000, description="What the referrer is worried about.")
    immediate_risk: StrictBool = Field(
        description="A child is at immediate risk of harm. Call children's social care as well: do not rely on this."
    )
    consent: ConsentIn


class SignpostOut(Schema):
    kind: Literal["service", "article"]
    name: str
    organisation: str | None = None
    phone: str | None = None
    email: str | None = None
    url: str | None = None


class OutcomeOut(Schema):
    level: int = Field(description="The threshold level, 1 to 4.")
    route: Route
    route_label: str
    decided_at: datetime
    team: str | None = Field(None, description="The neighbourhood team an accepted family is allocated to.")
    signposting: list[SignpostOut] = Field(
        default_factory=list, description="For a signposted family: the vetted services and articles sent to them."
    )


class DecisionIn(_Strict):
    level: int = Field(ge=1, le=4, description="The threshold level, 1 to 4.")
    immediate_risk: StrictBool
    needs: list[str] = Field(
        default_factory=list,
        description="Slugs from the interventions catalogue or service areas, e.g. 'incredible-years', 'early-years'.",
    )
    rationale: str = Field(min_length=1, description="Why the level was chosen.")


class DecisionOut(Schema):
    route: Literal["social_care", "accepted", "signposted", "not_eligible"]
    team: str | None = Field(description="The neighbourhood team's name for an accepted family, otherwise null.")
    signposting: list[SignpostOut]
    reasons: list[str] = Field(default_factory=list, description="For not_eligible: why, in plain words.")


class ReferralOut(Schema):
    reference: str
    status: ReferralStatus = Field(
        description="received, not_eligible (kept, with reasons), decided, or not_a_referral (closed by an officer)."
    )
    eligibility: EligibilityStatus
    reasons: list[str] = Field(description="Why the referral is not eligible, in plain words. Empty otherwise.")
    reason_codes: list[str] = Field(description="The same reasons as codes: no_child_in_age_range, out_of_area.")
    where_else: list[str] = Field(description="Where the family can get help instead, when not eligible.")
    received_at: datetime
    outcome: OutcomeOut | None = Field(description="The front door's decision, once made; null until then.")


class ErrorItem(Schema):
    field: str | None = Field(
        description="Where the problem is, e.g. 'people.0.date_of_birth'; null for the request as a whole."
    )
    message: str


class ErrorsOut(Schema):
    errors: list[ErrorItem]
