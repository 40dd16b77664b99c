"""The scheduling pages: booking from a plan action, the appointment page, diaries, closures, and who may see them."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.models import Episode, PlanAction
from family_resources.casework.tests.factories_plans import agreed_plan
from family_resources.places.models import PlaceClosure
from family_resources.scheduling import services
from family_resources.scheduling.forms import ChosenSlot
from family_resources.scheduling.models import Appointment, AppointmentStatus, CancelReason
from family_resources.scheduling.tests.factories import at, book, booked_episode, family_room, leagrave, monday

pytestmark = pytest.mark.django_db

MONDAY = monday()


def home_action(episode: Episode, practitioner: User) -> PlanAction:
    plan = agreed_plan(episode, practitioner)
    return PlanAction.objects.get(outcome__plan=plan, delivery="home")


def booking_form(episode, practitioner, **changes):
    """What the booking page posts for a one-hour home visit with the practitioner on Monday at 10."""
    parent = episode.family.members.filter(kind="adult").first() or episode.family.members.first()
    data = {
        "person": str(parent.pk),
        "purpose": "Bedtime routines",
        "where": "home",
        "place": "",
        "minutes": "60",
        "people_expected": "2",
        "practitioner": str(practitioner.pk),
        "from_date": MONDAY.isoformat(),
        "slot": ChosenSlot(at(MONDAY, 10), 60, practitioner.pk, None).value,
        "book": "1",
    }
    data.update(changes)
    return data


def test_booking_from_a_plan_action_is_pre_filled_and_offers_free_times(signed_in_client):
    episode, practitioner = booked_episode()
    action = home_action(episode, practitioner)

    response = signed_in_client(practitioner).get(reverse("scheduling:book") + f"?action={action.pk}")

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["purpose"] == action.intervention.name
    assert form.initial["where"] == "home"
    assert form.initial["practitioner"] == str(practitioner.pk)
    assert len(form.offered) == 24
    page = response.content.decode()
    assert 'name="slot"' in page
    assert "Book the appointment" in page


def test_booking_a_chosen_time_goes_to_the_appointment_page(signed_in_client):
    episode, practitioner = booked_episode()
    action = home_action(episode, practitioner)
    client = signed_in_client(practitioner)

    response = client.post(reverse("scheduling:book") + f"?action={action.pk}", booking_form(episode, practitioner))

    appointment = Appointment.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("scheduling:appointment", args=[appointment.pk])
    assert (appointment.plan_action, appointment.starts_at) == (action, at(MONDAY, 10))
    page = client.get(response.url).content.decode()
    assert "The family has been sent a confirmation" in page
    assert "Bedtime routines" in page


def test_a_time_taken_at_the_last_moment_is_explained_and_what_was_typed_is_kept(signed_in_client, monkeypatch):
    episode, practitioner = booked_episode()
    other, _ = booked_episode()
    book(other, practitioner, starts_at=at(MONDAY, 10))
    # As if the other booking landed between this page's checks and its insert: only the database sees it.
    monkeypatch.setattr(services, "_check_free", lambda **kwargs: None)

    response = signed_in_client(practitioner).post(
        reverse("scheduling:book") + f"?episode={episode.pk}", booking_form(episode, practitioner, purpose="Budgeting")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "This time is no longer free: choose another" in page
    assert 'value="Budgeting"' in page
    assert response.context["form"].offered  # fresh times to choose from
    assert Appointment.objects.count() == 1


def test_changing_the_details_after_finding_times_asks_for_a_time_again(signed_in_client):
    episode, practitioner = booked_episode()

    response = signed_in_client(practitioner).post(
        reverse("scheduling:book") + f"?episode={episode.pk}", booking_form(episode, practitioner, minutes="90")
    )

    assert response.status_code == 200
    assert "choose a time again" in response.content.decode()
    assert not Appointment.objects.exists()


def test_finding_times_at_a_hub_needs_the_hub(signed_in_client):
    episode, practitioner = booked_episode()
    data = booking_form(episode, practitioner, where="place", place="", slot="")
    del data["book"]
    data["find"] = "1"

    response = signed_in_client(practitioner).post(reverse("scheduling:book") + f"?episode={episode.pk}", data)

    assert "Choose the hub or outreach base" in response.content.decode()


def test_another_teams_practitioner_may_not_book_and_the_refusal_is_audited(signed_in_client):
    episode, _ = booked_episode()
    outsider = staff(Role.PRACTITIONER, teams=[TeamFactory.create()])

    response = signed_in_client(outsider).get(reverse("scheduling:book") + f"?episode={episode.pk}")

    assert response.status_code == 403
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, object_type="casework.episode").exists()


def test_a_service_manager_reads_appointments_but_does_not_change_them(signed_in_client):
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))
    client = signed_in_client(staff(Role.SERVICE_MANAGER))

    assert client.get(reverse("scheduling:appointment", args=[appointment.pk])).status_code == 200
    assert client.get(reverse("scheduling:cancel", args=[appointment.pk])).status_code == 403
    assert client.get(reverse("scheduling:book") + f"?episode={episode.pk}").status_code == 403


def test_the_appointment_page_is_audited_and_shows_a_hidden_address_only_to_the_team(signed_in_client):
    episode, practitioner = booked_episode(address_line="12 Secret Street", postcode="LU2 9ZZ", address_hidden=True)
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))
    url = reverse("scheduling:appointment", args=[appointment.pk])

    team_page = signed_in_client(practitioner).get(url).content.decode()
    manager_page = signed_in_client(staff(Role.SERVICE_MANAGER)).get(url).content.decode()

    assert "12 Secret Street" in team_page
    assert "12 Secret Street" not in manager_page
    assert "withheld" in manager_page
    assert (
        AuditEvent.objects.filter(
            action=AuditAction.VIEW, object_type="scheduling.appointment", object_id=str(appointment.pk)
        ).count()
        == 2
    )


def test_cancelling_on_the_page_needs_a_reason(signed_in_client):
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))
    client = signed_in_client(practitioner)
    url = reverse("scheduling:cancel", args=[appointment.pk])

    missing = client.post(url, {"reason": "other", "detail": ""})
    done = client.post(url, {"reason": CancelReason.FAMILY_CANCELLED})

    assert "Say why the appointment is cancelled" in missing.content.decode()
    assert done.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED


def test_attendance_is_recorded_from_the_appointment_page_once_it_has_started(signed_in_client):
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))
    client = signed_in_client(practitioner)

    client.post(reverse("scheduling:mark", args=[appointment.pk]), {"outcome": "attended"})
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED  # it has not started yet

    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now()
    )
    client.post(reverse("scheduling:mark", args=[appointment.pk]), {"outcome": "attended"})
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.ATTENDED


def test_the_diary_shows_a_day_or_a_week_and_colleagues_may_read_it(signed_in_client):
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))
    colleague = staff(Role.PRACTITIONER, teams=[episode.team])
    family = episode.family.family_name

    own_day = signed_in_client(practitioner).get(reverse("scheduling:diary") + f"?day={MONDAY.isoformat()}")
    week = signed_in_client(practitioner).get(
        reverse("scheduling:diary") + f"?week={(MONDAY + timedelta(days=3)).isoformat()}"
    )
    colleague_view = signed_in_client(colleague).get(
        reverse("scheduling:practitioner_diary", args=[practitioner.pk]) + f"?day={MONDAY.isoformat()}"
    )
    outsider = signed_in_client(staff(Role.PRACTITIONER, teams=[TeamFactory.create()])).get(
        reverse("scheduling:practitioner_diary", args=[practitioner.pk])
    )

    assert f"{family} family" in own_day.content.decode()
    assert [day for day, _ in week.context["days"]] == [MONDAY + timedelta(days=n) for n in range(7)]
    assert f"{family} family" in week.content.decode()
    assert f"{family} family" in colleague_view.content.decode()
    assert outsider.status_code == 403
    assert (
        AuditEvent.objects.filter(
            object_type="scheduling.appointment", object_id=str(appointment.pk), action=AuditAction.VIEW
        ).count()
        == 3
    )


def test_the_room_diary_shows_another_teams_appointment_only_as_booked(signed_in_client):
    episode, practitioner = booked_episode()
    book(episode, practitioner, starts_at=at(MONDAY, 10), room=family_room())
    outsider = staff(Role.PRACTITIONER, teams=[TeamFactory.create()])
    url = reverse("scheduling:room_diary", args=[leagrave().slug]) + f"?day={MONDAY.isoformat()}"

    own = signed_in_client(practitioner).get(url).content.decode()
    other = signed_in_client(outsider).get(url).content.decode()

    family = f"{episode.family.family_name} family"
    assert family in own
    assert family not in other
    assert "Appointment (another team" in other


def test_a_team_manager_closes_a_place_and_the_team_sees_what_to_rebook(signed_in_client):
    episode, practitioner = booked_episode()
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10), room=family_room())
    manager = staff(Role.TEAM_MANAGER, teams=[episode.team])
    url = reverse("scheduling:close_place", args=[leagrave().slug])

    assert signed_in_client(practitioner).get(url).status_code == 403
    response = signed_in_client(manager).post(url, {"day": MONDAY.isoformat(), "reason": PlaceClosure.Reason.BUILDING})

    assert response.status_code == 302
    assert response.url == reverse("scheduling:rebook")
    page = signed_in_client(practitioner).get(response.url).content.decode()
    assert reverse("scheduling:reschedule", args=[appointment.pk]) in page


def test_the_calendar_file_never_carries_a_hidden_address(signed_in_client):
    episode, practitioner = booked_episode(address_line="12 Secret Street", postcode="LU2 9ZZ", address_hidden=True)
    appointment = book(episode, practitioner, starts_at=at(MONDAY, 10))

    response = signed_in_client(practitioner).get(reverse("scheduling:appointment_calendar", args=[appointment.pk]))

    text = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "BEGIN:VEVENT" in text
    assert re.search(r"DTSTART[^:]*:\d{8}T\d{6}Z", text)
    assert "Secret" not in text
    assert "LU2 9ZZ" not in text
    assert "withheld" in text
    assert episode.family.reference in text
    assert episode.family.family_name not in text


def test_the_diary_calendar_has_each_appointment_with_its_address_when_not_hidden(signed_in_client):
    episode, practitioner = booked_episode(address_line="3 Open Road", postcode="LU4 8AA")
    book(episode, practitioner, starts_at=at(MONDAY, 10))
    book(episode, practitioner, starts_at=at(MONDAY, 14), room=family_room())

    response = signed_in_client(practitioner).get(reverse("scheduling:diary_calendar", args=[practitioner.pk]))

    text = response.content.decode().replace("\r\n ", "")
    assert text.count("BEGIN:VEVENT") == 2
    assert "3 Open Road" in text
    assert "Family room\\, Leagrave area hub" in text


def test_the_family_appointments_page_lists_plan_actions_to_book(signed_in_client):
    episode, practitioner = booked_episode()
    action = home_action(episode, practitioner)

    page = signed_in_client(practitioner).get(reverse("scheduling:episode_appointments", args=[episode.pk]))

    assert f"?action={action.pk}" in page.content.decode()
    assert len(page.context["actions"]) == 1  # the group programme is booked in programmes
