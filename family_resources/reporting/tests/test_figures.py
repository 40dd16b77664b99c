"""Every dashboard figure against the hand-made service in dataset.py, whose answers are known."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from family_resources.catalogue.models import ServiceArea
from family_resources.reporting.figures import FIGURES, casework, community, front_door, outcomes
from family_resources.reporting.figures.monthly import TOTAL
from family_resources.reporting.filters import AgeBand, Filters, Scope
from family_resources.reporting.tests.dataset import Known


@pytest.fixture
def filters(known: Known) -> Filters:
    """Last month and this month, everything in them."""
    return Filters(date_from=known.last_month, date_to=known.today)


def test_every_figure_is_found_by_its_own_slug(known, filters):
    for slug, build in FIGURES.items():
        assert build(filters).slug == slug


def test_contacts_by_channel_count_every_contact_and_which_were_referrals(known, filters):
    figure = front_door.contacts_by_channel(filters)

    assert figure.row_keys() == [known.last_month, known.this_month]
    last, this = known.last_month, known.this_month
    assert [figure.value(last, key) for key in ("phone", "online_professional", "email", TOTAL)] == [3, 2, 1, 6]
    assert figure.value(last, "referrals") == 5  # R4 was closed as not a referral
    assert [figure.value(this, key) for key in ("online_self", "phone", "api", TOTAL, "referrals")] == [1, 1, 1, 3, 3]
    assert figure.value(this, "follow_up") == 0


def test_referrals_by_source_leave_out_contacts_that_were_not_referrals(known, filters):
    figure = front_door.referrals_by_source(filters)

    last, this = known.last_month, known.this_month
    assert [figure.value(last, key) for key in ("school", "health_visitor", "self", "social_care", "gp")] == [
        2,
        1,
        1,
        1,
        0,
    ]
    assert figure.value(last, TOTAL) == 5
    assert [figure.value(this, key) for key in ("self", "school", "other", TOTAL)] == [1, 1, 1, 3]
    # The same referrals as the channel figure's referrals column: one definition, two views of it.
    assert figure.column_values(TOTAL) == front_door.contacts_by_channel(filters).column_values("referrals")


def test_decisions_by_level_and_by_route(known, filters):
    by_level = front_door.decisions_by_level(filters)
    by_route = front_door.decisions_by_route(filters)

    last, this = known.last_month, known.this_month
    assert [by_level.value(last, str(level)) for level in (1, 2, 3, 4)] == [0, 1, 2, 1]
    assert [by_level.value(this, str(level)) for level in (1, 2, 3, 4)] == [0, 0, 1, 1]
    assert [by_route.value(last, key) for key in ("accepted", "signposted", "social_care", TOTAL)] == [3, 1, 0, 4]
    assert [by_route.value(this, key) for key in ("accepted", "signposted", "social_care", TOTAL)] == [1, 0, 1, 2]


def test_time_to_decision_against_the_working_hours_target(known, filters):
    """Last month: 6, 48, 1 and 2 hours; R2's 48 hours from a Tuesday morning missed Wednesday morning's deadline."""
    figure = front_door.decision_timeliness(filters)

    last, this = known.last_month, known.this_month
    assert [figure.value(last, key) for key in ("within", "outside", TOTAL)] == [3, 1, 4]
    assert figure.value(last, "percent_within") == 75.0
    assert figure.value(last, "median_hours") == 4.0
    assert [figure.value(this, key) for key in ("within", "outside", TOTAL, "percent_within")] == [2, 0, 2, 100.0]
    assert figure.value(this, "median_hours") == 0.0
    assert "5 of 6 decisions (83.3%)" in figure.headline
    assert "1.5 hours" in figure.headline


def test_a_month_with_no_decisions_has_no_median_or_percentage(known):
    figure = front_door.decision_timeliness(Filters(date_from=known.this_month, date_to=known.today))
    empty = replace(Filters(date_from=known.this_month, date_to=known.today), neighbourhood_id=known.north.pk + 1000)

    assert figure.value(known.this_month, TOTAL) == 2
    none = front_door.decision_timeliness(empty)
    assert none.value(known.this_month, "percent_within") is None
    assert none.value(known.this_month, "median_hours") is None
    assert none.headline == ""


def test_families_accepted_closed_and_open_by_neighbourhood_team(known, filters):
    figure = casework.families_by_team(filters)

    west, north = known.west_team.pk, known.north_team.pk
    assert [figure.value(west, key) for key in ("accepted", "closed", "open")] == [3, 2, 1]
    assert [figure.value(north, key) for key in ("accepted", "closed", "open")] == [1, 0, 1]
    assert len(figure.rows) == 5  # every neighbourhood team, with or without families
    assert figure.column_values("accepted") == [0, 0, 1, 0, 3]  # Central, East, North, South, West


def test_families_open_on_the_last_day_of_an_earlier_range(known):
    """At the end of last month E1, E3 and E4 were all still open in West, and North had no one yet."""
    figure = casework.families_by_team(Filters(date_from=known.last_month, date_to=_day_before(known.this_month)))

    assert [figure.value(known.west_team.pk, key) for key in ("accepted", "closed", "open")] == [3, 0, 3]
    assert [figure.value(known.north_team.pk, key) for key in ("accepted", "closed", "open")] == [0, 0, 0]


def _day_before(day: date) -> date:
    return day - timedelta(days=1)


def test_caseload_per_practitioner_is_casework_s_own_weighting(known, filters):
    figure = casework.caseloads(filters)

    assert figure.value(known.p1.pk, "open_families") == 1
    assert figure.value(known.p1.pk, "weighting") == 2.0  # E4 is level 4
    assert figure.value(known.p2.pk, "open_families") == 1
    assert figure.value(known.p2.pk, "weighting") == 1.0
    assert "Priya West (West Luton team)" in [row.label for row in figure.rows]


def test_closure_reasons_by_month(known, filters):
    figure = casework.closure_reasons(filters)

    assert figure.value(known.this_month, "outcomes_met") == 1
    assert figure.value(known.this_month, "disengaged") == 1
    assert figure.value(known.this_month, TOTAL) == 2
    assert figure.value(known.last_month, TOTAL) == 0


def test_step_ups_from_the_front_door_and_from_cases(known, filters):
    figure = casework.step_ups(filters)

    assert [figure.value(known.this_month, key) for key in ("front_door", "case", TOTAL)] == [1, 1, 2]
    assert figure.value(known.last_month, TOTAL) == 0


def test_distance_travelled_by_domain_uses_each_outcome_s_last_score(known, filters):
    """Early years went from 3 to 8 at the closing review; health from 4 to 6, achieved at the interim review."""
    figure = outcomes.outcomes_by_domain(filters)

    assert [figure.value("early_years", key) for key in ("outcomes", "achieved", "start", "close", "distance")] == [
        1,
        1,
        3.0,
        8.0,
        5.0,
    ]
    assert [figure.value("health", key) for key in ("outcomes", "achieved", "start", "close", "distance")] == [
        1,
        1,
        4.0,
        6.0,
        2.0,
    ]
    assert figure.value("housing", "outcomes") == 0
    assert figure.value("housing", "distance") is None
    assert len(figure.rows) == 10


def test_distance_travelled_by_intervention_counts_an_outcome_once_per_intervention(known, filters):
    figure = outcomes.outcomes_by_intervention(filters)

    one_to_one, group = known.interventions["one_to_one"], known.interventions["group"]
    assert figure.value(one_to_one.pk, "outcomes") == 1  # two actions of the same intervention, one outcome
    assert figure.value(one_to_one.pk, "distance") == 5.0
    assert figure.value(group.pk, "outcomes") == 1
    assert figure.value(group.pk, "distance") == 2.0
    assert len(figure.rows) == 2


def test_outcomes_of_families_still_open_are_not_counted(known):
    """Last month no family's support ended, so there are no outcomes to score."""
    figure = outcomes.outcomes_by_domain(Filters(date_from=known.last_month, date_to=_day_before(known.this_month)))

    assert set(figure.column_values("outcomes")) == {0}
    assert (
        outcomes.outcomes_by_intervention(
            Filters(date_from=known.last_month, date_to=_day_before(known.this_month))
        ).rows
        == ()
    )


