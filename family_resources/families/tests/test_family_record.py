"""Who may open a family's record, and what it shows."""

import pytest
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.models import AgencyType, SocialCareStatus
from family_resources.families.tests.factories import (
    AdultFactory,
    ChildFactory,
    ConsentFactory,
    FamilyFactory,
    LetterFactory,
    ParentLivingElsewhereFactory,
    ProfessionalFactory,
    UnbornChildFactory,
)

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


def test_a_practitioner_cannot_open_a_family_of_another_neighbourhood_team_but_a_service_manager_can(client):
    family = OpenEpisodeFactory.create().family
    other_team = TeamFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[other_team])
    manager = staff(Role.SERVICE_MANAGER)

    client.force_login(practitioner)
    refused = client.get(_url(family))
    client.force_login(manager)
    allowed = client.get(_url(family))

    assert refused.status_code == 403
    denied = AuditEvent.objects.get(actor=practitioner)
    assert denied.action == AuditAction.DENIED
    assert denied.object_type == "families.family"
    assert denied.object_id == str(family.pk)
    assert allowed.status_code == 200
    assert not AuditEvent.objects.filter(actor=manager, action=AuditAction.DENIED).exists()
    assert AuditEvent.objects.filter(actor=manager, action=AuditAction.VIEW, object_id=str(family.pk)).exists()


def test_an_unknown_reference_is_not_found(signed_in_client):
    response = signed_in_client(staff(Role.SERVICE_MANAGER)).get(reverse("families:detail", args=["FAM-NOPE"]))
    assert response.status_code == 404


def test_a_hidden_address_is_not_shown(signed_in_client):
    family = FamilyFactory.create(address_line="12 Secret Street", postcode="LU2 9ZZ", address_hidden=True)

    content = signed_in_client(staff(Role.SERVICE_MANAGER)).get(_url(family)).content.decode()

    assert "12 Secret Street" not in content
    assert "LU2 9ZZ" not in content
    assert "Do not disclose \N{EN DASH} the address is withheld to keep the family safe" in content


def test_an_address_not_hidden_is_shown_to_everyone_who_may_read_the_record(signed_in_client):
    family = FamilyFactory.create(address_line="3 Open Lane", postcode="LU1 1AA")

    content = signed_in_client(staff(Role.SERVICE_MANAGER)).get(_url(family)).content.decode()

    assert "3 Open Lane" in content
    assert "Do not disclose" not in content


def test_the_record_lists_the_children_with_their_ages(signed_in_client):
    family = FamilyFactory.create()
    ChildFactory.create(family=family, given_name="Amara")

    content = signed_in_client(staff(Role.FRONT_DOOR_OFFICER)).get(_url(family)).content.decode()

    assert "Amara" in content
    assert "6 years old" in content


def test_the_record_shows_each_person_with_language_send_school_and_where_they_live(signed_in_client):
    family = FamilyFactory.create()
    AdultFactory.create(family=family, given_name="Nadia", main_language="Urdu", interpreter_needed=True)
    ChildFactory.create(family=family, given_name="Sami", has_send=True, school_or_nursery="Beech Hill Primary")
    UnbornChildFactory.create(family=family)
    ParentLivingElsewhereFactory.create(family=family, given_name="Omar", address_line="4 Other Road")

    content = signed_in_client(staff(Role.FRONT_DOOR_OFFICER)).get(_url(family)).content.decode()

    assert "Urdu \N{EN DASH} needs an interpreter" in content
    assert "Beech Hill Primary" in content
    assert "Unborn child" in content
    assert "Outside the household:" in content
    assert "4 Other Road" in content


def test_the_record_shows_professionals_social_care_status_consent_and_letters(signed_in_client):
    family = FamilyFactory.create(open_to_social_care=True, social_care_status=SocialCareStatus.CHILD_IN_NEED)
    gp = ProfessionalFactory.create(family=family, name="Dr Hale", agency_type=AgencyType.GP)
    ProfessionalFactory.create(family=family, name="Sam Former", ended_on=timezone.localdate())
    ConsentFactory.create(family=family, given_by__given_name="Nadia", agencies=[AgencyType.GP])
    LetterFactory.create(professional=gp)

    content = signed_in_client(staff(Role.SERVICE_MANAGER)).get(_url(family)).content.decode()

    assert "Child in need plan" in content
    assert "Dr Hale" in content
    assert "No longer involved" in content
    assert "Sam Former" in content
    assert "Nadia" in content
    assert "GP" in content
    assert reverse("families:letter", args=[family.reference, gp.letters.get().pk]) in content


def test_only_those_who_may_change_the_record_see_its_change_links(signed_in_client):
    episode = OpenEpisodeFactory.create()
    family = episode.family
    add_person = reverse("families:person_add", args=[family.reference])

    as_manager = signed_in_client(staff(Role.SERVICE_MANAGER)).get(_url(family)).content.decode()
    as_practitioner = (
        signed_in_client(staff(Role.PRACTITIONER, teams=[episode.team])).get(_url(family)).content.decode()
    )

    assert add_person not in as_manager
    assert add_person in as_practitioner


def test_write_a_letter_is_offered_only_for_professionals_the_consent_covers(signed_in_client):
    episode = OpenEpisodeFactory.create()
    family = episode.family
    covered = ProfessionalFactory.create(family=family, agency_type=AgencyType.HEALTH_VISITOR)
    not_covered = ProfessionalFactory.create(family=family, agency_type=AgencyType.POLICE)
    ConsentFactory.create(family=family, agencies=[AgencyType.HEALTH_VISITOR])

    content = signed_in_client(staff(Role.PRACTITIONER, teams=[episode.team])).get(_url(family)).content.decode()

    assert reverse("families:letter_write", args=[family.reference, covered.pk]) in content
    assert reverse("families:letter_write", args=[family.reference, not_covered.pk]) not in content
    assert "No consent to write to them" in content
