"""The support plan: outcomes the family wants, actions from the interventions catalogue, and scored reviews."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel
from family_resources.casework.models.assessments import Domain

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(10)]


class Delivery(models.TextChoices):
    HUB = "hub", _("One-to-one at a hub")
    HOME = "home", _("One-to-one at home")
    GROUP = "group", _("Group programme at a hub")


class OutcomeStatus(models.TextChoices):
    OPEN = "open", _("Working towards")
    ACHIEVED = "achieved", _("Achieved")
    NOT_ACHIEVED = "not_achieved", _("Not achieved")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class SupportPlan(TrackedModel):
    """One plan per episode; it changes as the work goes on, and every change is on the chronology."""

    episode = models.OneToOneField("casework.Episode", on_delete=models.PROTECT, related_name="plan")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agreed_on = models.DateField(null=True, blank=True, help_text=_("When the family agreed the plan."))
    review_interval_weeks = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(26)],
        help_text=_("Taken from the service's setting when the plan is made; a manager may shorten it."),
    )
    next_review_on = models.DateField(
        null=True, blank=True, db_index=True, help_text=_("Worked out by the casework due-dates rules, never by hand.")
    )

    def __str__(self) -> str:
        return f"Support plan for episode {self.episode_id}"


class PlanOutcome(TrackedModel):
    """Something the family wants to be different, with the score they start from."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="outcomes")
    domain = models.CharField(max_length=20, choices=Domain.choices)
    description = models.TextField(help_text=_("In the family's own words where possible."))
    baseline_score = models.PositiveSmallIntegerField(
        validators=SCORE_VALIDATORS, help_text=_("Where things are now, from 1 (very worried) to 10 (no worries).")
    )
    status = models.CharField(max_length=20, choices=OutcomeStatus.choices, default=OutcomeStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="baseline_score_1_to_10", condition=models.Q(baseline_score__gte=1, baseline_score__lte=10)
            )
        ]

    def __str__(self) -> str:
        return self.description[:60]


class PlanAction(TrackedModel):
    """A step towards an outcome: an intervention from the catalogue, how it is delivered, who, by when."""

    outcome = models.ForeignKey(PlanOutcome, on_delete=models.CASCADE, related_name="actions")
    intervention = models.ForeignKey("catalogue.Intervention", on_delete=models.PROTECT, related_name="+")
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    detail = models.TextField(blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="plan_actions"
    )
    assigned_to_other = models.CharField(
        max_length=150, blank=True, help_text=_("Someone who is not staff of the service: a parent, a school nurse.")
    )
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                name="action_has_someone_to_do_it",
                condition=models.Q(assigned_to__isnull=False) | ~models.Q(assigned_to_other=""),
            ),
            models.CheckConstraint(
                name="done_action_has_completion_date",
                condition=~models.Q(status="done") | models.Q(completed_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.intervention} ({self.get_delivery_display()})"

    @property
    def who(self) -> str:
        return self.assigned_to.full_name if self.assigned_to else self.assigned_to_other


class PlanReview(TrackedModel):
    """A review of the plan with the family, scoring each outcome; the closing review gives the final scores."""

    class Kind(models.TextChoices):
        REVIEW = "review", _("Review")
        CLOSING = "closing", _("Closing review")

    plan = models.ForeignKey(SupportPlan, on_delete=models.PROTECT, related_name="reviews")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REVIEW)
    reviewed_on = models.DateField()
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    summary = models.TextField()
    family_view = models.TextField(blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["reviewed_on", "id"]
        indexes = [models.Index(fields=["plan", "kind", "reviewed_on"], name="planreview_plan_kind_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.reviewed_on:%d %B %Y}"


class OutcomeScore(TrackedModel):
    review = models.ForeignKey(PlanReview, on_delete=models.CASCADE, related_name="scores")
    outcome = models.ForeignKey(PlanOutcome, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["review", "outcome"]
        constraints = [
            models.UniqueConstraint(fields=["review", "outcome"], name="one_score_per_outcome_per_review"),
            models.CheckConstraint(name="score_1_to_10", condition=models.Q(score__gte=1, score__lte=10)),
        ]

    def __str__(self) -> str:
        return f"{self.score}/10"
