"""Fifty generated malformed bodies: each gets a clear 4xx, and nothing is written."""

import json
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from family_resources.accounts.roles import Role
from family_resources.api.models import ApiSubmission
from family_resources.api.tests.conftest import ApiClient, valid_body
from family_resources.audit.models import AuditEvent
from family_resources.intake.models import Referral, ReferralPerson

pytestmark = pytest.mark.django_db

RELATIONSHIPS = {"child", "unborn", "parent", "carer", "other_adult"}

# Where each required field lives, and what type it must be.
REQUIRED: dict[tuple[Any, ...], str] = {
    ("referrer",): "object",
    ("referrer", "type"): "str",
    ("referrer", "name"): "str",
    ("family",): "object",
    ("family", "postcode"): "str",
    ("people",): "list",
    ("people", 0, "relationship"): "str",
    ("concerns",): "str",
    ("immediate_risk",): "bool",
    ("consent",): "object",
    ("consent", "given"): "bool",
}
OPTIONAL: dict[tuple[Any, ...], str] = {
    ("referrer", "organisation"): "str",
    ("referrer", "email"): "str",
    ("family", "address"): "str",
    ("family", "interpreter_needed"): "bool",
    ("family", "open_to_social_care"): "bool",
    ("people", 0, "given_name"): "str",
    ("people", 0, "date_of_birth"): "date",
    ("people", 1, "send"): "bool",
}

_numbers = st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False))
WRONG_FOR = {
    "str": st.one_of(_numbers, st.booleans(), st.none(), st.lists(st.text(max_size=3), max_size=2), st.just({})),
    "bool": st.one_of(_numbers, st.sampled_from(["true", "yes", "1", "", "false"]), st.none(), st.just([])),
    "object": st.one_of(_numbers, st.text(max_size=10), st.booleans(), st.none(), st.lists(st.integers(), max_size=2)),
    "list": st.one_of(_numbers, st.text(max_size=10), st.booleans(), st.none(), st.just({}), st.just([])),
    "date": st.one_of(_numbers, st.booleans(), st.just([]), st.just({})),
}
BAD_DATES = st.one_of(
    st.sampled_from(
        ["2022-13-01", "2022-02-30", "01/05/2022", "2022-5-1", "20220501", "yesterday", "2022-05-01T10:00"]
    ),
    st.text(max_size=12).filter(lambda text: len(text) != 10 or text.count("-") != 2),
)


def _set(body: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    target: Any = body
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return body


def _delete(body: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    target: Any = body
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return body


@st.composite
def missing_field(draw: st.DrawFn) -> dict[str, Any]:
    return _delete(valid_body(), draw(st.sampled_from(sorted(REQUIRED, key=str))))


@st.composite
def wrong_type(draw: st.DrawFn) -> dict[str, Any]:
    fields = {**REQUIRED, **OPTIONAL}
    path = draw(st.sampled_from(sorted(fields, key=str)))
    return _set(valid_body(), path, draw(WRONG_FOR[fields[path]]))


@st.composite
def bad_date(draw: st.DrawFn) -> dict[str, Any]:
    person = draw(st.integers(0, 1))
    return _set(valid_body(), ("people", person, "date_of_birth"), draw(BAD_DATES))


@st.composite
def unknown_relationship(draw: st.DrawFn) -> dict[str, Any]:
    relationship = draw(st.text(max_size=15).filter(lambda text: text not in RELATIONSHIPS))
    return _set(valid_body(), ("people", draw(st.integers(0, 1)), "relationship"), relationship)


@st.composite
def future_date_of_birth(draw: st.DrawFn) -> dict[str, Any]:
    born = timezone.localdate() + timedelta(days=draw(st.integers(1, 3650)))
    return _set(valid_body(), ("people", draw(st.integers(0, 1)), "date_of_birth"), born.isoformat())


def _not_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return True
    return False


NOT_JSON = st.one_of(
    st.sampled_from(["{", "{'referrer': {}}", "referrer=A+Visitor", "<referral/>", "[1, 2", "NaN?"]),
    st.text(min_size=1, max_size=40).filter(_not_json),
    st.binary(min_size=1, max_size=20).map(lambda data: b"\xff" + data),  # not even UTF-8
)
# JSON, but not an object, or not a referral at all.
NOT_A_REFERRAL = st.one_of(
    st.lists(st.integers(), max_size=3), st.integers(), st.text(max_size=10), st.none(), st.just({})
).map(json.dumps)

MALFORMED = st.one_of(
    missing_field(),
    wrong_type(),
    bad_date(),
    unknown_relationship(),
    future_date_of_birth(),
    NOT_JSON,
    NOT_A_REFERRAL,
)


def test_malformed_bodies_get_a_clear_4xx_and_write_nothing(token_for):
    partner = ApiClient(token_for(Role.FRONT_DOOR_OFFICER))
    counts = (Referral.objects.count(), ReferralPerson.objects.count(), ApiSubmission.objects.count())
    audit_events = AuditEvent.objects.count()

    # Built here, not as a decorated test, so hypothesis does not share pytest's function-scoped fixtures.
    @settings(max_examples=50, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(body=MALFORMED)
    def post_malformed(body: Any) -> None:
        response = partner.post(body, idempotency_key="fuzz")

        assert response.status_code in (400, 422), (body, response.content)
        errors = response.json()["errors"]
        assert errors
        for error in errors:
            assert isinstance(error["message"], str)
            assert error["message"].strip()
            assert error["field"] is None or isinstance(error["field"], str)

    post_malformed()

    assert (Referral.objects.count(), ReferralPerson.objects.count(), ApiSubmission.objects.count()) == counts
    assert AuditEvent.objects.count() == audit_events
