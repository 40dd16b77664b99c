"""A family's chronology page costs the same queries for a short history as for one three times as long."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import Episode
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.casework.tests.factories_notes import CaseNoteFactory, SensitiveCaseNoteFactory, StepUpFactory

pytestmark = pytest.mark.django_db

# Reads are fixed; the family and the entries shown are audited in one append (test_chronology.py pins the long case).
# This family has notes and a step-up but no plan, appointments or groups: one query asks which kinds it has, and
# the sources with nothing to list are not run (28 when every source ran).
CHRONOLOGY_QUERIES = 19


def add_history(episode: Episode, count: int) -> None:
    for _ in range(count):
        CaseNoteFactory.create(episode=episode)
        SensitiveCaseNoteFactory.create(episode=episode)
    StepUpFactory.create(episode=episode)


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_chronology_page(signed_in_client, django_assert_max_num_queries):
    episode = OpenEpisodeFactory.create()
    client = signed_in_client(staff(Role.PRACTITIONER, teams=[episode.team]))
    url = reverse("casework:chronology", args=[episode.family.reference])

    add_history(episode, 2)
    client.get(url)  # a session's first request does one-off work: measure from the second
    fewer = queries(client, url)
    add_history(episode, 4)
    more = queries(client, url)

    assert more <= fewer
    with django_assert_max_num_queries(CHRONOLOGY_QUERIES):
        client.get(url)
