"""notify_email and notify_sms: write the message with the caller's work, send it once that work is committed."""

import logging
from contextlib import suppress
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import transaction
from notifications_python_client.errors import HTTPError

from family_resources.notifications.backends import NotifyBackend, OutboxBackend, get_backend
from family_resources.notifications.models import Channel, Message, MessageStatus
from family_resources.notifications.selectors import messages_regarding
from family_resources.notifications.services import notify_email, notify_sms

pytestmark = pytest.mark.django_db

EMAIL = "sam.example@example.org"
PHONE = "07700 900123"  # Ofcom's range for drama: never a real phone
REFERRAL = ("intake.referral", "REF-ABC123")
NOTIFY_KEY = "test_key-00000000-0000-0000-0000-000000000000-00000000-0000-0000-0000-000000000000"


@pytest.fixture
def notify(settings):
    """Settings for Notify, and its client replaced by a mock that accepts every message."""
    settings.NOTIFY_API_KEY = NOTIFY_KEY
    settings.NOTIFY_EMAIL_TEMPLATE_ID = "email-template-id"
    settings.NOTIFY_SMS_TEMPLATE_ID = "sms-template-id"
    settings.NOTIFY_EMAIL_REPLY_TO_ID = "reply-to-id"
    with mock.patch("family_resources.notifications.backends.NotificationsAPIClient", autospec=True) as client_class:
        client = client_class.return_value
        client.send_email_notification.return_value = {"id": "notify-email-id"}
        client.send_sms_notification.return_value = {"id": "notify-sms-id"}
        yield client_class


def http_error(status_code, error="BadRequestError"):
    response = mock.Mock(status_code=status_code)
    response.json.return_value = {
        "status_code": status_code,
        "errors": [{"error": error, "message": f"Can't send to {EMAIL}"}],
    }
    return HTTPError(response=response)


def test_the_outbox_is_the_backend_without_a_notify_key(settings):
    settings.NOTIFY_API_KEY = ""
    assert isinstance(get_backend(), OutboxBackend)


def test_notify_is_the_backend_with_a_key(notify):
    assert isinstance(get_backend(), NotifyBackend)
    notify.assert_called_once_with(NOTIFY_KEY)


