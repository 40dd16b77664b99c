"""Writes to the household: the family, its people, their addresses and the family's social-care status."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from family_resources.core.references import new_reference
from family_resources.families.models import ACTIVE_SOCIAL_CARE_STATUSES, Family, Person, SocialCareStatus
from family_resources.places.models import Neighbourhood
from family_resources.places.postcodes import normalise_postcode

# A pregnancy lasts up to 42 weeks: a due date further ahead than this is a mistake.
LONGEST_PREGNANCY = timedelta(weeks=42)
OLDEST_PERSON_YEARS = 120


def _unused_family_reference() -> str:
    while True:
        reference = new_reference("FAM")
        if not Family.objects.filter(reference=reference).exists():
            return reference


def _status_for_flag(open_to_social_care: bool) -> SocialCareStatus:
    """What a bare yes from a referral means: open, under a plan not yet recorded."""
    return SocialCareStatus.OPEN if open_to_social_care else SocialCareStatus.NOT_KNOWN


@transaction.atomic
def family_create(
    *,
    family_name: str,
    neighbourhood: Neighbourhood | None,
    address_line: str = "",
    postcode: str = "",
    address_hidden: bool = False,
    preferred_language: str = "en",
    interpreter_needed: bool = False,
    open_to_social_care: bool = False,
    contact_email: str = "",
    contact_phone: str = "",
) -> Family:
    return Family.objects.create(
        contact_email=contact_email,
        contact_phone=contact_phone,
        contact_channel="email" if contact_email or not contact_phone else "sms",
        reference=_unused_family_reference(),
        family_name=family_name,
        neighbourhood=neighbourhood,
        address_line=address_line,
        postcode=postcode,
        address_hidden=address_hidden,
        preferred_language=preferred_language,
        interpreter_needed=interpreter_needed,
        social_care_status=_status_for_flag(open_to_social_care),
        open_to_social_care=open_to_social_care,
    )


@transaction.atomic
def family_set_social_care_status(*, family: Family, status: str) -> Family:
    """Record where the family stands with children's social care; routing reads the flag kept in step here."""
    if status not in SocialCareStatus.values:
        raise ValidationError({"status": "Choose where the family stands with children's social care"})
    family = Family.objects.select_for_update().get(pk=family.pk)
    family.social_care_status = status
    family.open_to_social_care = status in ACTIVE_SOCIAL_CARE_STATUSES
    family.save(update_fields=["social_care_status", "open_to_social_care", "updated_at"])
    return family


def _person_problems(person: Person) -> dict[str, str]:
    """The rules for a person that a form cannot know alone: they depend on the kind of person and today."""
    today = timezone.localdate()
    problems: dict[str, str] = {}
    if person.kind != Person.Kind.UNBORN and not person.given_name.strip():
        problems["given_name"] = "Enter their first name"
    if person.kind == Person.Kind.UNBORN:
        if person.expected_date_of_delivery is None:
            problems["expected_date_of_delivery"] = "Enter the baby's due date"
        elif person.expected_date_of_delivery > today + LONGEST_PREGNANCY:
            problems["expected_date_of_delivery"] = "The due date must be within the next 42 weeks"
        if person.date_of_birth is not None:
            problems["date_of_birth"] = (
                "An unborn child has a due date, not a date of birth: leave the date of birth empty"
            )
    if person.date_of_birth is not None:
        if person.date_of_birth > today:
            problems["date_of_birth"] = "The date of birth must be today or in the past"
        elif person.date_of_birth.year < today.year - OLDEST_PERSON_YEARS:
            problems["date_of_birth"] = "Enter a real date of birth"
    if person.lives_elsewhere and person.kind != Person.Kind.ADULT:
        problems["lives_elsewhere"] = "Only an adult can live outside the household"
    return problems


def _save_person(person: Person) -> Person:
    problems = _person_problems(person)
    if problems:
        raise ValidationError(problems)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def person_add(
    *,
    family: Family,
    kind: Person.Kind | str,
    given_name: str = "",
    family_name: str = "",
    relationship: str = "",
    date_of_birth: date | None = None,
    expected_date_of_delivery: date | None = None,
    has_send: bool = False,
    school_or_nursery: str = "",
    main_language: str = "",
    interpreter_needed: bool = False,
    lives_elsewhere: bool = False,
    ethnicity: str = "",
) -> Person:
    """Add someone to the family. An adult who lives elsewhere gets their own address through address_update."""
    person = Person(
        family=family,
        kind=kind,
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        relationship=relationship.strip(),
        date_of_birth=date_of_birth,
        expected_date_of_delivery=expected_date_of_delivery,
        has_send=has_send,
        school_or_nursery=school_or_nursery.strip(),
        main_language=main_language.strip(),
        interpreter_needed=interpreter_needed,
        lives_elsewhere=lives_elsewhere,
        ethnicity=ethnicity,
    )
    return _save_person(person)


