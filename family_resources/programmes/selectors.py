"""Reads about programmes, their places and registers, and supervised contact."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.casework.models import Assessment, AssessmentFinding, Episode, OutcomeStatus, PlanOutcome
from family_resources.places.models import Room
from family_resources.programmes.eligibility import sessions_needed
from family_resources.programmes.models import (
    ACTIVE,
    HOLDS_PLACE,
    Attendance,
    ContactSession,
    Enrolment,
    EnrolmentStatus,
    Programme,
    ProgrammeSession,
)

CURRENT = (Programme.Status.DRAFT, Programme.Status.OPEN, Programme.Status.RUNNING)


@dataclass(frozen=True)
class RoomUse:
    label: str
    starts_at: datetime
    ends_at: datetime


def room_in_use(*, room: Room, starts_at: datetime, ends_at: datetime) -> list[RoomUse]:
    """Programme sessions and supervised contact in the room that overlap the time, earliest first."""
    overlapping = Q(starts_at__lt=ends_at, ends_at__gt=starts_at)
    sessions = ProgrammeSession.objects.filter(overlapping, programme__room=room, cancelled=False).select_related(
        "programme"
    )
    contact = ContactSession.objects.filter(overlapping, room=room).exclude(status=ContactSession.Status.CANCELLED)
    uses = [RoomUse(label=s.programme.name, starts_at=s.starts_at, ends_at=s.ends_at) for s in sessions]
    # Not the family's name: whoever else wants the room learns only that it is taken.
    uses += [RoomUse(label=_("supervised contact"), starts_at=c.starts_at, ends_at=c.ends_at) for c in contact]
    return sorted(uses, key=lambda use: use.starts_at)


def _with_counts(programmes: QuerySet[Programme]) -> QuerySet[Programme]:
    return programmes.annotate(
        enrolled_count=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.ENROLLED)),
        offered_count=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.OFFERED)),
        waiting_count=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.WAITING)),
    )


def programme_list(*, current: bool = True) -> QuerySet[Programme]:
    """Programmes with their places taken, offered and waited for; finished ones most recent first."""
    programmes = Programme.objects.select_related("intervention", "room__place", "team")
    if current:
        return _with_counts(programmes.filter(status__in=CURRENT)).order_by("starts_on", "name")
    return _with_counts(programmes.filter(status=Programme.Status.FINISHED)).order_by("-starts_on", "name")


def programme_for_page(*, programme_id: int) -> Programme:
    programmes = Programme.objects.select_related("intervention", "room__place", "team", "created_by")
    return get_object_or_404(_with_counts(programmes).prefetch_related("facilitators", "sessions"), pk=programme_id)


@dataclass(frozen=True)
class Places:
    capacity: int
    taken: int
    offered: int
    waiting: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.taken - self.offered)

    @property
    def fill_rate(self) -> int:
        """Places taken or held for an offer, as a whole percentage of the places there are."""
        return round(100 * (self.taken + self.offered) / self.capacity) if self.capacity else 0


def places_of(programme: Programme) -> Places:
    """From the counts `programme_list` and `programme_for_page` annotate, or counted now."""
    annotated = vars(programme)
    if "enrolled_count" in annotated:
        counts = (annotated["enrolled_count"], annotated["offered_count"], annotated["waiting_count"])
    else:
        rows = Enrolment.objects.filter(programme=programme).values("status").annotate(n=Count("id"))
        by_status = {row["status"]: row["n"] for row in rows}
        counts = (
            by_status.get(EnrolmentStatus.ENROLLED, 0),
            by_status.get(EnrolmentStatus.OFFERED, 0),
            by_status.get(EnrolmentStatus.WAITING, 0),
        )
    return Places(capacity=programme.capacity, taken=counts[0], offered=counts[1], waiting=counts[2])


def places_holding_count(*, programme: Programme) -> int:
    return Enrolment.objects.filter(programme=programme, status__in=HOLDS_PLACE).count()


def held_sessions(*, programme: Programme) -> QuerySet[ProgrammeSession]:
    return programme.sessions.filter(cancelled=False)


def still_joinable(*, programme: Programme, now: datetime | None = None) -> bool:
    """Whether someone taking a place now could still attend enough sessions to complete the course."""
    moment = now or timezone.now()
    sessions = list(held_sessions(programme=programme).values_list("starts_at", flat=True))
    needed = sessions_needed(held=len(sessions), percent=settings.PROGRAMMES_COMPLETION_PERCENT)
    return sum(1 for starts_at in sessions if starts_at > moment) >= needed


def enrolments_on(*, programme: Programme, user: Any) -> QuerySet[Enrolment]:
    """The programme's enrolments this user may see by name, for its page: everyone, or their own teams' families."""
    enrolments = Enrolment.objects.filter(programme=programme).select_related("person", "episode__family")
    if user.has_perm("programmes.view_roster", programme):
        return enrolments
    return enrolments.filter(episode__team__memberships__user=user)


def open_programmes(*, intervention_id: int | None = None) -> QuerySet[Programme]:
    """Programmes that take enrolments now, for a practitioner choosing one; of one intervention when given."""
    programmes = Programme.objects.filter(status__in=(Programme.Status.OPEN, Programme.Status.RUNNING))
    if intervention_id is not None:
        programmes = programmes.filter(intervention_id=intervention_id)
    return _with_counts(programmes.select_related("intervention", "room__place")).order_by("starts_on", "name")


def family_needs(*, episode: Episode) -> set[str]:
    """The domains the family's signed-off assessment found a need in, or its plan has an open outcome for.

    Includes the episode the family's support carries on from, as the casework plan rules do.
    """
    episode_ids = [episode.pk] + ([episode.previous_episode_id] if episode.previous_episode_id else [])
    found = AssessmentFinding.objects.filter(
        assessment__episode_id__in=episode_ids,
        assessment__status=Assessment.Status.SIGNED_OFF,
        need_identified=True,
    ).values_list("domain", flat=True)
    planned = PlanOutcome.objects.filter(plan__episode=episode, status=OutcomeStatus.OPEN).values_list(
        "domain", flat=True
    )
    return set(found) | set(planned)


def session_for_register(*, session_id: int) -> ProgrammeSession:
    return get_object_or_404(
        ProgrammeSession.objects.select_related("programme__room__place", "programme__intervention"), pk=session_id
    )


def register_enrolments(*, session: ProgrammeSession) -> list[Enrolment]:
    """Who is on a session's register: everyone with a place who had taken it by the time the session ended,
    and anyone already marked on it (who may since have withdrawn or finished)."""
    marked = Attendance.objects.filter(session=session).values("enrolment_id")
    return list(
        Enrolment.objects.filter(
            Q(
                status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED, EnrolmentStatus.DID_NOT_COMPLETE),
                enrolled_at__lt=session.ends_at,
            )
            | Q(pk__in=marked),
            programme_id=session.programme_id,
        )
        .select_related("person", "episode__family")
        .order_by("person__given_name", "person__family_name", "pk")
    )


def marks_for(*, session: ProgrammeSession) -> dict[int, str]:
    return dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "mark"))


def enrolment_for_page(*, enrolment_id: int) -> Enrolment:
    return get_object_or_404(
        Enrolment.objects.select_related(
            "programme__room__place",
            "programme__intervention",
            "episode__family",
            "person",
            "plan_action",
            "requested_by",
            "ended_by",
        ),
        pk=enrolment_id,
    )


def attendance_of(*, enrolment: Enrolment) -> list[tuple[ProgrammeSession, Attendance | None]]:
    """Every session of the enrolment's programme, with the parent's mark where there is one."""
    marks = {a.session_id: a for a in enrolment.attendances.all()}
    return [(session, marks.get(session.pk)) for session in enrolment.programme.sessions.all()]


def episode_enrolments(*, episode: Episode) -> list[Enrolment]:
    """A family's places and waiting-list turns in this episode, newest first, for the case page."""
    return list(
        Enrolment.objects.filter(episode=episode)
        .select_related("programme__room__place", "person")
        .order_by("-requested_at", "-pk")
    )


def episode_contact_sessions(*, episode: Episode) -> list[ContactSession]:
    return list(
        ContactSession.objects.filter(episode=episode)
        .select_related("room__place", "child", "parent", "supervisor", "observation")
        .order_by("-starts_at")
    )


def contact_for_page(*, contact_id: int) -> ContactSession:
    return get_object_or_404(
        ContactSession.objects.select_related(
            "episode__family", "room__place", "child", "parent", "supervisor", "booked_by"
        ),
        pk=contact_id,
    )


def contact_sessions_for(*, user: Any) -> QuerySet[ContactSession]:
    """Supervised contact this user supervises or whose family their team works with; all for a service manager."""
    sessions = ContactSession.objects.select_related("room__place", "child", "parent", "supervisor", "episode__family")
    if not user.has_perm("programmes.view_all_contact"):
        sessions = sessions.filter(Q(supervisor=user) | Q(episode__team__memberships__user=user)).distinct()
    return sessions.order_by("starts_at")


def active_enrolment_exists(*, programme: Programme, person_id: int) -> bool:
    return Enrolment.objects.filter(programme=programme, person_id=person_id, status__in=ACTIVE).exists()
