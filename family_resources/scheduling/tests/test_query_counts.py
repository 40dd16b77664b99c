"""A practitioner's diary costs the same queries for a quiet week as for one three times as busy."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from family_resources.accounts.models import User
from family_resources.casework.models import Episode
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.scheduling.tests.factories import at, book, booked_episode, family_room, monday

pytestmark = pytest.mark.django_db

MONDAY = monday()
DIARY_QUERIES = 9


def add_appointments(team_episode: Episode, practitioner: User, hours: range) -> None:
    """An appointment each hour in the hub's family room, each with a different family."""
    for hour in hours:
        episode = OpenEpisodeFactory.create(team=team_episode.team, lead_practitioner=practitioner)
        book(episode, practitioner, starts_at=at(MONDAY, hour), room=family_room())


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("period", ["day", "week"])
def test_the_diary(signed_in_client, django_assert_max_num_queries, period):
    episode, practitioner = booked_episode()
    client = signed_in_client(practitioner)
    url = reverse("scheduling:diary") + f"?{period}={MONDAY.isoformat()}"

    add_appointments(episode, practitioner, range(9, 11))
    client.get(url)  # a session's first request does one-off work: measure from the second
    fewer = queries(client, url)
    add_appointments(episode, practitioner, range(11, 15))
    more = queries(client, url)

    assert more <= fewer
    with django_assert_max_num_queries(DIARY_QUERIES):
        client.get(url)
