"""Caseload weighting. No database."""

from family_resources.casework.caseload import caseload_weight, episode_weight


def test_a_level_4_family_weighs_twice_a_level_3_family():
    assert episode_weight(4) == 2 * episode_weight(3)


def test_an_episode_with_no_decision_level_counts_once():
    assert episode_weight(None) == 1


def test_a_caseload_adds_its_families_weights():
    assert caseload_weight([3, 4, 4, None]) == 6
    assert caseload_weight([]) == 0
