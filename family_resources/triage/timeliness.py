"""When a decision is due. Pure rules, tested without the database."""

from datetime import datetime, timedelta

WORKING_DAYS = range(0, 5)  # Monday to Friday


def decision_due(
    *, received_at: datetime, immediate_risk: bool, target_hours: int, urgent_target_minutes: int
) -> datetime:
    """Immediate risk: within the urgent target, any day. Otherwise: the target in working hours,
    counting a day as 24 hours and skipping Saturdays and Sundays."""
    if immediate_risk:
        return received_at + timedelta(minutes=urgent_target_minutes)
    due = received_at
    remaining = timedelta(hours=target_hours)
    while remaining > timedelta(0):
        step = min(remaining, timedelta(hours=24))
        due += step
        while due.weekday() not in WORKING_DAYS:
            due += timedelta(days=1)
        remaining -= step
    return due
