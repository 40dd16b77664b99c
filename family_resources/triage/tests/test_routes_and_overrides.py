"""Every route does what the service model says, and a manager can override with a reason."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import Episode
from family_resources.catalogue.models import Intervention
from family_resources.families.tests.factories import FamilyFactory
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.places.models import Neighbourhood
from family_resources.triage.models import DecisionOverride, SocialCareReferral
from family_resources.triage.routing import Route
from family_resources.triage.selectors import family_history, queue_with_deadlines
from family_resources.triage.services import decision_override, decision_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return staff(Role.FRONT_DOOR_OFFICER)


def referral_for(**family_fields):
    family = FamilyFactory.create(neighbourhood=Neighbourhood.objects.get(slug="central"), **family_fields)
    return ReceivedReferralFactory.create(family=family)


def decide(referral, officer, level, risk=False, **extra):
    return decision_record(
        referral=referral, level=level, immediate_risk=risk, rationale="Reasons.", decided_by=officer, **extra
    )


def test_immediate_risk_is_passed_to_social_care_at_once_marked_urgent(officer):
    decision = decide(referral_for(), officer, 2, risk=True)

    record = SocialCareReferral.objects.get(decision=decision)
    assert decision.route == Route.SOCIAL_CARE
    assert record.urgent
    assert record.passed_on_by == officer
    assert timezone.now() - record.passed_on_at < timedelta(minutes=1)


def test_level_4_not_open_to_social_care_goes_to_social_care(officer):
    decision = decide(referral_for(), officer, 4)
    assert decision.route == Route.SOCIAL_CARE
    assert SocialCareReferral.objects.filter(decision=decision).exists()
    assert not Episode.objects.exists()


def test_level_4_open_to_social_care_asking_for_supervised_contact_is_accepted(officer):
    contact = Intervention.objects.get(slug="supervised-contact")
    decision = decide(referral_for(open_to_social_care=True), officer, 4, needs=[contact])

    assert decision.route == Route.ACCEPTED
    assert list(decision.needs.all()) == [contact]
    assert Episode.objects.get(referral=decision.referral).team.name == "Central Luton team"
    assert not SocialCareReferral.objects.exists()


def test_level_3_is_accepted_into_the_neighbourhood_team(officer):
    assert decide(referral_for(), officer, 3).route == Route.ACCEPTED


@pytest.mark.parametrize("level", [1, 2])
def test_levels_1_and_2_are_signposted(officer, level):
    decision = decide(referral_for(), officer, level)
    assert decision.route == Route.SIGNPOSTED
    assert not Episode.objects.exists()


def test_a_manager_overrides_a_signposting_decision_and_the_family_is_accepted(officer):
    manager = staff(Role.TEAM_MANAGER)
    decision = decide(referral_for(), officer, 2)

    override = decision_override(
        decision=decision, level=3, reason="School says things are worse.", overridden_by=manager
    )

    decision.refresh_from_db()
    assert (override.previous_level, override.previous_route) == (2, Route.SIGNPOSTED)
    assert (decision.level, decision.route) == (3, Route.ACCEPTED)
    assert Episode.objects.get(referral=decision.referral).status == Episode.Status.OPEN


def test_overriding_an_accepted_family_down_closes_its_episode(officer):
    decision = decide(referral_for(), officer, 3)

    decision_override(
        decision=decision, level=2, reason="Needs met by school.", overridden_by=staff(Role.SERVICE_MANAGER)
    )

    episode = Episode.objects.get(referral=decision.referral)
    assert episode.status == Episode.Status.CLOSED
    assert episode.closure_reason == "decision_changed"


def test_an_override_needs_a_reason_and_a_different_level(officer):
    decision = decide(referral_for(), officer, 2)
    with pytest.raises(ValidationError) as error:
        decision_override(decision=decision, level=2, reason=" ", overridden_by=staff(Role.TEAM_MANAGER))
    assert set(error.value.message_dict) == {"level", "reason"}
    assert not DecisionOverride.objects.exists()


def test_a_team_manager_overrides_through_the_page(client, officer):
    # A team manager overrides decisions on referrals routed to their own team (docs/decisions/0034).
    decision = decide(referral_for(), officer, 3)
    client.force_login(staff(Role.TEAM_MANAGER, teams=[decision.referral.episode.team]))
    url = reverse("triage:override", args=[decision.referral.reference])

    empty = client.post(url, {}).content.decode()
    assert "Choose the new threshold level" in empty
    assert "Write why you are overriding" in empty
    assert "Write why you are overriding" in client.post(url, {"level": "2"}).content.decode()
    response = client.post(url, {"level": "2", "reason": "Needs met by school."}, follow=True)

    assert "The decision is now level 2" in response.content.decode()
    assert "Overridden from level 3 to level 2" in response.content.decode()


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.FRONT_DOOR_OFFICER])
def test_officers_and_practitioners_cannot_override(client, officer, role):
    decision = decide(referral_for(), officer, 2)
    client.force_login(staff(role))
    assert client.get(reverse("triage:override", args=[decision.referral.reference])).status_code == 403


def test_the_queue_shows_what_is_overdue():
    old = ReceivedReferralFactory.create(received_at=datetime(2026, 11, 23, 10, 0, tzinfo=UTC))  # a Monday
    new = ReceivedReferralFactory.create(received_at=datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    now = datetime(2026, 11, 24, 11, 0, tzinfo=UTC)  # an hour after the old one was due

    overdue = {item.referral.pk: item.overdue for item in queue_with_deadlines(now=now)}

    assert overdue == {old.pk: True, new.pk: False}


def test_a_referral_from_christmas_eve_is_not_overdue_until_the_bank_holidays_are_over():
    referral = ReceivedReferralFactory.create(received_at=datetime(2026, 12, 24, 10, 0, tzinfo=UTC))

    (before,) = queue_with_deadlines(now=datetime(2026, 12, 29, 9, 59, tzinfo=UTC))
    (after,) = queue_with_deadlines(now=datetime(2026, 12, 29, 10, 1, tzinfo=UTC))

    assert before.referral == after.referral == referral
    assert before.due_at == datetime(2026, 12, 29, 10, 0, tzinfo=UTC)
    assert (before.overdue, after.overdue) == (False, True)


def test_screening_flags_a_re_referral_within_12_months_and_an_earlier_removal(officer):
    family = FamilyFactory.create(previous_child_removal=True)
    ReceivedReferralFactory.create(family=family, received_at=timezone.now() - timedelta(days=200))
    current = ReceivedReferralFactory.create(family=family)

    history = family_history(referral=current)

    assert history.re_referral_within_12_months
    assert history.previous_child_removal
    assert len(history.earlier_referrals) == 1


def test_a_referral_more_than_a_year_after_the_last_is_not_a_re_referral():
    family = FamilyFactory.create()
    ReceivedReferralFactory.create(family=family, received_at=timezone.now() - timedelta(days=400))
    assert not family_history(referral=ReceivedReferralFactory.create(family=family)).re_referral_within_12_months
