"""The database goes away in the middle of sending an online referral (issue 10's fault test)."""

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from family_resources.audit.models import AuditEvent
from family_resources.families.models import Family, Person
from family_resources.intake.journey.state import SESSION_KEY
from family_resources.intake.models import Referral, ReferralPerson
from family_resources.intake.tests.test_journey import walk_to_check_answers
from family_resources.notifications.models import Message

# No test transaction around the request: the service's own transaction is the outermost one, as in production.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHECK = reverse("journey:check")
MODELS = (Referral, ReferralPerson, Family, Person, Message, AuditEvent)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


class DatabaseGoesAway:
    """Lets the referral's own row be written, then fails every statement, as a dropped connection does."""

    def __init__(self, *, writes_only: bool = False) -> None:
        self.failing = False
        self.writes_only = writes_only
        self.referral_written = False

    def __call__(self, execute, sql, params, many, context):
        if self.writes_only and sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise OperationalError("server closed the connection unexpectedly")
        if self.failing:
            raise OperationalError("server closed the connection unexpectedly")
        result = execute(sql, params, many, context)
        if sql.lstrip().upper().startswith("INSERT") and '"intake_referral"' in sql:
            self.referral_written = True
            self.failing = True  # mid-transaction: the next statement (a person named, an audit row) fails
        return result


def test_a_referral_sent_while_the_database_fails_shows_try_again_keeps_the_answers_and_leaves_no_rows(
    client, django_capture_on_commit_callbacks
):
    walk_to_check_answers(client)
    answers = client.session[SESSION_KEY]
    before = _counts()

    outage = DatabaseGoesAway()
    with django_capture_on_commit_callbacks(execute=True), connection.execute_wrapper(outage):
        response = client.post(CHECK, {})

    assert outage.referral_written, "the fault must strike after the first row is written"
    assert response.status_code == 503
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert "nothing you typed has been lost" in page
    assert 'action="/refer/check-answers/"' in page
    assert ">Try again<" in page.replace("\n", "").replace("  ", "")
    assert response["Retry-After"]

    # Nothing half-written: the referral's row went with the rest of the transaction.
    assert _counts() == before
    # Nothing typed is lost: the answers are still in the session, and check your answers still shows them.
    assert client.session[SESSION_KEY] == answers
    check_page = client.get(CHECK)
    assert check_page.status_code == 200
    assert "Alex Example" in check_page.content.decode()

    # Trying again once the database is back sends the referral, once.
    with django_capture_on_commit_callbacks(execute=True):
        retry = client.post(CHECK, {})
    assert retry.status_code == 302
    assert retry["Location"] == reverse("journey:confirmation")
    after = _counts()
    assert after["Referral"] == before["Referral"] + 1
    assert after["ReferralPerson"] == before["ReferralPerson"] + 2
    assert after["Message"] == before["Message"] + 1
    referral = Referral.objects.get()
    assert [person.given_name for person in referral.people.all()] == ["Alex", "Sam"]


def test_try_again_sends_back_exactly_what_was_typed_on_an_ordinary_form(client):
    """A form that keeps nothing in the session gets its answers back in the page, to send again."""
    walk_to_check_answers(client)
    outage = DatabaseGoesAway(writes_only=True)
    url = reverse("journey:save")
    with connection.execute_wrapper(outage):
        response = client.post(url, {"email": "alex@example.com", "note": "a <b>b</b> & c"})
    assert response.status_code == 503
    page = response.content.decode()
    assert 'name="email" value="alex@example.com"' in page
    assert 'value="a &lt;b&gt;b&lt;/b&gt; &amp; c"' in page  # escaped, never markup


def test_a_get_that_fails_on_the_database_gets_the_try_again_page_not_a_server_error(client):
    # Was a 500 until the outer DatabaseUnreachableMiddleware: a database down before the view is an outage too.
    client.get(reverse("core:home"))  # the session exists before the outage
    outage = DatabaseGoesAway()
    outage.failing = True
    client.raise_request_exception = False
    with connection.execute_wrapper(outage):
        response = client.get(reverse("core:home"))
    assert response.status_code == 503
    assert response["Retry-After"]
