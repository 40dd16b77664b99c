"""Due and overdue casework, worked out from dates in one place and pinned at the boundaries."""

from datetime import date, timedelta

import pytest

from family_resources.casework.due import (
    DueKind,
    DueState,
    EpisodeDates,
    OpenAction,
    due_items_for,
    due_state,
    next_review_date,
)

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _timescales(settings):
    settings.CASEWORK_ASSESSMENT_DUE_DAYS = 30
    settings.CASEWORK_PLAN_DUE_DAYS = 10
    settings.CASEWORK_VISIT_INTERVAL_DAYS = {3: 20, 4: 10}
    settings.CASEWORK_DUE_SOON_DAYS = 7


@pytest.mark.parametrize(
    ("due_on", "state"),
    [
        (TODAY - timedelta(days=1), DueState.OVERDUE),
        (TODAY, DueState.DUE_TODAY),
        (TODAY + timedelta(days=1), DueState.DUE_SOON),
        (TODAY + timedelta(days=7), DueState.DUE_SOON),
        (TODAY + timedelta(days=8), DueState.LATER),
    ],
)
def test_an_item_is_overdue_only_from_the_day_after_its_date(due_on, state):
    assert due_state(due_on, TODAY) == state


def test_the_first_review_is_the_interval_after_agreement_then_after_each_review():
    agreed = date(2026, 10, 1)
    assert next_review_date(agreed_on=agreed, last_reviewed_on=None, interval_weeks=6) == date(2026, 11, 12)
    assert next_review_date(agreed_on=agreed, last_reviewed_on=date(2026, 11, 10), interval_weeks=6) == date(
        2026, 12, 22
    )


def _kinds(items):
    return {item.kind: item for item in items}


def test_a_new_episode_needs_its_assessment_within_the_set_days_of_opening():
    dates = EpisodeDates(episode_id=1, opened_on=TODAY - timedelta(days=30), level=3)
    item = _kinds(due_items_for(dates, today=TODAY))[DueKind.ASSESSMENT]
    assert item.due_on == TODAY
    assert item.state == DueState.DUE_TODAY

    a_day_later = EpisodeDates(episode_id=1, opened_on=TODAY - timedelta(days=31), level=3)
    assert _kinds(due_items_for(a_day_later, today=TODAY))[DueKind.ASSESSMENT].overdue


def test_once_the_assessment_is_signed_off_the_plan_falls_due():
    dates = EpisodeDates(
        episode_id=1, opened_on=TODAY - timedelta(days=40), level=3, assessment_signed_off_on=TODAY - timedelta(days=11)
    )
    kinds = _kinds(due_items_for(dates, today=TODAY))
    assert DueKind.ASSESSMENT not in kinds
    assert kinds[DueKind.PLAN].due_on == TODAY - timedelta(days=1)
    assert kinds[DueKind.PLAN].overdue


def test_an_agreed_plan_has_a_review_and_no_plan_item():
    dates = EpisodeDates(
        episode_id=1,
        opened_on=TODAY - timedelta(days=80),
        level=3,
        assessment_signed_off_on=TODAY - timedelta(days=60),
        plan_agreed_on=TODAY - timedelta(weeks=6),
        plan_review_interval_weeks=6,
    )
    kinds = _kinds(due_items_for(dates, today=TODAY))
    assert DueKind.PLAN not in kinds
    assert kinds[DueKind.REVIEW].state == DueState.DUE_TODAY

    reviewed = EpisodeDates(**{**dates.__dict__, "last_reviewed_on": TODAY - timedelta(days=1)})
    assert _kinds(due_items_for(reviewed, today=TODAY))[DueKind.REVIEW].due_on == TODAY + timedelta(weeks=6, days=-1)


@pytest.mark.parametrize(("level", "interval"), [(3, 20), (4, 10)])
def test_visits_fall_due_more_often_at_level_4(level, interval):
    allocated = TODAY - timedelta(days=interval)
    dates = EpisodeDates(episode_id=1, opened_on=allocated, level=level, allocated_on=allocated)
    assert _kinds(due_items_for(dates, today=TODAY))[DueKind.VISIT].state == DueState.DUE_TODAY

    visited = EpisodeDates(**{**dates.__dict__, "last_visit_on": TODAY - timedelta(days=1)})
    assert _kinds(due_items_for(visited, today=TODAY))[DueKind.VISIT].due_on == TODAY + timedelta(days=interval - 1)


def test_an_unallocated_family_has_no_visit_clock():
    dates = EpisodeDates(episode_id=1, opened_on=TODAY, level=3)
    assert DueKind.VISIT not in _kinds(due_items_for(dates, today=TODAY))


def test_open_plan_actions_are_listed_with_their_own_dates_soonest_first():
    dates = EpisodeDates(
        episode_id=1,
        opened_on=TODAY - timedelta(days=5),
        level=3,
        open_actions=(
            OpenAction(2, "Plan action: Incredible Years", TODAY + timedelta(days=3)),
            OpenAction(1, "Plan action: Solihull", TODAY - timedelta(days=2)),
        ),
    )
    items = due_items_for(dates, today=TODAY)
    actions = [item for item in items if item.kind == DueKind.ACTION]
    assert [a.label for a in actions] == ["Plan action: Solihull", "Plan action: Incredible Years"]
    assert actions[0].overdue
    assert items == sorted(items, key=lambda item: item.due_on)
