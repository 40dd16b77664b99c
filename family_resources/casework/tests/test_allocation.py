"""Allocating a family to a lead practitioner."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.casework.models import Allocation
from family_resources.casework.selectors import team_caseloads
from family_resources.casework.services import episode_allocate
from family_resources.casework.tests.factories import OpenEpisodeFactory

pytestmark = pytest.mark.django_db


def test_a_practitioner_in_the_team_becomes_the_lead():
    episode = OpenEpisodeFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])

    episode_allocate(episode=episode, practitioner=practitioner)

    episode.refresh_from_db()
    assert episode.lead_practitioner == practitioner


def test_a_practitioner_from_another_team_cannot_lead():
    episode = OpenEpisodeFactory.create()
    outsider = staff(Role.PRACTITIONER, teams=[TeamFactory.create()])

    with pytest.raises(ValidationError, match="member of the family's neighbourhood team"):
        episode_allocate(episode=episode, practitioner=outsider)


def test_only_a_practitioner_can_lead():
    episode = OpenEpisodeFactory.create()
    manager = staff(Role.TEAM_MANAGER, teams=[episode.team])

    with pytest.raises(ValidationError, match="Only an active practitioner"):
        episode_allocate(episode=episode, practitioner=manager)


def test_reallocation_needs_a_reason_and_keeps_the_history():
    episode = OpenEpisodeFactory.create()
    first = staff(Role.PRACTITIONER, teams=[episode.team])
    second = staff(Role.PRACTITIONER, teams=[episode.team])
    manager = staff(Role.TEAM_MANAGER, teams=[episode.team])
    episode_allocate(episode=episode, practitioner=first, allocated_by=manager)

    with pytest.raises(ValidationError) as error:
        episode_allocate(episode=episode, practitioner=second, allocated_by=manager)
    assert "reason" in error.value.message_dict

    episode_allocate(episode=episode, practitioner=second, allocated_by=manager, reason="First is on leave.")

    history = list(Allocation.objects.filter(episode=episode).order_by("allocated_at", "id"))
    assert [a.practitioner for a in history] == [first, second]
    assert history[0].ended_at is not None
    assert history[1].ended_at is None
    assert history[1].reason == "First is on leave."
    episode.refresh_from_db()
    assert episode.lead_practitioner == second


def test_caseloads_count_open_families_and_weight_them_by_level():
    episode = OpenEpisodeFactory.create()
    busy = staff(Role.PRACTITIONER, teams=[episode.team], full_name="A Busy")
    staff(Role.PRACTITIONER, teams=[episode.team], full_name="B Free")
    episode_allocate(episode=episode, practitioner=busy)

    loads = {c.practitioner.full_name: (c.open_families, c.weighting) for c in team_caseloads(team_id=episode.team_id)}

    assert loads == {"A Busy": (1, 1.0), "B Free": (0, 0.0)}


def test_the_team_manager_allocates_through_the_page_seeing_caseloads(client):
    episode = OpenEpisodeFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team], full_name="Priya Patel")
    client.force_login(staff(Role.TEAM_MANAGER, teams=[episode.team]))
    url = reverse("casework:allocate", args=[episode.pk])

    page = client.get(url).content.decode()
    assert "Priya Patel (0 open, weighting 0)" in page
    assert "Choose a practitioner" in client.post(url, {}).content.decode()

    client.post(url, {"practitioner": practitioner.pk})

    episode.refresh_from_db()
    assert episode.lead_practitioner == practitioner


def test_a_manager_of_another_team_cannot_allocate(client):
    episode = OpenEpisodeFactory.create()
    client.force_login(staff(Role.TEAM_MANAGER, teams=[TeamFactory.create()]))
    assert client.get(reverse("casework:allocate", args=[episode.pk])).status_code == 403


def test_a_family_in_a_neighbourhood_with_no_team_yet_gets_a_clear_refusal_not_a_crash():
    from family_resources.casework.services.episodes import episode_open
    from family_resources.families.tests.factories import FamilyFactory
    from family_resources.intake.tests.factories import ReceivedReferralFactory
    from family_resources.places.models import Neighbourhood

    new_area = Neighbourhood.objects.create(name="New estate", slug="new-estate")
    referral = ReceivedReferralFactory.create(family=FamilyFactory.create(neighbourhood=new_area))

    with pytest.raises(ValidationError, match="No neighbourhood team works in the family's neighbourhood"):
        episode_open(referral=referral, opened_on=referral.received_at.date())
