"""Allocating a family to a lead practitioner."""

import pytest
from django.core.exceptions import ValidationError

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
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
