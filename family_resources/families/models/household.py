"""Families and the people in them: the person-level records at the centre of the service."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel
from family_resources.core.equality import ETHNICITIES

# The ONS 2021 census ethnic groups, the same list the consultation's equality question uses so the two compare
# (ADR 0032); empty is "not recorded". Staff only: never shown on a public page.
ETHNICITY_CHOICES = [("", _("Not recorded")), *ETHNICITIES]

# The service works with children to 19, or to 25 with special educational needs and disabilities.
MAX_AGE = 19
MAX_AGE_WITH_SEND = 25
# A young person of this age can consent for themselves (our reading of usual UK practice).
AGE_OF_OWN_CONSENT = 16


class SocialCareStatus(models.TextChoices):
    NOT_KNOWN = "not_known", _("Not known to children's social care")
    PREVIOUSLY_KNOWN = "previously_known", _("Previously known to children's social care")
    # A referral can say a social worker is involved without saying under which plan.
    OPEN = "open", _("Open to children's social care (plan not yet recorded)")
    CHILD_IN_NEED = "child_in_need", _("Child in need plan")
    CHILD_PROTECTION = "child_protection", _("Child protection plan")
    LOOKED_AFTER = "looked_after", _("Child looked after")


# The statuses in which a social worker is working with the family now: triage routes on this.
ACTIVE_SOCIAL_CARE_STATUSES = (
    SocialCareStatus.OPEN,
    SocialCareStatus.CHILD_IN_NEED,
    SocialCareStatus.CHILD_PROTECTION,
    SocialCareStatus.LOOKED_AFTER,
)


class Family(TrackedModel):
    """A household the service knows about: the unit that is referred, assessed and supported."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    family_name = models.CharField(_("family name"), max_length=150, help_text=_("How the family is known to staff."))
    address_line = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    address_hidden = models.BooleanField(
        _("do not disclose address"),
        default=False,
        help_text=_("For families fleeing domestic abuse: the address is hidden from everyone who does not need it."),
    )
    address_hidden_reason = models.CharField(
        max_length=300, blank=True, help_text=_("Why the address was last marked, or unmarked, do not disclose.")
    )
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood", on_delete=models.PROTECT, null=True, blank=True, related_name="families"
    )
    preferred_language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=30, blank=True, help_text=_("A mobile number, for text messages."))
    contact_channel = models.CharField(
        max_length=8,
        choices=[("email", _("Email")), ("sms", _("Text message"))],
        default="email",
        help_text=_("How the family prefers us to send them messages."),
    )
    interpreter_needed = models.BooleanField(default=False)
    social_care_status = models.CharField(
        max_length=20, choices=SocialCareStatus.choices, default=SocialCareStatus.NOT_KNOWN
    )
    open_to_social_care = models.BooleanField(
        default=False,
        help_text=_("A social worker is already working with the family. Kept in step with the social-care status."),
    )
    previous_child_removal = models.BooleanField(
        default=False,
        help_text=_("A child has been removed from a parent's care before: relevant to Fresh Start."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["family_name", "reference"]
        verbose_name_plural = _("families")
        constraints = [
            models.CheckConstraint(
                name="open_to_social_care_matches_status",
                condition=(
                    models.Q(open_to_social_care=True, social_care_status__in=ACTIVE_SOCIAL_CARE_STATUSES)
                    | (
                        models.Q(open_to_social_care=False)
                        & ~models.Q(social_care_status__in=ACTIVE_SOCIAL_CARE_STATUSES)
                    )
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.family_name} family ({self.reference})"


class Person(TrackedModel):
    """A member of a family: an adult, a child, or a child not yet born."""

    class Kind(models.TextChoices):
        ADULT = "adult", _("Adult")
        CHILD = "child", _("Child")
        UNBORN = "unborn", _("Unborn child")

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="members")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    relationship = models.CharField(
        max_length=50, blank=True, help_text=_("Relationship to the child or children, e.g. mother, grandparent.")
    )
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_delivery = models.DateField(null=True, blank=True)
    has_send = models.BooleanField(_("special educational needs or disabilities"), default=False)
    school_or_nursery = models.CharField(max_length=150, blank=True)
    main_language = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("The language they speak best, in their own words: any language, not only the site's."),
    )
    interpreter_needed = models.BooleanField(default=False)
    ethnicity = models.CharField(_("ethnic group"), max_length=40, blank=True, default="", choices=ETHNICITY_CHOICES)
    lives_elsewhere = models.BooleanField(
        default=False, help_text=_("An adult who lives outside the household, such as a parent living apart.")
    )
    # Only for an adult who lives elsewhere: everyone else lives at the family's address.
    address_line = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    address_hidden = models.BooleanField(_("do not disclose address"), default=False)
    address_hidden_reason = models.CharField(
        max_length=300, blank=True, help_text=_("Why the address was last marked, or unmarked, do not disclose.")
    )

    class Meta:
        ordering = ["kind", "date_of_birth"]
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                name="unborn_child_has_due_date",
                condition=~models.Q(kind="unborn") | models.Q(expected_date_of_delivery__isnull=False),
            ),
            models.CheckConstraint(
                name="only_adults_live_elsewhere",
                condition=models.Q(kind="adult") | models.Q(lives_elsewhere=False),
            ),
            models.CheckConstraint(
                name="own_address_only_when_living_elsewhere",
                condition=models.Q(lives_elsewhere=True) | models.Q(address_line="", postcode="", address_hidden=False),
            ),
        ]

    def __str__(self) -> str:
        return self.name_of(kind=self.kind, given_name=self.given_name, family_name=self.family_name)

    @classmethod
    def name_of(cls, *, kind: str, given_name: str, family_name: str) -> str:
        """How a person is named on every page, from their columns alone (a list read with `values()`)."""
        if kind == cls.Kind.UNBORN:
            return str(_("Unborn child"))
        return f"{given_name} {family_name}".strip()

    def age_on(self, day: date) -> int | None:
        if self.date_of_birth is None:
            return None
        years = day.year - self.date_of_birth.year
        if (day.month, day.day) < (self.date_of_birth.month, self.date_of_birth.day):
            years -= 1
        return years

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())

    @property
    def can_give_consent(self) -> bool:
        """An adult, or a young person old enough to consent for themselves."""
        if self.kind == self.Kind.ADULT:
            return True
        age = self.age
        return self.kind == self.Kind.CHILD and age is not None and age >= AGE_OF_OWN_CONSENT
