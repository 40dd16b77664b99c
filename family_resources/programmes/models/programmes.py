"""A group programme: a course of weekly sessions in a hub room, run by facilitators for a set number of families."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A course longer than a year is not a weekly group programme: it is a mistake in the number of sessions.
MAX_SESSIONS = 52


class Programme(models.Model):
    """One run of a catalogue intervention delivered as a group, such as Incredible Years at Leagrave in spring."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for enrolment")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    intervention = models.ForeignKey(
        "catalogue.Intervention",
        on_delete=models.PROTECT,
        related_name="programmes",
        limit_choices_to={"group": True},
    )
    name = models.CharField(
        max_length=150, help_text=_("How staff tell runs apart, for example “Incredible Years, Leagrave, spring 2027”.")
    )
    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text=_("The team that runs it: its managers manage the programme and take its registers."),
    )
    room = models.ForeignKey("places.Room", on_delete=models.PROTECT, related_name="programmes")
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="facilitated_programmes")
    capacity = models.PositiveSmallIntegerField(
        help_text=_("Places for parents and carers. With the facilitators, no more than the room holds.")
    )
    starts_on = models.DateField(help_text=_("The first session. The others follow weekly on the same day."))
    start_time = models.TimeField()
    end_time = models.TimeField()
    session_count = models.PositiveSmallIntegerField(help_text=_("How many weekly sessions the course has."))
    min_child_age = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("The youngest a family's child may be, in years, when the course starts.")
    )
    max_child_age = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("The oldest a family's child may be, in years, when the course starts.")
    )
    needs = models.JSONField(
        default=list,
        blank=True,
        help_text=_(
            "The Supporting Families needs (casework domains) the course is for. "
            "Empty when it is open to families with any need."
        ),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_on", "name"]
        constraints = [
            models.CheckConstraint(name="programme_has_places", condition=models.Q(capacity__gte=1)),
            models.CheckConstraint(
                name="programme_session_ends_after_it_starts", condition=models.Q(start_time__lt=models.F("end_time"))
            ),
            models.CheckConstraint(
                name="programme_session_count_in_range",
                condition=models.Q(session_count__gte=1, session_count__lte=MAX_SESSIONS),
            ),
            models.CheckConstraint(
                name="programme_age_range_in_order",
                condition=models.Q(min_child_age__isnull=True)
                | models.Q(max_child_age__isnull=True)
                | models.Q(min_child_age__lte=models.F("max_child_age")),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def weekday(self) -> int:
        """Monday is 0, as in places.OpeningHours: every session is on the first session's day of the week."""
        return self.starts_on.weekday()

    @property
    def takes_enrolments(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.RUNNING)


class ProgrammeSession(models.Model):
    """One weekly session of a programme, made when the programme is created."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField()
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    cancelled = models.BooleanField(default=False)
    cancelled_reason = models.CharField(max_length=300, blank=True)
    register_taken_at = models.DateTimeField(null=True, blank=True)
    register_taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="one_session_number_per_programme"),
            models.CheckConstraint(
                name="programme_session_in_order", condition=models.Q(starts_at__lt=models.F("ends_at"))
            ),
            models.CheckConstraint(
                name="cancelled_session_has_reason",
                condition=models.Q(cancelled=False) | ~models.Q(cancelled_reason=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme}: session {self.number}"

    @property
    def date(self) -> date:
        return timezone.localdate(self.starts_at)
