"""Community and voluntary organisations and the services they run for families."""

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    safeguarding_evidence_expires_on = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "The earliest expiry of the organisation's verified safeguarding evidence. "
            "Families are only signposted to organisations whose evidence is in date."
        ),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def safeguarding_in_date(self, on: date | None = None) -> bool:
        day = on or timezone.localdate()
        return self.safeguarding_evidence_expires_on is not None and self.safeguarding_evidence_expires_on >= day


class Service(models.Model):
    """Something an organisation offers families, described so it can be published to Open Referral UK."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(max_length=200)
    description = models.TextField()
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood", on_delete=models.PROTECT, null=True, blank=True, related_name="community_services"
    )
    min_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Youngest age served, in years."))
    max_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Oldest age served, in years."))
    is_free = models.BooleanField(default=True)
    languages = models.JSONField(
        default=list, blank=True, help_text=_("Languages the service is offered in, as codes such as 'ur' or 'pl'.")
    )
    service_areas = models.ManyToManyField("catalogue.ServiceArea", blank=True, related_name="community_services")
    replaces = models.ManyToManyField(
        "catalogue.CeasedService",
        blank=True,
        related_name="replacements",
        help_text=_("The children's-centre services this one can stand in for."),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_service_per_organisation"),
            models.CheckConstraint(
                name="age_range_in_order",
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(min_age__lte=models.F("max_age")),
            ),
        ]

    def __str__(self) -> str:
        return self.name
