"""Organisations in the directory and the safeguarding evidence the council asks each of them for."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.core.choices import ChoiceLabels
from family_resources.directory.uploads import evidence_document_path


class Organisation(models.Model):
    """A community group, charity or health body whose services families can be pointed to."""

    class Kind(models.TextChoices):
        COMMUNITY = "community", _("Community or voluntary group")
        HEALTH = "health", _("NHS or universal health service")
        COUNCIL = "council", _("Council service")
        OTHER = "other", _("Other")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COMMUNITY)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True, help_text=_("Published: how families contact the organisation."))
    phone = models.CharField(max_length=30, blank=True, help_text=_("Published."))
    charity_number = models.CharField(max_length=20, blank=True)
    company_number = models.CharField(max_length=20, blank=True)
    account_name = models.CharField(
        max_length=150, blank=True, help_text=_("Who keeps the entry up to date. Not published.")
    )
    account_email = models.EmailField(
        blank=True,
        help_text=_("Where sign-in links and safeguarding reminders go. Not published."),
    )
    safeguarding_evidence_expires_on = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "The earliest expiry of the organisation's verified safeguarding evidence, kept up to date when "
            "evidence is verified or withdrawn; empty until every kind of evidence is verified. Families only "
            "see organisations whose evidence is in date."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def safeguarding_in_date(self, on: date | None = None) -> bool:
        day = on or timezone.localdate()
        return self.safeguarding_evidence_expires_on is not None and self.safeguarding_evidence_expires_on >= day

    @property
    def contact_email(self) -> str:
        """Where messages about the entry go: the account address, or the public one."""
        return self.account_email or self.email


class EvidenceKind(models.TextChoices):
    """What the council asks every organisation to evidence before families are pointed to it."""

    POLICY = "policy", _("Safeguarding policy")
    LEAD = "lead", _("Designated safeguarding lead")
    DBS = "dbs", _("DBS checks")
    INSURANCE = "insurance", _("Insurance")
    TRAINING = "training", _("Safeguarding training")


class SafeguardingEvidence(ChoiceLabels, models.Model):
    """One piece of evidence a directory officer has seen and verified, valid until its review or expiry date.

    Verifying again adds a row: the latest row of each kind is the current one, and the older ones
    are the history. A withdrawn row (for example after a concern) leaves that kind unevidenced.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20, choices=EvidenceKind.choices)
    detail = models.TextField(
        help_text=_("What was seen: the document and its date, the lead's name, the insurer and policy number.")
    )
    valid_until = models.DateField(
        help_text=_("The review or expiry date. The evidence is in date until the end of it.")
    )
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    verified_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    withdrawal_reason = models.TextField(blank=True)
    # The document the officer saw, if uploaded: checked by content, stored privately (directory/uploads.py).
    document = models.FileField(upload_to=evidence_document_path, max_length=200, blank=True)
    document_content_type = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["organisation", "kind", "-verified_at", "-id"]
        verbose_name_plural = _("safeguarding evidence")
        constraints = [
            models.CheckConstraint(
                name="withdrawn_evidence_says_who_and_why",
                condition=models.Q(withdrawn_at__isnull=True, withdrawn_by__isnull=True, withdrawal_reason="")
                | (models.Q(withdrawn_at__isnull=False, withdrawn_by__isnull=False) & ~models.Q(withdrawal_reason="")),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.organisation}"

    def in_date(self, on: date | None = None) -> bool:
        return self.withdrawn_at is None and self.valid_until >= (on or timezone.localdate())


class ReminderStage(models.TextChoices):
    DUE_30 = "due_30", _("Due within 30 days")
    DUE_7 = "due_7", _("Due within 7 days")
    LAPSED = "lapsed", _("Lapsed")


class EvidenceReminder(models.Model):
    """A reminder sent about one piece of evidence, so each stage is sent once however often the command runs."""

    evidence = models.ForeignKey(SafeguardingEvidence, on_delete=models.CASCADE, related_name="reminders")
    stage = models.CharField(max_length=10, choices=ReminderStage.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [models.UniqueConstraint(fields=["evidence", "stage"], name="one_reminder_per_stage")]

    def __str__(self) -> str:
        return f"{self.evidence}: {self.get_stage_display()}"
