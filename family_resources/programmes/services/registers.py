"""Registers for each session, and completing the course: who attended enough of it, on the family's plan."""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format

from family_resources.casework.models import ActionStatus, Episode
from family_resources.casework.services.plans import plan_action_set_status
from family_resources.programmes import selectors
from family_resources.programmes.eligibility import completed
from family_resources.programmes.models import (
    ACTIVE,
    Attendance,
    Enrolment,
    EnrolmentStatus,
    Programme,
    ProgrammeSession,
)


@transaction.atomic
def attendance_record(*, session: ProgrammeSession, marks: Mapping[int, str], by: Any) -> list[Attendance]:
    """Take (or correct) a session's register: a mark for every parent on it, keyed by enrolment id.

    Errors are keyed `mark_<enrolment id>` so the register page can show each beside its parent.
    """
    session = ProgrammeSession.objects.select_for_update(of=("self",)).select_related("programme").get(pk=session.pk)
    programme = session.programme
    if programme.status not in (Programme.Status.OPEN, Programme.Status.RUNNING):
        raise ValidationError(
            "The programme has finished: its registers are closed."
            if programme.status == Programme.Status.FINISHED
            else "The programme is not open yet: it has no registers to take."
        )
    if session.cancelled:
        raise ValidationError("The session was cancelled: it has no register.")
    if session.date > timezone.localdate():
        raise ValidationError(
            f"The session is on {date_format(session.date, 'j F Y')}: take its register on the day or after."
        )
    enrolments = selectors.register_enrolments(session=session)
    errors = {
        f"mark_{e.pk}": f"Choose whether {e.person} attended"
        for e in enrolments
        if marks.get(e.pk) not in Attendance.Mark.values
    }
    if errors:
        raise ValidationError(errors)
    existing = {a.enrolment_id: a for a in Attendance.objects.select_for_update(of=("self",)).filter(session=session)}
    now = timezone.now()
    recorded = []
    for enrolment in enrolments:
        attendance = existing.get(enrolment.pk)
        if attendance is None:
            attendance = Attendance.objects.create(
                session=session, enrolment=enrolment, mark=marks[enrolment.pk], recorded_by=by, recorded_at=now
            )
        elif attendance.mark != marks[enrolment.pk]:
            # Saved one at a time, so the audit trail records each correction.
            attendance.mark = marks[enrolment.pk]
            attendance.recorded_by = by
            attendance.recorded_at = now
            attendance.save(update_fields=["mark", "recorded_by", "recorded_at"])
        recorded.append(attendance)
    session.register_taken_at = now
    session.register_taken_by = by
    session.save(update_fields=["register_taken_at", "register_taken_by"])
    if programme.status == Programme.Status.OPEN:
        Programme.objects.filter(pk=programme.pk).update(status=Programme.Status.RUNNING)
    return recorded


@transaction.atomic
def programme_complete(*, programme: Programme, by: Any) -> list[Enrolment]:
    """Finish the course: each parent with a place completed it if they attended at least the setting's share
    (PROGRAMMES_COMPLETION_PERCENT) of the sessions that took place, and a completed place marks the
    family's plan action done. Anyone still waiting had no place, and is withdrawn.
    """
    programme = Programme.objects.select_for_update(of=("self",)).get(pk=programme.pk)
    if programme.status not in (Programme.Status.OPEN, Programme.Status.RUNNING):
        raise ValidationError(
            "The programme has already been completed."
            if programme.status == Programme.Status.FINISHED
            else "The programme never opened: there is nothing to complete."
        )
    sessions = list(selectors.held_sessions(programme=programme))
    last = sessions[-1] if sessions else None
    if last is not None and last.ends_at > timezone.now():
        raise ValidationError(
            f"The last session is on {date_format(last.date, 'j F Y')}: complete the programme after it."
        )
    missing = [s for s in sessions if s.register_taken_at is None]
    if missing:
        raise ValidationError(
            f"Take the register for session {missing[0].number}, on {date_format(missing[0].date, 'j F Y')}, first."
        )
    now = timezone.now()
    held = len(sessions)
    enrolments = list(
        Enrolment.objects.select_for_update(of=("self",))
        .filter(programme=programme, status__in=ACTIVE)
        .select_related("plan_action", "episode")
    )
    # Counted apart from the locking query: PostgreSQL refuses FOR UPDATE with GROUP BY.
    attended = dict(
        Attendance.objects.filter(session__in=sessions, mark=Attendance.Mark.ATTENDED)
        .values("enrolment_id")
        .annotate(n=Count("id"))
        .values_list("enrolment_id", "n")
    )
    for enrolment in enrolments:
        enrolment.ended_at = now
        enrolment.ended_by = by
        if enrolment.status != EnrolmentStatus.ENROLLED:
            enrolment.status = EnrolmentStatus.WITHDRAWN
            enrolment.end_reason = "The programme ended before a place came up."
            enrolment.save(update_fields=["status", "ended_at", "ended_by", "end_reason"])
            continue
        count = attended.get(enrolment.pk, 0)
        done = completed(attended=count, held=held, percent=settings.PROGRAMMES_COMPLETION_PERCENT)
        enrolment.status = EnrolmentStatus.COMPLETED if done else EnrolmentStatus.DID_NOT_COMPLETE
        enrolment.sessions_attended = count
        enrolment.sessions_held = held
        enrolment.save(update_fields=["status", "ended_at", "ended_by", "sessions_attended", "sessions_held"])
        action = enrolment.plan_action
        if (
            done
            and action is not None
            and action.status not in (ActionStatus.DONE, ActionStatus.CANCELLED)
            and enrolment.episode.status == Episode.Status.OPEN
        ):
            plan_action_set_status(action=action, status=ActionStatus.DONE, on=last.date if last else None)
    programme.status = Programme.Status.FINISHED
    programme.save(update_fields=["status"])
    return enrolments
