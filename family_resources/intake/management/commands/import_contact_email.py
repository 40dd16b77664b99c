"""Import new messages sent to the contact email address, for cron or a systemd timer to run every few minutes."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from family_resources.audit.context import AuditContext, acting_as
from family_resources.intake import mail


class Command(BaseCommand):
    help = (
        "Import new messages from the contact mailbox (CONTACT_IMAP_*) and the drop folder "
        "(CONTACT_EMAIL_DROP_DIR) into the front door's queue. Safe to run again: a message is imported once."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.CONTACT_IMAP_HOST and not settings.CONTACT_EMAIL_DROP_DIR:
            raise CommandError("Set CONTACT_IMAP_HOST or CONTACT_EMAIL_DROP_DIR to say where contact emails arrive.")
        with acting_as(AuditContext(actor=None, source="command:import_contact_email")):
            summary = mail.contact_emails_import()
        self.stdout.write(
            f"Contact emails: {summary.imported} imported ({summary.flagged} flagged, "
            f"{summary.acknowledged} acknowledged), {summary.already_imported} already imported, "
            f"{summary.failed} failed."
        )
        if summary.failed_sources:
            # A non-zero exit, so cron's mail or the systemd unit's status shows it.
            raise CommandError(f"Could not read: {', '.join(summary.failed_sources)}.")
        if summary.failed:
            raise CommandError(f"{summary.failed} messages could not be imported; they will be tried again.")
