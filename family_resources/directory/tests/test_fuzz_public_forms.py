"""Generated hostile input to the directory's public forms: search, "my service has stopped", asking to be
listed, the organisation's sign-in and its own pages. Never a server error; errors shown with the summary."""

from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from family_resources.core.tests.fuzzing import FUZZ_SETTINGS, assert_handled, fields_of, hostile_data, send
from family_resources.directory.tests.factories import ServiceFactory, VettedOrganisationFactory
from family_resources.directory.tests.test_organisations import sign_in

pytestmark = pytest.mark.django_db

ANYONE = [
    ("GET", reverse("directory:search")),
    ("GET", reverse("directory:stopped")),
    ("POST", reverse("directory:apply")),
    ("POST", reverse("directory:sign_in")),
]


@pytest.mark.parametrize(("method", "url"), ANYONE)
def test_a_public_directory_form_answers_hostile_input_without_a_server_error(client, method, url):
    names = fields_of(client, url)

    @FUZZ_SETTINGS
    @given(data=hostile_data(names))
    def submit(data):
        assert_handled(send(client, method, url, data), url)

    submit()


@pytest.mark.parametrize("page", ["organisation_edit", "service_add", "service_edit"])
def test_an_organisations_own_forms_answer_hostile_input_without_a_server_error(client, page):
    organisation = VettedOrganisationFactory.create(account_email="lead@group.example.org")
    service = ServiceFactory.create(organisation=organisation)
    sign_in(client, organisation)
    url = reverse(f"directory:{page}", kwargs={"service_uuid": service.uuid} if page == "service_edit" else {})
    names = fields_of(client, url)

    @FUZZ_SETTINGS
    @given(data=hostile_data(names))
    def post(data):
        assert_handled(send(client, "POST", url, data), url)

    post()


@FUZZ_SETTINGS
@given(token=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=200))
def test_a_made_up_sign_in_link_is_refused_without_a_server_error(client, token):
    url = f"/directory/organisation/sign-in/{quote(token, safe='')}/"
    assert_handled(client.post(url), url)
