"""Officers match a referral to one family record, so a family has one record."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.families.models import Family, Person
from family_resources.families.tests.factories import ChildFactory, FamilyFactory
from family_resources.intake.eligibility import Relationship
from family_resources.intake.models import Channel, ReferrerType
from family_resources.intake.selectors import match_candidates
from family_resources.intake.services import PersonInput, ReferralInput, referral_submit

pytestmark = pytest.mark.django_db

BIRTHDAY = timezone.localdate() - timedelta(days=6 * 365)


@pytest.fixture
def referral():
    referral, _ = referral_submit(
        data=ReferralInput(
            channel=Channel.ONLINE_SELF,
            referrer_type=ReferrerType.SELF,
            concerns="We need help with our son's behaviour.",
            people=[
                PersonInput(Relationship.PARENT, "Nadia", "Hussain"),
                PersonInput(Relationship.CHILD, "Zain", "Hussain", BIRTHDAY),
            ],
            consent_given=True,
            postcode="LU1 3AB",
            address="4 Example Street",
        )
    )
    return referral


@pytest.fixture
def officer():
    return staff(Role.FRONT_DOOR_OFFICER)


def test_a_family_with_the_same_child_is_suggested(referral):
    same = FamilyFactory.create(family_name="Hussain", postcode="LU2 0AA")
    ChildFactory.create(family=same, given_name="Zain", family_name="Hussain", date_of_birth=BIRTHDAY)
    other = FamilyFactory.create(family_name="Hussain", postcode="LU2 0AA")
    ChildFactory.create(family=other, family_name="Hussain", date_of_birth=BIRTHDAY - timedelta(days=400))

    assert list(match_candidates(referral=referral)) == [same]


def test_the_same_surname_at_the_same_postcode_is_suggested(referral):
    household = FamilyFactory.create(family_name="hussain", postcode="LU1 3AB")
    FamilyFactory.create(family_name="Hussain", postcode="LU4 9ZZ")

    assert list(match_candidates(referral=referral)) == [household]


def test_the_officer_links_a_suggested_family(client, referral, officer):
    family = FamilyFactory.create(family_name="Hussain", postcode="LU1 3AB")
    client.force_login(officer)

    response = client.post(reverse("intake:link", args=[referral.reference]), {"family": family.pk})

    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.family == family


def test_a_rejected_suggestion_is_not_made_again(client, referral, officer):
    family = FamilyFactory.create(family_name="Hussain", postcode="LU1 3AB")
    client.force_login(officer)

    client.post(reverse("intake:reject", args=[referral.reference]), {"family": family.pk})

    assert list(match_candidates(referral=referral)) == []
    referral.refresh_from_db()
    assert referral.family is None


def test_with_no_match_the_officer_makes_a_new_record_from_the_referral(client, referral, officer):
    client.force_login(officer)

    client.post(reverse("intake:new_family", args=[referral.reference]))

    referral.refresh_from_db()
    family = referral.family
    assert family is not None
    assert family.family_name == "Hussain"
    assert family.neighbourhood is not None
    assert family.neighbourhood.slug == "south"
    assert list(family.members.order_by("kind").values_list("kind", "given_name")) == [
        (Person.Kind.ADULT, "Nadia"),
        (Person.Kind.CHILD, "Zain"),
    ]


def test_a_referral_already_linked_cannot_get_a_second_family(client, referral, officer):
    client.force_login(officer)
    client.post(reverse("intake:new_family", args=[referral.reference]))

    response = client.post(reverse("intake:new_family", args=[referral.reference]), follow=True)

    assert "already linked" in response.content.decode()
    assert Family.objects.count() == 1


def test_the_referral_page_shows_eligibility_people_and_suggestions_and_is_audited(client, referral, officer):
    FamilyFactory.create(family_name="Hussain", postcode="LU1 3AB")
    client.force_login(officer)

    content = client.get(reverse("intake:detail", args=[referral.reference])).content.decode()

    assert "Zain Hussain" in content
    assert "This is the same family" in content
    assert "Eligible" in content
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="intake.referral").exists()


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.DIRECTORY_OFFICER])
def test_other_roles_cannot_open_or_match_referrals(client, referral, role):
    client.force_login(staff(role))
    assert client.get(reverse("intake:detail", args=[referral.reference])).status_code == 403
    assert client.post(reverse("intake:new_family", args=[referral.reference])).status_code == 403


def test_a_service_manager_can_read_but_not_match(client, referral):
    client.force_login(staff(Role.SERVICE_MANAGER))
    assert client.get(reverse("intake:detail", args=[referral.reference])).status_code == 200
    assert client.post(reverse("intake:new_family", args=[referral.reference])).status_code == 403
