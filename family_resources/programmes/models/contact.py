"""Supervised contact at the contact centre: a child and a parent they do not live with, and what the worker saw."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel

# The contact centre is reference data (places/0002_reference_data); supervised contact happens only there.
CONTACT_CENTRE_SLUG = "manor-contact-centre"


class ContactSession(TrackedModel):
    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        TOOK_PLACE = "took_place", _("Took place")
        CANCELLED = "cancelled", _("Cancelled")

    episode = models.ForeignKey("casework.Episode", on_delete=models.PROTECT, related_name="contact_sessions")
    room = models.ForeignKey("places.Room", on_delete=models.PROTECT, related_name="contact_sessions")
    child = models.ForeignKey("families.Person", on_delete=models.PROTECT, related_name="contact_sessions_as_child")
    parent = models.ForeignKey("families.Person", on_delete=models.PROTECT, related_name="contact_sessions_as_parent")
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervised_contact_sessions"
    )
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.BOOKED)
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    booked_at = models.DateTimeField(default=timezone.now)
    cancelled_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                name="contact_ends_after_it_starts", condition=models.Q(starts_at__lt=models.F("ends_at"))
            ),
            models.CheckConstraint(
                name="cancelled_contact_has_reason",
                condition=~models.Q(status="cancelled") | ~models.Q(cancelled_reason=""),
            ),
            models.CheckConstraint(name="contact_between_two_people", condition=~models.Q(child=models.F("parent"))),
        ]

    def __str__(self) -> str:
        return f"Supervised contact {self.pk} ({self.get_status_display()})"


class ContactObservation(TrackedModel):
    """What the supervising worker saw, written after the session and signed by them: it cannot be changed."""

    class Quality(models.TextChoices):
        GOOD = "good", _("Good: warm, responsive and safe")
        ADEQUATE = "adequate", _("Adequate: some difficulties that the parent managed")
        POOR = "poor", _("Poor: the parent needed a lot of help, or the child was distressed")

    session = models.OneToOneField(ContactSession, on_delete=models.PROTECT, related_name="observation")
    what_happened = models.TextField()
    interaction_quality = models.CharField(max_length=10, choices=Quality.choices)
    concerns = models.TextField(
        blank=True, help_text=_("Any worry about the child's safety or wellbeing, and what the worker did about it.")
    )
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Observation of supervised contact {self.session_id}"
