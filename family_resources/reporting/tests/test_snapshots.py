"""The dashboard's figures are kept in the cache for a few minutes: per filters, scope, team page and language."""

from typing import Any
from unittest import mock

import pytest
from django.core.cache import cache as default_cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from family_resources.reporting import snapshots
from family_resources.reporting.filters import EVERYTHING, Filters
from family_resources.reporting.tests.dataset import Known, build_service
from family_resources.reporting.tests.test_views import DASHBOARD_QUERIES

DASHBOARD = reverse("reporting:dashboard")
# A kept view: the session, the user and the filter form's choices. The tests' cache is in memory; in production
# the database's cache table adds its one read (5 in `make bench`).
KEPT_QUERIES = 4


@pytest.fixture
def kept(settings):
    settings.REPORTING_CACHE_SECONDS = 300


def view(client: Client, query: dict[str, str] | None = None) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(DASHBOARD, query or {})
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_a_second_view_shows_the_kept_figures_without_working_them_out(client, known, kept):
    client.force_login(known.service_manager)
    worked, first = view(client)
    build_service()  # twice the service: the kept figures do not know yet

    queries, second = view(client)

    assert second.context["sections"] is None
    assert second.context["snapshot"].html == first.context["snapshot"].html
    assert second.context["snapshot"].worked_out_at == first.context["snapshot"].worked_out_at
    # The figures' twenty-odd aggregate queries become one read of the cache table (at most).
    assert queries <= worked - 15
    assert queries == KEPT_QUERIES, queries
    page = second.content.decode()
    assert "Worked out at " in page
    assert "Figures are kept for up to 5 minutes, so the newest work can take that long to appear." in page


def test_once_the_kept_figures_expire_the_new_work_is_counted(client, known, kept):
    client.force_login(known.service_manager)
    _n, first = view(client)
    build_service()
    snapshots.kept_figures().clear()  # as when REPORTING_CACHE_SECONDS have passed

    _n, second = view(client)

    assert second.context["sections"] is not None
    assert second.context["snapshot"].html != first.context["snapshot"].html


def test_other_filters_are_worked_out_for_themselves(client, known, kept):
    client.force_login(known.service_manager)
    view(client)

    _n, narrowed = view(client, {"neighbourhood": str(known.west.pk)})

    assert narrowed.context["sections"] is not None
    _n, again = view(client, {"neighbourhood": str(known.west.pk)})
    assert again.context["sections"] is None


def test_a_team_manager_never_sees_figures_kept_for_the_whole_service(client, known, kept):
    client.force_login(known.service_manager)
    _n, service = view(client)
    manager = Client()
    manager.force_login(known.north_manager)

    _n, team = view(manager)

    assert team.context["sections"] is not None
    assert team.context["snapshot"].html != service.context["snapshot"].html


def test_a_team_page_is_kept_apart_from_the_service_page(client, known, kept):
    client.force_login(known.service_manager)
    view(client)

    response = client.get(reverse("reporting:team_dashboard", args=[known.west_team.pk]))

    assert response.context["sections"] is not None
    download = reverse("reporting:team_download", args=[known.west_team.pk, "caseloads", "csv"])
    assert download in response.content.decode()


def test_each_language_has_its_own_kept_figures(known: Known, kept: None) -> None:
    filters = Filters(date_from=known.last_month, date_to=known.today, scope=EVERYTHING)
    english = snapshots.dashboard_snapshot(filters=filters, team=None, query="")

    with translation.override("pl"):
        polish = snapshots.dashboard_snapshot(filters=filters, team=None, query="")

    assert english.sections is not None
    assert polish.sections is not None
    assert snapshots.dashboard_snapshot(filters=filters, team=None, query="").sections is None


def test_the_figures_are_kept_for_the_configured_time(known: Known, settings: Any) -> None:
    settings.REPORTING_CACHE_SECONDS = 120
    filters = Filters(date_from=known.last_month, date_to=known.today, scope=EVERYTHING)

    with mock.patch.object(snapshots.kept_figures(), "set") as kept:
        snapshots.dashboard_snapshot(filters=filters, team=None, query="")

    assert kept.call_args.args[2] == 120


def test_with_no_time_set_nothing_is_kept(client, known, settings):
    settings.REPORTING_CACHE_SECONDS = 0
    client.force_login(known.service_manager)
    view(client)

    queries, response = view(client)

    assert response.context["sections"] is not None
    assert queries == DASHBOARD_QUERIES
    assert "Figures are kept" not in response.content.decode()


def test_the_figures_are_kept_apart_from_the_rate_limits(known: Known, kept: None) -> None:
    filters = Filters(date_from=known.last_month, date_to=known.today, scope=EVERYTHING)
    snapshots.dashboard_snapshot(filters=filters, team=None, query="")

    default_cache.clear()  # culling or clearing the default cache (rate limits, lockouts) leaves them kept

    assert snapshots.dashboard_snapshot(filters=filters, team=None, query="").sections is None
