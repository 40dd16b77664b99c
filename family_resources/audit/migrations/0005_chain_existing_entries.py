"""Link the entries written before the hash chain existed into it, oldest first.

The append-only trigger is lifted for this one update, inside the migration's transaction, and put
back at once: from here on every entry is chained as it is written. On SQLite, adding the chain's
unique column in 0004 rebuilt the table, which drops its triggers, so the trigger is always made again.
"""

from django.db import migrations

from family_resources.audit.chain import GENESIS, HEAD_ID, entry_digest

LIFT = {
    "postgresql": ["ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_no_update"],
    "sqlite": [],
}
RESTORE = {
    "postgresql": ["ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_no_update"],
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_event_no_update",
        """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent
           BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
    ],
}


def chain_existing(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    vendor = schema_editor.connection.vendor
    previous, sequence = GENESIS, 0
    events = AuditEvent.objects.filter(sequence__isnull=True).order_by("occurred_at", "id")
    legacy = events.exists()
    if legacy:
        for statement in LIFT.get(vendor, []):
            schema_editor.execute(statement)
        for event in events.iterator():
            sequence += 1
            event.sequence, event.previous_hash = sequence, previous
            event.entry_hash = entry_digest(event, previous)
            AuditEvent.objects.filter(pk=event.pk).update(
                sequence=sequence, previous_hash=previous, entry_hash=event.entry_hash
            )
            previous = event.entry_hash
    if legacy or vendor == "sqlite":
        for statement in RESTORE.get(vendor, []):
            schema_editor.execute(statement)
    AuditChainHead.objects.update_or_create(pk=HEAD_ID, defaults={"sequence": sequence, "entry_hash": previous})


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_hash_chain")]
    operations = [migrations.RunPython(chain_existing, migrations.RunPython.noop)]
