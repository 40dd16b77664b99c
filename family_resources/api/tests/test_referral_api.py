"""POST and GET /api/v1/referrals: what a partner system sends and what it gets back."""

from datetime import timedelta

import pytest
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.api.models import ApiSubmission
from family_resources.api.tests.conftest import ApiClient, valid_body
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.intake.models import Channel, Referral, ReferrerType, Urgency
from family_resources.intake.services import referral_create_family
from family_resources.triage.services import decision_record

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_a_partner_referral_is_created_with_201_its_reference_and_status(partner):
    response = partner.post(valid_body())

    assert response.status_code == 201
    body = response.json()
    referral = Referral.objects.get()
    assert body["reference"] == referral.reference
    assert body["status"] == "received"
    assert body["eligibility"] == "eligible"
    assert body["reasons"] == []
    assert body["outcome"] is None
    assert response["Content-Type"].startswith("application/json")
    assert referral.channel == Channel.API
    assert referral.referrer_type == ReferrerType.HEALTH_VISITOR
    assert referral.urgency == Urgency.ROUTINE
    assert referral.postcode == "LU4 8BW"
    assert [p.given_name for p in referral.people.all()] == ["Sam", "Alex"]


def test_the_referral_is_logged_by_the_partner_account_and_audited_as_the_api(partner):
    response = partner.post(valid_body())

    referral = Referral.objects.get(reference=response.json()["reference"])
    assert referral.logged_by is not None
    assert referral.logged_by.role == Role.FRONT_DOOR_OFFICER
    created = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="intake.referral")
    assert created.source == "api"
    assert created.actor == referral.logged_by
    assert created.path == "/api/v1/referrals"
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="intake.referralperson").count() == 2


def test_the_same_referral_sent_twice_with_one_idempotency_key_makes_one_referral(partner):
    first = partner.post(valid_body(), idempotency_key="5b0f3c1e-retry-1")
    second = partner.post(valid_body(), idempotency_key="5b0f3c1e-retry-1")

    assert first.status_code == 201
    assert second.status_code == 200
    assert second.json() == first.json()
    assert Referral.objects.count() == 1
    assert ApiSubmission.objects.count() == 1


def test_a_retry_whose_json_differs_only_in_layout_is_still_the_same_request(partner):
    import json

    body = valid_body()
    first = partner.post(json.dumps(body), idempotency_key="layout")
    second = partner.post(json.dumps(body, indent=4, sort_keys=True), idempotency_key="layout")

    assert (first.status_code, second.status_code) == (201, 200)
    assert Referral.objects.count() == 1


def test_different_keys_make_different_referrals(partner):
    partner.post(valid_body(), idempotency_key="one")
    partner.post(valid_body(), idempotency_key="two")

    assert Referral.objects.count() == 2


def test_the_same_key_with_a_different_body_is_refused_with_422_naming_the_first_referral(partner):
    first = partner.post(valid_body(), idempotency_key="reused")
    changed = valid_body()
    changed["concerns"] = "A different family altogether."

    response = partner.post(changed, idempotency_key="reused")

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "Idempotency-Key"
    assert first.json()["reference"] in error["message"]
    assert Referral.objects.count() == 1


def test_idempotency_keys_belong_to_one_account(token_for):
    one, other = ApiClient(token_for()), ApiClient(token_for())

    one.post(valid_body(), idempotency_key="shared")
    response = other.post(valid_body(), idempotency_key="shared")

    assert response.status_code == 201
    assert Referral.objects.count() == 2


def test_an_idempotency_key_that_is_too_long_is_refused(partner):
    response = partner.post(valid_body(), idempotency_key="k" * 101)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"
    assert not Referral.objects.exists()


def test_an_out_of_area_referral_is_kept_as_not_eligible_with_the_reason_in_plain_words(partner):
    body = valid_body()
    body["family"]["postcode"] = "MK45 2AB"

    response = partner.post(body)

    assert response.status_code == 201
    result = response.json()
    assert result["status"] == "not_eligible"
    assert result["eligibility"] == "not_eligible"
    assert result["reason_codes"] == ["out_of_area"]
    assert result["reasons"] == [
        "The postcode MK45 2AB is not in Luton. We can only work with families who live in Luton."
    ]
    assert result["where_else"]
    referral = Referral.objects.get(reference=result["reference"])
    assert referral.status == Referral.Status.NOT_ELIGIBLE
    assert referral.ineligibility_reasons == ["out_of_area"]


def test_a_family_with_no_child_in_the_age_range_is_not_eligible(partner):
    body = valid_body()
    body["people"][0]["date_of_birth"] = (TODAY - timedelta(days=30 * 366)).isoformat()

    result = partner.post(body).json()

    assert result["status"] == "not_eligible"
    assert result["reason_codes"] == ["no_child_in_age_range"]
    assert "0 to 19" in result["reasons"][0]


def test_an_unborn_baby_has_an_expected_date_of_delivery(partner):
    body = valid_body()
    body["people"][0] = {
        "relationship": "unborn",
        "expected_date_of_delivery": (TODAY + timedelta(days=60)).isoformat(),
    }

    response = partner.post(body)

    assert response.status_code == 201
    assert response.json()["eligibility"] == "eligible"
    unborn = Referral.objects.get().people.get(relationship="unborn")
    assert unborn.date_of_birth is None
    assert unborn.expected_date_of_delivery == TODAY + timedelta(days=60)


def test_an_unborn_baby_with_a_date_of_birth_is_refused(partner):
    body = valid_body()
    body["people"][0] = {"relationship": "unborn", "date_of_birth": "2022-05-01"}

    response = partner.post(body)

    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"people.0.date_of_birth", "people.0.expected_date_of_delivery"}


