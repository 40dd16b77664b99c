"""Changing how a family is reached and in which language, as a practitioner confirms it."""

import pytest
from django.core.exceptions import ValidationError

from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.families.services import family_contact_update
from family_resources.families.tests.factories import FamilyFactory

pytestmark = pytest.mark.django_db


def test_new_details_are_saved_and_audited_and_what_was_not_given_stays():
    family = FamilyFactory.create(
        contact_email="old@example.org", contact_phone="07700 900123", contact_channel="email"
    )

    family_contact_update(family=family, email="new@example.org", language="pl")

    family.refresh_from_db()
    assert (family.contact_email, family.contact_phone, family.preferred_language) == (
        "new@example.org",
        "07700 900123",
        "pl",
    )
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_type="families.family", object_id=str(family.pk)
    ).exists()


def test_a_bad_email_or_an_unknown_language_is_refused_and_nothing_changes():
    family = FamilyFactory.create(contact_email="old@example.org", contact_channel="email")

    with pytest.raises(ValidationError) as caught:
        family_contact_update(family=family, email="not an email", language="xx")

    assert set(caught.value.message_dict) == {"contact_email", "preferred_language"}
    family.refresh_from_db()
    assert family.contact_email == "old@example.org"


def test_texts_need_a_mobile_number():
    family = FamilyFactory.create(contact_email="old@example.org", contact_phone="", contact_channel="email")

    with pytest.raises(ValidationError) as caught:
        family_contact_update(family=family, channel="sms")

    assert "contact_channel" in caught.value.message_dict
