"""Who may change a family's record, see and change a hidden address, and write letters."""

import pytest
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.tests.factories import HiddenAddressFamilyFactory, ParentLivingElsewhereFactory

pytestmark = pytest.mark.django_db

RULES = ["families.view_family", "families.change_family", "families.view_hidden_address", "families.write_letter"]


@pytest.fixture
def family():
    family = HiddenAddressFamilyFactory.create()
    OpenEpisodeFactory.create(referral__family=family)
    return family


def _closed_team(family):
    team = TeamFactory.create()
    OpenEpisodeFactory.create(
        referral__family=family, team=team, status="closed", closed_on=timezone.localdate(), closure_reason="other"
    )
    return team


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("practitioner in the open team", [True, True, True, True]),
        ("team manager in the open team", [True, True, True, True]),
        ("practitioner after the episode closed", [True, False, False, False]),
        ("practitioner of another team", [False, False, False, False]),
        ("front-door officer", [True, True, False, False]),
        ("service manager", [True, False, False, False]),
        ("administrator", [False, False, False, False]),
    ],
)
def test_the_rules_for_each_kind_of_staff(family, who, expected):
    open_team = family.episodes.get().team
    user = {
        "practitioner in the open team": lambda: staff(Role.PRACTITIONER, teams=[open_team]),
        "team manager in the open team": lambda: staff(Role.TEAM_MANAGER, teams=[open_team]),
        "practitioner after the episode closed": lambda: staff(Role.PRACTITIONER, teams=[_closed_team(family)]),
        "practitioner of another team": lambda: staff(Role.PRACTITIONER, teams=[TeamFactory.create()]),
        "front-door officer": lambda: staff(Role.FRONT_DOOR_OFFICER),
        "service manager": lambda: staff(Role.SERVICE_MANAGER),
        "administrator": lambda: staff(Role.ADMINISTRATOR),
    }[who]()

    assert [user.has_perm(rule, family) for rule in RULES] == expected


def test_a_front_door_officer_changes_an_address_only_while_it_is_not_hidden(family):
    officer = staff(Role.FRONT_DOOR_OFFICER)
    father = ParentLivingElsewhereFactory.create(family=family)

    assert not officer.has_perm("families.change_address", family)
    assert officer.has_perm("families.change_address", father)
    father.address_hidden = True
    assert not officer.has_perm("families.change_address", father)


def test_the_team_may_see_and_change_a_hidden_address_of_a_parent_living_elsewhere(family):
    practitioner = staff(Role.PRACTITIONER, teams=[family.episodes.get().team])
    father = ParentLivingElsewhereFactory.create(family=family, address_hidden=True)

    assert practitioner.has_perm("families.view_hidden_address", father)
    assert practitioner.has_perm("families.change_address", father)
