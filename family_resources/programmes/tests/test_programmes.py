"""Setting up a programme, its pages, and enrolling a family from its plan through the pages."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from family_resources.accounts.models import Team
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.catalogue.models import Intervention
from family_resources.places.models import PlaceClosure
from family_resources.programmes import selectors
from family_resources.programmes.models import Enrolment, EnrolmentStatus, Programme
from family_resources.programmes.services.enrolments import enrolment_request
from family_resources.programmes.services.programmes import programme_create, programme_open
from family_resources.programmes.tests.factories import (
    family_on_case,
    family_with_plan,
    group_room,
    next_weekday,
    open_programme,
)

pytestmark = pytest.mark.django_db


def west() -> Team:
    return Team.objects.get(neighbourhood__slug="west")


def another_team(than: Team) -> Team:
    return Team.objects.exclude(pk=than.pk).filter(kind=Team.Kind.NEIGHBOURHOOD).order_by("name")[0]


def create(**overrides):
    team = overrides.pop("team", west())
    fields = {
        "intervention": Intervention.objects.get(slug="incredible-years"),
        "name": "Incredible Years, London Road",
        "team": team,
        "room": group_room(),
        "facilitators": [staff(Role.PRACTITIONER, teams=[team])],
        "capacity": 12,
        "starts_on": next_weekday(),
        "start_time": time(10),
        "end_time": time(12),
        "session_count": 10,
        "created_by": staff(Role.SERVICE_MANAGER),
    }
    return programme_create(**{**fields, **overrides})


def test_a_programme_gets_its_weekly_sessions_at_the_same_local_time():
    programme = create(session_count=10)

    sessions = list(programme.sessions.order_by("number"))
    assert [s.number for s in sessions] == list(range(1, 11))
    assert {s.date.weekday() for s in sessions} == {programme.starts_on.weekday()}
    # Across the clocks changing, every session still starts at 10am UK time.
    assert {timezone.localtime(s.starts_at).time() for s in sessions} == {time(10)}
    assert programme.status == Programme.Status.DRAFT


def test_a_week_the_place_is_closed_is_skipped_and_the_course_runs_a_week_longer():
    starts = next_weekday()
    PlaceClosure.objects.create(place=group_room().place, closed_on=starts + timedelta(weeks=2), reason="holiday")

    programme = create(session_count=4, starts_on=starts)

    assert [s.date for s in programme.sessions.order_by("number")] == [
        starts,
        starts + timedelta(weeks=1),
        starts + timedelta(weeks=3),
        starts + timedelta(weeks=4),
    ]


def test_the_places_and_the_facilitators_must_fit_in_the_room():
    room = group_room()  # holds 20, staff included
    team = west()
    two = [staff(Role.PRACTITIONER, teams=[team]) for _ in range(2)]

    with pytest.raises(ValidationError) as caught:
        create(room=room, facilitators=two, capacity=19)

    assert caught.value.message_dict["capacity"] == [
        f"{room} holds 20 people, staff included: with 2 facilitator(s) there can be no more than 18 places"
    ]
    assert create(room=room, facilitators=two, capacity=18).capacity == 18


def test_sessions_must_be_inside_opening_hours_and_the_room_free():
    with pytest.raises(ValidationError) as caught:
        create(start_time=time(16), end_time=time(18))
    assert "is open from 9:00 to 17:00" in caught.value.message_dict["start_time"][0]

    with pytest.raises(ValidationError) as caught:
        create(starts_on=next_weekday(5))
    assert "is not open on a Saturday" in caught.value.message_dict["starts_on"][0]

    first = create()
    with pytest.raises(ValidationError) as caught:
        create(
            name="Overlapping", starts_on=first.starts_on + timedelta(weeks=3), start_time=time(11), end_time=time(13)
        )
    assert f"already booked for {first.name}" in caught.value.message_dict["start_time"][0]


def test_the_form_errors_name_each_missing_answer():
    with pytest.raises(ValidationError) as caught:
        programme_create(
            intervention=Intervention.objects.get(slug="life-story-work"),  # one-to-one only
            name=" ",
            team=None,
            room=None,
            facilitators=[],
            capacity=0,
            starts_on=timezone.localdate() - timedelta(days=1),
            start_time=time(12),
            end_time=time(11),
            session_count=60,
            min_child_age=8,
            max_child_age=3,
            created_by=staff(Role.SERVICE_MANAGER),
        )

    assert caught.value.message_dict == {
        "intervention": ["Choose a group programme from the catalogue"],
        "name": ["Enter a name for this run of the programme"],
        "team": ["Choose the team that runs the programme"],
        "room": ["Choose a room"],
        "facilitators": ["Choose at least one facilitator"],
        "capacity": ["Enter how many places there are, 1 or more"],
        "starts_on": ["The date of the first session must be today or in the future"],
        "end_time": ["The time each session ends must be after the time it starts"],
        "session_count": ["Enter the number of weekly sessions, from 1 to 52"],
        "max_child_age": ["The oldest age must be the same as or more than the youngest age"],
    }


def test_a_team_manager_sets_up_programmes_for_their_own_team_only(signed_in_client):
    manager = staff(Role.TEAM_MANAGER, teams=[west()])
    other = another_team(west())

    with pytest.raises(ValidationError) as caught:
        create(team=other, created_by=manager)
    assert caught.value.message_dict["team"] == ["Choose a team you manage"]

    page = signed_in_client(manager).get(reverse("programmes:create")).content.decode()
    assert west().name in page
    assert other.name not in page
    assert (
        signed_in_client(staff(Role.PRACTITIONER, teams=[west()])).get(reverse("programmes:create")).status_code == 403
    )


def test_setting_up_a_programme_through_the_page(signed_in_client):
    manager = staff(Role.SERVICE_MANAGER)
    facilitator = staff(Role.PRACTITIONER, teams=[west()])
    client = signed_in_client(manager)
    form = {
        "intervention": Intervention.objects.get(slug="incredible-years").pk,
        "name": "Incredible Years, spring",
        "team": west().pk,
        "room": group_room().pk,
        "facilitators": [facilitator.pk],
        "capacity": "25",
        "starts_on": next_weekday().isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "session_count": "10",
        "min_child_age": "3",
        "max_child_age": "8",
        "needs": ["early_years", "relationships"],
        "open_for_enrolment": "on",
    }

    response = client.post(reverse("programmes:create"), form)
    assert response.status_code == 200
    assert response.content.decode().count("there can be no more than 19 places") == 2  # summary and field
    assert 'value="Incredible Years, spring"' in response.content.decode()

    response = client.post(reverse("programmes:create"), {**form, "capacity": "12"})
    programme = Programme.objects.get()
    assert response.url == reverse("programmes:detail", args=[programme.pk])
    assert (programme.status, programme.needs, programme.max_child_age) == (
        Programme.Status.OPEN,
        ["early_years", "relationships"],
        8,
    )


def test_the_list_shows_places_taken_waiting_and_the_fill_rate(signed_in_client):
    programme = open_programme(capacity=2)
    practitioner = staff(Role.PRACTITIONER, teams=[programme.team])
    for _ in range(3):
        episode, parent = family_on_case()
        enrolment_request(programme=programme, episode=episode, person=parent, by=practitioner)

    page = signed_in_client(practitioner).get(reverse("programmes:list")).content.decode()

    assert programme.name in page
    assert "2 of 2" in page
    assert "100%" in page


def test_the_programme_page_shows_the_waiting_list_in_order_to_those_running_it(signed_in_client):
    programme = open_programme(capacity=1)
    practitioner = staff(Role.PRACTITIONER, teams=[programme.team])
    enrolments = []
    for _ in range(3):
        episode, parent = family_on_case()
        enrolments.append(enrolment_request(programme=programme, episode=episode, person=parent, by=practitioner))
    facilitator = programme.facilitators.get()

    page = signed_in_client(facilitator).get(reverse("programmes:detail", args=[programme.pk])).content.decode()

    waiting_list = page[page.index("Waiting list</caption>") :]
    assert waiting_list.index(escape(str(enrolments[1].person))) < waiting_list.index(escape(str(enrolments[2].person)))
    assert "100%" in page  # one place of one taken
    views = AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="programmes.enrolment")
    viewed = set(views.values_list("object_id", flat=True))
    assert viewed == {str(e.pk) for e in enrolments}


def test_a_practitioner_from_another_team_sees_the_numbers_but_not_the_families(signed_in_client):
    programme = open_programme(capacity=1)
    episode, parent = family_on_case()
    enrolment_request(programme=programme, episode=episode, person=parent, by=staff(Role.PRACTITIONER))
    other_team = another_team(programme.team)

    page = signed_in_client(staff(Role.PRACTITIONER, teams=[other_team])).get(
        reverse("programmes:detail", args=[programme.pk])
    )

    assert page.status_code == 200
    assert escape(str(parent)) not in page.content.decode()
    assert "1 taken of 1" in page.content.decode()


def test_opening_a_draft_is_for_the_running_teams_manager(signed_in_client):
    programme = create()
    url = reverse("programmes:open", args=[programme.pk])

    assert signed_in_client(staff(Role.SERVICE_MANAGER)).post(url).status_code == 403
    response = signed_in_client(staff(Role.TEAM_MANAGER, teams=[programme.team])).post(url)

    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.status == Programme.Status.OPEN
    with pytest.raises(ValidationError, match="already open"):
        programme_open(programme=programme)


def test_enrolling_from_a_plan_action_offers_only_programmes_of_that_intervention(signed_in_client):
    episode, practitioner, action, parent = family_with_plan()
    matching = open_programme(intervention=action.intervention, name="Matching group")
    open_programme(name="Other group", start=time(13))
    url = reverse("programmes:enrol", args=[episode.pk]) + f"?action={action.pk}"
    client = signed_in_client(practitioner)

    page = client.get(url).content.decode()
    assert "Matching group" in page
    assert "Other group" not in page

    response = client.post(url, {"programme": matching.pk})
    assert response.status_code == 200
    assert "Choose the parent or carer who will attend" in response.content.decode()
    assert f'value="{matching.pk}" checked' in response.content.decode()

    response = client.post(url, {"programme": matching.pk, "person": parent.pk})
    enrolment = Enrolment.objects.get()
    assert response.url == reverse("programmes:enrolment", args=[enrolment.pk])
    assert (enrolment.plan_action, enrolment.status) == (action, EnrolmentStatus.ENROLLED)
    page = client.get(response.url).content.decode()
    assert escape(f"{parent} has a place on Matching group.") in page


def test_an_ineligible_family_sees_why_on_the_enrol_page(signed_in_client):
    episode, practitioner, action, parent = family_with_plan()
    programme = open_programme(intervention=action.intervention, min_child_age=11)

    response = signed_in_client(practitioner).post(
        reverse("programmes:enrol", args=[episode.pk]), {"programme": programme.pk, "person": parent.pk}
    )

    assert response.status_code == 200
    assert "for children aged 11 or over" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_only_the_familys_team_enrols_it(signed_in_client):
    episode, _practitioner, _action, _parent = family_with_plan()
    other_team = another_team(episode.team)

    response = signed_in_client(staff(Role.PRACTITIONER, teams=[other_team])).get(
        reverse("programmes:enrol", args=[episode.pk])
    )

    assert response.status_code == 403
    assert AuditEvent.objects.filter(
        action=AuditAction.DENIED, object_type="casework.episode", object_id=str(episode.pk)
    ).exists()


def test_withdrawing_on_the_page_needs_a_reason_and_offers_the_place_on(signed_in_client):
    programme = open_programme(capacity=1)
    practitioner = staff(Role.PRACTITIONER, teams=[programme.team])
    places = []
    for _ in range(2):
        episode, parent = family_on_case()
        places.append(enrolment_request(programme=programme, episode=episode, person=parent, by=practitioner))
    url = reverse("programmes:withdraw", args=[places[0].pk])
    client = signed_in_client(practitioner)

    assert "Say why the parent is withdrawing" in client.post(url, {"reason": ""}).content.decode()
    assert client.post(url, {"reason": "Found work."}).status_code == 302

    places[1].refresh_from_db()
    assert places[1].status == EnrolmentStatus.OFFERED
    page = client.get(reverse("programmes:enrolment", args=[places[1].pk])).content.decode()
    assert "They take the place" in page
    assert client.post(reverse("programmes:offer_accept", args=[places[1].pk])).status_code == 302
    places[1].refresh_from_db()
    assert places[1].status == EnrolmentStatus.ENROLLED


def test_a_manager_of_the_running_team_cancels_a_session_with_a_reason(signed_in_client):
    programme = open_programme()
    session = programme.sessions.get(number=2)
    url = reverse("programmes:session_cancel", args=[session.pk])
    client = signed_in_client(staff(Role.TEAM_MANAGER, teams=[programme.team]))

    assert "Say why the session is cancelled" in client.post(url, {"reason": ""}).content.decode()
    assert client.post(url, {"reason": "The room is being painted."}).status_code == 302

    session.refresh_from_db()
    assert (session.cancelled, session.cancelled_reason) == (True, "The room is being painted.")
    page = client.get(reverse("programmes:detail", args=[programme.pk])).content.decode()
    assert "The room is being painted." in page


def test_the_case_page_section_lists_places_and_contact():
    programme = open_programme(capacity=1)
    episode, parent = family_on_case()
    enrolment_request(programme=programme, episode=episode, person=parent, by=staff(Role.PRACTITIONER))

    html = render_to_string(
        "programmes/_on_case_page.html",
        {
            "episode": episode,
            "can_work": True,
            "programme_enrolments": selectors.episode_enrolments(episode=episode),
            "contact_sessions": selectors.episode_contact_sessions(episode=episode),
        },
    )

    assert reverse("programmes:enrolment", args=[Enrolment.objects.get().pk]) in html
    assert "Has a place" in html
    assert "No supervised contact booked." in html
    assert reverse("programmes:enrol", args=[episode.pk]) in html
