"""Every channel lands in one queue: a phone call, an email and an online referral, in the order they need."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.intake import mail
from family_resources.intake.eligibility import Relationship
from family_resources.intake.models import Channel, ContactEmail, Referral, ReferrerType, Urgency
from family_resources.intake.selectors import front_door_queue
from family_resources.intake.services import PersonInput, ReferralInput, referral_submit

pytestmark = pytest.mark.django_db

MAIL = Path(__file__).parent / "mail"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def online_self_referral(*, received_at, urgency=Urgency.ROUTINE):
    referral, _created = referral_submit(
        data=ReferralInput(
            channel=Channel.ONLINE_SELF,
            referrer_type=ReferrerType.SELF,
            concerns="I would like help with my toddler's sleep.",
            people=[PersonInput(Relationship.CHILD, "Rosa", "Example", timezone.localdate() - timedelta(days=800))],
            consent_given=True,
            postcode="LU4 8BW",
            urgency=urgency,
            received_at=received_at,
        )
    )
    return referral


def phone_contact(client, *, urgency):
    client.post(
        reverse("intake:log_contact"),
        {
            "channel": "phone",
            "referrer_type": ReferrerType.HEALTH_VISITOR,
            "referrer_name": "Priya Example",
            "referrer_phone": "01632 960 412",
            "concerns": "Dad called: the baby has bruises he cannot explain.",
            "urgency": urgency,
            "child_given_name": "Noah",
            "consent": "yes",
        },
    )
    return Referral.objects.get(channel=Channel.PHONE)


def test_phone_email_and_online_contacts_share_one_queue_immediate_risk_first_then_oldest(client):
    client.force_login(staff(Role.FRONT_DOOR_OFFICER))
    now = timezone.now()
    # The email's Date header is 18 November 2026; the online referrals come either side of it.
    emailed = mail.contact_email_import(
        raw=(MAIL / "school_with_attachments.eml").read_bytes(), source=ContactEmail.Source.DROP_FOLDER
    )[0].referral
    older_online = online_self_referral(received_at=emailed.received_at - timedelta(days=1))
    newer_online = online_self_referral(received_at=now - timedelta(hours=2))
    phoned = phone_contact(client, urgency=Urgency.IMMEDIATE_RISK)

    queue = list(front_door_queue())

    assert queue == [phoned, older_online, emailed, newer_online]
    assert phoned.received_at > newer_online.received_at, "immediate risk goes first even though it is newest"
    assert {referral.channel for referral in queue} == {Channel.PHONE, Channel.EMAIL, Channel.ONLINE_SELF}


def test_the_officers_home_page_shows_contacts_from_every_channel(client):
    client.force_login(staff(Role.FRONT_DOOR_OFFICER))
    emailed = mail.contact_email_import(
        raw=(MAIL / "health_visitor_referral.eml").read_bytes(), source=ContactEmail.Source.DROP_FOLDER
    )[0].referral
    online = online_self_referral(received_at=timezone.now() - timedelta(hours=5))
    phoned = phone_contact(client, urgency=Urgency.ROUTINE)

    content = client.get(reverse("accounts:home")).content.decode()

    # Find each row by its link: the success message after logging the call also names the phoned reference.
    links = [f'href="{reverse("intake:detail", args=[r.reference])}"' for r in (emailed, online, phoned)]
    positions = [content.index(link) for link in links]
    assert positions == sorted(positions)
    assert "Email \u2013 Other professional" in content
    assert "Phone \u2013 Health visitor" in content
