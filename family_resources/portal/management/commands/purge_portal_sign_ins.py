"""Delete family portal sign-in codes and rate-limit rows older than a day: run daily."""

from typing import Any

from django.core.management.base import BaseCommand

from family_resources.portal.services.sign_in import sign_in_records_purge


class Command(BaseCommand):
    help = "Deletes family portal sign-in codes and rate-limit records older than a day."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"deleted {sign_in_records_purge()} record(s)")
