"""Writes at the front door: every way a contact arrives ends in referral_submit."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from family_resources.core.references import new_reference
from family_resources.families.models import Family, Person
from family_resources.families.services import family_create, person_add
from family_resources.intake.eligibility import (
    EligibilityStatus,
    PersonFacts,
    Relationship,
    assess_eligibility,
)
from family_resources.intake.models import Channel, Referral, ReferralPerson, ReferrerType, RejectedMatch, Urgency
from family_resources.places.postcodes import normalise_postcode
from family_resources.places.selectors import area_of

if TYPE_CHECKING:
    from family_resources.accounts.models import User


@dataclass(frozen=True)
class PersonInput:
    relationship: Relationship
    given_name: str = ""
    family_name: str = ""
    date_of_birth: date | None = None
    expected_date_of_delivery: date | None = None
    has_send: bool = False


@dataclass(frozen=True)
class ReferralInput:
    """Everything a referral can say, whichever channel it came by."""

    channel: Channel
    referrer_type: ReferrerType
    concerns: str
    people: Sequence[PersonInput]
    consent_given: bool
    consent_reason_if_not: str = ""
    sharing_agreed: Sequence[str] = ()
    urgency: Urgency = Urgency.ROUTINE
    postcode: str = ""
    address: str = ""
    preferred_language: str = "en"
    interpreter_needed: bool = False
    open_to_social_care: bool = False
    referrer_name: str = ""
    referrer_organisation: str = ""
    referrer_role: str = ""
    referrer_email: str = ""
    referrer_phone: str = ""
    received_at: datetime | None = None
    errors: dict[str, str] = field(default_factory=dict, compare=False)


def _unused_referral_reference() -> str:
    while True:
        reference = new_reference("REF")
        if not Referral.objects.filter(reference=reference).exists():
            return reference


def referral_validate(data: ReferralInput) -> dict[str, str]:
    """The rules every channel shares; forms and the API show these against their own fields."""
    errors: dict[str, str] = {}
    if not data.concerns.strip():
        errors["concerns"] = "Say what the family needs help with"
    if data.postcode and normalise_postcode(data.postcode) is None:
        errors["postcode"] = "Enter a real postcode, like LU4 8BW"
    if data.referrer_type != ReferrerType.SELF and not data.consent_given and not data.consent_reason_if_not.strip():
        errors["consent_reason_if_not"] = "Say why you are referring without the family's consent"
    if not data.people:
        errors["people"] = "Add at least one child, young person or unborn baby"
    today = timezone.localdate()
    for index, person in enumerate(data.people):
        if person.relationship == Relationship.UNBORN:
            if person.expected_date_of_delivery is None:
                errors[f"people.{index}.expected_date_of_delivery"] = "Enter the baby's due date"
        elif person.date_of_birth is not None and person.date_of_birth > today:
            errors[f"people.{index}.date_of_birth"] = "Date of birth must be today or in the past"
    return errors


@transaction.atomic
def referral_submit(
    *, data: ReferralInput, logged_by: "User | None" = None, idempotency_key: str = ""
) -> tuple[Referral, bool]:
    """Record a referral and check eligibility. Returns (referral, created).

    A retry with the same idempotency key from the same account returns the first
    referral instead of making a second. A referral that is not eligible is still
    kept, with the reasons, so no contact is ever lost.
    """
    if idempotency_key:
        existing = Referral.objects.filter(logged_by=logged_by, idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing, False
    errors = referral_validate(data)
    if errors:
        raise ValidationError(errors)

    postcode = normalise_postcode(data.postcode) if data.postcode else None
    area = area_of(postcode) if postcode else None
    eligibility = assess_eligibility(
        people=[
            PersonFacts(p.relationship, p.date_of_birth, p.expected_date_of_delivery, p.has_send) for p in data.people
        ],
        in_area=area.in_area if area else None,
        today=timezone.localdate(),
    )
    notes = list(eligibility.notes)
    if area and area.straddles_boundary:
        notes.append("The postcode sector crosses the council's boundary: check the address is in Luton.")

    referral = Referral(
        reference=_unused_referral_reference(),
        channel=data.channel,
        urgency=data.urgency,
        status=Referral.Status.RECEIVED
        if eligibility.status != EligibilityStatus.NOT_ELIGIBLE
        else Referral.Status.NOT_ELIGIBLE,
        received_at=data.received_at or timezone.now(),
        referrer_type=data.referrer_type,
        referrer_name=data.referrer_name,
        referrer_organisation=data.referrer_organisation,
        referrer_role=data.referrer_role,
        referrer_email=data.referrer_email,
        referrer_phone=data.referrer_phone,
        postcode=postcode or "",
        address=data.address,
        neighbourhood=area.neighbourhood if area else None,
        preferred_language=data.preferred_language,
        interpreter_needed=data.interpreter_needed,
        open_to_social_care=data.open_to_social_care,
        concerns=data.concerns.strip(),
        consent_given=data.consent_given,
        consent_reason_if_not=data.consent_reason_if_not.strip(),
        sharing_agreed=list(data.sharing_agreed),
        needs_officer_attention=not data.consent_given,
        eligibility=eligibility.status,
        ineligibility_reasons=[str(reason) for reason in eligibility.reasons],
        eligibility_notes=notes,
        logged_by=logged_by,
        idempotency_key=idempotency_key,
    )
    try:
        with transaction.atomic():
            referral.save()
    except IntegrityError:
        # Two retries raced: the other one made the referral.
        if idempotency_key:
            return Referral.objects.get(logged_by=logged_by, idempotency_key=idempotency_key), False
        raise
    for person in data.people:
        ReferralPerson.objects.create(
            referral=referral,
            relationship=person.relationship,
            given_name=person.given_name.strip(),
            family_name=person.family_name.strip(),
            date_of_birth=person.date_of_birth if person.relationship != Relationship.UNBORN else None,
            expected_date_of_delivery=person.expected_date_of_delivery,
            has_send=person.has_send,
        )
    return referral, True


def referral_mark_decided(*, referral: Referral) -> Referral:
    """Take a referral off the front door's queue once triage has decided it; called inside triage's transaction."""
    referral.status = Referral.Status.DECIDED
    referral.save(update_fields=["status"])
    return referral


@transaction.atomic
def referral_link_family(*, referral: Referral, family: Family) -> Referral:
    """The officer confirms that the referral is about this family's existing record."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.family_id is not None:
        raise ValidationError("This referral is already linked to a family record.")
    referral.family = family
    referral.save(update_fields=["family"])
    return referral


