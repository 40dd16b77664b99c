"""A family's record costs the same queries for a household of three as for one of nine."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.models import Family
from family_resources.families.tests.factories import (
    AdultFactory,
    ChildFactory,
    ConsentFactory,
    LetterFactory,
    ProfessionalFactory,
)

pytestmark = pytest.mark.django_db

# Session, user, teams, the family, each list on the page, its audit rows (one append): pinned, so a
# query per row fails.
FAMILY_RECORD_QUERIES = 21


def add_household(family: Family, count: int) -> None:
    """People, the professionals around them, consents and letters: every list the record shows."""
    for _ in range(count):
        AdultFactory.create(family=family)
        ChildFactory.create(family=family)
        professional = ProfessionalFactory.create(family=family)
        LetterFactory.create(professional=professional)


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_family_record(signed_in_client, django_assert_max_num_queries):
    episode = OpenEpisodeFactory.create()
    client = signed_in_client(staff(Role.PRACTITIONER, teams=[episode.team]))
    url = reverse("families:detail", args=[episode.family.reference])

    ConsentFactory.create(family=episode.family)  # a family has one current consent
    add_household(episode.family, 1)
    client.get(url)  # a session's first request does one-off work: measure from the second
    fewer = queries(client, url)
    add_household(episode.family, 2)
    more = queries(client, url)

    assert more <= fewer
    with django_assert_max_num_queries(FAMILY_RECORD_QUERIES):
        client.get(url)
