"""The case page: who may open it, what it shows, and that a hidden address stays hidden."""

import pytest
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.tests.factories_plans import allocated_episode

pytestmark = pytest.mark.django_db


def _url(episode):
    return reverse("casework:episode", args=[episode.pk])


def test_a_practitioner_of_another_team_is_refused_and_the_attempt_audited(signed_in_client):
    episode, _ = allocated_episode()
    outsider = staff(Role.PRACTITIONER, teams=[TeamFactory.create()])

    assert signed_in_client(outsider).get(_url(episode)).status_code == 403
    assert AuditEvent.objects.filter(
        actor=outsider, action=AuditAction.DENIED, object_type="casework.episode", object_id=str(episode.pk)
    ).exists()


@pytest.mark.parametrize("role", [Role.FRONT_DOOR_OFFICER, Role.DIRECTORY_OFFICER, Role.ADMINISTRATOR])
def test_roles_outside_casework_cannot_open_a_case(signed_in_client, role):
    episode, _ = allocated_episode()
    assert signed_in_client(staff(role)).get(_url(episode)).status_code == 403


def test_a_service_manager_reads_any_case_but_not_a_hidden_address(signed_in_client):
    episode, _ = allocated_episode(address_line="12 Secret Street", postcode="LU4 9ZZ", address_hidden=True)
    manager = staff(Role.SERVICE_MANAGER)

    response = signed_in_client(manager).get(_url(episode))

    page = response.content.decode()
    assert response.status_code == 200
    assert "12 Secret Street" not in page
    assert "LU4 9ZZ" not in page
    assert "Do not disclose" in page
    assert AuditEvent.objects.filter(actor=manager, action=AuditAction.VIEW, object_type="casework.episode").exists()
    assert not AuditEvent.objects.filter(actor=manager, changed_fields=["address"]).exists()


def test_the_lead_practitioner_sees_the_hidden_address_they_visit_and_the_reveal_is_audited(signed_in_client):
    episode, practitioner = allocated_episode(address_line="12 Secret Street", postcode="LU4 9ZZ", address_hidden=True)

    page = signed_in_client(practitioner).get(_url(episode)).content.decode()

    assert "12 Secret Street" in page
    assert AuditEvent.objects.filter(
        actor=practitioner, action=AuditAction.VIEW, object_type="families.family",
        object_id=str(episode.family_id), changed_fields=["address"],
    ).exists()  # fmt: skip


def test_the_case_page_links_the_record_plan_notes_and_chronology(signed_in_client):
    episode, practitioner = allocated_episode()
    page = signed_in_client(practitioner).get(_url(episode)).content.decode()
    links: list[tuple[str, list[object]]] = [
        ("families:detail", [episode.family.reference]),
        ("casework:plan", [episode.pk]),
        ("casework:notes", [episode.pk]),
        ("casework:chronology", [episode.family.reference]),
        ("casework:note_add", [episode.pk]),
        ("casework:step_up", [episode.pk]),
        ("casework:close", [episode.pk]),
    ]
    for name, args in links:
        assert reverse(name, args=args) in page