@transaction.atomic
def referral_reject_match(*, referral: Referral, family: Family, rejected_by: "User") -> RejectedMatch:
    """The officer says a suggested family record is a different family; it is not suggested again."""
    rejection, _created = RejectedMatch.objects.get_or_create(
        referral=referral, family=family, defaults={"rejected_by": rejected_by}
    )
    return rejection


_ADULT_LABELS = {Relationship.PARENT: "Parent", Relationship.CARER: "Carer", Relationship.OTHER_ADULT: "Other adult"}


@transaction.atomic
def referral_create_family(*, referral: Referral) -> Family:
    """No existing record matches: make one from what the referral says about the family."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.family_id is not None:
        raise ValidationError("This referral is already linked to a family record.")
    people = list(referral.people.all())
    surnames = [p.family_name for p in people if p.family_name]
    family = family_create(
        family_name=surnames[0] if surnames else "Unnamed",
        neighbourhood=referral.neighbourhood,
        address_line=referral.address,
        postcode=referral.postcode,
        preferred_language=referral.preferred_language,
        interpreter_needed=referral.interpreter_needed,
        open_to_social_care=referral.open_to_social_care,
        # A parent referring themselves gave their own contact details.
        contact_email=referral.referrer_email if referral.referrer_type == ReferrerType.SELF else "",
        contact_phone=referral.referrer_phone if referral.referrer_type == ReferrerType.SELF else "",
    )
    for person in people:
        if person.relationship == Relationship.UNBORN:
            kind, label = Person.Kind.UNBORN, "Unborn child"
        elif person.relationship == Relationship.CHILD:
            kind, label = Person.Kind.CHILD, "Child"
        else:
            kind, label = Person.Kind.ADULT, _ADULT_LABELS.get(Relationship(person.relationship), "Adult")
        person_add(
            family=family,
            kind=kind,
            given_name=person.given_name,
            family_name=person.family_name,
            relationship=label,
            date_of_birth=person.date_of_birth,
            expected_date_of_delivery=person.expected_date_of_delivery,
            has_send=person.has_send,
        )
    referral.family = family
    referral.save(update_fields=["family"])
    return family


@transaction.atomic
def contact_record_unstructured(
    *,
    concerns: str,
    received_at: datetime,
    referrer_name: str = "",
    referrer_email: str = "",
    notes: Sequence[str] = (),
) -> Referral:
    """Put an email contact in the queue before anyone knows who it is about.

    referral_submit needs at least one person, which an email does not give us, so the
    officer reads the message and fills in the family: eligibility is to be checked.
    """
    return Referral.objects.create(
        reference=_unused_referral_reference(),
        channel=Channel.EMAIL,
        status=Referral.Status.RECEIVED,
        received_at=received_at,
        referrer_type=ReferrerType.OTHER,
        referrer_name=referrer_name[:150],
        referrer_email=referrer_email,
        concerns=concerns.strip(),
        needs_officer_attention=True,
        eligibility=EligibilityStatus.TO_CHECK,
        eligibility_notes=list(notes),
    )


@transaction.atomic
def referral_requeue(*, earlier: Referral, reason: str) -> Referral:
    """Put a family back in the front door's queue for another look, carrying what the earlier referral said."""
    referral = Referral.objects.create(
        reference=_unused_referral_reference(),
        family=earlier.family,
        channel=Channel.FOLLOW_UP,
        urgency=Urgency.ROUTINE,
        status=Referral.Status.RECEIVED,
        referrer_type=earlier.referrer_type,
        referrer_name=earlier.referrer_name,
        referrer_organisation=earlier.referrer_organisation,
        referrer_email=earlier.referrer_email,
        referrer_phone=earlier.referrer_phone,
        postcode=earlier.postcode,
        address=earlier.address,
        neighbourhood=earlier.neighbourhood,
        preferred_language=earlier.preferred_language,
        interpreter_needed=earlier.interpreter_needed,
        open_to_social_care=earlier.open_to_social_care,
        concerns=f"{reason}\n\nEarlier referral {earlier.reference}: {earlier.concerns}",
        consent_given=earlier.consent_given,
        consent_reason_if_not=earlier.consent_reason_if_not,
        sharing_agreed=earlier.sharing_agreed,
        eligibility=earlier.eligibility,
        eligibility_notes=earlier.eligibility_notes,
    )
    for person in earlier.people.all():
        ReferralPerson.objects.create(
            referral=referral,
            relationship=person.relationship,
            given_name=person.given_name,
            family_name=person.family_name,
            date_of_birth=person.date_of_birth,
            expected_date_of_delivery=person.expected_date_of_delivery,
            has_send=person.has_send,
        )
    return referral


