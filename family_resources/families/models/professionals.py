"""Other professionals working with a family, and the kinds of agency they work for."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class AgencyType(models.TextChoices):
    """The kinds of agency a professional works for; consent names the same kinds."""

    HEALTH_VISITOR = "health_visitor", _("Health visitor")
    MIDWIFE = "midwife", _("Midwife")
    GP = "gp", _("GP")
    SCHOOL = "school", _("School or nursery")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    POLICE = "police", _("Police")
    HOUSING = "housing", _("Housing")
    OTHER = "other", _("Other")


class Professional(TrackedModel):
    """Someone from another agency who works with the family: who to talk to, and who letters go to."""

    family = models.ForeignKey("families.Family", on_delete=models.PROTECT, related_name="professionals")
    name = models.CharField(_("name"), max_length=150)
    agency_type = models.CharField(_("role"), max_length=20, choices=AgencyType.choices)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    added_at = models.DateTimeField(default=timezone.now)
    ended_on = models.DateField(
        null=True, blank=True, help_text=_("When they stopped working with the family: kept for the history.")
    )

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_type_display()})"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None
