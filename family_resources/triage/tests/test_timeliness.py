"""Decision deadlines: one working day, or one hour at immediate risk. No database."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from family_resources.triage.timeliness import decision_due

LONDON = ZoneInfo("Europe/London")


def due(received: datetime, *, risk: bool = False) -> datetime:
    return decision_due(received_at=received, immediate_risk=risk, target_hours=24, urgent_target_minutes=60)


def test_a_weekday_contact_is_due_the_next_working_day():
    assert due(datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)) == datetime(2026, 11, 25, 10, 0, tzinfo=LONDON)


def test_a_friday_contact_is_due_on_monday():
    assert due(datetime(2026, 11, 27, 15, 0, tzinfo=LONDON)) == datetime(2026, 11, 30, 15, 0, tzinfo=LONDON)


def test_a_saturday_contact_is_due_on_monday():
    assert due(datetime(2026, 11, 28, 9, 0, tzinfo=LONDON)) == datetime(2026, 11, 30, 9, 0, tzinfo=LONDON)


def test_immediate_risk_is_due_within_the_hour_even_at_the_weekend():
    assert due(datetime(2026, 11, 28, 23, 30, tzinfo=LONDON), risk=True) == datetime(2026, 11, 29, 0, 30, tzinfo=LONDON)


def test_a_contact_on_christmas_eve_is_due_after_the_christmas_bank_holidays():
    # Friday 25 December 2026 and Monday 28 December (for Boxing Day, a Saturday) do not count.
    assert due(datetime(2026, 12, 24, 10, 0, tzinfo=LONDON)) == datetime(2026, 12, 29, 10, 0, tzinfo=LONDON)


def test_a_contact_before_easter_is_due_after_easter_monday():
    assert due(datetime(2027, 3, 25, 10, 0, tzinfo=LONDON)) == datetime(2027, 3, 30, 10, 0, tzinfo=LONDON)


def test_a_friday_contact_before_the_early_may_bank_holiday_is_due_on_tuesday():
    assert due(datetime(2026, 5, 1, 15, 0, tzinfo=LONDON)) == datetime(2026, 5, 5, 15, 0, tzinfo=LONDON)


def test_immediate_risk_is_due_within_the_hour_even_on_christmas_day():
    assert due(datetime(2026, 12, 25, 9, 0, tzinfo=LONDON), risk=True) == datetime(2026, 12, 25, 10, 0, tzinfo=LONDON)


def test_a_day_counts_by_its_date_in_london_when_the_time_is_in_utc():
    # 23:30 UTC on Friday 22 May 2026 is already Saturday in London. A day later is Sunday in London, and
    # Monday 25 May is the spring bank holiday there, so the decision is due at 00:30 on Tuesday, London time.
    received = datetime(2026, 5, 22, 23, 30, tzinfo=UTC)
    assert due(received) == datetime(2026, 5, 26, 0, 30, tzinfo=LONDON)
