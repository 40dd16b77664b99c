"""Signing in with a one-time code: no account enumeration, expiry, single use, tries and rate limits."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.models import User
from family_resources.families.tests.factories import FamilyFactory
from family_resources.notifications.models import Channel, Message
from family_resources.portal.access import SESSION_FAMILY, SESSION_SEEN
from family_resources.portal.models import SignInCode, SignInThrottle
from family_resources.portal.services.sign_in import CodeProblem, sign_in_code_check, sign_in_code_send
from family_resources.portal.tests.factories import last_code, sign_in

pytestmark = pytest.mark.django_db


def test_a_code_goes_to_the_email_on_the_record_in_the_familys_language(client: Client) -> None:
    FamilyFactory.create(contact_email="anna@example.org", preferred_language="pl")

    response = client.post(reverse("portal:sign_in"), {"contact": "  Anna@Example.org "})

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:code")
    message = Message.objects.get(template="portal_sign_in_code")
    assert message.recipient == "anna@example.org"
    assert message.language == "pl"
    assert "Twój kod" in message.subject
    stored = SignInCode.objects.get()
    assert last_code("anna@example.org") not in stored.code_hash  # only a keyed hash is kept


def test_a_mobile_number_gets_a_text_however_it_is_typed(client: Client) -> None:
    FamilyFactory.create(contact_phone="07700 900123", contact_channel="sms")

    client.post(reverse("portal:sign_in"), {"contact": "+44 7700-900-123"})

    message = Message.objects.get(template="portal_sign_in_code")
    assert message.channel == Channel.SMS
    assert message.recipient == "07700 900123"


def test_unknown_details_get_the_same_page_and_no_message(client: Client) -> None:
    FamilyFactory.create(contact_email="anna@example.org")
    known = Client().post(reverse("portal:sign_in"), {"contact": "anna@example.org"})

    unknown = client.post(reverse("portal:sign_in"), {"contact": "nobody@example.org"})
    page = client.get(reverse("portal:code"))

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert "If the details you gave are the ones we have for your family" in page.content.decode()
    assert Message.objects.filter(template="portal_sign_in_code").count() == 1
    # Any code for the unknown address is simply wrong, as a wrong code for a real one is.
    wrong = client.post(reverse("portal:code"), {"code": "123456"})
    assert "The code is not right" in wrong.content.decode()


def test_two_families_with_the_same_email_get_no_code() -> None:
    FamilyFactory.create(contact_email="shared@example.org")
    FamilyFactory.create(contact_email="shared@example.org")

    result = sign_in_code_send(contact="shared@example.org", ip_address="192.0.2.1")

    assert result.challenge
    assert not result.sent
    assert not Message.objects.exists()


def test_the_right_code_signs_in_once_with_a_new_session_key_and_no_staff_user(client: Client) -> None:
    family = FamilyFactory.create(contact_email="anna@example.org")
    client.post(reverse("portal:sign_in"), {"contact": "anna@example.org"})
    code = last_code("anna@example.org")
    key_before = client.session.session_key

    response = client.post(reverse("portal:code"), {"code": code})

    assert response.status_code == 302
    assert client.session[SESSION_FAMILY] == family.pk
    assert client.session.session_key != key_before
    assert not User.objects.filter(email="anna@example.org").exists()
    assert client.cookies["fr_language"].value == family.preferred_language
    # The staff side still refuses the family.
    assert client.get(reverse("accounts:home"))["Location"].startswith(reverse("accounts:sign_in"))


def test_a_used_code_cannot_be_used_again() -> None:
    FamilyFactory.create(contact_email="anna@example.org")
    result = sign_in_code_send(contact="anna@example.org", ip_address="192.0.2.1")
    code = last_code("anna@example.org")
    sign_in_code_check(challenge=result.challenge, code=code)

    with pytest.raises(CodeProblem) as problem:
        sign_in_code_check(challenge=result.challenge, code=code)

    assert problem.value.reason == "locked"


def test_a_code_runs_out_after_the_set_minutes() -> None:
    FamilyFactory.create(contact_email="anna@example.org")
    sent_at = timezone.now()
    result = sign_in_code_send(contact="anna@example.org", ip_address="192.0.2.1", now=sent_at)
    code = last_code("anna@example.org")

    with pytest.raises(CodeProblem) as problem:
        sign_in_code_check(challenge=result.challenge, code=code, now=sent_at + timedelta(minutes=10, seconds=1))

    assert problem.value.reason == "expired"
    assert sign_in_code_check(challenge=result.challenge, code=code, now=sent_at + timedelta(minutes=9))


@override_settings(PORTAL_CODE_MAX_ATTEMPTS=3)
def test_wrong_codes_use_up_the_tries_and_then_even_the_right_code_fails(client: Client) -> None:
    FamilyFactory.create(contact_email="anna@example.org")
    client.post(reverse("portal:sign_in"), {"contact": "anna@example.org"})
    code = last_code("anna@example.org")
    wrong = "000000" if code != "000000" else "111111"

    first = client.post(reverse("portal:code"), {"code": wrong})
    client.post(reverse("portal:code"), {"code": wrong})
    third = client.post(reverse("portal:code"), {"code": wrong})

    assert "you have 2 more tries" in first.content.decode()
    assert third.status_code == 410
    assert SignInCode.objects.get().attempts == 3
    # A new challenge is needed: the old one is gone from the session, and locked in the database.
    assert client.post(reverse("portal:code"), {"code": code})["Location"] == reverse("portal:sign_in")


@override_settings(PORTAL_CODES_PER_CONTACT_PER_HOUR=3)
def test_codes_are_limited_per_contact(client: Client) -> None:
    FamilyFactory.create(contact_email="anna@example.org")
    for number in range(3):
        # From different addresses: the limit follows the contact, not the network.
        assert not sign_in_code_send(contact="anna@example.org", ip_address=f"192.0.2.{number}").limited

    response = client.post(reverse("portal:sign_in"), {"contact": "ANNA@example.org"})

    assert response.status_code == 200
    assert "You have asked for too many codes" in response.content.decode()
    assert Message.objects.filter(template="portal_sign_in_code").count() == 3
    # An hour later the family can ask again.
    later = timezone.now() + timedelta(hours=1, minutes=1)
    assert not sign_in_code_send(contact="anna@example.org", ip_address="192.0.2.9", now=later).limited


@override_settings(PORTAL_CODES_PER_ADDRESS_PER_HOUR=4)
def test_codes_are_limited_per_network_address_whatever_the_contact() -> None:
    for number in range(4):
        assert not sign_in_code_send(contact=f"guess{number}@example.org", ip_address="198.51.100.7").limited

    assert sign_in_code_send(contact="guess9@example.org", ip_address="198.51.100.7").limited
    assert not sign_in_code_send(contact="guess9@example.org", ip_address="198.51.100.8").limited


def test_the_code_page_needs_a_code_request_first(client: Client) -> None:
    assert client.get(reverse("portal:code"))["Location"] == reverse("portal:sign_in")


def test_an_idle_portal_session_ends(client: Client) -> None:
    FamilyFactory.create(contact_email="anna@example.org")
    sign_in(client, "anna@example.org")
    assert client.get(reverse("portal:home")).status_code == 200
    session = client.session
    session[SESSION_SEEN] = (timezone.now() - timedelta(minutes=21)).timestamp()
    session.save()

    response = client.get(reverse("portal:home"))

    assert response["Location"] == reverse("portal:sign_in")
    assert SESSION_FAMILY not in client.session


def test_signing_out_ends_the_portal_session(client: Client) -> None:
    FamilyFactory.create(contact_email="anna@example.org")
    sign_in(client, "anna@example.org")

    client.post(reverse("portal:sign_out"))

    assert client.get(reverse("portal:home"))["Location"] == reverse("portal:sign_in")


def test_portal_pages_need_a_signed_in_family(client: Client) -> None:
    for name in ("portal:home", "portal:message", "portal:contact_details", "portal:consent_withdraw"):
        assert client.get(reverse(name))["Location"] == reverse("portal:sign_in")


def test_old_codes_and_rate_limit_rows_are_purged() -> None:
    FamilyFactory.create(contact_email="anna@example.org")
    long_ago = timezone.now() - timedelta(days=2)
    sign_in_code_send(contact="anna@example.org", ip_address="192.0.2.1", now=long_ago)
    sign_in_code_send(contact="anna@example.org", ip_address="192.0.2.1")

    call_command("purge_portal_sign_ins", stdout=StringIO())

    assert SignInCode.objects.count() == 1
    assert SignInThrottle.objects.count() == 1
