"""Consultation outreach: sessions the public can register for, and notices sent to service users.

A registration holds a member of the public's name and contact details, and a notice delivery names a
family, so both are person-level records (`TrackedModel`). The cancellation token is kept as a hash only.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class Event(models.Model):
    """One consultation session, online (a meeting link) and/or at a place."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    consultation = models.ForeignKey("consultation.Consultation", on_delete=models.PROTECT, related_name="events")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text=_("Shown on the public page."))
    meeting_link = models.URLField(
        blank=True, help_text=_("Sent only to people who registered: never shown on the public page.")
    )
    place = models.CharField(max_length=300, blank=True, help_text=_("Where it is held in person, if it is."))
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    capacity = models.PositiveIntegerField(help_text=_("How many people can register. More go on a waiting list."))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    notes = models.TextField(blank=True, help_text=_("What was said, recorded as evidence for the consultation."))
    notes_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notes_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="event_ends_after_start", condition=models.Q(ends_at__gt=models.F("starts_at"))
            ),
            models.CheckConstraint(
                name="event_has_link_or_place", condition=~models.Q(meeting_link="") | ~models.Q(place="")
            ),
            models.CheckConstraint(name="event_capacity_positive", condition=models.Q(capacity__gt=0)),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_online(self) -> bool:
        return bool(self.meeting_link)


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(TrackedModel):
    """One person's place (or place in the queue) at an event."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    mobile = models.CharField(max_length=30, blank=True)
    access_needs = models.TextField(blank=True, help_text=_("Help the person needs to take part."))
    language = models.CharField(
        max_length=8, choices=settings.LANGUAGES, default="en", help_text=_("For their messages.")
    )
    interpreter = models.BooleanField(default=False, help_text=_("They asked for an interpreter at the session."))
    status = models.CharField(max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.REGISTERED)
    token_hash = models.CharField(max_length=64, unique=True, help_text=_("The cancellation link's hash."))
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True, blank=True, help_text=_("Recorded by staff after the session."))

    class Meta:
        ordering = ["event", "created_at", "id"]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status_idx")]
        constraints = [
            models.CheckConstraint(
                name="registration_has_email_or_mobile", condition=~models.Q(email="") | ~models.Q(mobile="")
            ),
            models.CheckConstraint(
                name="cancelled_registration_has_date",
                condition=~models.Q(status="cancelled") | models.Q(cancelled_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Registration {self.pk}"


class NoticeChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")
    LETTER = "letter", _("Letter")


class Notice(models.Model):
    """A notice to service users about a consultation, sent by the chosen channels in each family's language."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    consultation = models.ForeignKey("consultation.Consultation", on_delete=models.PROTECT, related_name="notices")
    by_email = models.BooleanField(default=True)
    by_sms = models.BooleanField(default=True)
    by_letter = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True, help_text=_("When sending was started."))

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="notice_has_a_channel",
                condition=models.Q(by_email=True) | models.Q(by_sms=True) | models.Q(by_letter=True),
            ),
        ]

    def __str__(self) -> str:
        return f"Notice {self.pk} about {self.consultation}"

    @property
    def channels(self) -> list[str]:
        chosen = [(self.by_email, NoticeChannel.EMAIL), (self.by_sms, NoticeChannel.SMS)]
        chosen.append((self.by_letter, NoticeChannel.LETTER))
        return [str(channel) for wanted, channel in chosen if wanted]


class SkipReason(models.TextChoices):
    OPTED_OUT = "opted_out", _("Opted out of consultation notices")
    NO_EMAIL = "no_email", _("No email address")
    NO_MOBILE = "no_mobile", _("No mobile number")
    ADDRESS_HIDDEN = "address_hidden", _("Address is do not disclose")
    NO_ADDRESS = "no_address", _("No address")
    INVALID = "invalid", _("The address or number is not valid")


class NoticeDelivery(TrackedModel):
    """The reach log: one row per family and channel a notice tried. The unique constraint makes sending once."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="deliveries")
    family = models.ForeignKey("families.Family", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=8, choices=NoticeChannel.choices)
    sent = models.BooleanField(help_text=_("Queued as a message, or put in the letters to print."))
    reason = models.CharField(max_length=20, choices=SkipReason.choices, blank=True, help_text=_("Why not sent."))
    language = models.CharField(max_length=8, blank=True, help_text=_("The language it was written in."))
    message = models.ForeignKey(
        "notifications.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    letter_body = models.TextField(blank=True, help_text=_("Letters only: the text as printed, without the address."))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["notice", "family", "channel"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "family", "channel"], name="one_delivery_per_family_channel"),
            models.CheckConstraint(
                name="delivery_sent_or_reason",
                condition=(models.Q(sent=True) & models.Q(reason="")) | (models.Q(sent=False) & ~models.Q(reason="")),
            ),
        ]

    def __str__(self) -> str:
        return f"Notice {self.notice_id} {self.channel} to family {self.family_id}"


class OptOutSource(models.TextChoices):
    """How the family told us: the email's unsubscribe link, or to staff, who record it."""

    LINK = "link", _("The unsubscribe link in an email")
    PHONE = "phone", _("By phone")
    LETTER = "letter", _("By letter")
    IN_PERSON = "in_person", _("In person")


class NoticeOptOut(TrackedModel):
    """A family that asked not to be sent consultation notices, by the link in an email or through staff.

    Withdrawing an opt-out deletes the row (the deletion is in the audit trail), so the family is sent
    notices again."""

    family = models.OneToOneField("families.Family", on_delete=models.CASCADE, related_name="+")
    opted_out_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=20, choices=OptOutSource.choices, default=OptOutSource.LINK)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The member of staff who recorded it; empty for the unsubscribe link."),
    )

    def __str__(self) -> str:
        return f"Opt-out for family {self.family_id}"
