"""Directory records for tests: organisations vetted through the real evidence service, services and where they run."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time, timedelta
from typing import Any, cast
from unittest.mock import patch

import factory
from django.utils import timezone

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.directory.models import EvidenceKind, Location, Organisation, Schedule, Service, ServiceAtLocation
from family_resources.directory.services import safeguarding_evidence_verify


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    """An organisation with no verified evidence: hidden from families."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Community group {n:04d}")  # padded: name order is creation order
    description = "A community group for families."
    account_name = "Sam Organiser"
    account_email = factory.Sequence(lambda n: f"group{n}@example.org")


def directory_officer() -> User:
    return staff(Role.DIRECTORY_OFFICER)


def vet(
    organisation: Organisation, *, until: date | None = None, by: User | None = None, **earlier: Any
) -> Organisation:
    """Verify all five kinds of evidence, in date until `until` (a year ahead by default); `earlier` sets
    particular kinds (dbs=..., policy=...) to other dates."""
    officer = by or directory_officer()
    last_day = until or timezone.localdate() + timedelta(days=365)
    for kind in EvidenceKind.values:
        safeguarding_evidence_verify(
            organisation=organisation,
            kind=kind,
            detail=f"Seen: {kind}",
            valid_until=earlier.get(kind, last_day),
            verified_by=officer,
        )
    organisation.refresh_from_db()
    return organisation


class VettedOrganisationFactory(OrganisationFactory):
    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def vetted(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            vet(cast(Organisation, self))  # factory_boy passes the organisation it built as `self`


class ServiceFactory(factory.django.DjangoModelFactory[Service]):
    class Meta:
        model = Service

    organisation = factory.SubFactory(VettedOrganisationFactory)
    name = factory.Sequence(lambda n: f"Service {n:04d}")  # padded: name order is creation order
    description = "Sessions for families."
    min_age = 0
    max_age = 5
    languages = factory.LazyFunction(lambda: ["en"])


class LocationFactory(factory.django.DjangoModelFactory[Location]):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    name = "Church hall"
    address_1 = "1 High Street"
    postcode = "LU4 8BW"


def runs_at(service: Service, location: Location) -> ServiceAtLocation:
    return ServiceAtLocation.objects.create(service=service, location=location)


def runs_on(service: Service, weekday: int, opens: time = time(9, 30), closes: time = time(11, 30)) -> Schedule:
    return Schedule.objects.create(service=service, weekday=weekday, opens_at=opens, closes_at=closes)


@contextmanager
def on_day(day: date) -> Iterator[None]:
    """Make "today" this day for code that asks timezone.localdate(); clocks (timezone.now) keep real time."""
    real = timezone.localdate

    def localdate(value: Any = None, timezone: Any = None) -> date:
        return day if value is None else real(value, timezone)

    with patch("django.utils.timezone.localdate", side_effect=localdate):
        yield
