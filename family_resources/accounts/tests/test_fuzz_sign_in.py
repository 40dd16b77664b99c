"""Generated hostile input to the staff sign-in form, the one staff page open to everyone."""

import pytest
from django.urls import reverse
from hypothesis import given

from family_resources.core.tests.fuzzing import FUZZ_SETTINGS, assert_handled, fields_of, hostile_data, send

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:sign_in")


def test_the_sign_in_form_answers_hostile_input_without_a_server_error(client):
    names = fields_of(client, SIGN_IN)

    @FUZZ_SETTINGS
    @given(data=hostile_data([*names, "next"]))
    def post(data):
        assert_handled(send(client, "POST", SIGN_IN, data), SIGN_IN)

    post()
