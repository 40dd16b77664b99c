"""The early-help assessment: the family's strengths and needs by domain, signed off by a manager."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class Domain(models.TextChoices):
    """The ten headline needs of the national Supporting Families outcome framework.

    Assessing and planning against the same domains the council reports on means the quarterly
    return is read straight off the records, with no re-keying (ADR 0014).
    """

    EDUCATION = "education", _("Getting a good education")
    EARLY_YEARS = "early_years", _("Good early years development")
    HEALTH = "health", _("Improved mental and physical health")
    SUBSTANCE_USE = "substance_use", _("Recovery and reducing harm from substance use")
    RELATIONSHIPS = "relationships", _("Improved family relationships")
    SAFETY = "safety", _("Children safe from abuse and exploitation")
    CRIME = "crime", _("Crime prevention and tackling crime")
    DOMESTIC_ABUSE = "domestic_abuse", _("Safe from domestic abuse")
    HOUSING = "housing", _("Secure housing")
    FINANCES = "finances", _("Financial stability")


class Assessment(TrackedModel):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        AWAITING_SIGN_OFF = "awaiting_sign_off", _("Waiting for sign-off")
        SIGNED_OFF = "signed_off", _("Signed off")

    episode = models.ForeignKey("casework.Episode", on_delete=models.PROTECT, related_name="assessments")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    started_on = models.DateField(default=timezone.localdate)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    family_view = models.TextField(
        blank=True, help_text=_("In the family's own words: what is going well, what worries them, what they want.")
    )
    child_view = models.TextField(
        blank=True, help_text=_("The child's or young person's own view, where they can give it.")
    )
    summary = models.TextField(blank=True, help_text=_("The practitioner's analysis: what most needs to change."))
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    manager_comment = models.TextField(blank=True)
    returned_reason = models.TextField(
        blank=True, help_text=_("Why the manager sent it back last time, until it is submitted again.")
    )

    class Meta:
        ordering = ["started_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["episode"],
                condition=~models.Q(status="signed_off"),
                name="one_unfinished_assessment_per_episode",
            ),
            models.CheckConstraint(
                name="signed_off_assessment_has_signer",
                condition=~models.Q(status="signed_off")
                | models.Q(signed_off_by__isnull=False, signed_off_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Assessment {self.pk} ({self.get_status_display()})"


class AssessmentFinding(TrackedModel):
    """What the practitioner found in one domain: the family's strengths and their needs."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="findings")
    domain = models.CharField(max_length=20, choices=Domain.choices)
    strengths = models.TextField(blank=True)
    needs = models.TextField(blank=True)
    need_identified = models.BooleanField(
        default=False, help_text=_("This domain is one of the family's needs: the plan should address it.")
    )

    class Meta:
        ordering = ["assessment", "domain"]
        constraints = [models.UniqueConstraint(fields=["assessment", "domain"], name="one_finding_per_domain")]

    def __str__(self) -> str:
        return self.get_domain_display()
