"""`manage.py retention_review`: list records past their retention date for a manager to review.

With --delete-approved it also deletes what managers have approved (the same as the page's button).
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from family_resources.audit.context import AuditContext, acting_as
from family_resources.privacy.models import RetentionReviewItem
from family_resources.privacy.services import retention_delete_approved, retention_review_refresh


class Command(BaseCommand):
    help = "Add records past their retention date to the review list at /staff/privacy/retention/."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--delete-approved", action="store_true", help="Also delete the approved records.")

    def handle(self, *args: Any, delete_approved: bool, **options: Any) -> None:
        today = timezone.localdate()
        with acting_as(AuditContext(actor=None, source="command:retention_review")):
            added = retention_review_refresh(today=today)
            pending = RetentionReviewItem.objects.filter(status=RetentionReviewItem.Status.PENDING).count()
            self.stdout.write(f"{len(added)} record(s) newly due; {pending} waiting for review.")
            if delete_approved:
                counts = retention_delete_approved(today=today)
                self.stdout.write(
                    f"{counts['deleted']} approved record(s) deleted ({counts['rows']} rows); "
                    f"{counts['returned']} put back for review."
                )
