"""Who may open a family's record, and what it shows."""

import pytest
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db


def _url(family):
    return reverse("families:detail", args=[family.reference])


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.TEAM_MANAGER])
def test_team_staff_open_records_of_families_their_team_works_with(signed_in_client, role):
    episode = OpenEpisodeFactory.create()
    response = signed_in_client(staff(role, teams=[episode.team])).get(_url(episode.family))
    assert response.status_code == 200


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.TEAM_MANAGER])
def test_team_staff_cannot_open_another_teams_family(signed_in_client, role):
    episode = OpenEpisodeFactory.create()
    response = signed_in_client(staff(role, teams=[TeamFactory.create()])).get(_url(episode.family))
    assert response.status_code == 403


@pytest.mark.parametrize("role", [Role.FRONT_DOOR_OFFICER, Role.SERVICE_MANAGER])
def test_front_door_and_service_managers_open_any_family(signed_in_client, role):
    response = signed_in_client(staff(role)).get(_url(FamilyFactory.create()))
    assert response.status_code == 200


@pytest.mark.parametrize("role", [Role.DIRECTORY_OFFICER, Role.CONSULTATION_OFFICER, Role.ADMINISTRATOR])
def test_roles_without_casework_cannot_open_family_records(signed_in_client, role):
    response = signed_in_client(staff(role)).get(_url(FamilyFactory.create()))
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.content.decode()


def test_an_unknown_reference_is_not_found(signed_in_client):
    response = signed_in_client(staff(Role.SERVICE_MANAGER)).get(reverse("families:detail", args=["FAM-NOPE"]))
    assert response.status_code == 404


def test_a_hidden_address_is_not_shown(signed_in_client):
    family = FamilyFactory.create(address_line="12 Secret Street", postcode="LU2 9ZZ", address_hidden=True)

    content = signed_in_client(staff(Role.SERVICE_MANAGER)).get(_url(family)).content.decode()

    assert "12 Secret Street" not in content
    assert "LU2 9ZZ" not in content
    assert "Do not disclose" in content


def test_the_record_lists_the_children_with_their_ages(signed_in_client):
    family = FamilyFactory.create()
    ChildFactory.create(family=family, given_name="Amara")

    content = signed_in_client(staff(Role.FRONT_DOOR_OFFICER)).get(_url(family)).content.decode()

    assert "Amara" in content
    assert "6 years old" in content
