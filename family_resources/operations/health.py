"""Liveness and readiness checks for the load balancer and the orchestrator. No personal data."""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

HEARTBEAT_TASK_PATH = "family_resources.operations.tasks.heartbeat"


def uses_worker() -> bool:
    """Whether tasks go to a queue a separate worker takes them from (otherwise they run in the web process)."""
    return str(settings.TASKS["default"]["BACKEND"]).startswith("django_tasks_db.")


def database_ready() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def worker_ready() -> bool:
    """The worker ran the scheduler's heartbeat task within OPERATIONS_WORKER_HEARTBEAT_MINUTES."""
    from django_tasks_db.models import DBTaskResult

    since = timezone.now() - timedelta(minutes=settings.OPERATIONS_WORKER_HEARTBEAT_MINUTES)
    try:
        return DBTaskResult.objects.filter(
            task_path=HEARTBEAT_TASK_PATH, status="SUCCESSFUL", finished_at__gte=since
        ).exists()
    except DatabaseError:
        return False


def readiness() -> dict[str, str]:
    """Each check's result: "ok", "failing" or "not used"."""
    checks = {"database": "ok" if database_ready() else "failing"}
    if not uses_worker():
        checks["worker"] = "not used"
    elif checks["database"] != "ok":
        checks["worker"] = "failing"  # cannot be known without the database
    else:
        checks["worker"] = "ok" if worker_ready() else "failing"
    return checks
