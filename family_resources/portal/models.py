"""The family portal's own records: sign-in codes, the throttle, and what a family asks of its team.

A family never gets a staff account (accounts.User): a code puts the family's id in the browser's
session and nothing else (docs/decisions/0020-family-portal.md).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class SignInCode(models.Model):
    """One six-digit code sent to a family's email address or mobile, for one sign-in.

    A row is written for every request, matched or not (family empty), so the next page behaves the
    same whether or not the contact details are on a record. Only a keyed hash of the code is kept.
    """

    challenge_hash = models.CharField(max_length=64, unique=True, help_text=_("Hash of the browser's challenge."))
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    code_hash = models.CharField(max_length=64, blank=True)
    channel = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="portal_code_created_idx")]

    def __str__(self) -> str:
        return f"Sign-in code {self.pk}"


class SignInThrottle(models.Model):
    """One request for a code, counted per contact and per network address (both as keyed hashes).

    Kept in the database rather than the cache: every web worker sees the same count without a
    shared cache, and the rows can be purged after a day.
    """

    contact_hash = models.CharField(max_length=64, db_index=True)
    ip_hash = models.CharField(max_length=64, db_index=True)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"Sign-in request {self.pk}"


class RequestKind(models.TextChoices):
    REARRANGE = "rearrange", _("Move an appointment")
    CANCEL = "cancel", _("Cancel an appointment")
    CONTACT_DETAILS = "contact_details", _("Change contact details")
    LANGUAGE = "language", _("Change preferred language")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the practitioner")
    CONFIRMED = "confirmed", _("Done")
    DECLINED = "declined", _("Not done")


class PortalRequest(TrackedModel):
    """Something a family asked for that a practitioner confirms before anything on the record changes."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    family = models.ForeignKey("families.Family", on_delete=models.PROTECT, related_name="portal_requests")
    episode = models.ForeignKey(
        "casework.Episode", on_delete=models.PROTECT, null=True, blank=True, related_name="portal_requests"
    )
    kind = models.CharField(max_length=20, choices=RequestKind.choices)
    appointment = models.ForeignKey(
        "scheduling.Appointment", on_delete=models.PROTECT, null=True, blank=True, related_name="portal_requests"
    )
    details = models.JSONField(
        default=dict, blank=True, help_text=_("What the family asked for: new contact details, language or times.")
    )
    message = models.TextField(blank=True, help_text=_("What the family wrote, in their words."))
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="portal_appointment_request_has_appointment",
                condition=~models.Q(kind__in=["rearrange", "cancel"]) | models.Q(appointment__isnull=False),
            ),
            models.CheckConstraint(
                name="portal_decided_request_has_decider",
                condition=models.Q(status="pending") | models.Q(decided_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"


class MessageKind(models.TextChoices):
    MESSAGE = "message", _("Message from the family")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("The family withdrew consent to share")


class PortalMessage(TrackedModel):
    """A message from the family to its team, or a flag the portal raised; shown on the case until read."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    family = models.ForeignKey("families.Family", on_delete=models.PROTECT, related_name="portal_messages")
    episode = models.ForeignKey(
        "casework.Episode", on_delete=models.PROTECT, null=True, blank=True, related_name="portal_messages"
    )
    kind = models.CharField(max_length=20, choices=MessageKind.choices, default=MessageKind.MESSAGE)
    text = models.TextField()
    sent_at = models.DateTimeField(default=timezone.now)
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"
