"""Sending email and text messages to families and referrers.

Other apps call `notify_email` and `notify_sms` from inside their own services. The message
row is written in the caller's transaction, and handed to the provider only once that
transaction commits: a referral that rolls back sends nothing. A provider's failure is
recorded on the message and never reaches the caller.
"""

import logging
import re
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from family_resources.notifications.backends import DeliveryError, get_backend
from family_resources.notifications.models import Channel, Message, MessageStatus
from family_resources.notifications.rendering import render_message

# Log a message's id, template and status only: never its recipient or body.
logger = logging.getLogger(__name__)

_PHONE_CHARACTERS = re.compile(r"\+?[0-9 ()\-]+")


def notify_email(
    *,
    to: str,
    template: str,
    context: Mapping[str, Any],
    language: str = "en",
    regarding: tuple[str, str] | None = None,
) -> Message:
    """Email `to` the message `template` in `language` (or English), once the current transaction commits.

    `regarding` names what the message is about, such as ("intake.referral", "REF-ABC123").
    """
    return _message_queue(
        channel=Channel.EMAIL, to=to, template=template, context=context, language=language, regarding=regarding
    )


def notify_sms(
    *,
    to: str,
    template: str,
    context: Mapping[str, Any],
    language: str = "en",
    regarding: tuple[str, str] | None = None,
) -> Message:
    """Text the message `template` to the phone number `to`, once the current transaction commits."""
    return _message_queue(
        channel=Channel.SMS, to=to, template=template, context=context, language=language, regarding=regarding
    )


def _message_queue(
    *,
    channel: Channel,
    to: str,
    template: str,
    context: Mapping[str, Any],
    language: str,
    regarding: tuple[str, str] | None,
) -> Message:
    rendered = render_message(template=template, language=language, context=context, channel=channel)
    regarding_type, regarding_id = regarding or ("", "")
    if bool(regarding_type) != bool(regarding_id):
        raise ValueError("regarding names both a type and an id, such as ('intake.referral', 'REF-ABC123').")
    recipient = to.strip()
    problem = _recipient_problem(channel, recipient)
    message = Message.objects.create(
        channel=channel,
        recipient=recipient,
        template=template,
        language=rendered.language,
        subject=rendered.subject,
        body=rendered.body,
        regarding_type=regarding_type,
        regarding_id=regarding_id,
        # A bad address is kept as a failed message, so staff can see it, not raised:
        # it must not undo the referral that asked for it.
        status=MessageStatus.FAILED if problem else MessageStatus.QUEUED,
        error=problem,
    )
    logger.info("message %s template=%s status=%s", message.pk, template, message.status)
    if not problem:

        def deliver() -> None:
            _message_deliver(message)

        # A named function, not functools.partial: Django's robust on_commit names the callback when it fails.
        transaction.on_commit(deliver, robust=True)
    return message


def _recipient_problem(channel: Channel, recipient: str) -> str:
    """Why the recipient cannot be right, in words that repeat none of it; empty when it may be."""
    if channel == Channel.EMAIL:
        try:
            validate_email(recipient)
        except ValidationError:
            return "Not a valid email address"
        return ""
    digits = sum(character.isdigit() for character in recipient)
    if not _PHONE_CHARACTERS.fullmatch(recipient) or not 10 <= digits <= 15:
        return "Not a valid phone number"
    return ""


def _message_deliver(message: Message) -> None:
    """Hand a queued message to the backend and record what happened. Runs after the commit."""
    try:
        provider_reference = get_backend().send(message)
    except DeliveryError as error:
        _message_fail(message, error.reason)
    except Exception as error:
        # Anything else is recorded too: the caller's work is committed and a send must not break it.
        # No traceback in the log, because an exception's text may repeat the recipient.
        _message_fail(message, f"Unexpected {type(error).__name__}")
    else:
        message.status = MessageStatus.SENT
        message.provider_reference = provider_reference
        message.sent_at = timezone.now()
        message.save(update_fields=["status", "provider_reference", "sent_at"])
        logger.info("message %s template=%s status=%s", message.pk, message.template, message.status)


def _message_fail(message: Message, reason: str) -> None:
    message.status = MessageStatus.FAILED
    message.error = reason[:200]
    message.save(update_fields=["status", "error"])
    logger.warning("message %s template=%s status=%s error=%s", message.pk, message.template, message.status, reason)
