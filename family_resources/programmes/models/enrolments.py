"""A parent or carer's place on a programme (or their turn on its waiting list), and their attendance."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Has a place")
    WAITING = "waiting", _("On the waiting list")
    OFFERED = "offered", _("Offered a place")
    DECLINED = "declined", _("Did not take up the offer")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed")
    DID_NOT_COMPLETE = "did_not_complete", _("Did not complete")


# An offered place is held for the family until they answer or the offer runs out.
HOLDS_PLACE = (EnrolmentStatus.ENROLLED, EnrolmentStatus.OFFERED)
ACTIVE = (EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING, EnrolmentStatus.OFFERED)


class Enrolment(TrackedModel):
    """A request for a place for one parent or carer: it holds a place, or a position on the waiting list."""

    programme = models.ForeignKey("programmes.Programme", on_delete=models.PROTECT, related_name="enrolments")
    episode = models.ForeignKey("casework.Episode", on_delete=models.PROTECT, related_name="programme_enrolments")
    person = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        related_name="programme_enrolments",
        help_text=_("The parent or carer who attends."),
    )
    plan_action = models.ForeignKey(
        "casework.PlanAction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_enrolments",
        help_text=_("The action on the family's support plan this place delivers."),
    )
    status = models.CharField(max_length=20, choices=EnrolmentStatus.choices)
    position = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_("Order on the waiting list, from 1. Kept after an offer, so the order can be checked later."),
    )
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    requested_through_portal = models.BooleanField(
        default=False, help_text=_("The family asked for the place themselves, in the family portal.")
    )
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    offer_lapsed = models.BooleanField(default=False, help_text=_("The family did not answer the offer in time."))
    enrolled_at = models.DateTimeField(null=True, blank=True, help_text=_("When the family took a place."))
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    end_reason = models.CharField(max_length=300, blank=True)
    sessions_attended = models.PositiveSmallIntegerField(null=True, blank=True)
    sessions_held = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Sessions that took place, counted when the course was completed.")
    )

    class Meta:
        ordering = ["programme", "requested_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="enrolment_requested_by_staff_or_family",
                condition=models.Q(requested_by__isnull=False) | models.Q(requested_through_portal=True),
            ),
            # Also what stops a double click from taking two places for one parent.
            models.UniqueConstraint(
                fields=["programme", "person"],
                condition=models.Q(status__in=["enrolled", "waiting", "offered"]),
                name="one_active_enrolment_per_person",
            ),
            models.UniqueConstraint(
                fields=["programme", "position"],
                condition=models.Q(position__isnull=False),
                name="one_family_per_waiting_list_position",
            ),
            models.CheckConstraint(
                name="waiting_enrolment_has_position",
                condition=~models.Q(status__in=["waiting", "offered"]) | models.Q(position__isnull=False),
            ),
            models.CheckConstraint(
                name="offer_has_expiry",
                condition=~models.Q(status="offered") | models.Q(offer_expires_at__isnull=False),
            ),
            models.CheckConstraint(
                name="enrolled_has_enrolment_time",
                condition=~models.Q(status__in=["enrolled", "completed", "did_not_complete"])
                | models.Q(enrolled_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Enrolment {self.pk} on programme {self.programme_id} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE


class Attendance(TrackedModel):
    """One parent's mark on one session's register."""

    class Mark(models.TextChoices):
        ATTENDED = "attended", _("Attended")
        ABSENT = "absent", _("Absent")
        APOLOGIES = "apologies", _("Absent with apologies")

    session = models.ForeignKey("programmes.ProgrammeSession", on_delete=models.PROTECT, related_name="attendances")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="attendances")
    mark = models.CharField(max_length=10, choices=Mark.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["session", "enrolment"]
        constraints = [models.UniqueConstraint(fields=["session", "enrolment"], name="one_mark_per_session")]

    def __str__(self) -> str:
        return f"{self.get_mark_display()} (session {self.session_id})"
