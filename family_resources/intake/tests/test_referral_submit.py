"""referral_submit: every channel's way into the queue."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.intake.eligibility import EligibilityStatus, Relationship
from family_resources.intake.models import Channel, Referral, ReferralPerson, ReferrerType, Urgency
from family_resources.intake.selectors import front_door_queue
from family_resources.intake.services import PersonInput, ReferralInput, referral_submit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
CHILD = PersonInput(Relationship.CHILD, "Sam", "Example", TODAY - timedelta(days=4 * 365))
PARENT = PersonInput(Relationship.PARENT, "Alex", "Example", TODAY - timedelta(days=30 * 365))


def data(**overrides):
    values: dict[str, Any] = {
        "channel": Channel.ONLINE_PROFESSIONAL,
        "referrer_type": ReferrerType.HEALTH_VISITOR,
        "concerns": "Mum is isolated and struggling with the baby's sleep.",
        "people": [PARENT, CHILD],
        "consent_given": True,
        "postcode": "lu48bw",
        "referrer_name": "A Visitor",
    }
    values.update(overrides)
    return ReferralInput(**values)


def test_an_eligible_referral_joins_the_queue_with_its_people_and_neighbourhood():
    referral, created = referral_submit(data=data())

    assert created
    assert referral.status == Referral.Status.RECEIVED
    assert referral.eligibility == EligibilityStatus.ELIGIBLE
    assert referral.postcode == "LU4 8BW"
    assert referral.neighbourhood is not None
    assert referral.neighbourhood.slug == "west"
    assert [p.given_name for p in referral.people.all()] == ["Alex", "Sam"]
    assert referral in front_door_queue()
    assert referral.reference.startswith("REF-")


def test_an_out_of_area_referral_is_kept_as_not_eligible_with_its_reason():
    referral, _ = referral_submit(data=data(postcode="MK45 2AB"))

    assert referral.status == Referral.Status.NOT_ELIGIBLE
    assert referral.ineligibility_reasons == ["out_of_area"]
    assert Referral.objects.filter(pk=referral.pk).exists()
    assert referral not in front_door_queue()


def test_a_sector_on_the_boundary_is_flagged_for_the_officer():
    referral, _ = referral_submit(data=data(postcode="LU3 3AA"))
    assert referral.eligibility == EligibilityStatus.ELIGIBLE
    assert any("boundary" in note for note in referral.eligibility_notes)


def test_a_professional_referral_without_consent_must_say_why():
    with pytest.raises(ValidationError) as error:
        referral_submit(data=data(consent_given=False))

    assert "consent_reason_if_not" in error.value.message_dict
    assert not Referral.objects.exists()


def test_a_professional_referral_without_consent_is_flagged_for_the_officer():
    referral, _ = referral_submit(data=data(consent_given=False, consent_reason_if_not="Safeguarding concern."))

    assert referral.needs_officer_attention
    assert referral.consent_reason_if_not == "Safeguarding concern."


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"concerns": "  "}, "concerns"),
        ({"postcode": "not a postcode"}, "postcode"),
        ({"people": []}, "people"),
        ({"people": [PersonInput(Relationship.UNBORN)]}, "people.0.expected_date_of_delivery"),
        (
            {"people": [PersonInput(Relationship.CHILD, date_of_birth=TODAY + timedelta(days=3))]},
            "people.0.date_of_birth",
        ),
    ],
)
def test_invalid_input_is_refused_field_by_field_and_nothing_is_saved(overrides, field):
    with pytest.raises(ValidationError) as error:
        referral_submit(data=data(**overrides))

    assert field in error.value.message_dict
    assert not Referral.objects.exists()
    assert not ReferralPerson.objects.exists()


def test_the_same_idempotency_key_from_the_same_account_makes_one_referral():
    partner = staff(Role.FRONT_DOOR_OFFICER)
    first, created_first = referral_submit(data=data(), logged_by=partner, idempotency_key="abc-123")
    again, created_again = referral_submit(data=data(), logged_by=partner, idempotency_key="abc-123")

    assert created_first
    assert not created_again
    assert again.pk == first.pk
    assert Referral.objects.count() == 1


def test_the_same_key_from_another_account_is_a_different_referral():
    referral_submit(data=data(), logged_by=staff(Role.FRONT_DOOR_OFFICER), idempotency_key="k")
    referral_submit(data=data(), logged_by=staff(Role.FRONT_DOOR_OFFICER), idempotency_key="k")
    assert Referral.objects.count() == 2


def test_submitting_writes_audit_events_for_the_referral_and_each_person():
    referral, _ = referral_submit(data=data())
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="intake.referral").count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="intake.referralperson").count() == 2
    assert referral.pk


def test_the_queue_puts_immediate_risk_first_then_urgent_then_oldest():
    now = timezone.now()
    old, _ = referral_submit(data=data(received_at=now - timedelta(days=3)))
    new, _ = referral_submit(data=data(received_at=now - timedelta(hours=1)))
    urgent, _ = referral_submit(data=data(received_at=now, urgency=Urgency.URGENT))
    risk, _ = referral_submit(data=data(received_at=now, urgency=Urgency.IMMEDIATE_RISK))

    assert list(front_door_queue()) == [risk, urgent, old, new]
