"""Each role's home page shows the work waiting for that role, and nothing from other teams."""

import pytest
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.directory.models import Organisation
from family_resources.intake.tests.factories import ReceivedReferralFactory

pytestmark = pytest.mark.django_db


def _home(signed_in_client, user):
    return signed_in_client(user).get(reverse("accounts:home")).content.decode()


def test_a_practitioner_sees_the_families_they_lead_only(signed_in_client):
    mine = OpenEpisodeFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[mine.team])
    mine.lead_practitioner = practitioner
    mine.save()
    someone_elses = OpenEpisodeFactory.create(team=mine.team)

    content = _home(signed_in_client, practitioner)

    assert mine.family.reference in content
    assert someone_elses.family.reference not in content


def test_a_team_manager_sees_unallocated_families_and_caseloads_of_their_team(signed_in_client):
    team = TeamFactory.create()
    unallocated = OpenEpisodeFactory.create(team=team)
    other_team = OpenEpisodeFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[team], full_name="Priya Practitioner")
    OpenEpisodeFactory.create(team=team, lead_practitioner=practitioner)

    content = _home(signed_in_client, staff(Role.TEAM_MANAGER, teams=[team]))

    assert unallocated.family.reference in content
    assert other_team.family.reference not in content
    assert "Priya Practitioner" in content


def test_the_front_door_queue_lists_undecided_referrals_oldest_first(signed_in_client):
    newer = ReceivedReferralFactory.create()
    older = ReceivedReferralFactory.create(received_at=newer.received_at.replace(year=newer.received_at.year - 1))

    content = _home(signed_in_client, staff(Role.FRONT_DOOR_OFFICER))

    assert content.index(older.reference) < content.index(newer.reference)


def test_the_directory_officer_sees_lapsed_safeguarding_evidence(signed_in_client):
    Organisation.objects.create(name="Lapsed group", safeguarding_evidence_expires_on="2020-01-01")
    Organisation.objects.create(name="Unchecked group")

    content = _home(signed_in_client, staff(Role.DIRECTORY_OFFICER))

    assert "Lapsed group" in content
    assert "Expired" in content
    assert "Not verified" in content
