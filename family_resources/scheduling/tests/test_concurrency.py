"""Two people booking the same practitioner at the same moment: the database lets exactly one win.

Each booking runs in its own thread, with its own database connection and transaction. Both are held
at a barrier until each has passed every check the service makes before writing, so neither can see
the other's booking: only the unique constraints on the slot holds can stop the second one. This runs
on SQLite and on PostgreSQL (CI runs the suite on both).
"""

import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from family_resources.casework.tests.factories_plans import accepted_episode
from family_resources.scheduling import services
from family_resources.scheduling.models import Appointment, SlotHold
from family_resources.scheduling.services import NO_LONGER_FREE
from family_resources.scheduling.tests.factories import at, book, booked_episode, monday, parent_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _reference_data(transactional_db: None) -> None:
    """Places, rooms and teams, reloaded as conftest.py does for browser tests: once a browser test has started
    Playwright's event loop in this process, serialized_rollback silently skips its restore."""
    from conftest import load_reference_data

    load_reference_data()


def test_two_bookings_of_one_practitioner_slot_at_once_give_one_booking_and_one_no_longer_free(monkeypatch):
    first_family, practitioner = booked_episode()
    second_family = accepted_episode(contact_email="another@example.org")  # the same (West) team
    # Everything is made here, first: the threads do nothing but book.
    people = {episode.pk: parent_of(episode) for episode in (first_family, second_family)}
    starts_at = at(monday(), 10)
    barrier = threading.Barrier(2, timeout=20)
    waited = threading.local()
    check_free = services._check_free

    def check_then_wait(**kwargs: Any) -> None:
        check_free(**kwargs)
        # On PostgreSQL both bookings pass every check before either writes. SQLite gives a transaction
        # the write lock when it begins, so there the second booking waits for the first to commit and
        # cannot get past the checks at the same time: holding it at the barrier would only deadlock.
        if connection.vendor == "postgresql" and not getattr(waited, "done", False):
            waited.done = True
            barrier.wait()

    monkeypatch.setattr(services, "_check_free", check_then_wait)
    outcomes: dict[int, Any] = {}

    def attempt(episode: Any) -> None:
        try:
            outcomes[episode.pk] = book(episode, practitioner, starts_at=starts_at, person=people[episode.pk])
        except ValidationError as error:
            outcomes[episode.pk] = error.message_dict
        except Exception as error:  # anything else is a failure the test must show
            outcomes[episode.pk] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(episode,)) for episode in (first_family, second_family)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    booked = [outcome for outcome in outcomes.values() if isinstance(outcome, Appointment)]
    refused = [outcome for outcome in outcomes.values() if not isinstance(outcome, Appointment)]
    assert len(booked) == 1, outcomes
    assert len(refused) == 1, outcomes
    assert list(refused[0]) == ["slot"], outcomes
    # PostgreSQL lets the second insert wait for the first transaction, then refuses it: the database's
    # own "no longer free". On SQLite the second booking starts after the first commits, sees the
    # winner's holds before writing and says so in the same words, naming who is taken.
    [message] = refused[0]["slot"]
    assert message.startswith("This time is no longer free"), message
    if connection.vendor == "postgresql":
        assert message == NO_LONGER_FREE
    assert Appointment.objects.count() == 1
    assert SlotHold.objects.filter(practitioner=practitioner).count() == 4
    assert set(SlotHold.objects.values_list("appointment_id", flat=True)) == {booked[0].pk}
