"""Appointments, group attendance, waiting lists and fill rates against the hand-made service in dataset.py."""

import io
from dataclasses import replace
from datetime import timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from family_resources.catalogue.models import ServiceArea
from family_resources.reporting.figures import programmes, scheduling
from family_resources.reporting.figures.monthly import TOTAL
from family_resources.reporting.filters import AgeBand, Filters, Scope
from family_resources.reporting.tests.dataset import Known
from family_resources.reporting.tests.test_downloads import read_csv


@pytest.fixture
def filters(known: Known) -> Filters:
    """Last month and this month, everything in them."""
    return Filters(date_from=known.last_month, date_to=known.today)


APPOINTMENT_COLUMNS = ("attended", "did_not_attend", TOTAL, "cancelled", "percent_did_not_attend")
MARK_COLUMNS = ("attended", "absent", "apologies", TOTAL, "percent_attended", "percent_did_not_attend")


def values(figure, row, columns):
    return [figure.value(row, column) for column in columns]


def test_appointments_attended_and_missed_each_month_and_the_did_not_attend_rate(known, filters):
    figure = scheduling.appointments(filters)

    assert figure.row_keys() == [known.last_month, known.this_month]
    # Last month: E1 attended, E4 did not come, E1 cancelled (not part of the rate).
    assert values(figure, known.last_month, APPOINTMENT_COLUMNS) == [1, 1, 2, 1, 50.0]
    # This month: E2 attended and missed one, E4 attended; E4's unmarked booking is left out.
    assert values(figure, known.this_month, APPOINTMENT_COLUMNS) == [2, 1, 3, 0, 33.3]


def test_appointments_follow_every_filter(known, filters):
    north = scheduling.appointments(replace(filters, neighbourhood_id=known.north.pk))
    under_fives = scheduling.appointments(replace(filters, age_band=AgeBand.UNDER_5))
    teenage = scheduling.appointments(replace(filters, service_area_id=ServiceArea.objects.get(slug="teenage").pk))
    west_only = scheduling.appointments(replace(filters, scope=Scope(team_ids=(known.west_team.pk,))))

    assert values(north, known.last_month, APPOINTMENT_COLUMNS) == [0, 0, 0, 0, None]
    assert values(north, known.this_month, APPOINTMENT_COLUMNS) == [1, 1, 2, 0, 50.0]
    assert values(under_fives, known.last_month, APPOINTMENT_COLUMNS) == [1, 1, 2, 1, 50.0]  # E1 and E4
    assert values(under_fives, known.this_month, APPOINTMENT_COLUMNS) == [1, 0, 1, 0, 0.0]
    assert values(teenage, known.this_month, APPOINTMENT_COLUMNS) == values(
        north, known.this_month, APPOINTMENT_COLUMNS
    )
    assert values(west_only, known.this_month, APPOINTMENT_COLUMNS) == [1, 0, 1, 0, 0.0]
    this_month_only = scheduling.appointments(Filters(date_from=known.this_month, date_to=known.today))
    assert this_month_only.row_keys() == [known.this_month]


def test_attendance_at_group_sessions_by_month(known, filters):
    figure = programmes.group_attendance(filters)

    assert figure.row_keys() == [known.last_month, known.this_month]
    # Last month: G1's first two sessions (E1, E4 absent, E3; E1 with apologies, E4) and G2's (E2).
    assert values(figure, known.last_month, MARK_COLUMNS) == [4, 1, 1, 6, 66.7, 16.7]
    assert values(figure, known.this_month, MARK_COLUMNS) == [2, 0, 0, 2, 100.0, 0.0]


def test_group_attendance_follows_the_family_s_filters(known, filters):
    north = programmes.group_attendance(replace(filters, neighbourhood_id=known.north.pk))
    under_fives = programmes.group_attendance(replace(filters, age_band=AgeBand.UNDER_5))

    assert values(north, known.last_month, MARK_COLUMNS) == [1, 0, 0, 1, 100.0, 0.0]
    assert values(north, known.this_month, MARK_COLUMNS) == [0, 0, 0, 0, None, None]
    assert values(under_fives, known.last_month, MARK_COLUMNS) == [2, 1, 1, 4, 50.0, 25.0]


