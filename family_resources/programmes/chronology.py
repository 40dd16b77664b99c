"""Group programmes on the family's chronology: places, waiting-list offers, each register mark and completion.

Registered with casework's chronology from `ProgrammesConfig.ready()`. Two queries, however many entries.
"""

from collections.abc import Iterator
from datetime import datetime

from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from family_resources.casework.chronology import ChronologyScope, Entry, EntryKind, RecordRef
from family_resources.programmes.models import Attendance, ContactSession, Enrolment, EnrolmentStatus

KIND = EntryKind.GROUP_ATTENDANCE


def _link(enrolment_id: int) -> str:
    return reverse("programmes:enrolment", args=[enrolment_id])


def _name(user: object) -> str:
    return getattr(user, "full_name", "") if user is not None else ""


def group_attendance_entries(scope: ChronologyScope) -> Iterator[Entry]:
    enrolments = (
        Enrolment.objects.filter(episode_id__in=scope.episode_ids)
        .order_by()
        .select_related("programme", "person", "requested_by", "ended_by")
    )
    for enrolment in enrolments:
        yield from _enrolment_entries(enrolment)
    attendances = (
        Attendance.objects.filter(enrolment__episode_id__in=scope.episode_ids)
        .order_by()
        .select_related("session", "enrolment__programme", "enrolment__person", "recorded_by")
    )
    titles = {
        Attendance.Mark.ATTENDED: _("Attended session %(number)s of %(programme)s"),
        Attendance.Mark.ABSENT: _("Absent from session %(number)s of %(programme)s"),
        Attendance.Mark.APOLOGIES: _("Sent apologies for session %(number)s of %(programme)s"),
    }
    for attendance in attendances:
        enrolment = attendance.enrolment
        yield Entry(
            when=attendance.session.starts_at,
            kind=KIND,
            title=titles[Attendance.Mark(attendance.mark)]
            % {"number": attendance.session.number, "programme": enrolment.programme.name},
            detail=str(enrolment.person),
            author=_name(attendance.recorded_by),
            link=_link(enrolment.pk),
            episode_id=enrolment.episode_id,
            record=RecordRef.of(attendance),
        )


def supervised_contact_entries(scope: ChronologyScope) -> Iterator[Entry]:
    """Each supervised contact session: booked, cancelled, or what the supervising worker saw. One query."""
    sessions = (
        ContactSession.objects.filter(episode_id__in=scope.episode_ids)
        .order_by()
        .select_related("child", "parent", "supervisor", "booked_by", "observation__signed_by")
    )
    for session in sessions:
        yield from _contact_entries(session)


def _contact_entries(session: ContactSession) -> Iterator[Entry]:
    between = _("%(child)s with %(parent)s") % {"child": session.child, "parent": session.parent}
    start = timezone.localtime(session.starts_at)
    when = _("%(time)s on %(date)s") % {"time": time_format(start, "G:i"), "date": date_format(start, "j F Y")}

    def entry(moment: datetime, title: str, detail: str, author: str, record: Model) -> Entry:
        return Entry(
            when=moment,
            kind=EntryKind.SUPERVISED_CONTACT,
            title=title,
            detail=detail,
            author=author,
            link=reverse("programmes:contact", args=[session.pk]),
            episode_id=session.episode_id,
            record=RecordRef.of(record),
        )

    yield entry(session.booked_at, _("Supervised contact booked for %(when)s") % {"when": when}, between,
                _name(session.booked_by), session)  # fmt: skip
    if session.status == ContactSession.Status.CANCELLED:
        yield entry(session.starts_at, _("Supervised contact cancelled"), session.cancelled_reason, "", session)
    observation = getattr(session, "observation", None)
    if observation is not None:
        detail = f"{between}. {observation.get_interaction_quality_display()}"
        if observation.concerns:
            detail += ". " + _("Concerns were recorded.")
        yield entry(observation.signed_at, _("Supervised contact took place"), detail,
                    _name(observation.signed_by), observation)  # fmt: skip


def _enrolment_entries(enrolment: Enrolment) -> Iterator[Entry]:
    programme = enrolment.programme.name
    person = str(enrolment.person)

    def entry(when: datetime, title: str, detail: str = "", author: str = "") -> Entry:
        return Entry(
            when=when,
            kind=KIND,
            title=title,
            detail=detail,
            author=author,
            link=_link(enrolment.pk),
            episode_id=enrolment.episode_id,
            record=RecordRef.of(enrolment),
        )

    asked_by = _name(enrolment.requested_by) or (
        _("The family, in the family portal") if enrolment.requested_through_portal else ""
    )
    straight_in = enrolment.position is None
    if straight_in:
        yield entry(enrolment.requested_at, _("Place on %(programme)s") % {"programme": programme}, person,
                    asked_by)  # fmt: skip
    else:
        yield entry(
            enrolment.requested_at,
            _("Joined the waiting list for %(programme)s") % {"programme": programme},
            _("%(person)s, number %(position)s on the list.") % {"person": person, "position": enrolment.position},
            asked_by,
        )
    if enrolment.offered_at is not None and enrolment.offer_expires_at is not None:
        expires = timezone.localtime(enrolment.offer_expires_at)
        yield entry(
            enrolment.offered_at,
            _("Offered a place on %(programme)s") % {"programme": programme},
            _("A place came free. The family has until %(time)s on %(date)s to take it.")
            % {"time": time_format(expires, "G:i"), "date": date_format(expires, "j F Y")},
        )
    if not straight_in and enrolment.enrolled_at is not None:
        yield entry(enrolment.enrolled_at, _("Took up the place on %(programme)s") % {"programme": programme}, person)
    if enrolment.ended_at is None:
        return
    author = _name(enrolment.ended_by)
    attended = _("%(person)s attended %(attended)s of %(held)s sessions.") % {
        "person": person,
        "attended": enrolment.sessions_attended,
        "held": enrolment.sessions_held,
    }
    match enrolment.status:
        case EnrolmentStatus.COMPLETED:
            yield entry(enrolment.ended_at, _("Completed %(programme)s") % {"programme": programme}, attended, author)
        case EnrolmentStatus.DID_NOT_COMPLETE:
            yield entry(enrolment.ended_at, _("Did not complete %(programme)s") % {"programme": programme},
                        attended, author)  # fmt: skip
        case EnrolmentStatus.DECLINED if enrolment.offer_lapsed:
            yield entry(enrolment.ended_at, _("Offer of a place on %(programme)s ran out") % {"programme": programme})
        case EnrolmentStatus.DECLINED:
            yield entry(enrolment.ended_at, _("Turned down the place on %(programme)s") % {"programme": programme},
                        enrolment.end_reason, author)  # fmt: skip
        case EnrolmentStatus.WITHDRAWN:
            yield entry(enrolment.ended_at, _("Withdrawn from %(programme)s") % {"programme": programme},
                        enrolment.end_reason, author)  # fmt: skip
