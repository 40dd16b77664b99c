"""Remind people registered for tomorrow's consultation sessions: run hourly (each reminder is sent once)."""

from typing import Any

from django.core.management.base import BaseCommand

from family_resources.audit.context import AuditContext, acting_as
from family_resources.outreach.services import event_reminders_send


class Command(BaseCommand):
    help = "Sends each person registered for a consultation session tomorrow a reminder, once; safe to repeat."

    def handle(self, *args: Any, **options: Any) -> None:
        with acting_as(AuditContext(actor=None, source="command:send_event_reminders")):
            reminded = event_reminders_send()
        self.stdout.write(f"reminded {len(reminded)}")
