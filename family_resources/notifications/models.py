"""Messages sent to families and referrers by email or text message.

A message holds a recipient and a rendered body, so it is personal data: it lives in the
database only, and logs name a message by its id, template and status, never its contents.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Message(models.Model):
    """One email or text message, from the moment it is queued to when it was sent or failed."""

    channel = models.CharField(max_length=8, choices=Channel.choices)
    recipient = models.CharField(max_length=320, help_text=_("The email address or phone number it went to."))
    template = models.CharField(max_length=64, help_text=_("Which message it is, such as referral_received."))
    language = models.CharField(
        max_length=8,
        default="en",
        help_text=_("The language it was written in: English when there was no translation."),
    )
    subject = models.CharField(max_length=255, blank=True, help_text=_("Emails only."))
    body = models.TextField()
    status = models.CharField(max_length=8, choices=MessageStatus.choices, default=MessageStatus.QUEUED)
    provider_reference = models.CharField(
        max_length=64, blank=True, help_text=_("GOV.UK Notify's id for the notification, to trace it there.")
    )
    error = models.CharField(
        max_length=200, blank=True, help_text=_("Why it failed, such as an HTTP status code. Never personal data.")
    )
    regarding_type = models.CharField(
        max_length=100, blank=True, help_text=_("What the message is about, as app_label.model: intake.referral.")
    )
    regarding_id = models.CharField(
        max_length=64, blank=True, help_text=_("The reference of what it is about, such as REF-ABC123.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True, help_text=_("When the provider accepted it."))

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["regarding_type", "regarding_id"], name="notifications_regarding_idx"),
            models.Index(fields=["created_at"], name="notifications_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False), name="sent_message_has_sent_at"
            ),
            models.CheckConstraint(condition=~Q(channel="email") | ~Q(subject=""), name="email_message_has_subject"),
            models.CheckConstraint(
                condition=Q(regarding_type="", regarding_id="") | (~Q(regarding_type="") & ~Q(regarding_id="")),
                name="message_regarding_type_and_id_together",
            ),
        ]

    def __str__(self) -> str:
        # No recipient here: __str__ ends up in logs and error reports.
        return f"{self.get_channel_display()} {self.template} #{self.pk}"
