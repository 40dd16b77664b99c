"""Working days skip Saturdays, Sundays and the bank holidays of the service's part of the UK. Fixed dates only."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from family_resources.core.working_days import add_working_days, bank_holidays_between, is_working_day


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 12, 24), True),  # Thursday before Christmas
        (date(2026, 12, 25), False),  # Christmas Day, a Friday
        (date(2026, 12, 26), False),  # Boxing Day, a Saturday
        (date(2026, 12, 28), False),  # Monday: the substitute for Boxing Day
        (date(2026, 12, 29), True),
        (date(2027, 3, 25), True),  # Thursday before Easter
        (date(2027, 3, 26), False),  # Good Friday
        (date(2027, 3, 29), False),  # Easter Monday
        (date(2027, 3, 30), True),
        (date(2026, 5, 4), False),  # the early May bank holiday, the first Monday in May
        (date(2027, 5, 3), False),
        (date(2026, 5, 5), True),
    ],
)
def test_bank_holidays_in_england_and_wales_are_not_working_days(day, working):
    assert is_working_day(day) is working


def test_a_normal_week_is_monday_to_friday():
    monday = date(2026, 11, 23)
    assert [is_working_day(monday + timedelta(days=n)) for n in range(7)] == [True] * 5 + [False] * 2
    assert add_working_days(monday, 4) == date(2026, 11, 27)
    assert add_working_days(monday, 5) == date(2026, 11, 30)
    assert add_working_days(date(2026, 11, 28), 1) == date(2026, 11, 30)  # from a Saturday


def test_adding_working_days_skips_christmas_and_easter():
    assert add_working_days(date(2026, 12, 23), 2) == date(2026, 12, 29)  # Thursday 24th, then Tuesday 29th
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert add_working_days(date(2027, 3, 25), 1) == date(2027, 3, 30)
    assert add_working_days(date(2026, 5, 1), 1) == date(2026, 5, 5)  # Friday, then over the early May holiday


def test_no_working_days_is_the_same_day_and_counting_backwards_is_refused():
    assert add_working_days(date(2026, 12, 25), 0) == date(2026, 12, 25)
    with pytest.raises(ValueError, match="forwards only"):
        add_working_days(date(2026, 12, 29), -1)


def test_a_council_in_scotland_also_skips_the_second_of_january(settings):
    # 2 January 2027 is a Saturday: Scotland's holiday moves to Monday 4 January, a working day in England.
    assert is_working_day(date(2027, 1, 4))
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)

    settings.BANK_HOLIDAYS_SUBDIVISION = "SCT"

    assert not is_working_day(date(2027, 1, 4))
    assert not is_working_day(date(2026, 1, 2))  # a Friday
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 5)
    assert is_working_day(date(2027, 3, 29))  # Easter Monday is not a bank holiday in Scotland


@given(start=st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)), days=st.integers(1, 30))
def test_the_answer_is_a_working_day_with_exactly_that_many_working_days_counted(start, days):
    end = add_working_days(start, days)
    assert is_working_day(end)
    assert sum(is_working_day(start + timedelta(days=n)) for n in range(1, (end - start).days + 1)) == days


def test_the_bank_holidays_between_two_days_across_a_new_year():
    assert bank_holidays_between(date(2026, 12, 24), date(2027, 1, 4)) == {
        date(2026, 12, 25),
        date(2026, 12, 26),  # Boxing Day is a Saturday...
        date(2026, 12, 28),  # ...so the Monday is its substitute
        date(2027, 1, 1),
    }
    assert bank_holidays_between(date(2027, 1, 2), date(2027, 3, 25)) == frozenset()