def test_waiting_lists_of_programmes_taking_enrolments_today(known, filters):
    figure = programmes.waiting_lists(filters)
    g1, g3 = known.programmes["G1"], known.programmes["G3"]

    # G2 has finished and G4 is a draft: neither has a waiting list.
    assert figure.row_keys() == [g1.pk, g3.pk]
    assert values(figure, g1.pk, ("waiting", "offered", "average_days")) == [2, 1, 7.0]  # 10 and 4 days
    assert values(figure, g3.pk, ("waiting", "offered", "average_days")) == [0, 0, None]
    assert "2 families waiting, for 7.0 days on average" in figure.headline


def test_waiting_lists_are_today_s_whatever_the_dates_and_follow_the_running_team(known, filters):
    long_ago = Filters(date_from=known.last_month - timedelta(days=400), date_to=known.last_month - timedelta(days=300))
    north = programmes.waiting_lists(replace(filters, neighbourhood_id=known.north.pk))
    north_scope = programmes.waiting_lists(replace(filters, scope=Scope(team_ids=(known.north_team.pk,))))

    assert programmes.waiting_lists(long_ago).rows == programmes.waiting_lists(filters).rows
    assert north.rows == north_scope.rows == ()
    assert north.empty_message


def test_group_fill_rates_of_programmes_with_a_session_in_the_range(known, filters):
    figure = programmes.group_fill_rates(filters)
    g1, g2 = known.programmes["G1"], known.programmes["G2"]

    # G3's sessions are all next month; G4 is a draft. G1: two places, and one held for an offer.
    assert figure.row_keys() == [g1.pk, g2.pk]
    assert values(figure, g1.pk, ("places", "taken", "percent_taken")) == [4, 3, 75.0]
    assert values(figure, g2.pk, ("places", "taken", "percent_taken")) == [6, 1, 16.7]
    assert "4 of 10 places taken (40.0%)" in figure.headline


def test_group_fill_rates_follow_the_dates_and_the_running_team_but_not_the_family_s_filters(known, filters):
    this_month = programmes.group_fill_rates(Filters(date_from=known.this_month, date_to=known.today))
    north = programmes.group_fill_rates(replace(filters, neighbourhood_id=known.north.pk))
    west_scope = programmes.group_fill_rates(replace(filters, scope=Scope(team_ids=(known.west_team.pk,))))
    teenagers = programmes.group_fill_rates(replace(filters, age_band=AgeBand.SECONDARY))

    assert this_month.row_keys() == [known.programmes["G1"].pk]
    assert north.row_keys() == [known.programmes["G2"].pk]
    assert west_scope.row_keys() == [known.programmes["G1"].pk]
    assert teenagers.rows == programmes.group_fill_rates(filters).rows


def test_the_dashboard_shows_the_new_figures_and_which_filters_do_not_apply(client, known):
    client.force_login(known.service_manager)

    page = client.get(reverse("reporting:dashboard")).content.decode()

    for title in ("One-to-one appointments", "Attendance at group sessions", "Waiting lists", "Group fill rates"):
        assert title in page
    assert "Groups and programmes" in page
    assert "the service area and the child&#x27;s age band do not change this figure" in page


def test_fill_rates_download_with_small_counts_and_their_rates_hidden(client, known):
    client.force_login(known.service_manager)
    url = reverse("reporting:download", args=["group-fill-rates", "csv"])

    heading, g1, g2 = read_csv(client.get(url, {"date_from": known.last_month.isoformat()}).content)

    assert heading == ["Programme", "Places", "Places taken", "% of places taken"]
    # Places say nothing about families, so they are shown; a small count of places taken is not, nor its rate.
    assert g1 == ["G1", "4", "fewer than 5", "withheld"]
    assert g2 == ["G2", "6", "fewer than 5", "withheld"]


def test_appointments_download_as_xlsx_with_small_numbers_hidden(client, known):
    client.force_login(known.service_manager)
    url = reverse("reporting:download", args=["appointments", "xlsx"])

    response = client.get(url, {"date_from": known.last_month.isoformat()})

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][1:] == ["Attended", "Did not attend", "Appointments due and marked", "Cancelled", "% did not attend"]
    assert rows[1][1:] == ["fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5", "withheld"]
