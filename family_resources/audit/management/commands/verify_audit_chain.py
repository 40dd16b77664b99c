"""Check the audit trail's hash chain and name the first entry that has been tampered with."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from family_resources.audit.chain import verify


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain; exits non-zero at the first broken entry."

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify()
        if report.intact:
            self.stdout.write(f"The audit trail is intact: {report.checked} entries checked.")
            return
        where = f"entry {report.broken_at}" + (f" (audit event id {report.event_id})" if report.event_id else "")
        raise CommandError(
            f"The audit trail is broken at {where}: {report.reason}. {report.checked} entries before it are intact."
        )
