"""Families and people for tests."""

from datetime import date

import factory
from django.utils import timezone

from family_resources.accounts.tests.factories import NeighbourhoodFactory
from family_resources.families.models import Family, Person


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
    address_line = factory.Faker("street_address", locale="en_GB")
    postcode = "LU1 1AA"
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)


class AdultFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    family = factory.SubFactory(FamilyFactory)
    kind = Person.Kind.ADULT
    given_name = factory.Faker("first_name", locale="en_GB")
    family_name = factory.SelfAttribute("family.family_name")
    relationship = "Mother"
    date_of_birth = factory.LazyFunction(lambda: years_ago(32))


class ChildFactory(AdultFactory):
    kind = Person.Kind.CHILD
    relationship = "Child"
    date_of_birth = factory.LazyFunction(lambda: years_ago(6))