def test_the_outbox_marks_an_email_sent_and_keeps_it(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = notify_email(
            to=EMAIL, template="referral_received", context={"reference": "REF-ABC123"}, regarding=REFERRAL
        )

    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.sent_at is not None
    assert message.channel == Channel.EMAIL
    assert message.recipient == EMAIL
    assert message.subject == "We have received your referral – reference REF-ABC123"  # noqa: RUF001 -- GOV.UK style's en dash
    assert "Your reference is REF-ABC123." in message.body
    assert list(messages_regarding(*REFERRAL)) == [message]


def test_the_message_is_queued_until_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = notify_sms(to=PHONE, template="referral_received", context={"reference": "REF-ABC123"})

    assert len(callbacks) == 1
    assert Message.objects.get(pk=message.pk).status == MessageStatus.QUEUED


def test_notify_is_sent_an_email_through_the_generic_template(notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = notify_email(
            to=EMAIL, template="referral_received", context={"reference": "REF-ABC123"}, language="pl"
        )

    notify.return_value.send_email_notification.assert_called_once_with(
        email_address=EMAIL,
        template_id="email-template-id",
        personalisation={"subject": message.subject, "body": message.body},
        reference=f"message-{message.pk}",
        email_reply_to_id="reply-to-id",
    )
    message.refresh_from_db()
    assert message.language == "pl"
    assert message.subject.startswith("Otrzymaliśmy Twoje zgłoszenie")
    assert message.status == MessageStatus.SENT
    assert message.provider_reference == "notify-email-id"


def test_notify_is_sent_a_text_message_with_the_body_only(notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = notify_sms(to=PHONE, template="referral_received", context={"reference": "REF-ABC123"})

    notify.return_value.send_sms_notification.assert_called_once_with(
        phone_number=PHONE,
        template_id="sms-template-id",
        personalisation={"body": message.body},
        reference=f"message-{message.pk}",
    )
    message.refresh_from_db()
    assert message.subject == ""
    assert message.status == MessageStatus.SENT
    assert message.provider_reference == "notify-sms-id"


def test_a_notify_error_marks_the_message_failed_without_raising(notify, django_capture_on_commit_callbacks):
    notify.return_value.send_email_notification.side_effect = http_error(400)

    with django_capture_on_commit_callbacks(execute=True):
        message = notify_email(to=EMAIL, template="referral_received", context={"reference": "REF-ABC123"})

    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.error == "Notify 400 BadRequestError"
    assert message.sent_at is None
    assert EMAIL not in message.error


def test_an_unexpected_error_marks_the_message_failed_without_raising(notify, django_capture_on_commit_callbacks):
    notify.return_value.send_sms_notification.side_effect = RuntimeError(f"broke sending to {PHONE}")

    with django_capture_on_commit_callbacks(execute=True):
        message = notify_sms(to=PHONE, template="referral_received", context={"reference": "REF-ABC123"})

    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.error == "Unexpected RuntimeError"


def test_nothing_is_sent_when_the_surrounding_transaction_rolls_back(notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, suppress(RuntimeError), transaction.atomic():
        notify_email(to=EMAIL, template="referral_received", context={"reference": "REF-ABC123"})
        raise RuntimeError("the referral could not be saved")

    assert callbacks == []
    assert not Message.objects.exists()
    notify.return_value.send_email_notification.assert_not_called()


@pytest.mark.parametrize(
    ("send", "to", "error"),
    [
        (notify_email, "not-an-address", "Not a valid email address"),
        (notify_sms, "07700", "Not a valid phone number"),
        (notify_sms, "call me on 07700 900123", "Not a valid phone number"),
    ],
)
def test_a_bad_recipient_is_kept_as_failed_and_never_sent(send, to, error, notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message = send(to=to, template="referral_received", context={"reference": "REF-ABC123"})

    assert callbacks == []
    assert message.status == MessageStatus.FAILED
    assert message.error == error
    notify.return_value.send_email_notification.assert_not_called()
    notify.return_value.send_sms_notification.assert_not_called()


@pytest.mark.parametrize("regarding", [("intake.referral", ""), ("", "REF-ABC123")])
def test_regarding_needs_both_a_type_and_an_id(regarding):
    with pytest.raises(ValueError, match="both a type and an id"):
        notify_email(to=EMAIL, template="referral_received", context={"reference": "REF-ABC123"}, regarding=regarding)
    assert not Message.objects.exists()


def test_logs_name_messages_but_never_their_recipient_or_body(notify, django_capture_on_commit_callbacks, caplog):
    notify.return_value.send_sms_notification.side_effect = http_error(429, "RateLimitError")
    caplog.set_level(logging.DEBUG)

    with django_capture_on_commit_callbacks(execute=True):
        email = notify_email(to=EMAIL, template="referral_received", context={"reference": "REF-ABC123"})
        text = notify_sms(to=PHONE, template="referral_received", context={"reference": "REF-ABC123"})
        notify_email(to="not-an-address", template="referral_received", context={"reference": "REF-ABC123"})

    logged = "\n".join(f"{record.getMessage()} {record.args!r} {record.exc_text or ''}" for record in caplog.records)
    assert f"message {email.pk} template=referral_received status=sent" in logged
    assert f"message {text.pk} template=referral_received status=failed" in logged
    for personal in (EMAIL, PHONE, "not-an-address", email.body, email.subject, text.body):
        assert personal not in logged
    first_line = email.body.splitlines()[0]
    assert first_line not in logged


def test_a_notify_key_without_template_ids_fails_the_system_check(settings):
    settings.NOTIFY_API_KEY = NOTIFY_KEY
    settings.NOTIFY_EMAIL_TEMPLATE_ID = ""
    settings.NOTIFY_SMS_TEMPLATE_ID = "sms-template-id"

    with pytest.raises(SystemCheckError, match="NOTIFY_EMAIL_TEMPLATE_ID"):
        call_command("check")