def test_immediate_risk_makes_the_referral_urgent_for_the_front_door(partner):
    body = valid_body()
    body["immediate_risk"] = True

    partner.post(body)

    assert Referral.objects.get().urgency == Urgency.IMMEDIATE_RISK


def test_a_professional_referring_without_consent_must_say_why(partner):
    body = valid_body()
    body["consent"] = {"given": False, "reason_if_not": None}

    response = partner.post(body)

    assert response.status_code == 422
    assert response.json() == {
        "errors": [
            {"field": "consent.reason_if_not", "message": "Say why you are referring without the family's consent"}
        ]
    }
    assert not Referral.objects.exists()


def test_a_referral_without_consent_but_with_a_reason_is_flagged_for_the_officer(partner):
    body = valid_body()
    body["consent"] = {"given": False, "reason_if_not": "Safeguarding concern about the baby."}

    assert partner.post(body).status_code == 201
    referral = Referral.objects.get()
    assert referral.needs_officer_attention
    assert referral.consent_reason_if_not == "Safeguarding concern about the baby."


def test_a_parent_referring_themselves_needs_no_organisation(partner):
    body = valid_body()
    body["referrer"] = {"type": "self", "name": "Alex Example", "phone": "07700 900123"}
    body["consent"] = {"given": False}

    assert partner.post(body).status_code == 201
    assert Referral.objects.get().referrer_type == ReferrerType.SELF


def test_an_explicit_kind_wins_over_what_the_role_suggests(partner):
    body = valid_body()
    body["referrer"]["kind"] = "gp"

    partner.post(body)

    assert Referral.objects.get().referrer_type == ReferrerType.GP


def test_invalid_fields_are_listed_one_by_one(partner):
    body = valid_body()
    body["people"][0]["date_of_birth"] = (TODAY + timedelta(days=10)).isoformat()
    body["people"][1]["relationship"] = "cousin"
    body["family"]["postcode"] = "NOPE"
    del body["concerns"]

    response = partner.post(body)

    assert response.status_code == 422
    fields = [error["field"] for error in response.json()["errors"]]
    assert set(fields) == {"people.1.relationship", "concerns"}  # the schema is checked before the rules
    assert all(error["message"] for error in response.json()["errors"])


def test_a_future_date_of_birth_is_reported_against_that_person(partner):
    body = valid_body()
    body["people"][0]["date_of_birth"] = (TODAY + timedelta(days=10)).isoformat()
    body["family"]["postcode"] = "NOPE"

    response = partner.post(body)

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "family.postcode", "message": "Enter a real postcode, like LU4 8BW"},
        {"field": "people.0.date_of_birth", "message": "Date of birth must be today or in the past"},
    ]


def test_a_body_that_is_not_json_is_a_400(partner):
    response = partner.post("{not json")

    assert response.status_code == 400
    assert response.json() == {"errors": [{"field": None, "message": "The request body is not valid JSON."}]}


def test_get_returns_the_status_of_a_referral_the_partner_sent(partner):
    reference = partner.post(valid_body()).json()["reference"]

    response = partner.get(reference)

    assert response.status_code == 200
    assert response.json()["reference"] == reference
    assert response.json()["status"] == "received"
    assert response.json()["outcome"] is None
    viewed = AuditEvent.objects.get(action=AuditAction.VIEW, object_type="intake.referral")
    assert viewed.source == "api"
    assert viewed.actor is not None


def test_get_shows_the_outcome_once_the_front_door_has_decided(partner):
    reference = partner.post(valid_body()).json()["reference"]
    referral = Referral.objects.get(reference=reference)
    referral_create_family(referral=referral)
    decision_record(
        referral=referral,
        level=3,
        immediate_risk=False,
        rationale="Needs a family worker.",
        decided_by=staff(Role.FRONT_DOOR_OFFICER),
    )

    result = partner.get(reference).json()

    assert result["status"] == "decided"
    assert result["outcome"]["level"] == 3
    assert result["outcome"]["route"] == "accepted"
    assert result["outcome"]["route_label"] == "Accepted by a neighbourhood team"


def test_get_of_an_unknown_reference_is_a_404(partner):
    response = partner.get("REF-NOPE99")

    assert response.status_code == 404
    assert response.json()["errors"][0]["field"] is None


def test_an_administrator_account_cannot_follow_another_accounts_referral(partner, token_for):
    reference = partner.post(valid_body()).json()["reference"]

    response = ApiClient(token_for(Role.ADMINISTRATOR)).get(reference)

    assert response.status_code == 404


def test_a_service_manager_may_follow_any_referral_but_not_send_one(partner, token_for):
    reference = partner.post(valid_body()).json()["reference"]
    manager = ApiClient(token_for(Role.SERVICE_MANAGER))

    assert manager.get(reference).status_code == 200
    assert manager.post(valid_body()).status_code == 403


def test_the_response_says_where_to_follow_the_referral(partner):
    response = partner.post(valid_body())

    assert response["Location"] == f"/api/v1/referrals/{response.json()['reference']}"


def test_an_empty_body_asks_for_the_referral(partner):
    response = partner.post("")

    assert response.status_code == 422
    assert response.json() == {
        "errors": [{"field": None, "message": "Send the referral as a JSON object in the request body"}]
    }


@pytest.mark.parametrize(
    "born", ["2022-5-1", "01/05/2022", "2022-02-30", "\uff12\uff10\uff12\uff12-\uff10\uff15-\uff10\uff11"]
)
def test_dates_must_be_real_iso_dates_in_ascii_digits(partner, born):
    body = valid_body()
    body["people"][0]["date_of_birth"] = born

    response = partner.post(body)

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "people.0.date_of_birth", "message": "Enter a real date as YYYY-MM-DD, for example 2022-05-01"}
    ]
