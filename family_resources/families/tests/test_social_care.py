"""The family's social-care status, and the flag triage routes on kept in step with it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.models import Family, SocialCareStatus
from family_resources.families.services import family_create, family_set_social_care_status
from family_resources.families.tests.factories import FamilyFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "open_to_social_care"),
    [
        (SocialCareStatus.NOT_KNOWN, False),
        (SocialCareStatus.PREVIOUSLY_KNOWN, False),
        (SocialCareStatus.OPEN, True),
        (SocialCareStatus.CHILD_IN_NEED, True),
        (SocialCareStatus.CHILD_PROTECTION, True),
        (SocialCareStatus.LOOKED_AFTER, True),
    ],
)
def test_setting_the_status_keeps_open_to_social_care_in_step(status, open_to_social_care):
    family = FamilyFactory.create(open_to_social_care=not open_to_social_care)

    family_set_social_care_status(family=family, status=status)

    family.refresh_from_db()
    assert family.social_care_status == status
    assert family.open_to_social_care is open_to_social_care


def test_an_unknown_status_is_refused():
    with pytest.raises(ValidationError):
        family_set_social_care_status(family=FamilyFactory.create(), status="sometimes")


@pytest.mark.parametrize(("flag", "status"), [(True, SocialCareStatus.OPEN), (False, SocialCareStatus.NOT_KNOWN)])
def test_a_family_created_from_a_referral_gets_a_status_that_matches_its_flag(flag, status):
    family = family_create(family_name="Khan", neighbourhood=None, open_to_social_care=flag)

    assert family.social_care_status == status


def test_the_database_refuses_a_flag_out_of_step_with_the_status():
    family = FamilyFactory.create()

    with pytest.raises(IntegrityError), transaction.atomic():
        Family.objects.filter(pk=family.pk).update(open_to_social_care=True)


def test_a_practitioner_records_a_child_protection_plan(signed_in_client):
    episode = OpenEpisodeFactory.create()
    client = signed_in_client(staff(Role.PRACTITIONER, teams=[episode.team]))
    url = reverse("families:social_care", args=[episode.family.reference])

    response = client.post(url, {"status": SocialCareStatus.CHILD_PROTECTION})

    assert response.status_code == 302
    episode.family.refresh_from_db()
    assert episode.family.open_to_social_care
    assert (
        "Child protection plan"
        in client.get(reverse("families:detail", args=[episode.family.reference])).content.decode()
    )


def test_the_status_page_asks_again_when_nothing_is_chosen(signed_in_client):
    family = FamilyFactory.create()

    response = signed_in_client(staff(Role.FRONT_DOOR_OFFICER)).post(
        reverse("families:social_care", args=[family.reference]), {}
    )

    assert response.status_code == 200
    assert "Choose where the family stands with children&#x27;s social care" in response.content.decode()
