"""The public search: by need or words, child's age, postcode or neighbourhood, day, language and cost."""

from datetime import time

import pytest

from family_resources.directory.models import Organisation, TaxonomyTerm
from family_resources.directory.tests.factories import ServiceFactory, VettedOrganisationFactory, runs_on
from family_resources.places.models import Neighbourhood

pytestmark = pytest.mark.django_db


def found(client, **query):
    """The names of the services the search lists, in order."""
    response = client.get("/directory/", query)
    assert response.status_code == 200
    return [entry.name for entry in response.context["page"].object_list]


@pytest.fixture
def west():
    return Neighbourhood.objects.get(slug="west")


@pytest.fixture
def east():
    return Neighbourhood.objects.get(slug="east")


def test_a_service_for_0_to_5_is_found_for_a_3_year_old_and_not_a_7_year_old(client):
    ServiceFactory.create(name="Toddler group", min_age=0, max_age=5)

    assert found(client, age=3) == ["Toddler group"]
    assert found(client, age=5) == ["Toddler group"]
    assert found(client, age=7) == []


def test_a_service_with_no_age_limits_is_for_every_age(client):
    ServiceFactory.create(name="Family food bank", min_age=None, max_age=None)

    assert found(client, age=0) == found(client, age=17) == ["Family food bank"]


def test_a_postcode_finds_its_neighbourhoods_services_and_the_borough_wide_ones_local_first(client, west, east):
    ServiceFactory.create(name="B West group", neighbourhood=west)
    ServiceFactory.create(name="A Borough-wide group", neighbourhood=None)
    ServiceFactory.create(name="East group", neighbourhood=east)

    response = client.get("/directory/", {"postcode": "lu4 8bw"})  # LU4 8 is a West Luton sector

    assert [entry.name for entry in response.context["page"].object_list] == ["B West group", "A Borough-wide group"]
    assert response.context["neighbourhood"] == west
    assert "Showing services in West Luton first" in response.content.decode()


def test_a_postcode_outside_luton_shows_every_service_and_says_so(client, west):
    ServiceFactory.create(name="West group", neighbourhood=west)

    response = client.get("/directory/", {"postcode": "SW1A 1AA"})

    assert [entry.name for entry in response.context["page"].object_list] == ["West group"]
    assert "That postcode is outside Luton" in response.content.decode()


def test_choosing_a_neighbourhood_works_like_a_postcode(client, west, east):
    ServiceFactory.create(name="West group", neighbourhood=west)
    ServiceFactory.create(name="East group", neighbourhood=east)

    assert found(client, neighbourhood="east") == ["East group"]


def test_a_postcode_that_is_not_a_postcode_is_an_error_that_keeps_the_answers(client):
    response = client.get("/directory/", {"postcode": "not a postcode", "q": "toddler"})

    content = response.content.decode()
    assert "Enter a real postcode, like LU4 8BW" in content
    assert 'value="toddler"' in content
    assert response.context["form"].errors


def test_by_need_finds_the_category_its_children_and_services_in_its_service_area(client):
    play = ServiceFactory.create(name="Messy play")
    play.categories.add(TaxonomyTerm.objects.get(slug="play"))
    programme = ServiceFactory.create(name="Incredible Years course")
    programme.categories.add(TaxonomyTerm.objects.get(slug="incredible-years"))
    older = ServiceFactory.create(name="Youth club", min_age=11, max_age=18)
    older.categories.add(TaxonomyTerm.objects.get(slug="young-people"))

    assert found(client, need="play") == ["Messy play"]
    assert found(client, need="parenting") == ["Incredible Years course"]
    assert found(client, need="young-people") == ["Youth club"]


def test_by_words_in_the_name_description_or_organisation(client):
    ServiceFactory.create(name="Baby massage", organisation=VettedOrganisationFactory.create(name="Mothers' Circle"))
    ServiceFactory.create(name="Youth club", description="Table tennis and cooking.")

    assert found(client, q="massage") == ["Baby massage"]
    assert found(client, q="mothers") == ["Baby massage"]
    assert found(client, q="table tennis") == ["Youth club"]
    assert found(client, q="massage tennis") == []


def test_by_day_of_the_week(client):
    monday = ServiceFactory.create(name="Monday group")
    runs_on(monday, 0)
    saturday = ServiceFactory.create(name="Saturday club")
    runs_on(saturday, 5, time(10, 0), time(12, 0))

    assert found(client, day="5") == ["Saturday club"]
    assert found(client, day="2") == []


def test_by_language(client):
    ServiceFactory.create(name="Urdu group", languages=["en", "ur"])
    ServiceFactory.create(name="English group", languages=["en"])

    assert found(client, language="ur") == ["Urdu group"]


def test_free_or_paid(client):
    ServiceFactory.create(name="Free group", is_free=True)
    ServiceFactory.create(name="Paid group", is_free=False)

    assert found(client, cost="free") == ["Free group"]
    assert found(client, cost="paid") == ["Paid group"]


def test_only_vetted_and_running_services_are_listed(client):
    ServiceFactory.create(name="Vetted")
    ServiceFactory.create(name="Unvetted", organisation=Organisation.objects.create(name="New group"))
    ServiceFactory.create(name="Stopped", status="defunct")
    ServiceFactory.create(name="Closed for now", status="temporarily closed")

    response = client.get("/directory/")

    assert [entry.name for entry in response.context["page"].object_list] == ["Closed for now", "Vetted"]
    assert "Temporarily closed" in response.content.decode()


def test_a_service_page_shows_when_where_cost_and_contact(client, west):
    from family_resources.directory.tests.factories import LocationFactory, runs_at

    service = ServiceFactory.create(
        name="Stay and play",
        neighbourhood=west,
        is_free=False,
        cost_amount="1.50",
        cost_description="per child",
        languages=["en", "pl"],
        phone="01632 960 300",
        contact_name="Jo",
        contact_title="Group leader",
    )
    runs_on(service, 2, time(9, 30), time(11, 30))
    runs_at(service, LocationFactory.create(organisation=service.organisation, accessibility="Step-free entrance."))

    content = client.get(f"/directory/services/{service.uuid}/").content.decode()

    for shown in [
        "Stay and play",
        "Wednesday, 09:30 to 11:30",
        "£1.50 per child",
        "English, Polish",
        "01632 960 300",
        "Jo, Group leader",
        "1 High Street, Luton, LU4 8BW",
        "Step-free entrance.",
        "Up to age 5",
    ]:
        assert shown in content, shown
