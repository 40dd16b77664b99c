"""Messages in each state of their life, for tests."""

import factory
from django.utils import timezone

from family_resources.notifications.models import Channel, Message, MessageStatus


class QueuedMessageFactory(factory.django.DjangoModelFactory[Message]):
    class Meta:
        model = Message

    channel = Channel.EMAIL
    recipient = factory.Sequence(lambda n: f"parent{n}@example.org")
    template = "referral_received"
    language = "en"
    subject = "We have received your referral"
    body = "We have received your referral to the Family Resources Service."
    regarding_type = "intake.referral"
    regarding_id = factory.Sequence(lambda n: f"REF-TEST{n:02d}")
    status = MessageStatus.QUEUED


class SentMessageFactory(QueuedMessageFactory):
    status = MessageStatus.SENT
    sent_at = factory.LazyFunction(timezone.now)


class FailedMessageFactory(QueuedMessageFactory):
    status = MessageStatus.FAILED
    error = "Notify 400 BadRequestError"
