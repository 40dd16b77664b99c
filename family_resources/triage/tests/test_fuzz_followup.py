"""Generated hostile answers to the public "did you get help?" page a signposted family reaches by link."""

from datetime import timedelta

import pytest
from hypothesis import given

from family_resources.core.tests.fuzzing import FUZZ_SETTINGS, assert_handled, fields_of, hostile_data, send
from family_resources.notifications.models import Message
from family_resources.triage.followup import followups_run
from family_resources.triage.tests.test_followup import link_in, pack  # noqa: F401 (pack is a fixture)

pytestmark = pytest.mark.django_db


def test_the_follow_up_page_answers_hostile_input_without_a_server_error(client, pack):  # noqa: F811
    followups_run(now=pack.created_at + timedelta(days=28))
    url = link_in(Message.objects.get(template="signposting_followup"))
    names = fields_of(client, url)

    @FUZZ_SETTINGS
    @given(data=hostile_data(names))
    def post(data):
        assert_handled(send(client, "POST", url, data), url)

    post()


@FUZZ_SETTINGS
@given(data=hostile_data(["helped", "comments"]))
def test_a_made_up_follow_up_link_answers_without_a_server_error(client, data):
    url = "/help-check/not-a-real-token/"
    assert_handled(send(client, "POST", url, data), url)
