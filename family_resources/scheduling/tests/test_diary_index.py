"""A practitioner's diary is read through an index on who, then when: not every appointment they ever had."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from family_resources.scheduling.selectors import diary
from family_resources.scheduling.tests.factories import at, book, booked_episode, monday

pytestmark = pytest.mark.django_db


def _plan_of_appointments_read(read: Callable[[], object]) -> str:
    """The query plan of the appointments query `read` runs (its SQL as run, values written in)."""
    with CaptureQueriesContext(connection) as captured:
        read()
    sql = next(q["sql"] for q in captured.captured_queries if 'FROM "scheduling_appointment"' in q["sql"])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test database is too small for the planner to bother with an index: forbid reading the whole table.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(str(row) for row in cursor.fetchall())


def test_a_practitioners_week_is_read_through_the_diary_index() -> None:
    episode, practitioner = booked_episode()
    day = monday()
    book(episode, practitioner, starts_at=at(day, 10))

    plan = _plan_of_appointments_read(lambda: diary(practitioner=practitioner, first=day, last=day + timedelta(days=6)))

    assert "appointment_diary_idx" in plan, plan
