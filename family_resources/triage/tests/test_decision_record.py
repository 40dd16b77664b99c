"""Recording a threshold decision routes the family and opens casework where it should."""

import pytest
from django.core.exceptions import ValidationError

from family_resources.accounts.models import Team
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import Episode
from family_resources.families.tests.factories import FamilyFactory
from family_resources.intake.models import Referral
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.places.models import Neighbourhood
from family_resources.triage.routing import Route
from family_resources.triage.services import decision_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return staff(Role.FRONT_DOOR_OFFICER)


@pytest.fixture
def north_family():
    return FamilyFactory.create(neighbourhood=Neighbourhood.objects.get(slug="north"))


def test_level_3_opens_an_episode_with_the_familys_neighbourhood_team(officer, north_family):
    referral = ReceivedReferralFactory.create(family=north_family)

    decision = decision_record(
        referral=referral, level=3, immediate_risk=False, rationale="Multiple needs.", decided_by=officer
    )

    assert decision.route == Route.ACCEPTED
    episode = Episode.objects.get(referral=referral)
    assert episode.team == Team.objects.get(name="North Luton team")
    assert episode.lead_practitioner is None
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DECIDED


@pytest.mark.parametrize(
    ("level", "risk", "route"),
    [(1, False, Route.SIGNPOSTED), (4, False, Route.SOCIAL_CARE), (2, True, Route.SOCIAL_CARE)],
)
def test_signposted_and_social_care_routes_open_no_episode(officer, north_family, level, risk, route):
    referral = ReceivedReferralFactory.create(family=north_family)

    decision = decision_record(
        referral=referral, level=level, immediate_risk=risk, rationale="Reason.", decided_by=officer
    )

    assert decision.route == route
    assert not Episode.objects.filter(referral=referral).exists()


def test_level_4_family_already_open_to_social_care_gets_a_neighbourhood_team(officer):
    family = FamilyFactory.create(neighbourhood=Neighbourhood.objects.get(slug="west"), open_to_social_care=True)
    referral = ReceivedReferralFactory.create(family=family)

    decision = decision_record(
        referral=referral, level=4, immediate_risk=False, rationale="CP plan.", decided_by=officer
    )

    assert decision.route == Route.ACCEPTED
    assert Episode.objects.get(referral=referral).team.name == "West Luton team"


def test_a_referral_is_decided_only_once(officer, north_family):
    referral = ReceivedReferralFactory.create(family=north_family)
    decision_record(referral=referral, level=2, immediate_risk=False, rationale="Reason.", decided_by=officer)

    with pytest.raises(ValidationError, match="already has a decision"):
        decision_record(referral=referral, level=3, immediate_risk=False, rationale="Again.", decided_by=officer)


def test_a_decision_needs_a_rationale(officer, north_family):
    referral = ReceivedReferralFactory.create(family=north_family)

    with pytest.raises(ValidationError, match="rationale"):
        decision_record(referral=referral, level=3, immediate_risk=False, rationale="   ", decided_by=officer)

    assert not Episode.objects.exists()
