import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from family_resources.operations.models import ScheduledJob
from family_resources.operations.schedule import HEARTBEAT, JOBS, scheduler_tick
from family_resources.operations.tasks import run_scheduled_command

pytestmark = pytest.mark.django_db


def _tick(now, enqueued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return scheduler_tick(now=now, enqueue=lambda job: enqueued.append(job.name))


def test_every_job_is_enqueued_on_the_first_tick_then_each_at_its_own_interval(django_capture_on_commit_callbacks):
    start = timezone.now()
    enqueued: list[str] = []
    assert _tick(start, enqueued, django_capture_on_commit_callbacks) == [job.name for job in JOBS]
    assert enqueued == [job.name for job in JOBS]

    enqueued.clear()
    assert _tick(start + timedelta(seconds=30), enqueued, django_capture_on_commit_callbacks) == []
    assert _tick(start + timedelta(minutes=1), enqueued, django_capture_on_commit_callbacks) == [HEARTBEAT]
    hourly = _tick(start + timedelta(hours=1), enqueued, django_capture_on_commit_callbacks)
    assert hourly == [HEARTBEAT, "send_appointment_reminders", "expire_programme_offers"]
    daily = _tick(start + timedelta(days=1), enqueued, django_capture_on_commit_callbacks)
    assert set(daily) == {job.name for job in JOBS}


def test_a_restarted_scheduler_does_not_repeat_work_done_within_the_interval(django_capture_on_commit_callbacks):
    start = timezone.now()
    ScheduledJob.objects.create(name="send_appointment_reminders", last_enqueued_at=start - timedelta(minutes=10))
    enqueued: list[str] = []
    names = _tick(start, enqueued, django_capture_on_commit_callbacks)
    assert "send_appointment_reminders" not in names
    assert "expire_programme_offers" in names


@mock.patch("family_resources.operations.tasks.call_command")
def test_the_worker_runs_only_the_scheduled_commands(run):
    assert run_scheduled_command.call("send_appointment_reminders") == "send_appointment_reminders"
    run.assert_called_once_with("send_appointment_reminders")
    with pytest.raises(KeyError):
        run_scheduled_command.call("flush")


@mock.patch("family_resources.operations.tasks.call_command")
def test_run_scheduler_once_enqueues_what_is_due(run, django_capture_on_commit_callbacks):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", "--once", stdout=out)
    assert f"Enqueued {len(JOBS)} job(s)" in out.getvalue()
    # The immediate backend runs each job at once: every scheduled command was called.
    assert {call.args[0] for call in run.call_args_list} == {job.command for job in JOBS if job.command}
    assert ScheduledJob.objects.count() == len(JOBS)
