"""Ask signposted families whether they got help, remind them, and requeue: run daily (cron or a timer)."""

from typing import Any

from django.core.management.base import BaseCommand

from family_resources.audit.context import AuditContext, acting_as
from family_resources.triage.followup import followups_run


class Command(BaseCommand):
    help = "Sends signposting follow-ups and reminders that are due, and requeues families with no answer."

    def handle(self, *args: Any, **options: Any) -> None:
        with acting_as(AuditContext(actor=None, source="command:send_signposting_followups")):
            run = followups_run()
        self.stdout.write(
            f"asked {len(run.asked)}, reminded {len(run.reminded)}, requeued {len(run.requeued)}, "
            f"closed by a new contact {len(run.closed_by_new_contact)}"
        )
