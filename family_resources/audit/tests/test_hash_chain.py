"""The tamper-evident audit trail: every entry is chained to the one before, and tampering is found."""

import itertools
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.chain import _COPIED, GENESIS, entry_digest, verify
from family_resources.audit.context import AuditContext, acting_as
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.audit.services import audit_named_views, audit_record, audit_view, audit_views
from family_resources.families.tests.factories import FamilyFactory

# Committed for real, as the tampering needs; restored afterwards like every transactional test in the suite, so
# the reference data comes back and the flush leaves the content types as the tests after it expect.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _tamper(sql: str, params: list[str | int]) -> None:
    """What someone with the database owner's rights could do: lift the append-only trigger and edit."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_no_update")
            cursor.execute(sql, params)
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_no_update")
        else:
            cursor.execute("DROP TRIGGER audit_event_no_update")
            cursor.execute(sql, params)
            cursor.execute(
                "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent "
                "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;"
            )


def _some_history() -> list[AuditEvent]:
    families = FamilyFactory.create_batch(3)  # each creation is audited
    audit_views(instances=families)
    audit_record(action=AuditAction.VIEW, instance=families[0], changed_fields=["address"])
    return list(AuditEvent.objects.order_by("sequence"))


def test_every_entry_points_to_the_one_before():
    events = _some_history()

    assert [e.sequence for e in events] == list(range(1, len(events) + 1))
    assert events[0].previous_hash == GENESIS
    for before, after in itertools.pairwise(events):
        assert after.previous_hash == before.entry_hash
    assert verify().intact


def test_the_command_reports_an_intact_trail():
    _some_history()
    out = StringIO()
    call_command("verify_audit_chain", stdout=out)
    assert "The audit trail is intact" in out.getvalue()


def test_an_edited_entry_is_reported_with_its_number():
    events = _some_history()
    target = events[2]
    _tamper("UPDATE audit_auditevent SET actor_role = %s WHERE id = %s", [Role.SERVICE_MANAGER.value, target.pk])

    report = verify()

    assert report.broken_at == target.sequence
    assert report.event_id == target.pk
    assert "content does not match" in report.reason
    with pytest.raises(CommandError, match=f"broken at entry {target.sequence}"):
        call_command("verify_audit_chain", stdout=StringIO())


def test_a_removed_entry_is_reported():
    events = _some_history()
    _tamper("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])

    report = verify()

    assert report.broken_at == events[1].sequence
    assert "missing" in report.reason


def test_an_entry_rewritten_with_a_fresh_hash_still_breaks_the_next_link():
    events = _some_history()
    forged = events[1]
    forged.actor_role = "administrator"
    new_hash = entry_digest(forged, forged.previous_hash)
    _tamper("UPDATE audit_auditevent SET actor_role = %s, entry_hash = %s WHERE id = %s",
            ["administrator", new_hash, forged.pk])  # fmt: skip

    report = verify()

    assert report.broken_at == events[2].sequence
    assert "does not point to the entry before" in report.reason


def test_writes_by_a_signed_in_user_are_chained_too(client):
    user = staff(Role.SERVICE_MANAGER)
    client.force_login(user)
    family = FamilyFactory.create()
    client.get(f"/staff/families/{family.reference}/")
    assert AuditEvent.objects.filter(actor=user, sequence__isnull=False).exists()
    assert verify().intact


@pytest.mark.parametrize("address", ["2001:db8::1", "192.0.2.7", None])
def test_a_page_of_views_is_stored_as_the_orm_stores_one_and_stays_chained(address):
    """Several events go in at once (with COPY on PostgreSQL), one through the ORM: both read back alike."""
    user = staff(Role.PRACTITIONER)
    families = FamilyFactory.create_batch(3)
    path = "/staff/families/x/chronology/"
    with acting_as(AuditContext(actor=user, source="web", ip_address=address, path=path)):
        audit_named_views(records=[("families.family", family.pk) for family in families])
        audit_record(action=AuditAction.UPDATE, instance=families[0], changed_fields=["address", "phone"])

    written = list(AuditEvent.objects.filter(actor=user).order_by("sequence"))

    stored = [(e.action, e.actor_role, e.source, e.ip_address, e.path, e.object_type, e.object_id, e.changed_fields)
              for e in written]  # fmt: skip
    assert stored == [
        *[("view", "practitioner", "web", address, path, "families.family", str(f.pk), []) for f in families],
        ("update", "practitioner", "web", address, path, "families.family", str(families[0].pk),
         ["address", "phone"]),
    ]  # fmt: skip
    assert len({e.occurred_at for e in written[:3]}) == 1
    assert verify().intact


def test_a_blank_address_is_stored_as_none_whichever_way_events_are_written():
    families = FamilyFactory.create_batch(2)
    with acting_as(AuditContext(actor=None, source="system", ip_address="")):
        audit_views(instances=families)
        audit_view(instance=families[0])
    assert list(AuditEvent.objects.filter(source="system", action="view").values_list("ip_address", flat=True)) == [
        None,
        None,
        None,
    ]
    assert verify().intact


def test_the_bulk_write_names_every_stored_field_of_an_event():
    """A field added to AuditEvent must be written by the COPY too, or its value would be lost."""
    stored = {field.attname for field in AuditEvent._meta.concrete_fields if not field.primary_key}
    assert set(_COPIED) == stored
    assert len(_COPIED) == len(stored)
