"""Hostile input for the public forms' fuzz tests (`test_fuzz_*.py` in each app), and what every answer must be.

Whatever a stranger types or sends, a public page answers with a 4xx, a redirect or the page again with
the GOV.UK error summary: never a server error. The field names come from the page itself, so a field
added to a form is fuzzed without anyone editing its test.
"""

import re
from typing import Any

from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Bounded so the whole suite stays quick; function-scoped fixtures (client, db) are shared by the examples
# on purpose: a session carried from one example to the next is part of what is being tested.
FUZZ_SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Strings that have broken web forms before: NUL (PostgreSQL refuses it), control characters, markup and
# template syntax, SQL, numbers too big for any column, impossible dates, right-to-left and full-width digits.
NASTY = [
    "\x00",
    "a\x00b",
    "\x1b[31m\x07\x08",
    "\r\n\r\n",
    "<script>alert(1)</script>",
    "{{ 7*7 }}{% debug %}",
    "%(name)s %s {0}",
    "' OR 1=1 --",
    "../../../etc/passwd",
    "99999999999999999999999999",
    "-1",
    "1e309",
    "NaN",
    "2026-02-30",
    "٣٤",
    "\uff11\uff12",  # full-width digits
    "\u202ethe other way\u202c",
    "\ufeff",
    " ",
]

# Any text UTF-8 can carry (a browser cannot send lone surrogates either).
_unicode = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
_huge = st.integers(min_value=1_000, max_value=60_000).map(lambda size: "x" * size)
hostile_text = st.one_of(_unicode, st.sampled_from(NASTY), _huge, st.integers().map(str))
# A field may come once, several times (a list) or empty.
hostile_value = st.one_of(hostile_text, st.lists(hostile_text, min_size=0, max_size=3))

_NAME = re.compile(r'<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"')
NOT_FIELDS = {"csrfmiddlewaretoken"}


def field_names(html: str) -> list[str]:
    """The names of a page's form fields, as a browser would send them."""
    return sorted({name for name in _NAME.findall(html) if name not in NOT_FIELDS})


def hostile_data(names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Some of the form's fields (any may be missing) with hostile values, and perhaps fields it never asked for."""
    known = st.fixed_dictionaries({}, optional=dict.fromkeys(names, hostile_value))
    extra = st.dictionaries(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20),
                            hostile_text, max_size=2)  # fmt: skip
    return st.tuples(known, extra).map(lambda pair: {**pair[1], **pair[0]})


def fields_of(client: Client, url: str, *, expect_fields: bool = True) -> list[str]:
    """The fields of the form on the page at `url`; a form that is only a button has none (`expect_fields=False`)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    names = field_names(response.content.decode())
    assert names or not expect_fields, f"{url} shows no form fields to fuzz"
    return names


def send(client: Client, method: str, url: str, data: dict[str, Any]) -> Any:
    """Send the data as a browser form would; rate limits are reset so that only the input is under test."""
    cache.clear()
    if method == "GET":
        return client.get(url, data)
    return client.post(url, data)


def assert_handled(response: Any, url: str) -> None:
    """No server error, and a page that shows an error against a field also shows the error summary."""
    assert response.status_code < 500, f"{url} answered {response.status_code}"
    if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
        body = response.content.decode()
        if "govuk-error-message" in body:
            assert "govuk-error-summary" in body, f"{url} shows a field error without the error summary"
