"""Working days: Monday to Friday, less the bank holidays of the service's part of the UK.

The bank holidays come from the `holidays` library (substitute days included), for the subdivision in
`settings.BANK_HOLIDAYS_SUBDIVISION`: "ENG" for England and Wales, "SCT" for Scotland, "NIR" for Northern Ireland.
Each year's holidays are worked out the first time a day in it is asked about, then kept. Pure: no database.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings

SATURDAY = 5


@lru_cache(maxsize=64)
def _bank_holidays(subdivision: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv=subdivision, years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a bank holiday."""
    return day.weekday() < SATURDAY and day not in _bank_holidays(settings.BANK_HOLIDAYS_SUBDIVISION, day.year)


def bank_holidays_between(first: date, last: date) -> frozenset[date]:
    """The bank holidays from `first` to `last`, both included."""
    subdivision = settings.BANK_HOLIDAYS_SUBDIVISION
    days: set[date] = set()
    for year in range(first.year, last.year + 1):
        days.update(day for day in _bank_holidays(subdivision, year) if first <= day <= last)
    return frozenset(days)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (`start` itself never counts; 0 days is `start`)."""
    if days < 0:
        raise ValueError("add_working_days counts forwards only")
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if is_working_day(current):
            added += 1
    return current
