"""The home pages' queries do not grow with the work on them: no query per row (N+1)."""

from collections.abc import Callable
from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.tests.factories import ChildFactory
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.scheduling.models import Appointment, Where

pytestmark = pytest.mark.django_db

HOME = reverse("accounts:home")
# Session, user, the page's lists and their counts: pinned well below a per-row cost. Permissions come from the
# role (accounts.backends), so no query asks for them.
FRONT_DOOR_QUEUE_QUERIES = 3
PRACTITIONER_HOME_QUERIES = 12


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def grows(client: Client, url: str, add: Callable[[int], object]) -> tuple[int, int]:
    """The page's queries with a little data, then with three times as much."""
    add(2)
    client.get(url)  # a session's first request does one-off work: measure from the second
    fewer = queries(client, url)
    add(4)
    return fewer, queries(client, url)


def test_the_front_door_queue(signed_in_client, django_assert_max_num_queries):
    client = signed_in_client(staff(Role.FRONT_DOOR_OFFICER))

    fewer, more = grows(client, HOME, lambda n: ReceivedReferralFactory.create_batch(n))

    assert more <= fewer
    with django_assert_max_num_queries(FRONT_DOOR_QUEUE_QUERIES):
        client.get(HOME)


def test_the_practitioner_home_page(signed_in_client, django_assert_max_num_queries):
    first = OpenEpisodeFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[first.team])
    first.lead_practitioner = practitioner
    first.save()
    client = signed_in_client(practitioner)

    def add(count: int) -> None:
        """Families the practitioner leads, each with an appointment today (written straight to the table)."""
        for episode in OpenEpisodeFactory.create_batch(count, team=first.team, lead_practitioner=practitioner):
            starts_at = timezone.make_aware(datetime.combine(timezone.localdate(), time(8 + episode.pk % 10)))
            Appointment.objects.create(
                episode=episode, person=ChildFactory.create(family=episode.family), practitioner=practitioner,
                purpose="Home visit", where=Where.HOME, starts_at=starts_at, ends_at=starts_at + timedelta(hours=1),
                booked_by=practitioner,
            )  # fmt: skip

    fewer, more = grows(client, HOME, add)

    assert more <= fewer
    with django_assert_max_num_queries(PRACTITIONER_HOME_QUERIES):
        client.get(HOME)
