"""When a family's support ends, the appointments still to come end with it, and the practitioner is told first."""

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from family_resources.casework.closure_hooks import closure_effects
from family_resources.casework.models import ClosureReason
from family_resources.casework.services.episodes import episode_close
from family_resources.notifications.models import Message
from family_resources.scheduling.models import AppointmentStatus, CancelReason
from family_resources.scheduling.tests.factories import at, book, booked_episode, monday

pytestmark = pytest.mark.django_db


def test_closing_the_case_cancels_the_appointments_still_to_come_and_tells_the_family():
    episode, practitioner = booked_episode()
    first = book(episode, practitioner, starts_at=at(monday(), 10))
    second = book(episode, practitioner, starts_at=at(monday(2), 10))
    told_before = Message.objects.filter(template="appointment_cancelled").count()

    episode_close(
        episode=episode, reason=ClosureReason.MOVED_AWAY, closed_on=timezone.localdate(), closed_by=practitioner
    )

    for appointment in (first, second):
        appointment.refresh_from_db()
        assert appointment.status == AppointmentStatus.CANCELLED
        assert appointment.cancel_reason == CancelReason.SUPPORT_ENDED
        assert appointment.cancelled_by == practitioner
        assert not appointment.holds.exists()  # the practitioner's and room's time is free again
    assert Message.objects.filter(template="appointment_cancelled").count() == told_before + 2


def test_a_closure_that_rolls_back_cancels_nothing():
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(monday(), 10))

    @transaction.atomic
    def close_then_fail() -> None:
        episode_close(
            episode=episode, reason=ClosureReason.MOVED_AWAY, closed_on=timezone.localdate(), closed_by=practitioner
        )
        raise RuntimeError("the rest of the closure failed")

    with pytest.raises(RuntimeError):
        close_then_fail()

    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    assert appointment.holds.exists()


def test_the_closing_page_warns_which_appointments_will_be_cancelled(signed_in_client):
    episode, practitioner = booked_episode()
    assert closure_effects(episode) == []
    book(episode, practitioner, starts_at=at(monday(), 10))
    book(episode, practitioner, starts_at=at(monday(2), 10))

    response = signed_in_client(practitioner).get(reverse("casework:close", args=[episode.pk]))

    assert "The 2 appointments still to come will be cancelled and the family told." in response.content.decode()
