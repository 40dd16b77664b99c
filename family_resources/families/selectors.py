"""Reads about families: the record, its people, professionals, consent and letters."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from family_resources.families.models import Consent, Family, Letter, Person, Professional


def family_record(*, reference: str) -> Family:
    """The family with everything its record page shows."""
    people = Person.objects.order_by("kind", "date_of_birth", "pk")
    return get_object_or_404(
        Family.objects.select_related("neighbourhood").prefetch_related(
            Prefetch("members", queryset=people),
            Prefetch("professionals", queryset=Professional.objects.order_by("name", "pk")),
            Prefetch("consents", queryset=Consent.objects.select_related("given_by", "recorded_by", "withdrawn_by")),
            Prefetch("letters", queryset=Letter.objects.select_related("professional", "written_by")),
            "referrals__decision",
            "episodes__team",
            "episodes__lead_practitioner",
        ),
        reference=reference,
    )


def family_by_reference(*, reference: str) -> Family:
    return get_object_or_404(Family, reference=reference)


def person_of_family(*, family: Family, person_id: int) -> Person:
    return get_object_or_404(Person, family=family, pk=person_id)


def professional_of_family(*, family: Family, professional_id: int) -> Professional:
    return get_object_or_404(Professional, family=family, pk=professional_id)


def consent_of_family(*, family: Family, consent_id: int) -> Consent:
    return get_object_or_404(Consent.objects.select_related("given_by"), family=family, pk=consent_id)


def letter_of_family(*, family: Family, letter_id: int) -> Letter:
    return get_object_or_404(Letter.objects.select_related("professional", "written_by"), family=family, pk=letter_id)


def current_consent_of(family: Family) -> Consent | None:
    """The consent that says what may be shared now, if the family has one that is neither replaced nor withdrawn."""
    return (
        Consent.objects.select_related("given_by")
        .filter(family=family, replaced_on__isnull=True, withdrawn_on__isnull=True)
        .first()
    )


def people_who_can_consent(*, family: Family) -> list[Person]:
    return [person for person in family.members.order_by("kind", "date_of_birth", "pk") if person.can_give_consent]


def children_of(*, family: Family) -> QuerySet[Person]:
    """The children, eldest first, then any unborn child: the people a letter is about."""
    return family.members.filter(kind__in=[Person.Kind.CHILD, Person.Kind.UNBORN]).order_by(
        "kind", "date_of_birth", "expected_date_of_delivery", "pk"
    )


def letters_for_family(*, family: Family) -> QuerySet[Letter]:
    """The family's letters, newest first: for the record page and the chronology."""
    return Letter.objects.filter(family=family).select_related("professional", "written_by")


def open_episode_of_writer(*, family: Family, user: Any) -> Any:
    """The open episode whose team a letter is written from: the writer's own team's, if it has one."""
    return (
        family.episodes.filter(status="open", team__memberships__user=user)
        .select_related("team__base", "lead_practitioner")
        .first()
    )
