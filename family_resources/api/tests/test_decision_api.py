"""POST /api/v1/referrals/{reference}/decision: the route, team and signposting, and GET shows the same."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.directory.models import Organisation, Service
from family_resources.families.tests.factories import FamilyFactory
from family_resources.places.models import Neighbourhood

from .conftest import ApiClient, valid_body

pytestmark = pytest.mark.django_db


def decide(client: ApiClient, reference: str, body: dict[str, Any]) -> Any:
    return client.client.post(
        f"/api/v1/referrals/{reference}/decision",
        data=body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {client.token}",
    )


def submitted(partner: ApiClient, **family: Any) -> str:
    body = valid_body()
    body["family"].update(family)
    response = partner.post(body)
    assert response.status_code == 201, response.json()
    return str(response.json()["reference"])


def test_level_3_is_accepted_by_the_neighbourhood_team_for_the_postcode(partner):
    reference = submitted(partner)  # LU4 8BW is West Luton

    response = decide(partner, reference, {"level": 3, "immediate_risk": False, "needs": [], "rationale": "Complex."})

    assert response.status_code == 200
    assert response.json() == {"route": "accepted", "team": "West Luton team", "signposting": [], "reasons": []}
    outcome = partner.get(reference).json()["outcome"]
    assert outcome["route"] == "accepted"
    assert outcome["team"] == "West Luton team"


def test_level_2_is_signposted_with_the_pack(partner):
    organisation = Organisation.objects.create(
        name="Play Group", safeguarding_evidence_expires_on=timezone.localdate() + timedelta(days=60)
    )
    Service.objects.create(
        organisation=organisation, name="Toddler play", description="d", min_age=0, max_age=5,
        neighbourhood=Neighbourhood.objects.get(slug="west"),
    )  # fmt: skip
    reference = submitted(partner)

    body = {"level": 2, "immediate_risk": False, "needs": ["early-years"], "rationale": "Additional needs."}
    response = decide(partner, reference, body)

    result = response.json()
    assert result["route"] == "signposted"
    assert result["team"] is None
    assert [item["name"] for item in result["signposting"]] == ["Toddler play"]
    assert partner.get(reference).json()["outcome"]["signposting"] == result["signposting"]


def test_immediate_risk_goes_to_social_care(partner):
    reference = submitted(partner)
    response = decide(partner, reference, {"level": 2, "immediate_risk": True, "needs": [], "rationale": "Injury."})
    assert response.json()["route"] == "social_care"


def test_level_4_open_to_social_care_asking_for_supervised_contact_is_accepted(partner):
    reference = submitted(partner, open_to_social_care=True)
    body = {"level": 4, "immediate_risk": False, "needs": ["supervised-contact"], "rationale": "Contact needed."}
    assert decide(partner, reference, body).json()["route"] == "accepted"


def test_a_referral_that_is_not_eligible_answers_not_eligible_with_reasons(partner):
    reference = submitted(partner, postcode="MK45 2AB")
    response = decide(partner, reference, {"level": 3, "immediate_risk": False, "needs": [], "rationale": "r"})
    assert response.status_code == 200
    assert response.json()["route"] == "not_eligible"
    assert "not in Luton" in response.json()["reasons"][0]


def test_unknown_needs_and_bad_levels_are_refused_field_by_field(partner):
    reference = submitted(partner)
    bad = decide(partner, reference, {"level": 5, "immediate_risk": False, "needs": ["nope"], "rationale": "r"})
    assert bad.status_code == 422
    assert {error["field"] for error in bad.json()["errors"]} == {"level"}
    unknown = decide(partner, reference, {"level": 3, "immediate_risk": False, "needs": ["nope"], "rationale": "r"})
    assert unknown.json()["errors"] == [
        {"field": "needs.0", "message": "Not a need in the interventions catalogue or a service area"}
    ]


def test_a_second_decision_is_a_conflict(partner):
    reference = submitted(partner)
    body = {"level": 1, "immediate_risk": False, "needs": [], "rationale": "Universal."}
    assert decide(partner, reference, body).status_code == 200
    assert decide(partner, reference, body).status_code == 409


def test_possible_family_matches_need_an_officer_first(partner):
    FamilyFactory.create(family_name="Example", postcode="LU4 8BW")
    reference = submitted(partner)
    response = decide(partner, reference, {"level": 3, "immediate_risk": False, "needs": [], "rationale": "r"})
    assert response.status_code == 409
    assert "confirm the match" in response.json()["errors"][0]["message"]


def test_an_administrator_token_may_submit_but_not_decide(partner, token_for):
    reference = submitted(partner)
    admin = ApiClient(token_for(Role.ADMINISTRATOR))
    response = decide(admin, reference, {"level": 1, "immediate_risk": False, "needs": [], "rationale": "r"})
    assert response.status_code == 403