def test_signposting_packs_and_their_follow_up(known, filters):
    figure = community.signposting(filters)

    this = known.this_month
    assert [figure.value(this, key) for key in ("front_door", "step_down", TOTAL)] == [1, 1, 2]
    assert [figure.value(this, key) for key in ("helped", "not_helped", "no_answer", "awaiting")] == [1, 0, 0, 1]


def test_needs_with_no_vetted_service_are_the_gaps(known, filters):
    """Teenage needs in North have only a service whose organisation's evidence lapsed; early years in West
    has a vetted local service and school-aged needs a vetted borough-wide one."""
    figure = community.needs_without_service(filters)
    teenage = ServiceArea.objects.get(slug="teenage")

    assert figure.row_keys() == [(known.north.pk, teenage.pk)]
    assert figure.value((known.north.pk, teenage.pk), "families") == 1
    assert figure.rows[0].label == "North Luton: Teenage children"


def test_the_neighbourhood_filter(known, filters):
    north = replace(filters, neighbourhood_id=known.north.pk)

    contacts = front_door.contacts_by_channel(north)
    assert contacts.column_values(TOTAL) == [2, 1]  # R3 and R4; R5
    teams = casework.families_by_team(north)
    assert teams.row_keys() == [known.north_team.pk]
    assert casework.caseloads(north).row_keys() == [known.p2.pk]
    assert casework.step_ups(north).column_values(TOTAL) == [0, 1]  # E2's step-up; R6 was in West


