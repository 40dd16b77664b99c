"""What the service offers: service areas, the interventions catalogue, and the universal services that ceased."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceArea(models.Model):
    """A group of children the service supports, e.g. early years or teenage children."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Intervention(models.Model):
    """An item of the interventions catalogue that a support plan can draw on."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Parenting programme")
        ASSESSMENT = "assessment", _("Assessment")
        SUPPORT = "support", _("Support")
        APPROACH = "approach", _("Practice approach")

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)
    service_areas = models.ManyToManyField(ServiceArea, blank=True, related_name="interventions")
    one_to_one = models.BooleanField(default=True, help_text=_("Can be delivered one-to-one at a hub or at home."))
    group = models.BooleanField(default=False, help_text=_("Can be delivered as a group programme at a hub."))
    bookable = models.BooleanField(
        default=True,
        help_text=_(
            "Untick for practice approaches (e.g. trauma-informed practice) that are recorded on work, not booked."
        ),
    )
    delivered_at = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventions",
        help_text=_("Only where the intervention is tied to one place (short breaks at London Road)."),
    )
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CeasedService(models.Model):
    """A universal children's-centre service that stopped, kept so families can find what replaces it."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    ceased_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
