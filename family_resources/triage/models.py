"""Threshold decisions made by front-door officers on referrals."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel
from family_resources.triage.routing import Route


class Domain(models.TextChoices):
    CHILD_DEVELOPMENT = "child_development", _("Child's development")
    PARENTING_CAPACITY = "parenting_capacity", _("Parenting capacity")
    FAMILY_ENVIRONMENT = "family_environment", _("Family and environment")


class GuidanceVersion(models.Model):
    """One published version of the threshold guidance. Versions are never edited: a change makes a new one."""

    number = models.PositiveIntegerField(unique=True)
    change_note = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"Threshold guidance version {self.number}"


class GuidanceLevel(models.Model):
    version = models.ForeignKey(GuidanceVersion, on_delete=models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    title = models.CharField(max_length=100)
    description = models.TextField()

    class Meta:
        ordering = ["level"]
        constraints = [models.UniqueConstraint(fields=["version", "level"], name="one_description_per_level")]

    def __str__(self) -> str:
        return f"Level {self.level}: {self.title}"


class GuidanceIndicator(models.Model):
    """A sign that a family's needs are at a level, in one domain of the assessment triangle."""

    version = models.ForeignKey(GuidanceVersion, on_delete=models.CASCADE, related_name="indicators")
    level = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    domain = models.CharField(max_length=24, choices=Domain.choices)
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["level", "domain", "position", "id"]

    def __str__(self) -> str:
        return self.text


class Decision(TrackedModel):
    """A front-door officer's threshold decision on one referral, and where it sent the family."""

    referral = models.OneToOneField("intake.Referral", on_delete=models.PROTECT, related_name="decision")
    level = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    immediate_risk = models.BooleanField(default=False)
    route = models.CharField(max_length=24, choices=Route.choices)
    rationale = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now, db_index=True)
    guidance_version = models.ForeignKey(
        GuidanceVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        help_text=_("The version of the threshold guidance the officer decided under."),
    )
    indicators = models.ManyToManyField(GuidanceIndicator, blank=True, related_name="decisions")
    suggested_level = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("The level the ticked indicators suggested.")
    )
    differs_reason = models.TextField(blank=True, help_text=_("Why the decision differs from the suggested level."))
    needs = models.ManyToManyField("catalogue.Intervention", blank=True, related_name="decisions")
    service_areas = models.ManyToManyField("catalogue.ServiceArea", blank=True, related_name="decisions")

    class Meta:
        constraints = [models.CheckConstraint(name="level_1_to_4", condition=models.Q(level__gte=1, level__lte=4))]

    def __str__(self) -> str:
        return f"Level {self.level}: {self.get_route_display()}"

    @property
    def hours_to_decision(self) -> float:
        """From the contact arriving to the decision, for timeliness reporting."""
        return (self.decided_at - self.referral.received_at).total_seconds() / 3600


class SocialCareReferral(TrackedModel):
    """The safeguarding referral passed to children's social care when a decision routes a family there."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="social_care_referral")
    urgent = models.BooleanField(default=True)
    passed_on_at = models.DateTimeField(
        db_index=True, help_text=_("When the front door passed the referral to social care.")
    )
    passed_on_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"Social care referral for {self.decision.referral}"


class DecisionOverride(TrackedModel):
    """A team or service manager's review that changed an officer's decision, with the reason."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="overrides")
    previous_level = models.PositiveSmallIntegerField()
    previous_route = models.CharField(max_length=24, choices=Route.choices)
    new_level = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    new_route = models.CharField(max_length=24, choices=Route.choices)
    reason = models.TextField()
    overridden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    overridden_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["overridden_at"]

    def __str__(self) -> str:
        return f"Level {self.previous_level} to {self.new_level}"


class FollowUpOutcome(models.TextChoices):
    HELPED = "helped", _("Got the help they needed")
    NOT_HELPED = "not_helped", _("Did not get the help they needed")
    NO_ANSWER = "no_answer", _("No answer after a reminder")
    NEW_CONTACT = "new_contact", _("Contacted the service again")


class SignpostingPack(TrackedModel):
    """What a signposted family was pointed to: vetted community services and resource-centre articles."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="signposting_pack")
    stepped_down_from = models.OneToOneField(
        "casework.Episode",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="step_down_pack",
        help_text=_("Set when the pack was sent at the close of a neighbourhood team's work (step-down)."),
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    services = models.ManyToManyField("directory.Service", blank=True, related_name="+")
    articles = models.ManyToManyField("resources.Article", blank=True, related_name="+")
    message = models.ForeignKey(
        "notifications.Message",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The message that sent the pack; empty when the family has no contact details."),
    )
    # Closing the loop: with the family's consent we ask, a set time later, whether they got help.
    followup_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    followup_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    followup_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    followup_outcome = models.CharField(max_length=16, choices=FollowUpOutcome.choices, blank=True)
    followup_comments = models.TextField(blank=True)
    followup_closed_at = models.DateTimeField(null=True, blank=True)
    requeued_as = models.ForeignKey(
        "intake.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The new referral that put the family back in the front door's queue."),
    )

    def __str__(self) -> str:
        return f"Signposting pack for {self.decision.referral}"


class ScreeningNote(TrackedModel):
    """A note the screening officer adds to a referral: a call to the family or the referrer, or a check made."""

    class Kind(models.TextChoices):
        CALL_FAMILY = "call_family", _("Call with the family")
        CALL_REFERRER = "call_referrer", _("Call with the referrer")
        CHECK = "check", _("Check with another service")
        OTHER = "other", _("Other")

    referral = models.ForeignKey("intake.Referral", on_delete=models.PROTECT, related_name="screening_notes")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    text = models.TextField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.referral}"
