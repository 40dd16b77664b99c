"""The online referral journey's pages cost the same queries for a family of two as for a family of six."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from family_resources.intake.eligibility import Relationship
from family_resources.intake.models import Referral
from family_resources.intake.tests.test_journey import (
    CHECK,
    START,
    add_person,
    dob,
    finish_journey,
    finish_people,
    start_journey,
)

pytestmark = pytest.mark.django_db

START_QUERIES = 5
CHECK_ANSWERS_QUERIES = 5
SUBMIT_QUERIES = 60
PER_PERSON_WRITES = 6


def walk_with_children(client: Client, children: int) -> None:
    """A parent's journey to the check-answers page, with a household of the parent and `children` children."""
    start_journey(client)
    add_person(client, 0, Relationship.PARENT, {"given_name": "Alex", "family_name": "Example", **dob(30)})
    for index in range(1, children + 1):
        add_person(
            client,
            index,
            Relationship.CHILD,
            {"given_name": f"Child{index}", "family_name": "Example", "has_send": "no", **dob(index)},
        )
    finish_people(client)
    finish_journey(client)


def counted(client: Client, method: str, url: str, expected_status: int) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, {}) if method == "post" else client.get(url)
        assert response.status_code == expected_status
    return [query["sql"] for query in captured.captured_queries]


def test_the_start_page(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(START_QUERIES):
        assert client.get(START).status_code == 200


def test_the_check_answers_page(django_assert_max_num_queries):
    small, large = Client(), Client()
    walk_with_children(small, 1)
    walk_with_children(large, 5)

    fewer = counted(small, "get", CHECK, 200)
    more = counted(large, "get", CHECK, 200)

    assert len(more) <= len(fewer)
    with django_assert_max_num_queries(CHECK_ANSWERS_QUERIES):
        large.get(CHECK)


def reads(queries: list[str]) -> list[str]:
    """The queries that read, leaving out the audit chain's head, which is read once for each row written."""
    return [sql for sql in queries if sql.startswith("SELECT") and "audit_auditchainhead" not in sql]


def test_sending_the_referral(django_assert_max_num_queries):
    """Each person in the household is one row and one audit event (the chained trail writes one at a time);
    the reads are the same for any household."""
    small, large = Client(), Client()
    walk_with_children(small, 1)
    walk_with_children(large, 5)

    fewer = counted(small, "post", CHECK, 302)
    with django_assert_max_num_queries(SUBMIT_QUERIES):
        more = counted(large, "post", CHECK, 302)

    assert Referral.objects.count() == 2
    assert len(reads(more)) <= len(reads(fewer))
    # Four more people: for each, the person, and its audit event (savepoint, chain head, event, new head, release).
    assert len(more) - len(fewer) <= 4 * PER_PERSON_WRITES
