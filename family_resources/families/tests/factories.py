"""Families, their people, professionals, consent and letters for tests."""

from datetime import date, timedelta
from typing import Any

import factory
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import NeighbourhoodFactory, UserFactory
from family_resources.families.models import (
    AgencyType,
    Consent,
    ConsentMethod,
    Family,
    Letter,
    Person,
    Professional,
    SocialCareStatus,
)


def years_ago(years: int) -> date:
    """The date someone born that many years ago today has their birthday (29 February moves to the 28th)."""
    today = timezone.localdate()
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


class FamilyFactory(factory.django.DjangoModelFactory[Family]):
    class Meta:
        model = Family

    reference = factory.Sequence(lambda n: f"FAM-T{n:05d}")
    family_name = factory.Faker("last_name", locale="en_GB")
    # Any: the address is a fake one here and a fixed one in HiddenAddressFamilyFactory.
    address_line: Any = factory.Faker("street_address", locale="en_GB")
    postcode = "LU1 1AA"
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    open_to_social_care = False
    # In step with the flag, as the database requires; pass a status (and the flag) for a plan.
    social_care_status = factory.LazyAttribute(
        lambda family: SocialCareStatus.OPEN if family.open_to_social_care else SocialCareStatus.NOT_KNOWN
    )


class HiddenAddressFamilyFactory(FamilyFactory):
    """A family fleeing domestic abuse: the address is marked do not disclose."""

    address_line = "12 Secret Street, Luton"
    postcode = "LU2 9ZZ"
    address_hidden = True
    address_hidden_reason = "Fleeing domestic abuse"


class AdultFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    family = factory.SubFactory(FamilyFactory)
    kind = Person.Kind.ADULT
    # Any: an unborn child has no name or date of birth.
    given_name: Any = factory.Faker("first_name", locale="en_GB")
    family_name = factory.SelfAttribute("family.family_name")
    relationship = "Mother"
    date_of_birth: Any = factory.LazyFunction(lambda: years_ago(32))


class ChildFactory(AdultFactory):
    kind = Person.Kind.CHILD
    relationship = "Child"
    date_of_birth = factory.LazyFunction(lambda: years_ago(6))


class UnbornChildFactory(AdultFactory):
    kind = Person.Kind.UNBORN
    given_name = ""
    relationship = "Unborn child"
    date_of_birth = None
    expected_date_of_delivery = factory.LazyFunction(lambda: timezone.localdate() + timedelta(weeks=12))


class ParentLivingElsewhereFactory(AdultFactory):
    """A parent who lives apart from the children, at an address of their own."""

    relationship = "Father"
    lives_elsewhere = True
    address_line = "4 Other Road, Dunstable"
    postcode = "LU5 4AA"


class ProfessionalFactory(factory.django.DjangoModelFactory[Professional]):
    class Meta:
        model = Professional

    family = factory.SubFactory(FamilyFactory)
    name = factory.Faker("name", locale="en_GB")
    agency_type = AgencyType.HEALTH_VISITOR
    organisation = "Luton Community Health"
    phone = "01632 960 555"
    email = factory.Sequence(lambda n: f"professional{n}@nhs.example.org")


class ConsentFactory(factory.django.DjangoModelFactory[Consent]):
    """The family's current consent: by default, they agree we may tell their health visitor and school."""

    class Meta:
        model = Consent

    family = factory.SubFactory(FamilyFactory)
    given_by = factory.SubFactory(AdultFactory, family=factory.SelfAttribute("..family"))
    given_on = factory.LazyFunction(timezone.localdate)
    method = ConsentMethod.WRITTEN
    agencies = factory.LazyFunction(lambda: [AgencyType.HEALTH_VISITOR.value, AgencyType.SCHOOL.value])
    recorded_by = factory.SubFactory(UserFactory, role=Role.PRACTITIONER)


class LetterFactory(factory.django.DjangoModelFactory[Letter]):
    class Meta:
        model = Letter

    professional = factory.SubFactory(ProfessionalFactory)
    family = factory.SelfAttribute("professional.family")
    recipient = factory.LazyAttribute(lambda letter: f"{letter.professional.name}\nHealth visitor")
    body = "Dear colleague,\n\nWe are working with the family.\n\nYours sincerely,\n\nA practitioner"
    written_by = factory.SubFactory(UserFactory, role=Role.PRACTITIONER)
