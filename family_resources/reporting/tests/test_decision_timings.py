"""Decision timeliness reads each decision's due time from `DecisionTiming` (ADR 0033): the same answers whether
the scheduled refresh has run or not, and never a stale one after a decision changes."""

from datetime import UTC, datetime, timedelta
from importlib import import_module
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.test.utils import override_settings

from family_resources.intake.models import Urgency
from family_resources.reporting.figures import front_door
from family_resources.reporting.figures.monthly import TOTAL
from family_resources.reporting.filters import Filters
from family_resources.reporting.models import DecisionTiming
from family_resources.reporting.tests.dataset import Known
from family_resources.reporting.timings import refresh_timings, timing_for
from family_resources.triage.models import Decision

KEYS = ("within", "outside", TOTAL, "percent_within", "median_hours")


def _answers(known: Known) -> list[list[object]]:
    figure = front_door.decision_timeliness(Filters(date_from=known.last_month, date_to=known.today))
    return [[figure.value(month, key) for key in KEYS] for month in (known.last_month, known.this_month)]


def test_the_refresh_stores_every_timing_and_changes_no_answer(known):
    """The `known` fixture has refreshed; with no timings at all the figure works every one out itself."""
    refreshed = _answers(known)
    assert refreshed[0] == [3, 1, 4, 75.0, 4.0]
    assert DecisionTiming.objects.count() == Decision.objects.count() == 6

    DecisionTiming.objects.all().delete()
    assert _answers(known) == refreshed
    assert not DecisionTiming.objects.exists()  # the figure only reads

    call_command("refresh_decision_timings", stdout=StringIO())  # the scheduled job
    assert DecisionTiming.objects.count() == 6
    assert refresh_timings() == 0  # nothing is out of date
    assert _answers(known) == refreshed


def test_a_changed_decision_is_never_counted_from_its_old_timing(known):
    """R1 was decided 6 hours after it arrived; moved three days on, it misses the target before and after a refresh."""
    decision = Decision.objects.get(referral=known.referrals["R1"])
    Decision.objects.filter(pk=decision.pk).update(decided_at=decision.decided_at + timedelta(days=3))

    changed = _answers(known)
    assert changed[0][:3] == [2, 2, 4]
    assert refresh_timings() == 1
    assert _answers(known) == changed


def test_a_new_target_makes_every_timing_out_of_date(known):
    with override_settings(DECISION_TARGET_HOURS=1):
        strict = _answers(known)
        assert strict[0][:3] == [1, 3, 4]  # only R8, decided in exactly an hour
        assert refresh_timings() == 6
        assert _answers(known) == strict


def test_a_new_bank_holiday_calendar_makes_every_timing_out_of_date(known):
    with override_settings(BANK_HOLIDAYS_SUBDIVISION="SCT"):
        assert refresh_timings() == 6
        assert refresh_timings() == 0


def test_a_timing_skips_the_bank_holidays():
    """Received on Christmas Eve 2026, due on Tuesday 29 December: decided that morning, it is within target."""
    received = datetime(2026, 12, 24, 10, 0, tzinfo=UTC)
    timing = timing_for(decision_id=1, received_at=received, taken=timedelta(days=4, hours=23), urgency=Urgency.ROUTINE)
    assert timing.due_at == datetime(2026, 12, 29, 10, 0, tzinfo=UTC)
    assert timing.decided_at <= timing.due_at


def test_the_migration_for_bank_holidays_clears_the_timings_and_no_answer_changes(known):
    before = _answers(known)
    migration = import_module("family_resources.reporting.migrations.0002_bank_holidays_in_decision_timings")

    migration.clear_decision_timings(apps, None)

    assert not DecisionTiming.objects.exists()
    assert _answers(known) == before
