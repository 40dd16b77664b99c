"""Background work for consultation outreach, run by django-tasks (docs/decisions/0031)."""

from django_tasks import task

from family_resources.audit.context import AuditContext, acting_as


@task()
def send_notice(notice_id: int) -> dict[str, int]:
    """Send a notice to service users; returns counts only. Safe to run again: no one is messaged twice."""
    from family_resources.outreach.services import notice_deliver

    with acting_as(AuditContext(actor=None, source="task:send_notice")):
        return notice_deliver(notice_id=notice_id)
