import pytest

from family_resources.reporting.tests.dataset import Known, build_service
from family_resources.reporting.timings import refresh_timings


@pytest.fixture
def known(db: None) -> Known:
    """The small hand-made service whose figures the tests know (tests/dataset.py), with the scheduled refresh of
    decision timings run (ADR 0033) as it would have been in service."""
    known = build_service()
    refresh_timings()
    return known
