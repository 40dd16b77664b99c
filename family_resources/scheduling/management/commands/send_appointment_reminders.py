"""Remind families of tomorrow's appointments: run daily, or hourly (each reminder is sent once)."""

from typing import Any

from django.core.management.base import BaseCommand

from family_resources.audit.context import AuditContext, acting_as
from family_resources.scheduling.services import appointment_reminders_send


class Command(BaseCommand):
    help = "Sends each family a reminder of their appointments tomorrow, once; safe to run repeatedly."

    def handle(self, *args: Any, **options: Any) -> None:
        with acting_as(AuditContext(actor=None, source="command:send_appointment_reminders")):
            reminded = appointment_reminders_send()
        self.stdout.write(f"reminded {len(reminded)}")
