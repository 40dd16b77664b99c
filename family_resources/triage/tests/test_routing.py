"""The routing rules, tested without the database."""

import pytest

from family_resources.triage.routing import Route, route_for


@pytest.mark.parametrize(
    ("level", "immediate_risk", "open_to_social_care", "expected"),
    [
        (1, False, False, Route.SIGNPOSTED),
        (2, False, False, Route.SIGNPOSTED),
        (3, False, False, Route.ACCEPTED),
        (3, False, True, Route.ACCEPTED),
        (4, False, False, Route.SOCIAL_CARE),
        (4, False, True, Route.ACCEPTED),
        (1, True, False, Route.SOCIAL_CARE),
        (2, True, True, Route.SOCIAL_CARE),
        (3, True, False, Route.SOCIAL_CARE),
        (4, True, True, Route.SOCIAL_CARE),
    ],
)
def test_route_follows_the_service_model(level, immediate_risk, open_to_social_care, expected):
    assert route_for(level=level, immediate_risk=immediate_risk, open_to_social_care=open_to_social_care) == expected


@pytest.mark.parametrize("level", [0, 5, -1])
def test_a_level_outside_1_to_4_is_refused(level):
    with pytest.raises(ValueError, match="Threshold level"):
        route_for(level=level, immediate_risk=False, open_to_social_care=False)
