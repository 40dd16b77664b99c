"""Registers per session, completing the course, and what the family's chronology and plan show of it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.chronology import EntryKind, family_chronology
from family_resources.casework.models import ActionStatus
from family_resources.programmes.models import Attendance, EnrolmentStatus, Programme
from family_resources.programmes.services.enrolments import enrolment_cancel, enrolment_request
from family_resources.programmes.services.programmes import programme_session_cancel
from family_resources.programmes.services.registers import attendance_record, programme_complete
from family_resources.programmes.tests.factories import (
    family_on_case,
    family_with_plan,
    move_into_past,
    open_programme,
)

pytestmark = pytest.mark.django_db

ATTENDED, ABSENT, APOLOGIES = Attendance.Mark.ATTENDED, Attendance.Mark.ABSENT, Attendance.Mark.APOLOGIES


def course_with(parents=1, *, sessions=4, **kwargs):
    """A programme whose sessions are all in the past, with parents who asked for places before it began."""
    programme = open_programme(sessions=sessions, **kwargs)
    enrolments = []
    for _ in range(parents):
        episode, parent = family_on_case()
        enrolments.append(
            enrolment_request(programme=programme, episode=episode, person=parent, by=staff(Role.PRACTITIONER))
        )
    facilitator = programme.facilitators.get()
    return move_into_past(programme, weeks_ago=sessions), enrolments, facilitator


def take_registers(programme, enrolment, marks, by):
    for session, mark in zip(programme.sessions.order_by("number"), marks, strict=True):
        attendance_record(session=session, marks={enrolment.pk: mark}, by=by)


def test_a_register_needs_a_mark_for_every_parent():
    programme, (first, second), facilitator = course_with(2)
    session = programme.sessions.get(number=1)

    with pytest.raises(ValidationError) as caught:
        attendance_record(session=session, marks={first.pk: ATTENDED, second.pk: "late"}, by=facilitator)

    assert caught.value.message_dict == {f"mark_{second.pk}": [f"Choose whether {second.person} attended"]}
    assert not Attendance.objects.exists()


def test_taking_a_register_starts_the_programme_and_can_be_corrected():
    programme, (enrolment,), facilitator = course_with()
    session = programme.sessions.get(number=1)

    attendance_record(session=session, marks={enrolment.pk: ABSENT}, by=facilitator)
    attendance_record(session=session, marks={enrolment.pk: APOLOGIES}, by=facilitator)

    programme.refresh_from_db()
    session.refresh_from_db()
    assert programme.status == Programme.Status.RUNNING
    assert session.register_taken_at is not None
    assert list(Attendance.objects.values_list("mark", flat=True)) == [APOLOGIES]
    changed = AuditEvent.objects.filter(object_type="programmes.attendance", action=AuditAction.UPDATE).get()
    assert "mark" in changed.changed_fields


def test_a_future_or_cancelled_session_has_no_register():
    programme = open_programme()
    episode, parent = family_on_case()
    enrolment = enrolment_request(programme=programme, episode=episode, person=parent, by=staff(Role.PRACTITIONER))
    first, second = programme.sessions.order_by("number")[:2]
    programme_session_cancel(session=second, reason="Room flooded.")

    with pytest.raises(ValidationError, match="take its register on the day or after"):
        attendance_record(session=first, marks={enrolment.pk: ATTENDED}, by=staff(Role.PRACTITIONER))
    with pytest.raises(ValidationError, match="cancelled"):
        attendance_record(session=second, marks={enrolment.pk: ATTENDED}, by=staff(Role.PRACTITIONER))


def test_completion_needs_every_register_taken():
    programme, (enrolment,), facilitator = course_with(sessions=2)
    attendance_record(session=programme.sessions.get(number=1), marks={enrolment.pk: ATTENDED}, by=facilitator)

    with pytest.raises(ValidationError, match="Take the register for session 2"):
        programme_complete(programme=programme, by=facilitator)


def test_completion_before_the_last_session_is_refused():
    programme = open_programme()

    with pytest.raises(ValidationError, match="complete the programme after it"):
        programme_complete(programme=programme, by=staff(Role.TEAM_MANAGER))


def test_completing_marks_who_attended_enough_and_closes_the_waiting_list(settings):
    settings.PROGRAMMES_COMPLETION_PERCENT = 75
    programme, (keen, patchy, waiting), facilitator = course_with(3, sessions=4, capacity=2)
    for number, (keen_mark, patchy_mark) in enumerate(
        [(ATTENDED, ATTENDED), (ATTENDED, APOLOGIES), (ABSENT, ATTENDED), (ATTENDED, ABSENT)], start=1
    ):
        attendance_record(session=programme.sessions.get(number=number),
                          marks={keen.pk: keen_mark, patchy.pk: patchy_mark}, by=facilitator)  # fmt: skip

    programme_complete(programme=programme, by=facilitator)

    for enrolment in (keen, patchy, waiting):
        enrolment.refresh_from_db()
    assert (keen.status, keen.sessions_attended, keen.sessions_held) == (EnrolmentStatus.COMPLETED, 3, 4)
    assert (patchy.status, patchy.sessions_attended) == (EnrolmentStatus.DID_NOT_COMPLETE, 2)
    assert waiting.status == EnrolmentStatus.WITHDRAWN
    programme.refresh_from_db()
    assert programme.status == Programme.Status.FINISHED


def test_a_cancelled_session_does_not_count_against_completion():
    programme, (enrolment,), facilitator = course_with(sessions=4)
    sessions = list(programme.sessions.order_by("number"))
    programme_session_cancel(session=sessions[3], reason="Facilitator ill.")
    for session, mark in zip(sessions[:3], [ATTENDED, ATTENDED, ABSENT], strict=True):
        attendance_record(session=session, marks={enrolment.pk: mark}, by=facilitator)

    programme_complete(programme=programme, by=facilitator)

    enrolment.refresh_from_db()
    assert (enrolment.sessions_attended, enrolment.sessions_held) == (2, 3)
    assert enrolment.status == EnrolmentStatus.DID_NOT_COMPLETE  # two of three is 67%


def test_completing_from_the_plan_marks_the_action_done_and_the_chronology_shows_it_all(settings):
    settings.PROGRAMMES_COMPLETION_PERCENT = 50
    episode, practitioner, action, parent = family_with_plan()
    programme = open_programme(intervention=action.intervention, sessions=2)
    enrolment = enrolment_request(programme=programme, episode=episode, person=parent, plan_action=action,
                                  by=practitioner)  # fmt: skip
    move_into_past(programme, weeks_ago=2)
    facilitator = programme.facilitators.get()
    take_registers(programme, enrolment, [ATTENDED, ABSENT], facilitator)

    programme_complete(programme=programme, by=facilitator)  # one of two sessions is the 50% asked for

    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert action.completed_on == programme.sessions.get(number=2).date
    entries = [
        e for e in family_chronology(family=episode.family, user=practitioner) if e.kind == EntryKind.GROUP_ATTENDANCE
    ]
    name = programme.name
    assert [e.title for e in entries] == [
        f"Place on {name}",
        f"Attended session 1 of {name}",
        f"Absent from session 2 of {name}",
        f"Completed {name}",
    ]
    assert entries[-1].detail == f"{parent} attended 1 of 2 sessions."
    assert entries[0].link == reverse("programmes:enrolment", args=[enrolment.pk])
    assert {e.episode_id for e in entries} == {episode.pk}


def test_the_chronology_shows_the_waiting_list_and_the_offer():
    programme = open_programme(capacity=1)
    first_episode, first_parent = family_on_case()
    practitioner = staff(Role.PRACTITIONER, teams=[first_episode.team])
    taken = enrolment_request(programme=programme, episode=first_episode, person=first_parent, by=practitioner)
    episode, parent = family_on_case()
    enrolment_request(programme=programme, episode=episode, person=parent, by=practitioner)
    enrolment_cancel(enrolment=taken, reason="Moved away.", by=practitioner)

    titles = [
        e.title for e in family_chronology(family=episode.family, user=practitioner, kinds=[EntryKind.GROUP_ATTENDANCE])
    ]
    assert titles == [f"Joined the waiting list for {programme.name}", f"Offered a place on {programme.name}"]


def test_the_register_page_shows_radios_for_each_parent_and_saves_them(signed_in_client):
    programme, (first, second), facilitator = course_with(2)
    session = programme.sessions.get(number=1)
    url = reverse("programmes:register", args=[session.pk])
    client = signed_in_client(facilitator)

    page = client.get(url)
    assert page.status_code == 200
    assert page.content.decode().count('type="radio"') == 6
    assert escape(str(first.person)) in page.content.decode()

    response = client.post(url, {f"mark_{first.pk}": ATTENDED})
    assert response.status_code == 200
    assert escape(f"Choose whether {second.person} attended") in response.content.decode()
    assert 'value="attended" checked' in response.content.decode(), "what was typed is kept"

    response = client.post(url, {f"mark_{first.pk}": ATTENDED, f"mark_{second.pk}": APOLOGIES})
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("enrolment_id", "mark")) == {first.pk: ATTENDED, second.pk: APOLOGIES}


def test_only_facilitators_and_the_running_teams_managers_take_registers(signed_in_client):
    programme, _enrolments, _facilitator = course_with()
    session = programme.sessions.get(number=1)
    url = reverse("programmes:register", args=[session.pk])

    outsider = staff(Role.PRACTITIONER, teams=[programme.team])
    assert signed_in_client(outsider).get(url).status_code == 403
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, object_type="programmes.programme").exists()
    manager = staff(Role.TEAM_MANAGER, teams=[programme.team])
    assert signed_in_client(manager).get(url).status_code == 200


def test_a_future_sessions_register_page_says_when_it_can_be_taken(signed_in_client):
    programme = open_programme()
    facilitator = programme.facilitators.get()
    session = programme.sessions.get(number=1)

    page = signed_in_client(facilitator).get(reverse("programmes:register", args=[session.pk])).content.decode()

    assert "No one had a place on the programme at this session." in page
    episode, parent = family_on_case()
    enrolment_request(programme=programme, episode=episode, person=parent, by=facilitator)
    page = signed_in_client(facilitator).get(reverse("programmes:register", args=[session.pk])).content.decode()
    assert "You can take the register on the day of the session or after." in page
    assert 'type="radio"' not in page
