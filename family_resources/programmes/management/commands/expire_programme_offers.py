"""Lapse offers of a programme place that were not answered in time and offer each place on: run hourly."""

from typing import Any

from django.core.management.base import BaseCommand

from family_resources.audit.context import AuditContext, acting_as
from family_resources.programmes.services.enrolments import offers_expire


class Command(BaseCommand):
    help = "Lapses unanswered offers of a place on a group programme and offers each place to the next family."

    def handle(self, *args: Any, **options: Any) -> None:
        with acting_as(AuditContext(actor=None, source="command:expire_programme_offers")):
            lapsed = offers_expire()
        self.stdout.write(f"lapsed {len(lapsed)} offer(s)")
