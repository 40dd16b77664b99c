"""Closed-loop signposting: ask, remind, and put the family back in the queue when help did not come."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.directory.models import Organisation, Service
from family_resources.families.tests.factories import ChildFactory, FamilyFactory, years_ago
from family_resources.intake.models import Channel, Referral
from family_resources.intake.selectors import front_door_queue
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.notifications.models import Message
from family_resources.places.models import Neighbourhood
from family_resources.triage.followup import followups_run
from family_resources.triage.models import FollowUpOutcome, SignpostingPack
from family_resources.triage.services import decision_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack() -> SignpostingPack:
    west = Neighbourhood.objects.get(slug="west")
    organisation = Organisation.objects.create(
        name="Group", safeguarding_evidence_expires_on=timezone.localdate() + timedelta(days=200)
    )
    Service.objects.create(organisation=organisation, name="Play", description="d", neighbourhood=west)
    family = FamilyFactory.create(neighbourhood=west, contact_email="parent@example.org")
    ChildFactory.create(family=family, date_of_birth=years_ago(2))
    referral = ReceivedReferralFactory.create(family=family, consent_given=True)
    decision = decision_record(
        referral=referral, level=1, immediate_risk=False, rationale="r", decided_by=staff(Role.FRONT_DOOR_OFFICER)
    )
    return decision.signposting_pack


def link_in(message: Message) -> str:
    match = re.search(r"/help-check/([\w-]+)/", message.body)
    assert match is not None
    return f"/help-check/{match.group(1)}/"


def test_a_follow_up_is_due_four_weeks_after_the_pack(pack):
    assert pack.followup_due_at == pack.created_at + timedelta(days=28)
    assert followups_run(now=pack.created_at + timedelta(days=27)).asked == []


def test_no_follow_up_without_the_familys_consent():
    family = FamilyFactory.create(contact_email="p@example.org")
    ChildFactory.create(family=family)
    referral = ReceivedReferralFactory.create(family=family, consent_given=False)
    decision = decision_record(
        referral=referral, level=2, immediate_risk=False, rationale="r", decided_by=staff(Role.FRONT_DOOR_OFFICER)
    )
    assert decision.signposting_pack.followup_due_at is None


def test_asks_then_reminds_then_requeues_when_there_is_no_answer(pack):
    start = pack.created_at + timedelta(days=28)

    assert followups_run(now=start).asked == [pack.decision.referral.reference]
    assert followups_run(now=start + timedelta(days=3)).reminded == []
    assert followups_run(now=start + timedelta(days=7)).reminded == [pack.decision.referral.reference]
    run = followups_run(now=start + timedelta(days=14))

    pack.refresh_from_db()
    assert run.requeued == [pack.decision.referral.reference]
    assert pack.followup_outcome == FollowUpOutcome.NO_ANSWER
    assert pack.requeued_as is not None
    assert pack.requeued_as.channel == Channel.FOLLOW_UP
    assert pack.requeued_as.family == pack.decision.referral.family
    assert pack.requeued_as in front_door_queue()
    assert Message.objects.filter(template="signposting_followup").count() == 1
    assert Message.objects.filter(template="signposting_reminder").count() == 1


def test_a_family_that_says_no_goes_back_in_the_queue_with_their_words(client, pack):
    followups_run(now=pack.created_at + timedelta(days=28))
    link = link_in(Message.objects.get(template="signposting_followup"))

    assert "Did you get the help you needed?" in client.get(link).content.decode()
    error = client.post(link, {}).content.decode()
    assert "Select yes if you got the help you needed" in error
    done = client.post(link, {"helped": "no", "comments": "The group was full."}).content.decode()

    assert "look at your family's needs again" in done
    pack.refresh_from_db()
    assert pack.followup_outcome == FollowUpOutcome.NOT_HELPED
    requeued = Referral.objects.get(pk=pack.requeued_as_id)
    assert "The group was full." in requeued.concerns
    assert "This link has expired" in client.get(link).content.decode()


def test_a_family_that_got_help_is_closed_and_not_asked_again(client, pack):
    followups_run(now=pack.created_at + timedelta(days=28))
    client.post(link_in(Message.objects.get(template="signposting_followup")), {"helped": "yes"})

    pack.refresh_from_db()
    assert pack.followup_outcome == FollowUpOutcome.HELPED
    assert pack.requeued_as is None
    assert followups_run(now=pack.created_at + timedelta(days=60)).reminded == []


def test_a_new_contact_about_the_family_stops_the_follow_up(pack):
    ReceivedReferralFactory.create(family=pack.decision.referral.family)

    run = followups_run(now=pack.created_at + timedelta(days=28))

    pack.refresh_from_db()
    assert run.closed_by_new_contact == [pack.decision.referral.reference]
    assert pack.followup_outcome == FollowUpOutcome.NEW_CONTACT
    assert not Message.objects.filter(template="signposting_followup").exists()


def test_an_unknown_link_says_so(client):
    response = client.get(reverse("help_check:followup", args=["not-a-real-token"]))
    assert "This link has expired or has already been used" in response.content.decode()
