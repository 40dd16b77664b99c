"""When a family's support ends, their turns on waiting lists end too; a place they hold is kept."""

import pytest
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.closure_hooks import closure_effects
from family_resources.casework.models import ClosureReason
from family_resources.casework.services.episodes import episode_close
from family_resources.programmes.models import EnrolmentStatus
from family_resources.programmes.services.enrolments import SUPPORT_ENDED, enrolment_cancel, enrolment_request
from family_resources.programmes.tests.factories import family_on_case, next_weekday, open_programme

pytestmark = pytest.mark.django_db


def _request(programme, episode, parent):
    return enrolment_request(programme=programme, episode=episode, person=parent, by=staff(Role.PRACTITIONER))


def test_closing_ends_waiting_list_turns_and_offers_but_keeps_places():
    full = open_programme(capacity=1, name="Full course")
    other_family, other_parent = family_on_case()
    _request(full, other_family, other_parent)
    episode, parent = family_on_case()
    waiting = _request(full, episode, parent)
    roomy = open_programme(capacity=5, name="Course with room", starts_on=next_weekday(3))
    place = _request(roomy, episode, parent)
    assert (waiting.status, place.status) == (EnrolmentStatus.WAITING, EnrolmentStatus.ENROLLED)
    closer = staff(Role.PRACTITIONER)

    episode_close(episode=episode, reason=ClosureReason.OUTCOMES_MET, closed_on=timezone.localdate(), closed_by=closer)

    waiting.refresh_from_db()
    place.refresh_from_db()
    assert (waiting.status, waiting.end_reason, waiting.ended_by) == (EnrolmentStatus.WITHDRAWN, SUPPORT_ENDED, closer)
    assert place.status == EnrolmentStatus.ENROLLED


def test_an_offer_ended_by_closure_goes_to_the_next_family_waiting():
    programme = open_programme(capacity=1)
    holder_episode, holder = family_on_case()
    held = _request(programme, holder_episode, holder)
    episode, parent = family_on_case()
    offered = _request(programme, episode, parent)
    next_episode, next_parent = family_on_case()
    after = _request(programme, next_episode, next_parent)
    enrolment_cancel(enrolment=held, reason="Moved away", by=staff(Role.PRACTITIONER))
    offered.refresh_from_db()
    assert offered.status == EnrolmentStatus.OFFERED
    assert "turn on a group programme" in closure_effects(episode)[0]

    episode_close(
        episode=episode,
        reason=ClosureReason.DISENGAGED,
        closed_on=timezone.localdate(),
        closed_by=staff(Role.PRACTITIONER),
    )

    offered.refresh_from_db()
    after.refresh_from_db()
    assert offered.status == EnrolmentStatus.WITHDRAWN
    assert after.status == EnrolmentStatus.OFFERED
