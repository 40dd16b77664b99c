"""Generated hostile answers on every page of the online referral journey: never a server error.

Each page is fuzzed from a journey answered up to check your answers, so that every page is open; the
answers a page keeps are then the generated ones, and the next example starts from them.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from family_resources.core.tests.fuzzing import FUZZ_SETTINGS, assert_handled, fields_of, hostile_data, send
from family_resources.intake.tests.test_journey import walk_to_check_answers

pytestmark = pytest.mark.django_db

CHECK = reverse("journey:check")
PARENT_PAGES = [
    *(
        reverse("journey:question", args=[slug])
        for slug in ("who", "about-you", "immediate-risk", "postcode", "address", "language", "concerns", "consent")
    ),
    reverse("journey:people"),
    reverse("journey:person_relationship", args=[1]),
    reverse("journey:person_details", args=[1]),
    reverse("journey:person_remove", args=[0]),
    reverse("journey:save"),
    CHECK,
]
PROFESSIONAL_PAGES = [reverse("journey:question", args=[slug]) for slug in ("your-details", "social-care", "consent")]


@pytest.mark.parametrize(
    ("professional", "url"),
    [(False, url) for url in PARENT_PAGES] + [(True, url) for url in PROFESSIONAL_PAGES],
)
def test_a_journey_page_answers_hostile_input_without_a_server_error(client, professional, url):
    walk_to_check_answers(client, professional=professional)
    names = fields_of(client, url, expect_fields=url != CHECK)  # check your answers is a button: extras only

    @FUZZ_SETTINGS
    @given(data=hostile_data(names))
    def post(data):
        assert_handled(send(client, "POST", url, data), url)

    post()


@FUZZ_SETTINGS
@given(token=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=200))
def test_a_made_up_resume_link_is_refused_without_a_server_error(client, token):
    url = f"/refer/resume/{quote(token, safe='')}/"
    assert_handled(client.get(url), url)
