"""Writes to family records."""

from datetime import date

from django.db import transaction

from family_resources.core.references import new_reference
from family_resources.families.models import Family, Person
from family_resources.places.models import Neighbourhood


def _unused_family_reference() -> str:
    while True:
        reference = new_reference("FAM")
        if not Family.objects.filter(reference=reference).exists():
            return reference


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
        open_to_social_care=open_to_social_care,
    )


@transaction.atomic
def person_add(
    *,
    family: Family,
    kind: Person.Kind,
    given_name: str = "",
    family_name: str = "",
    relationship: str = "",
    date_of_birth: date | None = None,
    expected_date_of_delivery: date | None = None,
    has_send: bool = False,
    school_or_nursery: str = "",
) -> Person:
    person = Person(
        family=family,
        kind=kind,
        given_name=given_name,
        family_name=family_name,
        relationship=relationship,
        date_of_birth=date_of_birth,
        expected_date_of_delivery=expected_date_of_delivery,
        has_send=has_send,
        school_or_nursery=school_or_nursery,
    )
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def family_hide_address(*, family: Family) -> Family:
    """Mark the address 'do not disclose', for a family fleeing domestic abuse."""
    family = Family.objects.select_for_update().get(pk=family.pk)
    family.address_hidden = True
    family.save(update_fields=["address_hidden"])
    return family
