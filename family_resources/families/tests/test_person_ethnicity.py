"""A person's ethnic group: recorded by staff on the family record, for comparing who responds to
consultations with who we support (ADR 0032). Never on a public page."""

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.consultation.content import ETHNICITIES
from family_resources.families.models import Family, Person
from family_resources.families.services import person_add, person_update
from family_resources.families.tests.factories import AdultFactory, FamilyFactory

pytestmark = pytest.mark.django_db


def test_the_choices_are_the_consultations_census_groups_and_not_recorded() -> None:
    field = Person._meta.get_field("ethnicity")
    assert list(field.choices or []) == [("", "Not recorded"), *ETHNICITIES]
    assert field.blank
    assert field.default == ""


def test_a_person_is_added_with_an_ethnic_group_or_none() -> None:
    family = FamilyFactory.create()
    recorded = person_add(family=family, kind=Person.Kind.ADULT, given_name="Amina", ethnicity="asian-pakistani")
    unrecorded = person_add(family=family, kind=Person.Kind.ADULT, given_name="Jo")
    assert recorded.get_ethnicity_display() == "Asian or Asian British: Pakistani"
    assert unrecorded.ethnicity == ""
    assert unrecorded.get_ethnicity_display() == "Not recorded"


def _update(person: Person, **changes: Any) -> Person:
    fields = {
        name: getattr(person, name)
        for name in (
            "kind",
            "given_name",
            "family_name",
            "relationship",
            "date_of_birth",
            "expected_date_of_delivery",
            "has_send",
            "school_or_nursery",
            "main_language",
            "interpreter_needed",
            "lives_elsewhere",
        )
    }
    return person_update(person=person, **{**fields, **changes})


def test_an_update_that_does_not_mention_it_leaves_the_ethnic_group() -> None:
    person = AdultFactory.create(ethnicity="white-irish")
    assert _update(person, given_name="Siobhan").ethnicity == "white-irish"
    assert _update(person, ethnicity="").ethnicity == ""


def test_an_unknown_ethnic_group_is_refused() -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        person_add(family=FamilyFactory.create(), kind=Person.Kind.ADULT, given_name="X", ethnicity="martian")
    assert "ethnicity" in error.value.message_dict


@pytest.fixture
def practitioner_and_family() -> tuple[Any, Family]:
    episode = OpenEpisodeFactory.create()
    return staff(Role.PRACTITIONER, teams=[episode.team]), episode.family


def test_staff_record_and_see_it_where_they_edit_a_person(signed_in_client: Any, practitioner_and_family: Any) -> None:
    practitioner, family = practitioner_and_family
    client = signed_in_client(practitioner)
    person = AdultFactory.create(family=family, given_name="Nadia")
    change = reverse("families:person_change", args=[family.reference, person.pk])
    form = client.get(change).content.decode()
    assert 'name="ethnicity"' in form
    assert "Asian or Asian British: Bangladeshi" in form
    response = client.post(
        change,
        {"kind": "adult", "given_name": "Nadia", "family_name": person.family_name, "ethnicity": "asian-bangladeshi"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.ethnicity == "asian-bangladeshi"
    record = client.get(reverse("families:detail", args=[family.reference])).content.decode()
    assert "Ethnic group" in record
    assert "Asian or Asian British: Bangladeshi" in record
    added = client.post(
        reverse("families:person_add", args=[family.reference]),
        {"kind": "adult", "given_name": "Omar", "family_name": person.family_name, "ethnicity": "other-arab"},
    )
    assert added.status_code == 302
    assert family.members.get(given_name="Omar").ethnicity == "other-arab"


def test_it_is_on_no_public_page() -> None:
    root = Path(__file__).resolve().parents[2]
    public = [*root.glob("portal/templates/**/*.html"), *root.glob("consultation/templates/consultation/public/*")]
    assert public
    assert not [path for path in public if "ethnicity" in path.read_text()]
