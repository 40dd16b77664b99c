"""The public directory search and the Open Referral UK service list cost the same queries for 2 services or 6."""

from datetime import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from family_resources.directory.models import TaxonomyTerm
from family_resources.directory.tests.factories import LocationFactory, ServiceFactory, runs_at, runs_on
from family_resources.places.models import Neighbourhood

pytestmark = pytest.mark.django_db

SEARCH = "/directory/"
ORUK_SERVICES = "/api/oruk/services"
# The form's needs and areas, the count, one page of services and their timetables: 5; a postcode adds its lookup.
# A result shows no categories or places, so the search reads none (the service's own page does).
SEARCH_QUERIES = 6
ORUK_SERVICES_QUERIES = 5


def add_services(count: int) -> None:
    """Services with every related record a listing might read: categories, a location, a timetable."""
    west = Neighbourhood.objects.get(slug="west")
    for _ in range(count):
        service = ServiceFactory.create(neighbourhood=west, languages=["en", "ur"])
        service.categories.set(TaxonomyTerm.objects.order_by("pk")[:2])
        runs_at(service, LocationFactory.create(organisation=service.organisation, neighbourhood=west))
        runs_on(service, 0, time(9, 30), time(11, 0))
        runs_on(service, 2, time(13, 0), time(14, 0))


def queries(client: Client, url: str, query: dict[str, str]) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, query).status_code == 200
    return len(captured.captured_queries)


def grows(client: Client, url: str, query: dict[str, str]) -> tuple[int, int]:
    add_services(2)
    fewer = queries(client, url, query)
    add_services(4)
    return fewer, queries(client, url, query)


@pytest.mark.parametrize("query", [{}, {"q": "families", "age": "3", "postcode": "LU4 8BW"}])
def test_the_public_search(client, django_assert_max_num_queries, query):
    fewer, more = grows(client, SEARCH, query)

    assert more <= fewer
    with django_assert_max_num_queries(SEARCH_QUERIES):
        client.get(SEARCH, query)


def test_the_oruk_service_list(client, django_assert_max_num_queries):
    fewer, more = grows(client, ORUK_SERVICES, {})

    assert more <= fewer
    with django_assert_max_num_queries(ORUK_SERVICES_QUERIES):
        client.get(ORUK_SERVICES)
