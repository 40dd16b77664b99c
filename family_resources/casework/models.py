"""Episodes of support: a family's time with a neighbourhood team, from acceptance to closure."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class Episode(TrackedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    family = models.ForeignKey("families.Family", on_delete=models.PROTECT, related_name="episodes")
    referral = models.OneToOneField("intake.Referral", on_delete=models.PROTECT, related_name="episode")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="episodes")
    lead_practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_episodes",
        help_text=_("Empty until a team manager allocates the family."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_on = models.DateField(default=timezone.localdate)
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["opened_on"]
        constraints = [
            models.CheckConstraint(
                name="closed_episode_has_close_date",
                condition=~models.Q(status="closed") | models.Q(closed_on__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"Episode {self.pk} ({self.get_status_display()})"


class Allocation(TrackedModel):
    """Who led an episode and when: reallocation ends one row and starts another, so history is kept."""

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="allocations")
    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations")
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    allocated_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=300, blank=True, help_text=_("Why the family was reallocated."))

    class Meta:
        ordering = ["allocated_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["episode"], condition=models.Q(ended_at__isnull=True), name="one_current_allocation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.practitioner} leads episode {self.episode_id}"
