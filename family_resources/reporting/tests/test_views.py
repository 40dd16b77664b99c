"""The dashboard page: who may see it, what each manager sees, the filter form, and its cost in queries."""

import pytest
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.reporting.tests.dataset import build_service

DASHBOARD = reverse("reporting:dashboard")
# The dashboard's queries, whatever the amount of data: the session and user, each figure's aggregates
# (about one each), the filter form's choices, and two for every team's caseloads at once (casework's own
# `caseloads_by_team`; one or two per team before, 37 queries in all). Pinned, so that a query per row (N+1)
# fails here. Appointments, group attendance, waiting lists and fill rates add six. Contacts by channel,
# appointments and signposting count their extra columns in the same pass over the rows (four fewer since the
# benchmark). test_query_counts.py checks that more teams and practitioners cost no more.
DASHBOARD_QUERIES = 26


def test_a_service_manager_sees_every_figure(client, known):
    client.force_login(known.service_manager)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    page = response.content.decode()
    for title in (
        "Contacts and referrals by channel",
        "Referrals by source",
        "Threshold decisions by level",
        "Threshold decisions by route",
        "Time from contact to decision",
        "Families accepted, open and closed by neighbourhood team",
        "Caseload per practitioner",
        "Why support ended",
        "Step-ups to children&#x27;s social care",
        "Distance travelled by Supporting Families headline need",
        "Distance travelled by intervention",
        "Signposting packs and follow-up",
        "Needs with no vetted community service in the neighbourhood",
    ):
        assert title in page, title
    assert page.count("<svg") >= 10
    assert "fewer than 5" in page
    assert "North Luton: Teenage children" in page
    assert reverse("reporting:team_dashboard", args=[known.west_team.pk]) in page
    assert reverse("reporting:supporting_families") in page


def test_the_page_says_small_numbers_are_hidden_in_downloads_but_shows_them_exactly(client, known):
    client.force_login(known.service_manager)

    page = client.get(DASHBOARD).content.decode()

    assert "numbers from 1 to 4 are shown as “fewer than 5”" in page
    assert "is “withheld”" in page
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">3</td>' in page


@pytest.mark.parametrize(
    "role", [Role.PRACTITIONER, Role.FRONT_DOOR_OFFICER, Role.DIRECTORY_OFFICER, Role.CONSULTATION_OFFICER]
)
def test_other_roles_are_refused(client, db, role):
    client.force_login(staff(role))

    assert client.get(DASHBOARD).status_code == 403
    assert client.get(reverse("reporting:download", args=["caseloads", "csv"])).status_code == 403
    assert client.get(reverse("reporting:supporting_families")).status_code == 403


def test_signing_in_is_needed(client, db):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert reverse("accounts:sign_in") in response["Location"]


def test_a_team_manager_sees_only_their_own_teams(client, known):
    client.force_login(known.north_manager)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    teams = response.context["sections"][1][1][0][0]  # Neighbourhood teams: families by team
    assert teams.row_keys() == [known.north_team.pk]
    caseloads = response.context["sections"][1][1][1][0]
    assert caseloads.row_keys() == [known.p2.pk]
    page = response.content.decode()
    assert "Priya West" not in page
    assert "These are the figures for your team: North Luton team." in page
    # Only their neighbourhood can be chosen, and the Supporting Families return is the service manager's.
    assert list(response.context["form"].fields["neighbourhood"].queryset) == [known.north]
    assert reverse("reporting:supporting_families") not in page


def test_a_team_manager_cannot_choose_another_team_s_neighbourhood(client, known):
    client.force_login(known.north_manager)

    response = client.get(DASHBOARD, {"neighbourhood": known.west.pk})

    assert response.context["form"].errors["neighbourhood"] == ["Choose a neighbourhood from the list"]
    assert response.context["snapshot"] is None


def test_a_team_page_for_a_manager_of_the_team(client, known):
    client.force_login(known.west_manager)

    response = client.get(reverse("reporting:team_dashboard", args=[known.west_team.pk]))

    assert response.status_code == 200
    assert "Figures for West Luton team" in response.content.decode()
    teams = response.context["sections"][1][1][0][0]
    assert teams.row_keys() == [known.west_team.pk]
    assert "neighbourhood" not in response.context["form"].fields


def test_another_team_s_page_is_refused_and_the_refusal_is_audited(client, known):
    client.force_login(known.north_manager)

    response = client.get(reverse("reporting:team_dashboard", args=[known.west_team.pk]))

    assert response.status_code == 403
    denial = AuditEvent.objects.get(action=AuditAction.DENIED, actor=known.north_manager)
    assert denial.object_type == "accounts.team"
    assert denial.object_id == str(known.west_team.pk)


def test_a_practitioner_is_refused_a_team_s_figures_with_an_audited_denial(client, known):
    client.force_login(known.p1)

    response = client.get(reverse("reporting:team_download", args=[known.west_team.pk, "caseloads", "csv"]))

    assert response.status_code == 403
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, actor=known.p1, object_type="accounts.team").exists()


def test_a_service_manager_may_open_any_team_s_page(client, known):
    client.force_login(known.service_manager)

    assert client.get(reverse("reporting:team_dashboard", args=[known.north_team.pk])).status_code == 200


def test_the_filters_narrow_every_figure(client, known):
    client.force_login(known.service_manager)

    response = client.get(
        DASHBOARD,
        {
            "date_from": known.last_month.isoformat(),
            "date_to": known.today.isoformat(),
            "neighbourhood": known.north.pk,
        },
    )

    filters = response.context["filters"]
    assert filters.neighbourhood_id == known.north.pk
    contacts = response.context["sections"][0][1][0][0]
    assert contacts.column_values("total") == [2, 1]
    # What the manager chose is still in the form.
    page = response.content.decode()
    assert f'value="{known.last_month.isoformat()}"' in page


def test_without_dates_the_page_shows_the_last_twelve_months(client, known):
    client.force_login(known.service_manager)

    filters = client.get(DASHBOARD).context["filters"]

    assert filters.date_to == known.today
    assert filters.date_from.day == 1
    assert (filters.date_to.year - filters.date_from.year) * 12 + filters.date_to.month - filters.date_from.month == 11


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"date_from": "2026-13-01"}, "date_from", "Enter the start date as a real date, like 2026-11-01"),
        (
            {"date_from": "2026-06-01", "date_to": "2026-05-01"},
            "date_to",
            "The end date must be the same as or after the start date",
        ),
        ({"date_from": "2010-01-01", "date_to": "2026-05-01"}, "date_from", "The dates can be at most 10 years apart"),
        ({"age_band": "babies"}, "age_band", "Choose an age band from the list"),
        ({"service_area": "999999"}, "service_area", "Choose a service area from the list"),
    ],
)
def test_filter_errors_are_shown_in_the_error_summary_keeping_what_was_typed(client, db, query, field, message):
    client.force_login(staff(Role.SERVICE_MANAGER))

    response = client.get(DASHBOARD, query)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert f'href="#id_{field}"' in page
    assert "<title>Error: " in page
    assert "Correct the filters to see the figures." in page
    for value in query.values():
        assert value in page


def test_the_dashboard_s_queries_do_not_grow_with_the_data(client, known, django_assert_max_num_queries):
    client.force_login(known.service_manager)
    client.get(DASHBOARD)  # a session's first request does one-off work: measure from the second
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        assert client.get(DASHBOARD).status_code == 200

    build_service()  # a second copy: twice the families, practitioners, outcomes and packs

    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(DASHBOARD)
    families_by_team = response.context["sections"][1][1][0][0]
    assert families_by_team.value(known.west_team.pk, "accepted") == 6
