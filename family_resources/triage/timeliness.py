"""When a decision is due. Pure rules, tested without the database."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from family_resources.core.working_days import is_working_day


def decision_due(
    *, received_at: datetime, immediate_risk: bool, target_hours: int, urgent_target_minutes: int
) -> datetime:
    """Immediate risk: within the urgent target, any day. Otherwise: the target in working hours,
    counting a day as 24 hours and skipping Saturdays, Sundays and bank holidays (`core.working_days`).
    A day is a working day or not by its date in the service's time zone, whatever zone `received_at` is in."""
    if immediate_risk:
        return received_at + timedelta(minutes=urgent_target_minutes)
    due = received_at
    remaining = timedelta(hours=target_hours)
    while remaining > timedelta(0):
        step = min(remaining, timedelta(hours=24))
        due += step
        while not is_working_day(_service_day(due)):
            due += timedelta(days=1)
        remaining -= step
    return due


def _service_day(moment: datetime) -> date:
    """The day `moment` falls on where the service is (settings.TIME_ZONE): stored times come back in UTC."""
    if timezone.is_naive(moment):
        return moment.date()
    return timezone.localtime(moment, timezone.get_default_timezone()).date()
