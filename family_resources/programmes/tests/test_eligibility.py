"""Who a programme is for, and who completed it: pure rules, no database."""

from datetime import date

import pytest

from family_resources.programmes.eligibility import age_on, completed, eligibility_problems, sessions_needed

STARTS = date(2027, 1, 12)
LABELS = {"health": "Improved mental and physical health", "early_years": "Good early years development"}


def problems(*, born=(), low=None, high=None, needs=(), family_needs=()):
    return eligibility_problems(
        starts_on=STARTS,
        min_child_age=low,
        max_child_age=high,
        programme_needs=needs,
        children_born=born,
        family_needs=family_needs,
        need_labels=LABELS,
    )


@pytest.mark.parametrize(
    ("born", "expected"),
    [(date(2020, 1, 12), 7), (date(2020, 1, 13), 6), (date(2016, 2, 29), 10), (date(2027, 1, 12), 0)],
)
def test_age_counts_a_birthday_on_the_day(born, expected):
    assert age_on(born, STARTS) == expected


def test_a_child_turning_three_on_the_first_day_is_three():
    assert problems(born=[date(2024, 1, 12)], low=3, high=8) == []
    assert problems(born=[date(2024, 1, 13)], low=3, high=8) != []


def test_a_child_is_still_eight_until_their_ninth_birthday():
    assert problems(born=[date(2018, 1, 13)], low=3, high=8) == []
    assert problems(born=[date(2018, 1, 12)], low=3, high=8) != []


def test_one_child_in_range_is_enough_and_unknown_birth_dates_are_skipped():
    assert problems(born=[None, date(2010, 5, 1), date(2022, 5, 1)], low=3, high=8) == []


def test_the_age_error_names_the_range_and_the_start_date():
    (problem,) = problems(born=[date(2010, 5, 1)], low=3, high=8)

    assert problem == (
        "The programme is for children aged 3 to 8 on 12 January 2027, when it starts: no child in the family is."
    )


def test_a_family_with_no_children_cannot_join_a_programme_with_an_age_range():
    assert problems(born=[], high=4)
    assert problems(born=[]) == []


def test_a_programme_for_some_needs_wants_one_of_them_in_the_family():
    assert problems(needs=["health"], family_needs=["housing", "health"]) == []
    (problem,) = problems(needs=["health", "early_years"], family_needs=["housing"])

    assert "Improved mental and physical health, Good early years development" in problem


@pytest.mark.parametrize(
    ("attended", "held", "percent", "expected"),
    [(6, 8, 75, True), (5, 8, 75, False), (8, 10, 75, True), (7, 10, 75, False), (0, 0, 75, False), (1, 1, 100, True)],
)
def test_completion_is_attending_at_least_the_share_of_sessions_held(attended, held, percent, expected):
    assert completed(attended=attended, held=held, percent=percent) is expected


@pytest.mark.parametrize(("held", "needed"), [(8, 6), (10, 8), (1, 1), (0, 0)])
def test_sessions_needed_rounds_up(held, needed):
    assert sessions_needed(held=held, percent=75) == needed
