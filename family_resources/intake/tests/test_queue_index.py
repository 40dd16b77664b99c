"""The front door's queue is read through its own index, not by reading every referral ever made."""

import pytest
from django.db import connection

from family_resources.intake.selectors import front_door_queue
from family_resources.intake.tests.factories import ReceivedReferralFactory


@pytest.mark.django_db
def test_the_queue_can_be_read_through_the_waiting_referrals_index() -> None:
    ReceivedReferralFactory.create_batch(3)
    sql, params = front_door_queue().query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test database is too small for the planner to bother with an index: forbid reading the whole table.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = "\n".join(str(row) for row in cursor.fetchall())

    assert "referral_queue" in plan, plan
