"""One-to-one appointments, and the fixed slots they hold so that nobody is ever booked twice."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel

# Appointments start and end on this grid, and each one holds every slot it covers (docs/decisions/0015).
# Not a setting: holds already written on one grid would not protect bookings made on another.
SLOT = timedelta(minutes=15)


class Where(models.TextChoices):
    PLACE = "place", _("At a hub or outreach base")
    HOME = "home", _("At the family's home")


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    ATTENDED = "attended", _("Attended")
    DID_NOT_ATTEND = "did_not_attend", _("Did not attend")
    CANCELLED = "cancelled", _("Cancelled")


class CancelReason(models.TextChoices):
    FAMILY_CANCELLED = "family_cancelled", _("The family cancelled")
    PRACTITIONER_UNAVAILABLE = "practitioner_unavailable", _("The practitioner cannot make it")
    NO_LONGER_NEEDED = "no_longer_needed", _("No longer needed")
    OTHER = "other", _("Another reason")
    # Set by the service only, never chosen on the cancel page.
    RESCHEDULED = "rescheduled", _("Moved to another time")
    PLACE_CLOSED = "place_closed", _("The building was closed that day")
    SUPPORT_ENDED = "support_ended", _("The family's support from the team ended")


# The reasons a member of staff chooses when cancelling by hand.
CHOSEN_CANCEL_REASONS = [
    CancelReason.FAMILY_CANCELLED,
    CancelReason.PRACTITIONER_UNAVAILABLE,
    CancelReason.NO_LONGER_NEEDED,
    CancelReason.OTHER,
]


class Appointment(TrackedModel):
    """A practitioner seeing one member of a family, at a room of a hub or outreach base or at their home.

    The appointment is with one person, the one it is arranged around, even when others of the family
    are there: the database can then keep that person from being booked twice (ADR 0015).
    """

    episode = models.ForeignKey("casework.Episode", on_delete=models.PROTECT, related_name="appointments")
    person = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        related_name="appointments",
        help_text=_("The member of the family the appointment is with."),
    )
    # Indexed with the time (Meta.indexes), not alone.
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments", db_index=False
    )
    plan_action = models.ForeignKey(
        "casework.PlanAction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        help_text=_("The action of the family's support plan the appointment is for, if any."),
    )
    purpose = models.CharField(max_length=200)
    where = models.CharField(max_length=10, choices=Where.choices)
    room = models.ForeignKey(
        "places.Room", on_delete=models.PROTECT, null=True, blank=True, related_name="appointments"
    )
    people_expected = models.PositiveSmallIntegerField(
        default=2, help_text=_("How many people will be in the room, the practitioner included.")
    )
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED)
    cancel_reason = models.CharField(max_length=30, choices=CancelReason.choices, blank=True)
    cancel_detail = models.CharField(max_length=300, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rescheduled_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rescheduled_as",
        help_text=_("The appointment this one replaces: moved to another time, or cancelled by a closure."),
    )
    marked_at = models.DateTimeField(null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    booked_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    # When the family's messages were queued: the reminder command sends each reminder once.
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [
            # A practitioner's diary is read by who, then by a span of time: over the years a practitioner holds
            # thousands of appointments, and the diary wants a week of them. (A room's day needs no such index: a
            # day of the whole service's appointments is already few.)
            models.Index(fields=["practitioner", "starts_at"], name="appointment_diary_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="appointment_ends_after_it_starts", condition=models.Q(ends_at__gt=models.F("starts_at"))
            ),
            models.CheckConstraint(
                name="appointment_room_only_at_a_place",
                condition=models.Q(where="place", room__isnull=False) | models.Q(where="home", room__isnull=True),
            ),
            models.CheckConstraint(
                name="cancelled_appointment_has_reason",
                condition=~models.Q(status="cancelled")
                | (~models.Q(cancel_reason="") & models.Q(cancelled_at__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return f"Appointment {self.pk} ({self.get_status_display()})"

    @property
    def at_home(self) -> bool:
        return self.where == Where.HOME

    @property
    def length(self) -> timedelta:
        return self.ends_at - self.starts_at

    @property
    def is_open_to_rebook(self) -> bool:
        """Cancelled by a closure and not yet given a new time."""
        return (
            self.status == AppointmentStatus.CANCELLED
            and self.cancel_reason == CancelReason.PLACE_CLOSED
            and not hasattr(self, "rescheduled_as")
        )


class SlotHold(models.Model):
    """One fixed slot of time held for a practitioner, a room and a family member.

    A booked appointment holds every slot it covers. The unique constraints are what stop double
    booking: two bookings racing for the same slot both try to insert a row, and the database lets
    only one of them commit, on SQLite and PostgreSQL alike. Another app (group sessions, for
    example) may hold slots too, naming what it holds them for.
    """

    slot_start = models.DateTimeField()
    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, null=True, blank=True, related_name="holds")
    held_for = models.CharField(
        max_length=100, blank=True, help_text=_("What another app holds the slot for, such as 'programmes.session:12'.")
    )
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    room = models.ForeignKey("places.Room", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    person = models.ForeignKey("families.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["slot_start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["practitioner", "slot_start"],
                condition=models.Q(practitioner__isnull=False),
                name="practitioner_booked_once_per_slot",
            ),
            models.UniqueConstraint(
                fields=["room", "slot_start"], condition=models.Q(room__isnull=False), name="room_booked_once_per_slot"
            ),
            models.UniqueConstraint(
                fields=["person", "slot_start"],
                condition=models.Q(person__isnull=False),
                name="person_booked_once_per_slot",
            ),
            models.CheckConstraint(
                name="hold_is_for_something",
                condition=models.Q(appointment__isnull=False) | ~models.Q(held_for=""),
            ),
            models.CheckConstraint(
                name="hold_holds_someone_or_somewhere",
                condition=models.Q(practitioner__isnull=False)
                | models.Q(room__isnull=False)
                | models.Q(person__isnull=False),
            ),
        ]
        indexes = [models.Index(fields=["held_for"], name="slot_hold_held_for_idx")]

    def __str__(self) -> str:
        return f"Slot from {self.slot_start:%Y-%m-%d %H:%M}"