def test_the_service_area_filter(known, filters):
    teenage = replace(filters, service_area_id=ServiceArea.objects.get(slug="teenage").pk)

    assert front_door.contacts_by_channel(teenage).column_values(TOTAL) == [0, 1]  # R5
    assert front_door.decisions_by_level(teenage).column_values("3") == [0, 1]
    assert casework.families_by_team(teenage).value(known.north_team.pk, "accepted") == 1
    assert casework.families_by_team(teenage).value(known.west_team.pk, "accepted") == 0
    early_years = replace(filters, service_area_id=ServiceArea.objects.get(slug="early-years").pk)
    assert community.needs_without_service(early_years).rows == ()


def test_the_child_s_age_band_filter(known, filters):
    teenagers = replace(filters, age_band=AgeBand.SECONDARY)
    under_fives = replace(filters, age_band=AgeBand.UNDER_5)

    assert front_door.contacts_by_channel(teenagers).column_values(TOTAL) == [0, 1]  # R5's child is 15
    assert front_door.contacts_by_channel(under_fives).column_values(TOTAL) == [2, 0]  # R1 (2) and R9 (3)
    assert casework.families_by_team(under_fives).value(known.west_team.pk, "accepted") == 2
    assert outcomes.outcomes_by_domain(under_fives).value("early_years", "outcomes") == 1
    assert outcomes.outcomes_by_domain(teenagers).value("early_years", "outcomes") == 0


def test_the_date_range_filter(known):
    last_month_only = Filters(date_from=known.last_month, date_to=_day_before(known.this_month))

    contacts = front_door.contacts_by_channel(last_month_only)
    assert contacts.row_keys() == [known.last_month]
    assert contacts.column_values(TOTAL) == [6]
    assert casework.closure_reasons(last_month_only).column_values(TOTAL) == [0]


def test_a_team_manager_s_scope_keeps_to_their_teams_and_neighbourhoods(known, filters):
    north_only = replace(filters, scope=Scope(team_ids=(known.north_team.pk,), neighbourhood_ids=(known.north.pk,)))

    assert front_door.contacts_by_channel(north_only).column_values(TOTAL) == [2, 1]
    assert casework.families_by_team(north_only).row_keys() == [known.north_team.pk]
    assert casework.caseloads(north_only).row_keys() == [known.p2.pk]
    assert casework.closure_reasons(north_only).column_values(TOTAL) == [0, 0]
    assert community.signposting(north_only).column_values(TOTAL) == [0, 0]
    gaps = community.needs_without_service(north_only)
    assert [key[0] for key in gaps.row_keys()] == [known.north.pk]
