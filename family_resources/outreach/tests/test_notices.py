"""Notices to service users: who gets one, in which language, by which channel, and never twice."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.consultation.representation import supported_families
from family_resources.consultation.tests.factories import open_childrens_centres
from family_resources.families.tests.factories import FamilyFactory
from family_resources.notifications.models import Message
from family_resources.outreach import selectors
from family_resources.outreach.letters import letters_for
from family_resources.outreach.models import NoticeDelivery, NoticeOptOut
from family_resources.outreach.services import (
    notice_create,
    notice_deliver,
    notice_send,
    unsubscribe_family,
    unsubscribe_token,
)
from family_resources.outreach.tests.factories import service_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return staff(Role.CONSULTATION_OFFICER)


def a_notice(officer, **channels):
    chosen = {"by_email": True, "by_sms": True, "by_letter": True} | channels
    return notice_create(consultation=open_childrens_centres(), by=officer, **chosen)


def outcomes(notice, family):
    return dict(NoticeDelivery.objects.filter(notice=notice, family=family).values_list("channel", "reason"))


def test_service_users_are_families_with_support_open_in_the_last_two_years():
    open_support = service_user()
    recently_closed = service_user(closed_days_ago=100)
    closed_last_year = service_user(closed_days_ago=500)
    long_closed = service_user(closed_days_ago=800)
    never_supported = FamilyFactory.create()

    recipients = set(selectors.notice_recipients())

    assert open_support in recipients
    assert recently_closed in recipients
    assert closed_last_year in recipients
    assert long_closed not in recipients
    assert never_supported not in recipients
    # The same families "who are we not hearing from" compares respondents with.
    assert recipients == set(supported_families())


def test_each_family_gets_the_notice_in_its_language_and_english_where_there_is_no_translation(officer, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("cy", "Cymraeg")]  # offered, but no notice written in Welsh yet
    service_user(preferred_language="pl", contact_email="pl@example.org")
    welsh = service_user(preferred_language="cy", contact_email="cy@example.org")
    notice = a_notice(officer, by_sms=False, by_letter=False)

    notice_deliver(notice_id=notice.pk)

    polish_email = Message.objects.get(recipient="pl@example.org", template="consultation_notice")
    assert polish_email.language == "pl"
    assert "Wyraź swoją opinię" in polish_email.subject
    welsh_email = Message.objects.get(recipient="cy@example.org", template="consultation_notice")
    assert welsh_email.language == "en"
    assert NoticeDelivery.objects.get(notice=notice, family=welsh).language == "en"


def test_emails_carry_an_unsubscribe_link_that_works_without_signing_in(officer: Any, client: Client) -> None:
    family = service_user(contact_email="fam@example.org")
    notice_deliver(notice_id=a_notice(officer, by_sms=False, by_letter=False).pk)
    email = Message.objects.get(recipient="fam@example.org")
    token = unsubscribe_token(family)
    assert f"/events/unsubscribe/{token}/" in email.body

    assert client.get(reverse("outreach:unsubscribe", args=[token])).status_code == 200
    response = client.post(reverse("outreach:unsubscribe", args=[token]))

    assert response.status_code == 200
    assert NoticeOptOut.objects.filter(family=family).exists()
    assert client.get(reverse("outreach:unsubscribe", args=[token + "x"])).status_code == 404
    assert unsubscribe_family(token="made-up") is None


def test_a_family_that_opted_out_is_sent_nothing_by_any_channel(officer):
    family = service_user(contact_email="out@example.org")
    NoticeOptOut.objects.create(family=family)
    notice = a_notice(officer)

    notice_deliver(notice_id=notice.pk)

    assert outcomes(notice, family) == {"email": "opted_out", "sms": "opted_out", "letter": "opted_out"}
    assert not Message.objects.filter(recipient__in=["out@example.org", "07700 900123"]).exists()


def test_a_family_whose_address_is_hidden_is_never_sent_a_letter_but_still_gets_email_and_text(officer):
    hidden = service_user(hidden=True, contact_email="hidden@example.org")
    visible = service_user(contact_email="visible@example.org")
    notice = a_notice(officer)

    notice_deliver(notice_id=notice.pk)

    assert outcomes(notice, hidden) == {"email": "", "sms": "", "letter": "address_hidden"}
    assert outcomes(notice, visible) == {"email": "", "sms": "", "letter": ""}
    letters = letters_for(notice=notice, user=officer)
    assert [letter["family"] for letter in letters] == [visible]
    assert all("Secret Street" not in " ".join(letter["address_lines"]) for letter in letters)


def test_the_reach_log_counts_each_channel_and_why_not(officer):
    service_user(contact_email="a@example.org")
    service_user(contact_email="", contact_phone="")
    service_user(contact_email="b@example.org", address_line="", postcode="")
    notice = a_notice(officer)

    notice_deliver(notice_id=notice.pk)

    counts = {c.channel: c for c in selectors.reach_counts(notice=notice)}
    assert (counts["email"].sent, counts["email"].not_sent) == (2, 1)
    assert counts["email"].reasons == {"No email address": 1}
    assert (counts["sms"].sent, counts["sms"].not_sent) == (2, 1)
    assert (counts["letter"].sent, counts["letter"].not_sent) == (2, 1)
    assert counts["letter"].reasons == {"No address": 1}
    assert selectors.families_reached(notice=notice) == 3


def test_sending_the_same_notice_twice_messages_no_one_twice(officer, django_capture_on_commit_callbacks):
    first = service_user(contact_email="first@example.org")
    notice = a_notice(officer, by_letter=False)
    with django_capture_on_commit_callbacks(execute=True):
        notice_send(notice=notice, by=officer)
    second = service_user(contact_email="second@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        notice_send(notice=notice, by=officer)
    notice_deliver(notice_id=notice.pk)

    assert Message.objects.filter(recipient="first@example.org").count() == 1
    assert Message.objects.filter(recipient="second@example.org").count() == 1
    assert Message.objects.filter(template="consultation_notice", channel="sms").count() == 2
    assert NoticeDelivery.objects.filter(notice=notice).count() == 4
    notice.refresh_from_db()
    assert notice.status == "sent"
    assert {first.pk, second.pk} == set(NoticeDelivery.objects.values_list("family", flat=True))


def test_the_letters_print_as_a_pdf_in_the_familys_language(officer, signed_in_client):
    service_user(preferred_language="ur", contact_email="")
    notice = a_notice(officer, by_email=False, by_sms=False)
    notice_deliver(notice_id=notice.pk)
    letters = letters_for(notice=notice, user=officer)
    assert letters[0]["language"] == "ur"
    assert letters[0]["rtl"]

    response = signed_in_client(officer).get(reverse("outreach_staff:notice_letters", args=[notice.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
