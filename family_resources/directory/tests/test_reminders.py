"""Reminders before safeguarding evidence runs out, and when it has: each sent once."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from family_resources.directory.services import safeguarding_reminders_send
from family_resources.directory.tests.factories import OrganisationFactory, on_day, vet
from family_resources.notifications.models import Message

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def reminders(template):
    return list(Message.objects.filter(template=template).order_by("created_at"))


def test_an_organisation_is_reminded_30_and_7_days_before_and_told_when_it_has_lapsed():
    expires = TODAY + timedelta(days=40)
    vet(OrganisationFactory.create(name="Play group", account_email="lead@play.example.org"), dbs=expires)

    for days_before, sent in [(31, 0), (30, 1), (29, 0), (7, 1), (1, 0), (0, 0)]:
        with on_day(expires - timedelta(days=days_before)):
            assert safeguarding_reminders_send() == sent, days_before
    with on_day(expires + timedelta(days=1)):
        assert safeguarding_reminders_send() == 1

    due = reminders("safeguarding_evidence_due")
    assert [m.recipient for m in due] == ["lead@play.example.org"] * 2
    assert "DBS checks: in date until" in due[0].body
    lapsed = reminders("safeguarding_evidence_lapsed")
    assert len(lapsed) == 1
    assert "Families can no longer see Play group" in lapsed[0].subject


def test_the_command_sends_nothing_twice(capsys):
    vet(OrganisationFactory.create(), training=TODAY + timedelta(days=3))

    call_command("remind_safeguarding_evidence")
    call_command("remind_safeguarding_evidence")

    assert len(reminders("safeguarding_evidence_due")) == 1
    assert "0 reminder email(s) queued." in capsys.readouterr().out


def test_evidence_far_from_expiry_sends_nothing():
    vet(OrganisationFactory.create())

    assert safeguarding_reminders_send() == 0
