"""The front door: every contact and referral that reaches the service."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class Channel(models.TextChoices):
    ONLINE_SELF = "online_self", _("Online self-referral")
    ONLINE_PROFESSIONAL = "online_professional", _("Online professional referral")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("Email")


class ReferrerType(models.TextChoices):
    SELF = "self", _("Parent or carer")
    MIDWIFE = "midwife", _("Midwife")
    GP = "gp", _("GP")
    HEALTH_VISITOR = "health_visitor", _("Health visitor")
    NURSERY = "nursery", _("Nursery")
    SCHOOL = "school", _("School")
    COMMUNITY_GROUP = "community_group", _("Community group")
    SOCIAL_CARE = "social_care", _("Children's social care")
    OTHER = "other", _("Other professional")


class Referral(TrackedModel):
    """A request for help for a family, from the family or a professional."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        DECIDED = "decided", _("Decided")

    reference = models.CharField(max_length=20, unique=True, editable=False)
    family = models.ForeignKey("families.Family", on_delete=models.PROTECT, related_name="referrals")
    channel = models.CharField(max_length=24, choices=Channel.choices)
    referrer_type = models.CharField(max_length=24, choices=ReferrerType.choices)
    referrer_name = models.CharField(max_length=150, blank=True)
    referrer_organisation = models.CharField(max_length=150, blank=True)
    reason = models.TextField(help_text=_("What the family needs help with, in the referrer's words."))
    family_consents = models.BooleanField(
        default=True, help_text=_("The family knows about the referral and agrees to it.")
    )
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVED)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The officer who logged a phone or email contact."),
    )

    class Meta:
        ordering = ["received_at"]

    def __str__(self) -> str:
        return self.reference
