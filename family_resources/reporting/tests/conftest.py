import pytest

from family_resources.reporting.tests.dataset import Known, build_service


@pytest.fixture
def known(db: None) -> Known:
    """The small hand-made service whose figures the tests know (tests/dataset.py)."""
    return build_service()
