"""Email organisations whose safeguarding evidence runs out within 30 days, within 7 days, or has run out.

Run it once a day (from cron or the platform's scheduler). Each reminder goes once, so running it
more often sends nothing twice.
"""

from typing import Any

from django.core.management.base import BaseCommand

from family_resources.audit.context import AuditContext, acting_as
from family_resources.directory.services import safeguarding_reminders_send


class Command(BaseCommand):
    help = "Remind organisations about safeguarding evidence that runs out soon or has run out."

    def handle(self, *args: Any, **options: Any) -> None:
        with acting_as(AuditContext(actor=None, source="command:remind_safeguarding_evidence")):
            sent = safeguarding_reminders_send()
        self.stdout.write(f"{sent} reminder email(s) queued.")
