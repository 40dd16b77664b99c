"""What organisations offer families: services, where and when they run, and how they are categorised."""

import uuid
from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.core.choices import ChoiceLabels
from family_resources.directory.models.organisations import Organisation


class Taxonomy(models.Model):
    """A set of categories services are described by (Open Referral UK's taxonomy)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=150, unique=True)
    description = models.TextField()
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("taxonomies")

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    """A category, such as "Play and early learning", mapped to our service areas and interventions.

    The mappings are how the public search by need and the signposting packs (which match on service
    areas) agree about what a service is for.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    name = models.CharField(max_length=150)
    slug = models.SlugField(unique=True)
    description = models.TextField()
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    position = models.PositiveSmallIntegerField(default=0)
    service_area = models.ForeignKey(
        "catalogue.ServiceArea", on_delete=models.PROTECT, null=True, blank=True, related_name="taxonomy_terms"
    )
    intervention = models.ForeignKey(
        "catalogue.Intervention", on_delete=models.PROTECT, null=True, blank=True, related_name="taxonomy_terms"
    )

    class Meta:
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["taxonomy", "name"], name="unique_term_per_taxonomy")]

    def __str__(self) -> str:
        return self.name


class ServiceStatus(models.TextChoices):
    # The values are Open Referral UK's own.
    ACTIVE = "active", _("Running")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")
    INACTIVE = "inactive", _("Not running")
    DEFUNCT = "defunct", _("Stopped for good")


class Service(ChoiceLabels, models.Model):
    """Something an organisation offers families, described so it can be published to Open Referral UK."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(max_length=200)
    description = models.TextField()
    status = models.CharField(max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE)
    alert = models.CharField(max_length=300, blank=True, help_text=_("A short-term notice, such as a change of venue."))
    url = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    contact_name = models.CharField(
        max_length=150, blank=True, help_text=_("Published, with the organisation's consent.")
    )
    contact_title = models.CharField(max_length=150, blank=True, help_text=_("For example, Group leader."))
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="community_services",
        help_text=_("The neighbourhood the service is for; empty for the whole borough."),
    )
    min_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Youngest age served, in years."))
    max_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Oldest age served, in years."))
    is_free = models.BooleanField(default=True)
    cost_amount = models.DecimalField(
        max_digits=7, decimal_places=2, null=True, blank=True, help_text=_("The usual price, in pounds, if it is paid.")
    )
    cost_description = models.CharField(max_length=200, blank=True, help_text=_("For example, per child per session."))
    languages = models.JSONField(
        default=list, blank=True, help_text=_("Languages the service is offered in, as codes such as 'ur' or 'pl'.")
    )
    categories = models.ManyToManyField(TaxonomyTerm, blank=True, related_name="services")
    service_areas = models.ManyToManyField("catalogue.ServiceArea", blank=True, related_name="community_services")
    replaces = models.ManyToManyField(
        "catalogue.CeasedService",
        blank=True,
        related_name="replacements",
        help_text=_("The children's-centre services this one can stand in for."),
    )
    replaces_sites = models.ManyToManyField(
        "places.ClosedSite",
        blank=True,
        related_name="replacements",
        help_text=_("The closed children's-centre sites whose families this one can take in."),
    )
    locations: "models.ManyToManyField[Location, ServiceAtLocation]" = models.ManyToManyField(
        "Location", through="ServiceAtLocation", related_name="services", blank=True
    )
    assured_on = models.DateField(
        null=True, blank=True, help_text=_("When a directory officer last checked the entry.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

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
            models.CheckConstraint(
                name="free_service_has_no_price", condition=models.Q(is_free=False) | models.Q(cost_amount__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def serves_age(self, age: int) -> bool:
        return (self.min_age is None or self.min_age <= age) and (self.max_age is None or age <= self.max_age)


class Location(models.Model):
    """Where an organisation runs services: a hall, a clinic, or online."""

    class Kind(models.TextChoices):
        # Open Referral UK's location types.
        PHYSICAL = "physical", _("A building")
        VIRTUAL = "virtual", _("Online")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="locations")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PHYSICAL)
    name = models.CharField(max_length=150)
    description = models.TextField(blank=True)
    address_1 = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, default="Luton")
    postcode = models.CharField(max_length=10, blank=True, help_text=_("Saved in the standard form, like LU4 8BW."))
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="directory_locations",
        help_text=_("Found from the postcode."),
    )
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    uprn = models.CharField(max_length=12, blank=True, help_text=_("The building's Unique Property Reference Number."))
    accessibility = models.TextField(
        blank=True,
        help_text=_("Step-free access, accessible toilet, hearing loop, parking: what a visitor needs to know."),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="building_has_address",
                condition=models.Q(kind="virtual") | (~models.Q(address_1="") & ~models.Q(postcode="")),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def full_address(self) -> str:
        return ", ".join(part for part in (self.address_1, self.city, self.postcode) if part)


class ServiceAtLocation(models.Model):
    """A service as delivered at one location (Open Referral UK's service_at_location)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="at_locations")

    class Meta:
        ordering = ["service", "location"]
        constraints = [models.UniqueConstraint(fields=["service", "location"], name="one_link_per_service_location")]

    def __str__(self) -> str:
        return f"{self.service} at {self.location}"


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


# RFC 5545's day codes, which Open Referral UK's schedules use.
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class Frequency(models.TextChoices):
    WEEKLY = "WEEKLY", _("Weekly")
    MONTHLY = "MONTHLY", _("Monthly")


class Schedule(ChoiceLabels, models.Model):
    """When a service runs: one day of the week, weekly (or every few weeks) or on one week of each month."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens_at = models.TimeField()
    closes_at = models.TimeField()
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    interval = models.PositiveSmallIntegerField(default=1, help_text=_("Every how many weeks (or months)."))
    week_of_month = models.SmallIntegerField(
        null=True, blank=True, help_text=_("For a monthly session: 1 for the first week, -1 for the last.")
    )
    starts_on = models.DateField(
        null=True, blank=True, help_text=_("The first session: needed when it is not every week, to know which weeks.")
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    description = models.CharField(max_length=200, blank=True, help_text=_("For example, Term time only."))

    class Meta:
        ordering = ["service", "weekday", "opens_at"]
        constraints = [
            models.CheckConstraint(
                name="session_opens_before_it_closes", condition=models.Q(opens_at__lt=models.F("closes_at"))
            ),
            models.CheckConstraint(name="interval_at_least_one", condition=models.Q(interval__gte=1)),
            models.CheckConstraint(
                name="monthly_session_names_its_week",
                condition=models.Q(frequency="WEEKLY", week_of_month__isnull=True)
                | models.Q(frequency="MONTHLY", week_of_month__in=[1, 2, 3, 4, -1]),
            ),
            models.CheckConstraint(
                name="every_few_weeks_has_a_start", condition=models.Q(interval=1) | models.Q(starts_on__isnull=False)
            ),
            models.CheckConstraint(
                name="schedule_dates_in_order",
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_from__lte=models.F("valid_to")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.get_weekday_display()} {self.opens_at:%H:%M} to {self.closes_at:%H:%M}"

    @property
    def byday(self) -> str:
        code = WEEKDAY_CODES[self.weekday]
        return f"{self.week_of_month}{code}" if self.frequency == Frequency.MONTHLY else code

    def current(self, on: date | None = None) -> bool:
        day = on or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)
