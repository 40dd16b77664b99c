"""The database is already unreachable when a request starts: the session or the signed-in user is the first
thing to touch it, in the middleware, before any view. The person gets the "try again" page (503), not a 500.
"""

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any
from unittest import mock

import pytest
from django.db import IntegrityError, OperationalError, connection
from django.test import Client
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff

pytestmark = pytest.mark.django_db


def _refuse(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    raise OperationalError("could not connect to server: Connection refused")


@contextmanager
def every_statement_fails() -> Iterator[None]:
    with connection.execute_wrapper(_refuse):
        yield


def no_connection() -> AbstractContextManager[Any]:
    """As when the server is down: opening a cursor cannot connect."""
    return mock.patch.object(
        connection, "ensure_connection", side_effect=OperationalError("could not connect to server")
    )


OUTAGES = [pytest.param(every_statement_fails, id="statements-fail"), pytest.param(no_connection, id="no-connection")]


@pytest.fixture
def signed_in() -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(staff(Role.FRONT_DOOR_OFFICER))
    return client


@pytest.mark.parametrize("outage", OUTAGES)
def test_a_form_sent_while_the_database_is_down_gets_try_again_with_the_answers_kept(signed_in, outage):
    with outage():
        response = signed_in.post(
            reverse("intake:log_contact"), {"summary": "Mum rang about <school> & sleep", "channel": "phone"}
        )

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert "If you go back, your answers are still in the form." in page
    # What was typed comes back in the page, escaped, so "Try again" sends it again.
    assert f'action="{reverse("intake:log_contact")}"' in page
    assert 'name="summary" value="Mum rang about &lt;school&gt; &amp; sleep"' in page
    assert 'name="channel" value="phone"' in page


@pytest.mark.parametrize("outage", OUTAGES)
def test_a_page_opened_while_the_database_is_down_gets_try_again_not_a_server_error(signed_in, outage):
    with outage():
        response = signed_in.get(reverse("accounts:home"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert f'href="{reverse("accounts:home")}"' in page  # "Try again" opens the same page


def test_the_database_back_again_serves_the_page_as_usual(signed_in):
    with every_statement_fails():
        assert signed_in.get(reverse("accounts:home")).status_code == 503
    assert signed_in.get(reverse("accounts:home")).status_code == 200


def test_an_integrity_error_is_still_a_server_error_not_an_outage(signed_in):
    with mock.patch("family_resources.accounts.home.home_page_for", side_effect=IntegrityError("duplicate key")):
        response = signed_in.get(reverse("accounts:home"))
    assert response.status_code == 500
    assert "Retry-After" not in response
