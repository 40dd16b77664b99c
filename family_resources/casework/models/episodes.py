"""Episodes of support: a family's time with a neighbourhood team, from acceptance to closure."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class ClosureReason(models.TextChoices):
    OUTCOMES_MET = "outcomes_met", _("Outcomes met")
    STEPPED_UP = "stepped_up", _("Stepped up to children's social care")
    MOVED_AWAY = "moved_away", _("Moved out of the area")
    DISENGAGED = "disengaged", _("Family disengaged")
    DECISION_CHANGED = "decision_changed", _("Threshold decision changed by a manager")
    OTHER = "other", _("Other")


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
    closure_reason = models.CharField(max_length=20, choices=ClosureReason.choices, blank=True)
    closure_note = models.TextField(blank=True, help_text=_("What was achieved, or why the case closed."))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    previous_episode = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reopened_as",
        help_text=_("Set when the family came back within the reopening window: the work carries on from it."),
    )

    class Meta:
        ordering = ["opened_on"]
        # Reporting counts episodes by team and month, and closures by date (ADR 0018).
        indexes = [
            models.Index(fields=["team", "opened_on"], name="episode_team_opened_idx"),
            models.Index(fields=["closed_on"], name="episode_closed_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="closed_episode_has_close_date",
                condition=~models.Q(status="closed") | models.Q(closed_on__isnull=False),
            ),
            models.CheckConstraint(
                name="closed_episode_has_reason",
                condition=~models.Q(status="closed") | ~models.Q(closure_reason=""),
            ),
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


class StepUp(TrackedModel):
    """An escalation from within a case to children's social care, with the reason and the time it was made."""

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="step_ups")
    reason = models.TextField(help_text=_("What has changed, and the risk to the child."))
    immediate_risk = models.BooleanField(default=False)
    stepped_up_at = models.DateTimeField(default=timezone.now, db_index=True)
    stepped_up_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    social_care_reference = models.CharField(
        max_length=40, blank=True, help_text=_("Children's social care's own reference, once they give one.")
    )

    class Meta:
        ordering = ["stepped_up_at"]

    def __str__(self) -> str:
        return f"Step-up from episode {self.episode_id}"
