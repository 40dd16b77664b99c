"""Generated hostile searches of the resource centre: never a server error."""

import pytest
from django.urls import reverse
from hypothesis import given

from family_resources.core.tests.fuzzing import FUZZ_SETTINGS, assert_handled, fields_of, hostile_data, send

pytestmark = pytest.mark.django_db

LIST = reverse("resources:list")


def test_the_resource_search_answers_hostile_input_without_a_server_error(client):
    names = fields_of(client, LIST)

    @FUZZ_SETTINGS
    @given(data=hostile_data([*names, "page"]))
    def search(data):
        assert_handled(send(client, "GET", LIST, data), LIST)

    search()
