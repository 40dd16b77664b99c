"""Adding people to a family and keeping their details up to date."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.models import Person
from family_resources.families.services import person_add, person_update
from family_resources.families.tests.factories import (
    AdultFactory,
    ChildFactory,
    FamilyFactory,
    ParentLivingElsewhereFactory,
    UnbornChildFactory,
    years_ago,
)

pytestmark = pytest.mark.django_db


def _problems(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


def test_person_add_keeps_language_interpreter_send_and_school():
    family = FamilyFactory.create()

    person = person_add(
        family=family,
        kind=Person.Kind.CHILD,
        given_name=" Sami ",
        date_of_birth=years_ago(7),
        has_send=True,
        school_or_nursery="Beech Hill Primary",
        main_language="Romanian",
        interpreter_needed=True,
    )

    person.refresh_from_db()
    assert person.given_name == "Sami"
    assert person.main_language == "Romanian"
    assert person.interpreter_needed
    assert person.has_send
    assert person.school_or_nursery == "Beech Hill Primary"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"kind": Person.Kind.CHILD}, "given_name", "Enter their first name"),
        ({"kind": Person.Kind.UNBORN}, "expected_date_of_delivery", "Enter the baby's due date"),
        (
            {"kind": Person.Kind.UNBORN, "expected_date_of_delivery": timezone.localdate() + timedelta(weeks=43)},
            "expected_date_of_delivery",
            "The due date must be within the next 42 weeks",
        ),
        (
            {
                "kind": Person.Kind.UNBORN,
                "expected_date_of_delivery": timezone.localdate(),
                "date_of_birth": timezone.localdate(),
            },
            "date_of_birth",
            "An unborn child has a due date, not a date of birth: leave the date of birth empty",
        ),
        (
            {"kind": Person.Kind.CHILD, "given_name": "Sami", "date_of_birth": timezone.localdate() + timedelta(1)},
            "date_of_birth",
            "The date of birth must be today or in the past",
        ),
        (
            {"kind": Person.Kind.ADULT, "given_name": "Old", "date_of_birth": years_ago(130)},
            "date_of_birth",
            "Enter a real date of birth",
        ),
        (
            {"kind": Person.Kind.CHILD, "given_name": "Sami", "lives_elsewhere": True},
            "lives_elsewhere",
            "Only an adult can live outside the household",
        ),
    ],
)
def test_person_add_refuses_what_cannot_be_true(fields, field, message):
    family = FamilyFactory.create()

    with pytest.raises(ValidationError) as error:
        person_add(family=family, **fields)

    assert _problems(error)[field] == [message]
    assert not family.members.exists()


def test_a_due_date_up_to_42_weeks_ahead_is_accepted():
    family = FamilyFactory.create()

    person = person_add(
        family=family, kind=Person.Kind.UNBORN, expected_date_of_delivery=timezone.localdate() + timedelta(weeks=42)
    )

    assert person.pk is not None


def _update_fields(person: Person, **changes: Any) -> dict[str, Any]:
    fields = {
        name: getattr(person, name)
        for name in [
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
        ]
    }
    return {**fields, **changes}


def test_a_baby_is_born_the_unborn_child_becomes_a_child_and_the_change_is_audited():
    unborn = UnbornChildFactory.create()

    child = person_update(
        person=unborn,
        **_update_fields(unborn, kind=Person.Kind.CHILD, given_name="Noor", date_of_birth=timezone.localdate()),
    )

    child.refresh_from_db()
    assert child.kind == Person.Kind.CHILD
    assert child.given_name == "Noor"
    update = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="families.person", object_id=str(child.pk))
    assert update.changed_fields == ["date_of_birth", "given_name", "kind"]


def test_moving_back_into_the_household_drops_the_persons_own_address():
    father = ParentLivingElsewhereFactory.create(address_hidden=True)

    person_update(person=father, **_update_fields(father, lives_elsewhere=False))

    father.refresh_from_db()
    assert (father.address_line, father.postcode, father.address_hidden) == ("", "", False)


def test_person_update_refuses_an_adult_who_lives_elsewhere_becoming_a_child():
    father = ParentLivingElsewhereFactory.create()

    with pytest.raises(ValidationError) as error:
        person_update(person=father, **_update_fields(father, kind=Person.Kind.CHILD))

    assert _problems(error)["lives_elsewhere"] == ["Only an adult can live outside the household"]


# The pages


@pytest.fixture
def practitioner_and_family():
    episode = OpenEpisodeFactory.create()
    return staff(Role.PRACTITIONER, teams=[episode.team]), episode.family


def test_a_practitioner_adds_a_child_and_returns_to_the_record(signed_in_client, practitioner_and_family):
    practitioner, family = practitioner_and_family

    response = signed_in_client(practitioner).post(
        reverse("families:person_add", args=[family.reference]),
        {
            "kind": "child",
            "given_name": "Ilinca",
            "family_name": family.family_name,
            "relationship": "Daughter",
            "date_of_birth": years_ago(4).isoformat(),
            "school_or_nursery": "Pastures Way Nursery",
            "main_language": "Romanian",
            "interpreter_needed": "on",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("families:detail", args=[family.reference])
    child = family.members.get()
    assert (child.given_name, child.main_language, child.interpreter_needed) == ("Ilinca", "Romanian", True)


def test_adding_a_parent_who_lives_elsewhere_goes_on_to_ask_for_their_address(
    signed_in_client, practitioner_and_family
):
    practitioner, family = practitioner_and_family

    response = signed_in_client(practitioner).post(
        reverse("families:person_add", args=[family.reference]),
        {"kind": "adult", "given_name": "Omar", "relationship": "Father", "lives_elsewhere": "on"},
    )

    father = family.members.get()
    assert father.lives_elsewhere
    assert response["Location"] == reverse("families:person_address", args=[family.reference, father.pk])


def test_the_add_person_page_shows_the_services_errors_and_keeps_what_was_typed(
    signed_in_client, practitioner_and_family
):
    practitioner, family = practitioner_and_family

    response = signed_in_client(practitioner).post(
        reverse("families:person_add", args=[family.reference]),
        {"kind": "unborn", "main_language": "Polish", "date_of_birth": "not a date"},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert "<title>Error: " in content
    assert "Enter the date of birth as a real date, like 2019-03-27" in content
    assert 'value="Polish"' in content
    assert not family.members.exists()


def test_the_add_person_page_shows_rules_only_the_service_knows(signed_in_client, practitioner_and_family):
    practitioner, family = practitioner_and_family

    response = signed_in_client(practitioner).post(
        reverse("families:person_add", args=[family.reference]), {"kind": "unborn"}
    )

    assert "Enter the baby&#x27;s due date" in response.content.decode()


def test_a_practitioner_changes_a_persons_details(signed_in_client, practitioner_and_family):
    practitioner, family = practitioner_and_family
    child = ChildFactory.create(family=family, given_name="Sami", school_or_nursery="")
    url = reverse("families:person_change", args=[family.reference, child.pk])
    client = signed_in_client(practitioner)

    form_page = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "kind": "child",
            "given_name": "Sami",
            "family_name": child.family_name,
            "relationship": "Son",
            "date_of_birth": years_ago(6).isoformat(),
            "school_or_nursery": "Chaul End Primary",
            "has_send": "on",
        },
    )

    assert 'value="Sami"' in form_page
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.school_or_nursery == "Chaul End Primary"
    assert child.has_send


def test_a_person_of_another_family_is_not_found(signed_in_client, practitioner_and_family):
    practitioner, family = practitioner_and_family
    stranger = AdultFactory.create()

    response = signed_in_client(practitioner).get(
        reverse("families:person_change", args=[family.reference, stranger.pk])
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    "who",
    [
        lambda episode: staff(Role.SERVICE_MANAGER),
        lambda episode: staff(Role.PRACTITIONER, teams=[TeamFactory.create()]),
    ],
    ids=["service manager", "practitioner of another team"],
)
def test_those_who_may_not_change_the_record_are_refused_and_audited(signed_in_client, who):
    episode = OpenEpisodeFactory.create()
    user = who(episode)

    response = signed_in_client(user).get(reverse("families:person_add", args=[episode.family.reference]))

    assert response.status_code == 403
    assert AuditEvent.objects.get(actor=user).action == AuditAction.DENIED


def test_a_front_door_officer_may_add_people(signed_in_client):
    family = FamilyFactory.create()

    response = signed_in_client(staff(Role.FRONT_DOOR_OFFICER)).get(
        reverse("families:person_add", args=[family.reference])
    )

    assert response.status_code == 200
