"""The group enrolment page costs the same queries whether two programmes are open or six."""

from datetime import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.families.tests.factories import AdultFactory
from family_resources.programmes.tests.factories import family_on_case, next_weekday, open_programme

pytestmark = pytest.mark.django_db

ENROL_QUERIES = 13


def add_programmes(weekdays: range) -> None:
    """Open programmes on different days of the week, so their sessions do not need the room at the same time."""
    for weekday in weekdays:
        open_programme(name=f"Programme {weekday}", starts_on=next_weekday(weekday), start=time(10))


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_group_enrolment_page(signed_in_client, django_assert_max_num_queries):
    episode, _parent = family_on_case()
    client = signed_in_client(staff(Role.PRACTITIONER, teams=[episode.team]))
    url = reverse("programmes:enrol", args=[episode.pk])

    add_programmes(range(0, 2))
    client.get(url)  # a session's first request does one-off work: measure from the second
    fewer = queries(client, url)
    add_programmes(range(2, 5))
    open_programme(name="Programme afternoon", starts_on=next_weekday(0), start=time(13))
    AdultFactory.create_batch(2, family=episode.family)
    more = queries(client, url)

    assert more <= fewer
    with django_assert_max_num_queries(ENROL_QUERIES):
        client.get(url)