def _reassess(referral: Referral) -> None:
    """Eligibility again, from the people and postcode the referral now holds."""
    area = area_of(referral.postcode) if referral.postcode else None
    eligibility = assess_eligibility(
        people=[
            PersonFacts(p.relationship, p.date_of_birth, p.expected_date_of_delivery, p.has_send)
            for p in referral.people.all()
        ],
        in_area=area.in_area if area else None,
        today=timezone.localdate(),
    )
    referral.eligibility = eligibility.status
    referral.ineligibility_reasons = [str(reason) for reason in eligibility.reasons]
    referral.eligibility_notes = list(eligibility.notes)
    if referral.status in (Referral.Status.RECEIVED, Referral.Status.NOT_ELIGIBLE):
        not_eligible = eligibility.status == EligibilityStatus.NOT_ELIGIBLE
        referral.status = Referral.Status.NOT_ELIGIBLE if not_eligible else Referral.Status.RECEIVED
    referral.save(update_fields=["eligibility", "ineligibility_reasons", "eligibility_notes", "status"])


@transaction.atomic
def referral_person_add(*, referral: Referral, person: PersonInput) -> ReferralPerson:
    """An officer adds someone the contact names (an emailed or phoned contact often names nobody at first)."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status not in (Referral.Status.RECEIVED, Referral.Status.NOT_ELIGIBLE):
        raise ValidationError("People can only be added to a referral that is waiting for a decision.")
    if person.relationship == Relationship.UNBORN and person.expected_date_of_delivery is None:
        raise ValidationError({"expected_date_of_delivery": "Enter the baby's due date"})
    if person.date_of_birth is not None and person.date_of_birth > timezone.localdate():
        raise ValidationError({"date_of_birth": "Date of birth must be today or in the past"})
    added = ReferralPerson.objects.create(
        referral=referral,
        relationship=person.relationship,
        given_name=person.given_name.strip(),
        family_name=person.family_name.strip(),
        date_of_birth=person.date_of_birth if person.relationship != Relationship.UNBORN else None,
        expected_date_of_delivery=person.expected_date_of_delivery,
        has_send=person.has_send,
    )
    _reassess(referral)
    return added


@transaction.atomic
def referral_close_not_a_referral(*, referral: Referral, reason: str) -> Referral:
    """Take a contact that is not a referral (a bounce, spam, a misdirected message) off the queue, with why."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status != Referral.Status.RECEIVED:
        raise ValidationError("Only a contact waiting in the queue can be closed as not a referral.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why this contact is not a referral"})
    referral.status = Referral.Status.NOT_A_REFERRAL
    referral.closed_reason = reason.strip()
    referral.save(update_fields=["status", "closed_reason"])
    return referral
