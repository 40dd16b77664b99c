"""The service's scheduled jobs, handed to the django-tasks worker by `manage.py run_scheduler`.

django-tasks has no scheduler of its own (ADR 0013), so one small loop enqueues each job when its interval
has passed. The time each job was last enqueued is kept in the database, under a row lock, so a restarted
scheduler does not repeat work and two schedulers started by mistake do not enqueue a job twice.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction

from family_resources.operations.models import ScheduledJob


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    command: str = ""  # a management command run by the worker; empty for the heartbeat
    args: tuple[str, ...] = field(default_factory=tuple)


HEARTBEAT = "heartbeat"

JOBS: tuple[Job, ...] = (
    Job(HEARTBEAT, timedelta(minutes=1)),
    Job("send_appointment_reminders", timedelta(hours=1), "send_appointment_reminders"),
    Job("send_event_reminders", timedelta(hours=2), "send_event_reminders"),
    Job("expire_programme_offers", timedelta(hours=1), "expire_programme_offers"),
    Job("remind_safeguarding_evidence", timedelta(days=1), "remind_safeguarding_evidence"),
    Job("send_signposting_followups", timedelta(days=1), "send_signposting_followups"),
    Job("verify_audit_chain", timedelta(days=1), "verify_audit_chain"),
    Job("retention_review", timedelta(days=1), "retention_review"),
    Job("refresh_decision_timings", timedelta(days=1), "refresh_decision_timings"),
)
JOBS_BY_NAME: dict[str, Job] = {job.name: job for job in JOBS if job.command}


def _enqueue(job: Job) -> None:
    from family_resources.operations.tasks import heartbeat, run_scheduled_command

    if job.name == HEARTBEAT:
        heartbeat.enqueue()
    else:
        run_scheduled_command.enqueue(job.name)


def jobs_due(*, now: datetime, jobs: tuple[Job, ...] = JOBS) -> list[Job]:
    """The jobs whose interval has passed since they were last enqueued (or that never were)."""
    last = dict(ScheduledJob.objects.values_list("name", "last_enqueued_at"))
    return [job for job in jobs if job.name not in last or now - last[job.name] >= job.every]


def scheduler_tick(
    *, now: datetime, jobs: tuple[Job, ...] = JOBS, enqueue: Callable[[Job], None] = _enqueue
) -> list[str]:
    """Enqueue every job that is due and record when; returns the names enqueued."""
    enqueued: list[str] = []
    for job in jobs:
        with transaction.atomic():
            row = ScheduledJob.objects.select_for_update().filter(name=job.name).first()
            if row is not None and now - row.last_enqueued_at < job.every:
                continue
            ScheduledJob.objects.update_or_create(name=job.name, defaults={"last_enqueued_at": now})
            # Enqueued after commit: with the database backend the task row joins this transaction anyway,
            # and with the immediate backend the job must not run while the row lock is held.
            transaction.on_commit(lambda job=job: enqueue(job))  # type: ignore[misc]
        enqueued.append(job.name)
    return enqueued