@transaction.atomic
def person_update(
    *,
    person: Person,
    kind: Person.Kind | str,
    given_name: str,
    family_name: str,
    relationship: str,
    date_of_birth: date | None,
    expected_date_of_delivery: date | None,
    has_send: bool,
    school_or_nursery: str,
    main_language: str,
    interpreter_needed: bool,
    lives_elsewhere: bool,
    ethnicity: str | None = None,
) -> Person:
    """Correct or bring up to date what the record says about someone (a baby born, a school started)."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    person.kind = kind
    person.given_name = given_name.strip()
    person.family_name = family_name.strip()
    person.relationship = relationship.strip()
    person.date_of_birth = date_of_birth
    person.expected_date_of_delivery = expected_date_of_delivery
    person.has_send = has_send
    person.school_or_nursery = school_or_nursery.strip()
    person.main_language = main_language.strip()
    person.interpreter_needed = interpreter_needed
    if ethnicity is not None:  # None leaves it as it was, for callers that do not ask
        person.ethnicity = ethnicity
    if person.lives_elsewhere and not lives_elsewhere:
        # Back in the household: they live at the family's address, so their own one goes.
        person.address_line, person.postcode, person.address_hidden = "", "", False
    person.lives_elsewhere = lives_elsewhere
    return _save_person(person)


@transaction.atomic
def address_update(
    *, holder: Family | Person, address_line: str, postcode: str, hidden: bool, reason: str = ""
) -> Family | Person:
    """Change an address (the family's, or an adult's own) and whether it may be disclosed.

    Marking or unmarking do not disclose needs a reason: the audit trail records the change of
    the flag and the reason field, and the reason itself is kept on the record.
    """
    model = type(holder)
    holder = model.objects.select_for_update().get(pk=holder.pk)
    problems: dict[str, str] = {}
    if isinstance(holder, Person) and not holder.lives_elsewhere:
        raise ValidationError(
            "Only an adult who lives outside the household has an address of their own: "
            "everyone else lives at the family's address"
        )
    normalised = ""
    if postcode.strip():
        normalised = normalise_postcode(postcode) or ""
        if not normalised:
            problems["postcode"] = "Enter a real postcode, like LU4 8BW"
    if hidden and not (address_line.strip() or postcode.strip()):
        problems["address_line"] = "Enter the address before marking it do not disclose"
    if hidden != holder.address_hidden and not reason.strip():
        problems["reason"] = (
            "Say why the address must not be disclosed" if hidden else "Say why the address can now be shared"
        )
    if problems:
        raise ValidationError(problems)
    holder.address_line = address_line.strip()
    holder.postcode = normalised
    if hidden != holder.address_hidden:
        holder.address_hidden = hidden
        holder.address_hidden_reason = reason.strip()
    holder.full_clean()
    holder.save()
    return holder


@transaction.atomic
def family_contact_update(
    *,
    family: Family,
    email: str | None = None,
    phone: str | None = None,
    channel: str | None = None,
    language: str | None = None,
) -> Family:
    """Change how the family is reached and in which language; a value left as None stays as it is."""
    family = Family.objects.select_for_update().get(pk=family.pk)
    changed: list[str] = []
    for field, value in (
        ("contact_email", email),
        ("contact_phone", phone),
        ("contact_channel", channel),
        ("preferred_language", language),
    ):
        if value is not None:
            setattr(family, field, value.strip())
            changed.append(field)
    try:
        family.full_clean(exclude=[f.name for f in family._meta.fields if f.name not in changed])
    except ValidationError as error:
        raise ValidationError(error.message_dict) from error
    reachable = {"email": family.contact_email, "sms": family.contact_phone}
    if not reachable.get(family.contact_channel, "x"):
        raise ValidationError({"contact_channel": "Give the email address or mobile number for the way chosen"})
    if changed:
        family.save(update_fields=[*changed, "updated_at"])
    return family


@transaction.atomic
def family_hide_address(*, family: Family, reason: str = "Marked do not disclose when the record was set up") -> Family:
    """Mark the family's address 'do not disclose', for a family fleeing domestic abuse."""
    family = Family.objects.select_for_update().get(pk=family.pk)
    if family.address_hidden:
        return family
    family.address_hidden = True
    family.address_hidden_reason = reason
    family.save(update_fields=["address_hidden", "address_hidden_reason", "updated_at"])
    return family
