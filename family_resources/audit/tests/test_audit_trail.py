"""The audit trail records every create, update and view of person-level records, and cannot be rewritten."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.context import AuditContext, acting_as
from family_resources.audit.models import AppendOnlyError, AuditAction, AuditEvent
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.models import Family
from family_resources.families.tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db


def test_viewing_a_family_record_writes_an_audit_row_for_the_family_and_each_member(signed_in_client):
    episode = OpenEpisodeFactory.create()
    family = episode.family
    child = ChildFactory.create(family=family)
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])

    response = signed_in_client(practitioner).get(
        reverse("families:detail", args=[family.reference]), REMOTE_ADDR="10.1.2.3"
    )

    assert response.status_code == 200
    view = AuditEvent.objects.get(action=AuditAction.VIEW, object_type="families.family")
    assert view.object_id == str(family.pk)
    assert view.actor == practitioner
    assert view.actor_role == Role.PRACTITIONER
    assert view.ip_address == "10.1.2.3"
    assert view.source == "web"
    assert view.path == f"/staff/families/{family.reference}/"
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="families.person", object_id=str(child.pk)
    ).exists()


def test_a_refused_view_writes_no_view_row(signed_in_client):
    family = OpenEpisodeFactory.create().family
    directory_officer = staff(Role.DIRECTORY_OFFICER)

    response = signed_in_client(directory_officer).get(reverse("families:detail", args=[family.reference]))

    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()


def test_creating_and_changing_a_record_writes_who_did_it_and_which_fields_changed():
    officer = staff(Role.FRONT_DOOR_OFFICER)
    with acting_as(AuditContext(actor=officer, source="web", ip_address="192.0.2.7", path="/staff/x/")):
        family = FamilyFactory.create(family_name="Khan")
        family = Family.objects.get(pk=family.pk)
        family.preferred_language = "ur"
        family.interpreter_needed = True
        family.save()

    created = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="families.family")
    updated = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="families.family")
    assert created.actor == officer
    assert created.object_id == updated.object_id == str(family.pk)
    assert updated.changed_fields == ["interpreter_needed", "preferred_language"]


def test_the_trail_holds_field_names_never_personal_values():
    with acting_as(AuditContext(actor=None, source="test")):
        family = FamilyFactory.create(family_name="Originalname")
        family = Family.objects.get(pk=family.pk)
        family.family_name = "Secretname"
        family.save()

    stored = " ".join(str(row) for row in AuditEvent.objects.values_list())
    assert "Secretname" not in stored
    assert "Originalname" not in stored


def test_audit_rows_cannot_be_changed_through_the_application():
    FamilyFactory.create()
    event = AuditEvent.objects.first()
    assert event is not None
    event.object_id = "999"

    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(object_id="999")
    assert AuditEvent.objects.get(pk=event.pk).object_id != "999"


def test_audit_rows_cannot_be_deleted_through_the_application():
    FamilyFactory.create()
    event = AuditEvent.objects.first()
    assert event is not None

    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_database_refuses_to_update_audit_rows_even_in_raw_sql():
    FamilyFactory.create()
    event = AuditEvent.objects.first()
    assert event is not None

    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET object_id = %s WHERE id = %s", ["999", event.pk])
    assert AuditEvent.objects.get(pk=event.pk).object_id == event.object_id


def test_the_database_refuses_raw_deletes_on_postgresql():
    """PostgreSQL refuses row deletes outright; SQLite keeps them possible for Django's test clean-up."""
    FamilyFactory.create()
    event = AuditEvent.objects.first()
    assert event is not None

    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
        assert AuditEvent.objects.filter(pk=event.pk).exists()
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_auditevent'")
            assert [row[0] for row in cursor.fetchall()] == ["audit_event_no_update"]
