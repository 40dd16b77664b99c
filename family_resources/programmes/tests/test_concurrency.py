"""Fifty practitioners press "Ask for a place" at once for the last ten places of a group.

Each request runs in its own thread with its own database connection, through the real page, so the
programme row lock in `enrolment_request` is what keeps the count right.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.programmes.models import Enrolment, EnrolmentStatus
from family_resources.programmes.services.enrolments import enrolment_request
from family_resources.programmes.tests.factories import family_on_case, open_programme

REQUESTS = 50
PLACES_LEFT = 10
ALREADY_TAKEN = 5

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _reference_data(transactional_db: None) -> None:
    """Rooms, teams and the catalogue, reloaded as conftest.py does for browser tests: once a browser test has
    started Playwright's event loop in this process, serialized_rollback silently skips its restore."""
    from conftest import load_reference_data

    load_reference_data()


def test_fifty_concurrent_requests_for_the_last_ten_places_give_ten_places_and_forty_waiting():
    programme = open_programme(capacity=ALREADY_TAKEN + PLACES_LEFT)
    practitioner = staff(Role.PRACTITIONER, teams=[programme.team])
    for _ in range(ALREADY_TAKEN):
        episode, parent = family_on_case()
        enrolment_request(programme=programme, episode=episode, person=parent, by=practitioner)
    families = [family_on_case() for _ in range(REQUESTS)]
    signed_in = Client()
    signed_in.force_login(practitioner)
    session_cookie = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    start = threading.Barrier(REQUESTS)

    def ask_for_a_place(episode_and_parent):
        episode, parent = episode_and_parent
        client = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = session_cookie
        try:
            start.wait(timeout=60)
            response = client.post(
                reverse("programmes:enrol", args=[episode.pk]), {"programme": programme.pk, "person": parent.pk}
            )
            return response.status_code, response.headers.get("Location", "")
        finally:
            connections.close_all()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=REQUESTS) as pool:
        responses = list(pool.map(ask_for_a_place, families))

    assert [status for status, _location in responses] == [302] * REQUESTS, "every request ends on its enrolment"
    assert all("/staff/programmes/enrolments/" in location for _status, location in responses)
    asked = Enrolment.objects.filter(programme=programme, person__in=[parent for _episode, parent in families])
    assert asked.filter(status=EnrolmentStatus.ENROLLED).count() == PLACES_LEFT
    waiting = asked.filter(status=EnrolmentStatus.WAITING)
    positions = list(waiting.order_by("position").values_list("position", flat=True))
    assert positions == list(range(1, REQUESTS - PLACES_LEFT + 1))
    assert Enrolment.objects.filter(programme=programme, status=EnrolmentStatus.ENROLLED).count() == (
        ALREADY_TAKEN + PLACES_LEFT
    )
