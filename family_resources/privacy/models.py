"""Legal holds and the retention review list (docs/decisions/0023-data-protection-and-operations.md)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class LegalHold(TrackedModel):
    """Keeps a family's records past their retention date, for litigation, an inquiry or a complaint.

    PROTECT: a held family cannot be deleted by any route while the hold exists.
    """

    family = models.OneToOneField("families.Family", on_delete=models.PROTECT, related_name="legal_hold")
    reason = models.CharField(max_length=300, help_text=_("Why the records must be kept, e.g. a case number."))
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Legal hold on family {self.family_id}"


class RetentionRule(models.TextChoices):
    SIGNPOSTED_REFERRAL = "signposted_referral", _("Referral not taken on: 2 years after the decision")
    CLOSED_EPISODE = "closed_episode", _("Closed episode of support: 6 years after closure")
    SAFEGUARDING = "safeguarding", _("Safeguarding record: until the youngest child is 25")


class RetentionReviewItem(models.Model):
    """A record past its retention date, waiting for a manager's decision, and what became of it.

    It holds the record's type, id and readable reference only, never a name, so it can outlive the record
    as the evidence that it was deleted and who approved it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved for deletion")
        KEPT = "kept", _("Kept")
        DELETED = "deleted", _("Deleted")

    record_type = models.CharField(max_length=50)  # "families.family" or "intake.referral"
    record_id = models.PositiveBigIntegerField()
    reference = models.CharField(max_length=20)
    rule = models.CharField(max_length=24, choices=RetentionRule.choices)
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    found_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    keep_reason = models.CharField(max_length=300, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    records_deleted = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["record_type", "record_id"],
                condition=~models.Q(status="deleted"),
                name="one_open_review_item_per_record",
            ),
            models.CheckConstraint(
                name="decided_item_has_decider",
                condition=models.Q(status="pending") | models.Q(decided_by__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record_type} {self.reference}"
