"""Public consultations on changes to the service."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Consultation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        ANALYSED = "analysed", _("Analysed")
        OUTCOME_PUBLISHED = "outcome_published", _("Outcome published")

    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    summary = models.TextField()
    opens_on = models.DateField()
    closes_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)

    class Meta:
        ordering = ["-opens_on"]
        constraints = [
            models.CheckConstraint(name="closes_after_opening", condition=models.Q(closes_on__gte=models.F("opens_on")))
        ]

    def __str__(self) -> str:
        return self.title
