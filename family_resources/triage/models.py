"""Threshold decisions made by front-door officers on referrals."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from family_resources.audit.models import TrackedModel
from family_resources.triage.routing import Route


class Decision(TrackedModel):
    """A front-door officer's threshold decision on one referral, and where it sent the family."""

    referral = models.OneToOneField("intake.Referral", on_delete=models.PROTECT, related_name="decision")
    level = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    immediate_risk = models.BooleanField(default=False)
    route = models.CharField(max_length=24, choices=Route.choices)
    rationale = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.CheckConstraint(name="level_1_to_4", condition=models.Q(level__gte=1, level__lte=4))]

    def __str__(self) -> str:
        return f"Level {self.level}: {self.get_route_display()}"
