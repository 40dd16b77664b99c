"""Officers complete a contact that named nobody, or close one that is not a referral."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.intake.eligibility import EligibilityStatus
from family_resources.intake.models import Referral
from family_resources.intake.selectors import front_door_queue
from family_resources.intake.services import contact_record_unstructured

pytestmark = pytest.mark.django_db


@pytest.fixture
def emailed():
    return contact_record_unstructured(concerns="Please help my family.", received_at=timezone.now())


@pytest.fixture
def officer_client(client):
    client.force_login(staff(Role.FRONT_DOOR_OFFICER))
    return client


def test_adding_the_child_an_email_names_checks_eligibility_again(officer_client, emailed):
    emailed.postcode = "LU2 7AA"
    emailed.save()
    born = (timezone.localdate() - timedelta(days=5 * 365)).isoformat()

    response = officer_client.post(
        reverse("intake:person_add", args=[emailed.reference]),
        {"relationship": "child", "given_name": "Ava", "family_name": "Shah", "date_of_birth": born},
    )

    assert response.status_code == 302
    emailed.refresh_from_db()
    assert [p.given_name for p in emailed.people.all()] == ["Ava"]
    assert emailed.eligibility == EligibilityStatus.ELIGIBLE
    assert emailed in front_door_queue()


def test_adding_a_person_explains_each_problem_and_keeps_what_was_typed(officer_client, emailed):
    response = officer_client.post(
        reverse("intake:person_add", args=[emailed.reference]),
        {"relationship": "unborn", "family_name": "Shah", "date_of_birth": "not a date"},
    )

    content = response.content.decode()
    assert "There is a problem" in content
    assert "Enter the baby&#x27;s due date" in content or "Enter the baby's due date" in content
    assert 'value="Shah"' in content
    assert not emailed.people.exists()


def test_a_bounce_is_closed_as_not_a_referral_and_leaves_the_queue(officer_client, emailed):
    url = reverse("intake:close", args=[emailed.reference])

    assert "Say why this contact is not a referral" in officer_client.post(url, {}).content.decode()
    officer_client.post(url, {"reason": "Automatic delivery failure notice."})

    emailed.refresh_from_db()
    assert emailed.status == Referral.Status.NOT_A_REFERRAL
    assert emailed.closed_reason == "Automatic delivery failure notice."
    assert emailed not in front_door_queue()


@pytest.mark.parametrize("name", ["intake:person_add", "intake:close"])
def test_only_front_door_officers_change_a_contact(client, emailed, name):
    client.force_login(staff(Role.SERVICE_MANAGER))
    assert client.get(reverse(name, args=[emailed.reference])).status_code == 403
