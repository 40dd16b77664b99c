"""Caseload weighting (no database), and the caseload selectors that apply it: one team, or every team at once."""

import pytest
from django.utils import timezone

from family_resources.accounts.models import Team
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.casework.caseload import caseload_weight, episode_weight, weighted_caseload
from family_resources.casework.models import ClosureReason, Episode
from family_resources.casework.selectors import caseloads_by_team, team_caseloads
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.triage.models import Decision, Route


def test_a_level_4_family_weighs_twice_a_level_3_family():
    assert episode_weight(4) == 2 * episode_weight(3)


def test_an_episode_with_no_decision_level_counts_once():
    assert episode_weight(None) == 1


def test_a_caseload_adds_its_families_weights():
    assert caseload_weight([3, 4, 4, None]) == 6
    assert caseload_weight([]) == 0


def test_counts_by_level_weigh_the_same_as_the_levels_listed():
    assert weighted_caseload({3: 1, 4: 2, None: 1}) == caseload_weight([3, 4, 4, None]) == 6
    assert weighted_caseload({}) == 0


def _lead(team: Team, practitioner: object, level: int | None, *, closed: bool = False) -> Episode:
    episode = OpenEpisodeFactory.create(team=team, lead_practitioner=practitioner)
    if closed:
        episode.status = Episode.Status.CLOSED
        episode.closed_on = timezone.localdate()
        episode.closure_reason = ClosureReason.OUTCOMES_MET
        episode.save(update_fields=["status", "closed_on", "closure_reason"])
    if level is not None:
        Decision.objects.create(
            referral=episode.referral, level=level, route=Route.ACCEPTED, rationale="Test.",
            decided_by=staff(Role.FRONT_DOOR_OFFICER), decided_at=timezone.now(),
        )  # fmt: skip
    return episode


def _teams_with_caseloads(count: int) -> list[Team]:
    """Teams whose practitioners lead open families at levels 3 and 4, and one without a decision level."""
    teams = []
    for n in range(count):
        team = TeamFactory.create()
        busy = staff(Role.PRACTITIONER, teams=[team], full_name=f"A Busy {n}")
        _lead(team, busy, 3)
        _lead(team, busy, 4)
        _lead(team, busy, 4)
        _lead(team, busy, None)
        _lead(team, busy, 4, closed=True)
        staff(Role.PRACTITIONER, teams=[team], full_name=f"B Free {n}")
        staff(Role.PRACTITIONER, teams=[team], full_name=f"C Gone {n}", is_active=False)
        staff(Role.TEAM_MANAGER, teams=[team], full_name=f"D Manager {n}")
        teams.append(team)
    return teams


def _loads(caseloads: list) -> dict[str, tuple[int, float]]:
    return {c.practitioner.full_name: (c.open_families, c.weighting) for c in caseloads}


@pytest.mark.django_db
def test_a_team_s_caseloads_count_open_families_weighted_by_level():
    (team,) = _teams_with_caseloads(1)

    assert _loads(team_caseloads(team_id=team.pk)) == {"A Busy 0": (4, 6.0), "B Free 0": (0, 0.0)}
    assert team_caseloads(team_id=TeamFactory.create().pk) == []


@pytest.mark.django_db
def test_every_team_s_caseloads_are_each_team_s_own(django_assert_num_queries):
    teams = _teams_with_caseloads(3)
    shared = staff(Role.PRACTITIONER, teams=[teams[0], teams[2]], full_name="E Shared")
    _lead(teams[2], shared, 4)

    with django_assert_num_queries(2):
        every = caseloads_by_team()

    mine = [entry for entry in every if entry.team in teams]
    assert [entry.team for entry in mine] == sorted(teams, key=lambda team: team.name)
    for entry in mine:
        assert entry.caseloads == team_caseloads(team_id=entry.team.pk)
    # Looked up by team: the factory's names ("Team 9", "Team 10") need not sort in the order they were made.
    by_team = {entry.team: _loads(entry.caseloads) for entry in mine}
    assert by_team[teams[0]]["E Shared"] == (1, 2.0)  # under each of their teams
    assert by_team[teams[2]]["E Shared"] == (1, 2.0)
    assert "E Shared" not in by_team[teams[1]]


@pytest.mark.django_db
def test_every_team_s_caseloads_cost_two_queries_however_many_teams(django_assert_num_queries):
    _teams_with_caseloads(1)
    with django_assert_num_queries(2):
        caseloads_by_team()
    teams = _teams_with_caseloads(4)

    with django_assert_num_queries(2):
        chosen = caseloads_by_team(teams=Team.objects.filter(pk__in=[team.pk for team in teams[1:]]))

    assert [entry.team for entry in chosen] == sorted(teams[1:], key=lambda team: team.name)
    by_team = {entry.team: _loads(entry.caseloads) for entry in chosen}
    assert all(by_team[team][f"A Busy {n}"] == (4, 6.0) for n, team in enumerate(teams[1:], start=1))
