"""Thirty people press "Register" at once for the last five places of a session.

Each request runs in its own thread with its own database connection, through the real page, so the event
row lock in `registration_create` is what keeps the count right (as programmes' test_concurrency does).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from family_resources.outreach.models import Registration, RegistrationStatus
from family_resources.outreach.services import registration_create
from family_resources.outreach.tests.factories import an_event

REQUESTS = 30
PLACES_LEFT = 5
ALREADY_TAKEN = 3

# conftest.py reloads the reference data (the children's centres consultation) for transactional tests.
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_thirty_concurrent_registrations_for_the_last_five_places_give_five_places_and_twenty_five_waiting():
    event = an_event(capacity=ALREADY_TAKEN + PLACES_LEFT)
    for number in range(ALREADY_TAKEN):
        registration_create(
            event=event, name=f"Early {number}", email=f"early{number}@example.org", mobile="", access_needs="",
            language="en",
        )  # fmt: skip
    start = threading.Barrier(REQUESTS)
    url = reverse("outreach:register", args=[event.consultation.slug, event.pk])

    def register(number: int) -> int:
        try:
            start.wait(timeout=60)
            response = Client().post(
                url, {"name": f"Person {number}", "email": f"p{number}@example.org", "language": "en"}
            )
            return response.status_code
        finally:
            connections.close_all()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=REQUESTS) as pool:
        statuses = list(pool.map(register, range(REQUESTS)))

    assert statuses == [302] * REQUESTS
    registered = Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)
    assert registered.count() == ALREADY_TAKEN + PLACES_LEFT
    assert Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).count() == REQUESTS - PLACES_LEFT
