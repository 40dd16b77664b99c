from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from family_resources.operations.tasks import heartbeat

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_liveness_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert reverse("operations:healthz") == "/healthz"


def test_readiness_is_ok_when_the_database_answers_and_tasks_run_in_the_web_process(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "worker": "not used"}, "failing": []}


def _fail_every_query(execute, sql, params, many, context):
    raise OperationalError("could not connect to server")


def test_readiness_fails_naming_the_database_when_it_does_not_answer(client):
    with connection.execute_wrapper(_fail_every_query):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["database"]


@override_settings(TASKS=DATABASE_QUEUE)
def test_readiness_fails_naming_the_worker_when_it_has_not_run_the_heartbeat(client):
    heartbeat.enqueue()  # queued, but no worker has taken it
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "worker": "failing"}
    assert response.json()["failing"] == ["worker"]


@override_settings(TASKS=DATABASE_QUEUE, OPERATIONS_WORKER_HEARTBEAT_MINUTES=5)
def test_readiness_is_ok_once_the_worker_has_run_a_heartbeat_recently(client):
    result = heartbeat.enqueue()
    row = DBTaskResult.objects.get(pk=result.id)
    row.status = "SUCCESSFUL"
    row.finished_at = timezone.now() - timedelta(minutes=6)
    row.save()
    assert client.get("/readyz").status_code == 503  # too long ago
    row.finished_at = timezone.now() - timedelta(minutes=1)
    row.save()
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "worker": "ok"}


def test_health_pages_are_public_and_hold_no_personal_data(client):
    for url in ("/healthz", "/readyz"):
        response = client.get(url)
        assert response["Content-Type"] == "application/json"
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
