"""The dashboard's queries do not grow with the data: with twice the service, it takes exactly as many."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from family_resources.accounts.models import Team
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.casework.models import Episode
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.reporting.tests.dataset import build_service
from family_resources.reporting.tests.test_views import DASHBOARD_QUERIES

DASHBOARD = reverse("reporting:dashboard")


def queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(DASHBOARD).status_code == 200
    return len(captured.captured_queries)


def test_the_dashboard(client, known, django_assert_max_num_queries):
    client.force_login(known.service_manager)
    client.get(DASHBOARD)  # a session's first request does one-off work: measure from the second
    fewer = queries(client)

    build_service()
    build_service()  # three times the families, appointments, programmes and registers

    assert queries(client) <= fewer
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        client.get(DASHBOARD)


def add_team_with_caseloads(practitioners: int) -> Team:
    """A new neighbourhood team whose practitioners each lead an open family."""
    team = TeamFactory.create()
    for _ in range(practitioners):
        lead = staff(Role.PRACTITIONER, teams=[team])
        OpenEpisodeFactory.create(team=team, lead_practitioner=lead, status=Episode.Status.OPEN)
    return team


def test_more_teams_and_practitioners_cost_no_more_queries(client, known, django_assert_max_num_queries):
    """The caseloads figure reads every team's caseloads at once (casework's `caseloads_by_team`), not a team at a
    time: four more teams, with ten more practitioners, leave the page's count where it was."""
    client.force_login(known.service_manager)
    client.get(DASHBOARD)
    fewer = queries(client)

    new_teams = [add_team_with_caseloads(practitioners) for practitioners in (1, 2, 3, 4)]
    staff(Role.PRACTITIONER, teams=[known.west_team, new_teams[0]])  # in two teams: one row, as before

    assert queries(client) <= fewer
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(DASHBOARD)
    caseloads = response.context["sections"][1][1][1][0]
    assert caseloads.slug == "caseloads"
    assert len(caseloads.rows) == 2 + 1 + 2 + 3 + 4 + 1
    for team in new_teams:
        members = team.memberships.filter(user__role=Role.PRACTITIONER).exclude(user__memberships__team=known.west_team)
        for membership in members:
            assert caseloads.value(membership.user_id, "open_families") == 1
