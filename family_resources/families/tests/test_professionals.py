"""Other professionals working with the family: add, correct, and record that they stopped."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.models import AgencyType
from family_resources.families.services import professional_add, professional_end, professional_update
from family_resources.families.tests.factories import FamilyFactory, ProfessionalFactory

pytestmark = pytest.mark.django_db


def test_professional_add_keeps_their_details_and_is_audited():
    family = FamilyFactory.create()

    professional = professional_add(
        family=family,
        name=" Dr Hale ",
        agency_type=AgencyType.GP,
        organisation="Bury Park Surgery",
        phone="01632 960 222",
        email="hale@nhs.example.org",
        notes="Prefers email.",
    )

    assert professional.name == "Dr Hale"
    assert professional.is_current
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="families.professional", object_id=str(professional.pk)
    ).exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": " ", "agency_type": AgencyType.GP}, "name", "Enter the professional's name"),
        ({"name": "Dr Hale", "agency_type": "wizard"}, "agency_type", "Choose the professional's role"),
        ({"name": "Dr Hale", "agency_type": AgencyType.GP, "email": "not-an-email"}, "email", None),
    ],
)
def test_professional_add_refuses_what_is_missing_or_wrong(fields, field, message):
    family = FamilyFactory.create()

    with pytest.raises(ValidationError) as error:
        professional_add(family=family, **fields)

    assert field in error.value.message_dict
    if message:
        assert error.value.message_dict[field] == [message]
    assert not family.professionals.exists()


def test_professional_update_changes_the_details():
    professional = ProfessionalFactory.create(agency_type=AgencyType.SCHOOL)

    professional_update(
        professional=professional,
        name="Ms Patel",
        agency_type=AgencyType.SCHOOL,
        organisation="Beech Hill Primary",
        phone="",
        email="",
        notes="Designated safeguarding lead",
    )

    professional.refresh_from_db()
    assert (professional.name, professional.notes) == ("Ms Patel", "Designated safeguarding lead")


def test_a_professional_who_stopped_is_kept_but_cannot_be_changed_or_ended_again():
    professional = ProfessionalFactory.create()

    professional_end(professional=professional)

    professional.refresh_from_db()
    assert professional.ended_on == timezone.localdate()
    with pytest.raises(ValidationError, match="already recorded"):
        professional_end(professional=professional)
    with pytest.raises(ValidationError, match="no longer works with the family"):
        professional_update(
            professional=professional,
            name="X",
            agency_type=AgencyType.GP,
            organisation="",
            phone="",
            email="",
            notes="",
        )


@pytest.mark.parametrize(
    ("days", "message"),
    [(1, "The date they stopped must be today or in the past"), (-400, "on or after the date they were added")],
)
def test_the_end_date_must_be_between_adding_and_today(days, message):
    professional = ProfessionalFactory.create()

    with pytest.raises(ValidationError, match=message):
        professional_end(professional=professional, ended_on=timezone.localdate() + timedelta(days=days))


# The pages


@pytest.fixture
def team_client(signed_in_client):
    episode = OpenEpisodeFactory.create()
    return signed_in_client(staff(Role.PRACTITIONER, teams=[episode.team])), episode.family


def test_a_practitioner_adds_a_health_visitor(team_client):
    client, family = team_client

    response = client.post(
        reverse("families:professional_add", args=[family.reference]),
        {"name": "Jo Reed", "agency_type": "health_visitor", "organisation": "Luton Community Health"},
    )

    assert response.status_code == 302
    assert family.professionals.get().name == "Jo Reed"


def test_the_add_professional_page_shows_errors_and_keeps_what_was_typed(team_client):
    client, family = team_client

    response = client.post(
        reverse("families:professional_add", args=[family.reference]),
        {"organisation": "Bury Park Surgery", "email": "nope"},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Enter the professional&#x27;s name" in content
    assert "Choose the professional&#x27;s role" in content
    assert "Enter an email address in the correct format, like name@example.com" in content
    assert 'value="Bury Park Surgery"' in content


def test_a_practitioner_corrects_and_then_removes_a_professional(team_client):
    client, family = team_client
    professional = ProfessionalFactory.create(family=family, name="Jo Reed")

    form_page = client.get(reverse("families:professional_change", args=[family.reference, professional.pk]))
    changed = client.post(
        reverse("families:professional_change", args=[family.reference, professional.pk]),
        {"name": "Jo Reed-Smith", "agency_type": "health_visitor"},
    )
    removed = client.post(
        reverse("families:professional_end", args=[family.reference, professional.pk]),
        {"ended_on": timezone.localdate().isoformat()},
    )

    assert 'value="Jo Reed"' in form_page.content.decode()
    assert changed.status_code == removed.status_code == 302
    professional.refresh_from_db()
    assert professional.name == "Jo Reed-Smith"
    assert professional.ended_on == timezone.localdate()


def test_the_remove_page_asks_for_a_real_date(team_client):
    client, family = team_client
    professional = ProfessionalFactory.create(family=family)

    response = client.post(
        reverse("families:professional_end", args=[family.reference, professional.pk]), {"ended_on": ""}
    )

    assert "Enter the date they stopped working with the family" in response.content.decode()
    professional.refresh_from_db()
    assert professional.is_current


def test_a_service_manager_reads_but_may_not_change_professionals(signed_in_client):
    professional = ProfessionalFactory.create()
    manager = staff(Role.SERVICE_MANAGER)

    response = signed_in_client(manager).get(
        reverse("families:professional_change", args=[professional.family.reference, professional.pk])
    )

    assert response.status_code == 403
    assert AuditEvent.objects.get(actor=manager).action == AuditAction.DENIED
