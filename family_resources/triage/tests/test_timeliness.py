"""Decision deadlines: one working day, or one hour at immediate risk. No database."""

from datetime import datetime
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
