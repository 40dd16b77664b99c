"""The quarterly Supporting Families return: its figures, the quarter chosen, and its CSV."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse

from family_resources.reporting.supporting_families import (
    Quarter,
    quarter_of,
    recent_quarters,
    supporting_families_return,
)

PAGE = reverse("reporting:supporting_families")
DOWNLOAD = reverse("reporting:supporting_families_download")


@pytest.mark.parametrize(
    ("day", "start", "end", "slug"),
    [
        (date(2026, 4, 1), date(2026, 4, 1), date(2026, 6, 30), "2026-27-q1"),
        (date(2026, 11, 23), date(2026, 10, 1), date(2026, 12, 31), "2026-27-q3"),
        (date(2027, 3, 31), date(2027, 1, 1), date(2027, 3, 31), "2026-27-q4"),
        (date(2026, 7, 1), date(2026, 7, 1), date(2026, 9, 30), "2026-27-q2"),
    ],
)
def test_quarters_follow_the_council_s_financial_year(day, start, end, slug):
    quarter = quarter_of(day)

    assert (quarter.start, quarter.end, quarter.slug) == (start, end, slug)


def test_a_quarter_is_named_for_people_and_the_choices_run_back_from_today():
    assert Quarter(date(2026, 10, 1)).label == "October to December 2026 (2026-27 quarter 3)"
    quarters = recent_quarters(today=date(2026, 11, 23), count=3)
    assert [q.slug for q in quarters] == ["2026-27-q3", "2026-27-q2", "2026-27-q1"]


def test_the_return_reads_families_needs_at_the_start_and_outcomes_achieved(known):
    result = supporting_families_return(quarter=quarter_of(known.today))

    assert result.families_worked_with == 4  # E1, E2, E3 and E4 were all open in the quarter
    # E1's first assessment found early years and health (not housing); E2's first found housing, its
    # second finances, which was not a need at the start.
    assert result.needs_at_start == {"early_years": 1, "health": 1, "housing": 1}
    # E1 closed this quarter with both outcomes achieved, one of them at an earlier review.
    assert result.outcomes_achieved == {"early_years": 1, "health": 1}


def test_a_quarter_with_no_work_is_all_zeros(known):
    result = supporting_families_return(quarter=quarter_of(known.today - timedelta(days=400)))

    assert result.families_worked_with == 0
    assert result.needs_at_start == {}
    assert result.outcomes_achieved == {}
    assert all(at_start == 0 and achieved == 0 for _label, at_start, achieved in result.rows())


def test_the_page_shows_the_return_for_the_quarter_chosen(client, known):
    client.force_login(known.service_manager)
    quarter = quarter_of(known.today)

    response = client.get(PAGE, {"quarter": quarter.slug})

    assert response.status_code == 200
    page = response.content.decode()
    assert "4 families were worked with in the quarter." in page
    assert "Good early years development" in page
    assert f"{DOWNLOAD}?quarter={quarter.slug}" in page


def test_the_page_asks_for_a_quarter_from_its_list(client, known):
    client.force_login(known.service_manager)

    response = client.get(PAGE, {"quarter": "1999-00-q1"})

    assert response.context["form"].errors["quarter"] == ["Choose a quarter from the list"]
    assert "govuk-error-summary" in response.content.decode()
    assert response.context["result"] is None


def test_the_csv_is_shaped_for_the_national_return_with_small_numbers_hidden(client, known):
    client.force_login(known.service_manager)
    quarter = quarter_of(known.today)

    response = client.get(DOWNLOAD, {"quarter": quarter.slug})

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="supporting-families-{quarter.slug}.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 21  # families worked with, then each of the ten headline needs twice
    first = rows[0]
    assert first == {
        "period_start": quarter.start.isoformat(),
        "period_end": quarter.end.isoformat(),
        "financial_year": quarter.financial_year,
        "quarter": str(quarter.number),
        "measure": "families_worked_with",
        "headline_need_code": "",
        "headline_need": "",
        "families": "fewer than 5",
    }
    needs = {row["headline_need_code"]: row["families"] for row in rows if row["measure"] == "need_identified_at_start"}
    assert needs["early_years"] == "fewer than 5"
    assert needs["education"] == "0"
    achieved = {row["headline_need_code"]: row for row in rows if row["measure"] == "outcome_achieved"}
    assert achieved["health"]["headline_need"] == "Improved mental and physical health"
    assert achieved["health"]["families"] == "fewer than 5"


def test_a_wrong_quarter_in_the_download_link_goes_back_to_the_page(client, known):
    client.force_login(known.service_manager)

    response = client.get(DOWNLOAD, {"quarter": "nonsense"})

    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}?quarter=nonsense"


def test_only_a_service_manager_makes_the_return(client, known):
    client.force_login(known.west_manager)

    assert client.get(PAGE).status_code == 403
    assert client.get(DOWNLOAD, {"quarter": quarter_of(known.today).slug}).status_code == 403
