"""Background tasks run by `manage.py db_worker` (docs/decisions/0023-data-protection-and-operations.md)."""

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from family_resources.audit.context import AuditContext, acting_as


@task()
def heartbeat() -> str:
    """Proves the worker is taking work: /readyz looks for a recent successful run of this task."""
    return timezone.now().isoformat()


@task()
def run_scheduled_command(name: str) -> str:
    """Run one of the scheduled management commands in the worker; only names in the schedule are allowed."""
    from family_resources.operations.schedule import JOBS_BY_NAME

    job = JOBS_BY_NAME[name]  # KeyError for anything else: the queue cannot be used to run arbitrary commands
    with acting_as(AuditContext(actor=None, source=f"task:{job.name}")):
        call_command(job.command, *job.args)
    return job.name
