"""The family's consent: who agreed, how, and which agencies the service may tell."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel
from family_resources.families.models.professionals import AgencyType


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", _("Written")
    VERBAL = "verbal", _("Verbal")


class Consent(TrackedModel):
    """One consent given by a member of the family. A newer consent replaces it; it can be withdrawn.

    At most one consent of a family is current (neither replaced nor withdrawn): what it lists is
    what the service may share now, and the older ones are the history.
    """

    family = models.ForeignKey("families.Family", on_delete=models.PROTECT, related_name="consents")
    given_by = models.ForeignKey("families.Person", on_delete=models.PROTECT, related_name="consents_given")
    given_on = models.DateField()
    method = models.CharField(max_length=10, choices=ConsentMethod.choices)
    agencies = models.JSONField(
        default=list,
        blank=True,
        help_text=_("The kinds of agency (AgencyType values) the family agrees may be told about our work."),
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    replaced_on = models.DateField(
        null=True, blank=True, help_text=_("Set when a newer consent took this one's place.")
    )
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-given_on", "-recorded_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["family"],
                condition=models.Q(replaced_on__isnull=True, withdrawn_on__isnull=True),
                name="one_current_consent_per_family",
            ),
            models.CheckConstraint(
                name="withdrawn_consent_has_reason",
                condition=models.Q(withdrawn_on__isnull=True) | ~models.Q(withdrawn_reason=""),
            ),
        ]

    def __str__(self) -> str:
        return f"Consent {self.pk} of family {self.family_id}"

    @property
    def is_current(self) -> bool:
        return self.replaced_on is None and self.withdrawn_on is None

    @property
    def agency_labels(self) -> list[str]:
        return [str(label) for value, label in AgencyType.choices if value in self.agencies]

    def covers(self, agency_type: str) -> bool:
        """Whether this consent, while current, lets the service tell that kind of agency."""
        return self.is_current and agency_type in self.agencies
