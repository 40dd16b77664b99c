"""Places, the waiting list and offers: capacity is kept, nobody jumps the queue, a freed place is offered on."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import ActionStatus, Domain
from family_resources.families.models import Person
from family_resources.families.tests.factories import AdultFactory, ChildFactory, years_ago
from family_resources.notifications.models import Channel, Message
from family_resources.programmes.models import Enrolment, EnrolmentStatus, Programme
from family_resources.programmes.services.enrolments import (
    OFFER_TEMPLATE,
    enrolment_cancel,
    enrolment_request,
    offer_accept,
    offer_decline,
    offers_expire,
)
from family_resources.programmes.tests.factories import family_on_case, family_with_plan, open_programme

pytestmark = pytest.mark.django_db


def request_place(programme, **family_fields):
    episode, parent = family_on_case(**family_fields)
    return enrolment_request(programme=programme, episode=episode, person=parent, by=staff(Role.PRACTITIONER))


def test_a_parent_takes_a_free_place():
    programme = open_programme(capacity=2)

    enrolment = request_place(programme)

    assert enrolment.status == EnrolmentStatus.ENROLLED
    assert enrolment.enrolled_at is not None
    assert enrolment.position is None


def test_when_the_places_are_taken_families_queue_in_order():
    programme = open_programme(capacity=2)
    first, second = request_place(programme), request_place(programme)

    third, fourth = request_place(programme), request_place(programme)

    assert [first.status, second.status] == [EnrolmentStatus.ENROLLED] * 2
    assert [(third.status, third.position), (fourth.status, fourth.position)] == [
        (EnrolmentStatus.WAITING, 1),
        (EnrolmentStatus.WAITING, 2),
    ]


def test_a_parent_cannot_be_on_one_programme_twice():
    programme = open_programme()
    episode, parent = family_on_case()
    enrolment_request(programme=programme, episode=episode, person=parent, by=staff(Role.PRACTITIONER))

    with pytest.raises(ValidationError) as caught:
        enrolment_request(programme=programme, episode=episode, person=parent, by=staff(Role.PRACTITIONER))

    assert "already has a place or is on the waiting list" in caught.value.message_dict["person"][0]


def test_only_an_adult_of_the_family_can_attend():
    programme = open_programme()
    episode, _parent = family_on_case()
    child = episode.family.members.get(kind=Person.Kind.CHILD)
    stranger = AdultFactory.create()

    for person in (child, stranger, None):
        with pytest.raises(ValidationError) as caught:
            enrolment_request(programme=programme, episode=episode, person=person, by=staff(Role.PRACTITIONER))
        assert caught.value.message_dict["person"] == ["Choose the parent or carer who will attend"]


def test_a_draft_programme_takes_no_enrolments():
    programme = open_programme()
    Programme.objects.filter(pk=programme.pk).update(status=Programme.Status.DRAFT)

    with pytest.raises(ValidationError, match="not open for enrolment"):
        request_place(programme)


def test_the_childs_age_when_the_course_starts_decides_eligibility():
    programme = open_programme(min_child_age=0, max_child_age=4)
    episode, parent = family_on_case()  # the family's child is six

    with pytest.raises(ValidationError) as caught:
        enrolment_request(programme=programme, episode=episode, person=parent, by=staff(Role.PRACTITIONER))
    assert "for children aged 0 to 4" in caught.value.message_dict["programme"][0]

    ChildFactory.create(family=episode.family, date_of_birth=years_ago(3))
    enrolment = enrolment_request(programme=programme, episode=episode, person=parent, by=staff(Role.PRACTITIONER))
    assert enrolment.status == EnrolmentStatus.ENROLLED


def test_a_programme_for_a_need_wants_it_in_the_familys_plan():
    programme = open_programme(needs=[Domain.SUBSTANCE_USE])
    episode, practitioner, _action, parent = family_with_plan()  # the plan's outcomes: early years and health

    with pytest.raises(ValidationError) as caught:
        enrolment_request(programme=programme, episode=episode, person=parent, by=practitioner)
    assert "for families with these needs: Recovery and reducing harm from substance use" in str(caught.value)

    health = open_programme(needs=[Domain.HEALTH], name="Health group", start=programme.start_time.replace(hour=13))
    assert enrolment_request(programme=health, episode=episode, person=parent, by=practitioner).is_active


def test_a_place_from_the_plan_must_be_a_programme_of_the_actions_intervention():
    episode, practitioner, action, parent = family_with_plan()
    other = open_programme()  # Incredible Years; the action is for another group intervention

    with pytest.raises(ValidationError) as caught:
        enrolment_request(programme=other, episode=episode, person=parent, plan_action=action, by=practitioner)

    assert f"The plan action is for {action.intervention}" in caught.value.message_dict["programme"][0]


def test_a_place_taken_from_the_plan_puts_its_action_in_progress():
    episode, practitioner, action, parent = family_with_plan()
    programme = open_programme(intervention=action.intervention)

    enrolment = enrolment_request(programme=programme, episode=episode, person=parent, plan_action=action,
                                  by=practitioner)  # fmt: skip

    action.refresh_from_db()
    assert enrolment.plan_action == action
    assert action.status == ActionStatus.IN_PROGRESS


def test_cancelling_a_place_offers_it_to_the_first_family_waiting_and_tells_them():
    programme = open_programme(capacity=1)
    leaving = request_place(programme)
    first = request_place(programme, contact_email="first@example.org", preferred_language="pl")
    second = request_place(programme, contact_email="second@example.org")

    enrolment_cancel(enrolment=leaving, reason="Started a new job.", by=staff(Role.PRACTITIONER))

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == EnrolmentStatus.OFFERED
    assert first.offer_expires_at == first.offered_at + timedelta(days=3)
    assert second.status == EnrolmentStatus.WAITING
    message = Message.objects.get(template=OFFER_TEMPLATE)
    assert message.recipient == "first@example.org"
    assert message.channel == Channel.EMAIL
    assert message.language == "pl"
    assert (message.regarding_type, message.regarding_id) == ("programmes.enrolment", str(first.pk))
    assert "Incredible Years" in message.subject
    assert first.episode.family.reference in message.body
    leaving.refresh_from_db()
    assert (leaving.status, leaving.end_reason) == (EnrolmentStatus.WITHDRAWN, "Started a new job.")


def test_the_offer_goes_by_text_to_a_family_that_chose_texts(settings):
    settings.PROGRAMMES_OFFER_DAYS = 5
    programme = open_programme(capacity=1)
    leaving = request_place(programme)
    waiting = request_place(programme, contact_channel="sms", contact_phone="07700 900123")

    enrolment_cancel(enrolment=leaving, reason="Moved away.", by=staff(Role.PRACTITIONER))

    message = Message.objects.get(template=OFFER_TEMPLATE)
    assert (message.channel, message.recipient, message.language) == (Channel.SMS, "07700 900123", "en")
    waiting.refresh_from_db()
    assert waiting.offer_expires_at - waiting.offered_at == timedelta(days=5)


def test_leaving_the_waiting_list_offers_nothing():
    programme = open_programme(capacity=1)
    request_place(programme)
    waiting = request_place(programme)
    behind = request_place(programme)

    enrolment_cancel(enrolment=waiting, reason="No longer needed.", by=staff(Role.PRACTITIONER))

    behind.refresh_from_db()
    assert behind.status == EnrolmentStatus.WAITING
    assert not Message.objects.filter(template=OFFER_TEMPLATE).exists()


def test_a_new_request_does_not_take_a_place_held_for_an_offer():
    programme = open_programme(capacity=1)
    leaving = request_place(programme)
    waiting = request_place(programme)
    enrolment_cancel(enrolment=leaving, reason="Moved away.", by=staff(Role.PRACTITIONER))

    latecomer = request_place(programme)

    waiting.refresh_from_db()
    assert waiting.status == EnrolmentStatus.OFFERED
    assert (latecomer.status, latecomer.position) == (EnrolmentStatus.WAITING, 2)


def test_accepting_an_offer_takes_the_place_and_starts_the_plan_action():
    episode, practitioner, action, parent = family_with_plan()
    programme = open_programme(intervention=action.intervention, capacity=1)
    leaving = request_place(programme)
    offered = enrolment_request(programme=programme, episode=episode, person=parent, plan_action=action,
                                by=practitioner)  # fmt: skip
    enrolment_cancel(enrolment=leaving, reason="Moved away.", by=practitioner)

    offer_accept(enrolment=offered, by=practitioner)

    offered.refresh_from_db()
    action.refresh_from_db()
    assert offered.status == EnrolmentStatus.ENROLLED
    assert action.status == ActionStatus.IN_PROGRESS


def test_declining_an_offer_offers_the_place_to_the_next_family():
    programme = open_programme(capacity=1)
    leaving, first, second = request_place(programme), request_place(programme), request_place(programme)
    enrolment_cancel(enrolment=leaving, reason="Moved away.", by=staff(Role.PRACTITIONER))

    offer_decline(enrolment=first, by=staff(Role.PRACTITIONER), reason="The time does not suit.")

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.end_reason) == (EnrolmentStatus.DECLINED, "The time does not suit.")
    assert second.status == EnrolmentStatus.OFFERED
    with pytest.raises(ValidationError, match="no offer of a place to answer"):
        offer_accept(enrolment=first, by=staff(Role.PRACTITIONER))


def test_an_offer_that_runs_out_moves_on_to_the_next_family():
    programme = open_programme(capacity=1)
    leaving = request_place(programme)
    first = request_place(programme, contact_email="first@example.org")
    second = request_place(programme, contact_email="second@example.org")
    enrolment_cancel(enrolment=leaving, reason="Moved away.", by=staff(Role.PRACTITIONER))
    first.refresh_from_db()
    assert offers_expire() == []  # not yet

    lapsed = offers_expire(now=first.offer_expires_at + timedelta(minutes=1))

    assert [e.pk for e in lapsed] == [first.pk]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.offer_lapsed) == (EnrolmentStatus.DECLINED, True)
    assert second.status == EnrolmentStatus.OFFERED
    offers = Message.objects.filter(template=OFFER_TEMPLATE).order_by("pk")
    assert [m.recipient for m in offers] == ["first@example.org", "second@example.org"]


def test_an_offer_cannot_be_accepted_once_it_has_run_out():
    programme = open_programme(capacity=1)
    leaving, offered = request_place(programme), request_place(programme)
    enrolment_cancel(enrolment=leaving, reason="Moved away.", by=staff(Role.PRACTITIONER))
    Enrolment.objects.filter(pk=offered.pk).update(offer_expires_at=timezone.now() - timedelta(minutes=1))

    with pytest.raises(ValidationError, match="The offer ran out"):
        offer_accept(enrolment=offered, by=staff(Role.PRACTITIONER))


def test_the_expiry_command_lapses_offers_as_the_system(capsys):
    programme = open_programme(capacity=1)
    leaving, offered = request_place(programme), request_place(programme)
    enrolment_cancel(enrolment=leaving, reason="Moved away.", by=staff(Role.PRACTITIONER))
    Enrolment.objects.filter(pk=offered.pk).update(offer_expires_at=timezone.now() - timedelta(minutes=1))

    call_command("expire_programme_offers")

    offered.refresh_from_db()
    assert offered.status == EnrolmentStatus.DECLINED
    assert "lapsed 1 offer(s)" in capsys.readouterr().out


def test_no_offers_once_it_is_too_late_to_complete_the_course():
    programme = open_programme(capacity=1, sessions=4)
    leaving, waiting = request_place(programme), request_place(programme)
    # Three of four sessions gone: a newcomer could attend one, and 75% of four is three.
    for session in programme.sessions.order_by("number")[:3]:
        session.starts_at -= timedelta(weeks=10)
        session.ends_at -= timedelta(weeks=10)
        session.save()

    enrolment_cancel(enrolment=leaving, reason="Moved away.", by=staff(Role.PRACTITIONER))

    waiting.refresh_from_db()
    assert waiting.status == EnrolmentStatus.WAITING
    with pytest.raises(ValidationError, match="too late to join"):
        request_place(programme)


def test_a_place_the_family_asks_for_in_the_portal_says_so_and_a_request_must_name_who_asked():
    programme = open_programme()
    episode, parent = family_on_case()

    with pytest.raises(ValueError, match="Say who asked"):
        enrolment_request(programme=programme, episode=episode, person=parent, by=None)
    enrolment = enrolment_request(programme=programme, episode=episode, person=parent, by=None, through_portal=True)

    assert (enrolment.requested_by, enrolment.requested_through_portal) == (None, True)
