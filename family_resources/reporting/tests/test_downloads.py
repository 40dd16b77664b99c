"""CSV and XLSX downloads of each figure: readable, filtered like the page, and with small numbers hidden."""

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.intake.models import Channel
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.places.models import Neighbourhood
from family_resources.reporting.exports import Table, as_csv
from family_resources.reporting.figures import FIGURES


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def download(client: Client, figure: str, fmt: str, **query: str) -> Any:
    return client.get(reverse("reporting:download", args=[figure, fmt]), query)


def test_a_figure_downloads_as_csv_with_small_numbers_hidden(client, known):
    client.force_login(known.service_manager)

    response = download(client, "contacts-by-channel", "csv", date_from=known.last_month.isoformat())

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="contacts-by-channel-{known.last_month.isoformat()}-to-{known.today.isoformat()}.csv"'
    )
    heading, last, this = read_csv(response.content)
    assert heading[:4] == ["Month", "Online self-referral", "Online professional referral", "Phone"]
    assert heading[-2:] == ["All contacts", "Of which referrals"]
    # 2 online professional, 3 by phone, 1 email, 6 in all; 5 referrals would give away the 1 that was not.
    assert last == [
        known.last_month.strftime("%B %Y"), "0", "fewer than 5", "fewer than 5", "fewer than 5", "0", "0", "6",
        "withheld",
    ]  # fmt: skip
    assert this[-2:] == ["fewer than 5", "fewer than 5"]


def test_a_figure_downloads_as_a_spreadsheet(client, known):
    client.force_login(known.service_manager)

    response = download(client, "families-by-team", "xlsx", date_from=known.last_month.isoformat())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Team", "Families accepted", "Families whose support ended", "Families open on the last day"]
    assert ["Central Luton team", 0, 0, 0] in rows  # numbers stay numbers
    assert ["West Luton team", "fewer than 5", "fewer than 5", "fewer than 5"] in rows
    about = [row[0] for row in workbook["About"].iter_rows(values_only=True)]
    assert about[0] == f"From {known.last_month.isoformat()} to {known.today.isoformat()}"
    assert str(about[-1]).startswith("Numbers from 1 to 4 are shown as “fewer than 5”")


def test_numbers_of_five_and_more_are_shown_unless_they_would_give_a_small_one_away(client, db):
    north = Neighbourhood.objects.get(slug="north")
    ReceivedReferralFactory.create_batch(6, channel=Channel.PHONE, neighbourhood=north)
    ReceivedReferralFactory.create_batch(2, channel=Channel.EMAIL, neighbourhood=north)
    client.force_login(staff(Role.SERVICE_MANAGER))

    rows = read_csv(download(client, "contacts-by-channel", "csv").content)

    heading, this_month = rows[0], rows[-1]
    assert this_month[heading.index("All contacts")] == "8"
    assert this_month[heading.index("Of which referrals")] == "8"
    assert this_month[heading.index("Email")] == "fewer than 5"
    # 8 - 6 would give the 2 away, so the smallest other count is withheld with it: here the 6.
    assert this_month[heading.index("Phone")] == "withheld"


def test_the_download_is_filtered_like_the_page(client, known):
    client.force_login(known.service_manager)

    rows = read_csv(
        download(
            client, "caseloads", "csv", neighbourhood=str(known.north.pk), date_from=known.last_month.isoformat()
        ).content
    )

    assert [row[0] for row in rows[1:]] == ["Paul North (North Luton team)"]


def test_a_team_manager_s_download_keeps_to_their_teams(client, known):
    client.force_login(known.north_manager)

    rows = read_csv(download(client, "families-by-team", "csv").content)

    assert [row[0] for row in rows[1:]] == ["North Luton team"]


def test_a_team_page_s_download(client, known):
    client.force_login(known.west_manager)

    response = client.get(reverse("reporting:team_download", args=[known.west_team.pk, "caseloads", "xlsx"]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(f'attachment; filename="team-{known.west_team.pk}-caseloads-')
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Priya West (West Luton team)"]


@pytest.mark.parametrize("slug", list(FIGURES))
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_figure_downloads_in_both_formats(client, db, slug, fmt):
    client.force_login(staff(Role.SERVICE_MANAGER))

    response = download(client, slug, fmt)

    assert response.status_code == 200
    if fmt == "csv":
        assert len(read_csv(response.content)) >= 1
    else:
        assert load_workbook(io.BytesIO(response.content)).worksheets[0].max_row >= 1


def test_an_unknown_figure_or_format_is_not_found(client, db):
    client.force_login(staff(Role.SERVICE_MANAGER))

    assert download(client, "no-such-figure", "csv").status_code == 404
    assert download(client, "caseloads", "pdf").status_code == 404


def test_a_download_with_wrong_filters_goes_back_to_the_page_to_show_why(client, db):
    client.force_login(staff(Role.SERVICE_MANAGER))

    response = download(client, "caseloads", "csv", date_from="not a date")

    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:dashboard") + "?date_from=not+a+date"


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_made_plain():
    content = as_csv(Table(title="T", headings=["Name", "n"], rows=[['=HYPERLINK("x")', 3], ["-1 team", 0]]))

    rows = read_csv(content)
    assert rows[1][0] == '\'=HYPERLINK("x")'
    assert rows[2][0] == "'-1 team"
