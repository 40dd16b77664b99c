"""Where messages go: GOV.UK Notify in production, the development outbox everywhere else."""

from typing import Any, Protocol

from django.conf import settings
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

from family_resources.notifications.models import Channel, Message


class DeliveryError(Exception):
    """The provider would not take a message. `reason` is short and holds no personal data."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Backend(Protocol):
    def send(self, message: Message) -> str:
        """Hand the message over; return the provider's reference for it, or raise DeliveryError."""
        ...


class OutboxBackend:
    """Development and tests: the message stays in the database and shows at /staff/outbox/."""

    def send(self, message: Message) -> str:
        return ""


class NotifyBackend:
    """GOV.UK Notify, through one generic email template and one generic text message template.

    Notify sends only from templates made in its web interface, so the service keeps its own
    wording in this app and fills Notify's templates: email `((subject))` and `((body))`,
    text message `((body))`.
    """

    def __init__(
        self, *, api_key: str, email_template_id: str, sms_template_id: str, email_reply_to_id: str = ""
    ) -> None:
        # Notify's client is not thread-safe, so each backend gets its own.
        self.client = NotificationsAPIClient(api_key)
        self.email_template_id = email_template_id
        self.sms_template_id = sms_template_id
        self.email_reply_to_id = email_reply_to_id

    def send(self, message: Message) -> str:
        # Notify shows `reference` in its own logs and reports, so it is our id and nothing personal.
        reference = f"message-{message.pk}"
        try:
            if message.channel == Channel.EMAIL:
                response = self.client.send_email_notification(
                    email_address=message.recipient,
                    template_id=self.email_template_id,
                    personalisation={"subject": message.subject, "body": message.body},
                    reference=reference,
                    email_reply_to_id=self.email_reply_to_id or None,
                )
            else:
                response = self.client.send_sms_notification(
                    phone_number=message.recipient,
                    template_id=self.sms_template_id,
                    personalisation={"body": message.body},
                    reference=reference,
                )
        except APIError as error:
            raise DeliveryError(_describe(error)) from error
        return str(response["id"])


def _describe(error: APIError) -> str:
    """Notify's status code and error type, such as `Notify 400 BadRequestError`.

    Notify's `message` text is left out: some of it repeats what was sent.
    """
    kind = ""
    try:
        errors: Any = error.response.json().get("errors") if error.response is not None else None
        kind = str(errors[0]["error"])[:60] if errors else ""
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        pass
    return f"Notify {error.status_code} {kind}".strip()


def get_backend() -> Backend:
    """Notify when an API key is configured; otherwise the outbox, so nothing leaves the machine."""
    if settings.NOTIFY_API_KEY:
        return NotifyBackend(
            api_key=settings.NOTIFY_API_KEY,
            email_template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
            sms_template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
            email_reply_to_id=settings.NOTIFY_EMAIL_REPLY_TO_ID,
        )
    return OutboxBackend()
