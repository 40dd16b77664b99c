"""Generated hostile language codes and return addresses for the language switch: never a server error,
and never a redirect to another site."""

from urllib.parse import quote, urlsplit

from hypothesis import given

from family_resources.core.tests.fuzzing import FUZZ_SETTINGS, assert_handled, hostile_text


@FUZZ_SETTINGS
@given(code=hostile_text, next_url=hostile_text)
def test_the_language_switch_answers_hostile_input_without_a_server_error(client, code, next_url):
    url = f"/language/{quote(code, safe='')}/"
    response = client.get(url, {"next": next_url})
    assert_handled(response, url)
    if response.status_code == 302:
        location = response["Location"]
        assert not urlsplit(location).scheme, location
        assert not urlsplit(location).netloc, location
        assert not location.startswith(("//", "/\\", "\\")), location
