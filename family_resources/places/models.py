"""Where the service is delivered: neighbourhoods, hubs and outreach bases; and the sites that closed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Neighbourhood(models.Model):
    """One of the five neighbourhood areas, each built around a cluster of schools."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    school_cluster = models.TextField(blank=True, help_text=_("The schools whose cluster this neighbourhood follows."))

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Place(models.Model):
    """A building the service works from. A hub may not have an address yet (the Leagrave hub)."""

    class Kind(models.TextChoices):
        HUB = "hub", _("Hub")
        OUTREACH_BASE = "outreach_base", _("Outreach base")

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    address_line = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=100, blank=True, default="Luton")
    postcode = models.CharField(max_length=10, blank=True)
    hub = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outreach_bases",
        limit_choices_to={"kind": "hub"},
        help_text=_("For an outreach base: the hub that runs it (each hub delivers across two premises)."),
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_address(self) -> bool:
        return bool(self.address_line and self.postcode)

    @property
    def full_address(self) -> str:
        return ", ".join(part for part in (self.address_line, self.town, self.postcode) if part)


class Room(models.Model):
    """A bookable room at a hub or outreach base, with how many people it holds."""

    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="rooms")
    name = models.CharField(max_length=100)
    capacity = models.PositiveSmallIntegerField(help_text=_("How many people the room holds, staff included."))
    accessible = models.BooleanField(default=True, help_text=_("Step-free access and an accessible toilet nearby."))
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["place", "name"]
        constraints = [models.UniqueConstraint(fields=["place", "name"], name="unique_room_per_place")]

    def __str__(self) -> str:
        return f"{self.name}, {self.place}"


class OpeningHours(models.Model):
    """When a place is open on one day of the week; a day with no row is a day it is closed."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens_at = models.TimeField()
    closes_at = models.TimeField()

    class Meta:
        ordering = ["place", "weekday", "opens_at"]
        verbose_name_plural = _("opening hours")
        constraints = [
            models.UniqueConstraint(fields=["place", "weekday"], name="one_opening_per_place_per_day"),
            models.CheckConstraint(
                name="opens_before_it_closes", condition=models.Q(opens_at__lt=models.F("closes_at"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.place}: {self.get_weekday_display()} {self.opens_at:%H:%M} to {self.closes_at:%H:%M}"


class PlaceClosure(models.Model):
    """A day a place is shut (staff or building reasons): its appointments are listed for rebooking."""

    class Reason(models.TextChoices):
        STAFF = "staff", _("Staff shortage")
        BUILDING = "building", _("Building problem")
        HOLIDAY = "holiday", _("Public holiday")
        OTHER = "other", _("Other")

    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="closures")
    closed_on = models.DateField()
    reason = models.CharField(max_length=10, choices=Reason.choices)
    detail = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["closed_on", "place"]
        constraints = [models.UniqueConstraint(fields=["place", "closed_on"], name="one_closure_per_place_per_day")]

    def __str__(self) -> str:
        return f"{self.place} closed {self.closed_on:%d %B %Y}"


class ClosedSite(models.Model):
    """A children's centre site that stopped delivering, kept so families can find what replaces it."""

    name = models.CharField(max_length=150)
    children_centre = models.CharField(
        max_length=150, help_text=_("The Flying Start children's centre the site belonged to.")
    )
    neighbourhood = models.ForeignKey(Neighbourhood, on_delete=models.PROTECT, related_name="closed_sites")
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["children_centre", "name"]
        constraints = [models.UniqueConstraint(fields=["name", "children_centre"], name="unique_closed_site")]

    def __str__(self) -> str:
        return f"{self.name} ({self.children_centre})"


class PostcodeSector(models.Model):
    """A postcode sector in the council's area, and the neighbourhood team that serves it.

    A postcode whose sector is not here is outside the area. Sectors that straddle
    the boundary are marked so an officer checks the address.
    """

    sector = models.CharField(
        max_length=8, unique=True, help_text=_("Outward code, a space and the first digit, e.g. LU4 8.")
    )
    neighbourhood = models.ForeignKey(Neighbourhood, on_delete=models.PROTECT, related_name="postcode_sectors")
    straddles_boundary = models.BooleanField(
        default=False, help_text=_("Part of the sector is in a neighbouring council's area: check the address.")
    )

    class Meta:
        ordering = ["sector"]

    def __str__(self) -> str:
        return self.sector
