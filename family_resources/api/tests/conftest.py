"""Fixtures for the partner API's tests: tokens by role, and a valid referral body to break."""

import copy
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.api.services import api_token_create

VALID_BODY: dict[str, Any] = {
    "referrer": {
        "type": "professional",
        "name": "A Visitor",
        "organisation": "Health visiting",
        "role": "Health visitor",
        "email": "a.visitor@example.org",
        "phone": "01582 000000",
    },
    "family": {
        "postcode": "LU4 8BW",
        "address": "1 Example Road, Luton",
        "preferred_language": "en",
        "interpreter_needed": False,
        "open_to_social_care": False,
    },
    "people": [
        {
            "given_name": "Sam",
            "family_name": "Example",
            "relationship": "child",
            "date_of_birth": "2022-05-01",
            "send": False,
        },
        {"given_name": "Alex", "family_name": "Example", "relationship": "parent", "date_of_birth": "1994-02-11"},
    ],
    "concerns": "What the referrer is worried about, in their words.",
    "immediate_risk": False,
    "consent": {"given": True, "reason_if_not": None},
}


def valid_body() -> dict[str, Any]:
    return copy.deepcopy(VALID_BODY)


@pytest.fixture
def token_for() -> Callable[..., str]:
    """token_for(role) makes a staff account in that role and returns a raw token for it."""

    def make(role: Role = Role.FRONT_DOOR_OFFICER, **fields: Any) -> str:
        _token, raw = api_token_create(owner=staff(role, **fields))
        return raw

    return make


@pytest.fixture
def partner_token(token_for: Callable[..., str]) -> str:
    return token_for(Role.FRONT_DOOR_OFFICER)


class ApiClient:
    """The Django test client with a bearer token and JSON bodies."""

    def __init__(self, token: str | None) -> None:
        self.client = Client()
        self.token = token

    def _headers(self, extra: dict[str, Any]) -> dict[str, Any]:
        headers = dict(extra)
        if self.token is not None:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {self.token}"
        return headers

    def post(self, body: Any, *, idempotency_key: str | None = None, **extra: Any) -> Any:
        """POST a body: a dict or list is sent as JSON, a str or bytes exactly as given."""
        if idempotency_key is not None:
            extra["HTTP_IDEMPOTENCY_KEY"] = idempotency_key
        return self.client.post("/api/v1/referrals", data=body, content_type="application/json", **self._headers(extra))

    def get(self, reference: str, **extra: Any) -> Any:
        return self.client.get(f"/api/v1/referrals/{reference}", **self._headers(extra))


@pytest.fixture
def partner(partner_token: str) -> ApiClient:
    return ApiClient(partner_token)
