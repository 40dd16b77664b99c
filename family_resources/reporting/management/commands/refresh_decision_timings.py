"""Store each decision's due time for the timeliness figure: `python manage.py refresh_decision_timings`.

Run by the scheduler (`operations.schedule`) once a day; safe to run at any time, and twice at once.
"""

from typing import Any

from django.core.management.base import BaseCommand

from family_resources.reporting.timings import refresh_timings


class Command(BaseCommand):
    help = "Stores the due time of every decision that has none or whose facts changed (ADR 0033)."

    def handle(self, *args: Any, **options: Any) -> None:
        stored = refresh_timings()
        self.stdout.write(f"refresh_decision_timings: {stored} stored")
