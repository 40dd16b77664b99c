"""The OpenAPI document partners build against."""

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_openapi_document_is_public_json_describing_every_path():
    response = Client().get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/v1/referrals",
        "/api/v1/referrals/{reference}",
        "/api/v1/referrals/{reference}/decision",
    }
    post = document["paths"]["/api/v1/referrals"]["post"]
    assert {"200", "201", "401", "403", "422"} <= set(post["responses"])
    assert any(parameter["name"] == "Idempotency-Key" for parameter in post["parameters"])
    assert "get" in document["paths"]["/api/v1/referrals/{reference}"]
    assert document["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"


def test_the_schema_names_the_relationships_a_person_can_have():
    document = Client().get("/api/v1/openapi.json").json()

    relationship = document["components"]["schemas"]["Relationship"]
    assert relationship["enum"] == ["child", "unborn", "parent", "carer", "other_adult"]


def test_the_documented_statuses_are_intakes_referral_statuses():
    from typing import get_args

    from family_resources.api.schemas import ReferralStatus
    from family_resources.intake.models import Referral

    assert set(get_args(ReferralStatus)) == set(Referral.Status.values)
