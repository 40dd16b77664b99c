"""Background work at the front door, run by django-tasks (docs/decisions/0013-contact-email-import.md)."""

from django_tasks import task

from family_resources.audit.context import AuditContext, acting_as
from family_resources.intake import mail


@task()
def import_contact_email() -> dict[str, int | list[str]]:
    """Import new messages sent to the contact email address; returns the counts, never message details."""
    with acting_as(AuditContext(actor=None, source="task:import_contact_email")):
        return mail.contact_emails_import().as_dict()
