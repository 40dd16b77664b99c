"""Supervised contact at the Manor Contact Centre: booking without clashes, and the signed observation."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.models import Team
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.chronology import EntryKind, family_chronology
from family_resources.casework.closure_hooks import closure_effects
from family_resources.casework.models import ClosureReason
from family_resources.casework.services.episodes import episode_close
from family_resources.families.models import Person
from family_resources.families.tests.factories import AdultFactory
from family_resources.places.models import Room
from family_resources.programmes.models import ContactObservation, ContactSession
from family_resources.programmes.services.contact import (
    SUPPORT_ENDED,
    contact_book,
    contact_cancel,
    contact_observation_record,
)
from family_resources.programmes.tests.factories import family_on_case, group_room, next_weekday, open_programme

pytestmark = pytest.mark.django_db


def contact_room(name: str = "Contact room 1") -> Room:
    return Room.objects.get(place__slug="manor-contact-centre", name=name)


def booking(**overrides):
    """What a practitioner fills in for contact between a six-year-old and the father who lives apart."""
    episode = overrides.pop("episode", None)
    if episode is None:
        episode, _mother = family_on_case()
    father = AdultFactory.create(family=episode.family, relationship="Father", lives_elsewhere=True)
    fields = {
        "episode": episode,
        "child": episode.family.members.get(kind=Person.Kind.CHILD),
        "parent": father,
        "room": contact_room(),
        "supervisor": staff(Role.PRACTITIONER, teams=[episode.team]),
        "day": next_weekday(2),
        "start_time": time(15),
        "end_time": time(16),
        "by": staff(Role.PRACTITIONER, teams=[episode.team]),
    }
    return {**fields, **overrides}


def test_contact_is_booked_at_the_contact_centre_only():
    with pytest.raises(ValidationError) as caught:
        contact_book(**booking(room=group_room()))

    assert caught.value.message_dict == {"room": ["Choose a room at the contact centre"]}
    assert contact_book(**booking()).status == ContactSession.Status.BOOKED


def test_the_child_and_parent_must_be_of_the_family_and_be_a_child_and_an_adult():
    details = booking()
    stranger = AdultFactory.create()

    with pytest.raises(ValidationError) as caught:
        contact_book(**{**details, "child": details["parent"], "parent": stranger})

    assert caught.value.message_dict == {
        "child": ["Choose the child"],
        "parent": ["Choose the parent the child is seeing"],
    }


def test_contact_fits_the_centres_opening_hours():
    with pytest.raises(ValidationError) as caught:
        contact_book(**booking(start_time=time(16, 30), end_time=time(17, 30)))
    assert "is open from 9:00 to 17:00" in caught.value.message_dict["start_time"][0]

    with pytest.raises(ValidationError) as caught:
        contact_book(**booking(day=next_weekday(6)))
    assert "is not open on a Sunday" in caught.value.message_dict["day"][0]


def test_a_room_or_a_worker_cannot_be_booked_twice_at_once():
    first = contact_book(**booking())

    with pytest.raises(ValidationError) as caught:
        contact_book(**booking(start_time=time(15, 30), end_time=time(16, 30)))
    assert "Contact room 1, Manor Contact Centre is already booked for supervised contact" in str(caught.value)

    with pytest.raises(ValidationError) as caught:
        contact_book(**booking(room=contact_room("Contact room 2"), supervisor=first.supervisor))
    assert "is already supervising contact at that time" in caught.value.message_dict["supervisor"][0]

    # Back to back is fine.
    assert contact_book(**booking(start_time=time(16), end_time=time(17))).pk


def test_a_group_in_the_room_blocks_contact_there():
    programme = open_programme(room=Room.objects.get(place__slug="manor-contact-centre", name="Group room"))
    first = programme.sessions.get(number=1)

    with pytest.raises(ValidationError) as caught:
        contact_book(**booking(room=programme.room, day=first.date, start_time=time(11), end_time=time(12)))

    assert f"already booked for {programme.name}" in caught.value.message_dict["room"][0]


def test_only_the_supervisor_signs_the_observation_after_the_contact_and_once():
    session = contact_book(**booking())
    colleague = staff(Role.PRACTITIONER, teams=[session.episode.team])
    answers = {"what_happened": "They played with Lego.", "interaction_quality": "good", "concerns": ""}

    with pytest.raises(ValidationError, match="has not started yet"):
        contact_observation_record(session=session, signed_by=session.supervisor, **answers)
    ContactSession.objects.filter(pk=session.pk).update(
        starts_at=session.starts_at - timedelta(days=14), ends_at=session.ends_at - timedelta(days=14)
    )
    with pytest.raises(ValidationError, match="Only the worker who supervised"):
        contact_observation_record(session=session, signed_by=colleague, **answers)

    observation = contact_observation_record(session=session, signed_by=session.supervisor, **answers)

    session.refresh_from_db()
    assert session.status == ContactSession.Status.TOOK_PLACE
    assert observation.signed_by == session.supervisor
    with pytest.raises(ValidationError, match="already been signed"):
        contact_observation_record(session=session, signed_by=session.supervisor, **answers)


def test_a_cancelled_contact_needs_a_reason_and_has_no_observation():
    session = contact_book(**booking())

    with pytest.raises(ValidationError):
        contact_cancel(session=session, reason=" ")
    contact_cancel(session=session, reason="Father unwell.")

    with pytest.raises(ValidationError, match="cancelled"):
        contact_observation_record(session=session, what_happened="x", interaction_quality="good", concerns="",
                                   signed_by=session.supervisor)  # fmt: skip
    # The room is free again.
    assert contact_book(**booking()).pk


def test_booking_through_the_page_keeps_what_was_typed_on_an_error(signed_in_client):
    details = booking()
    practitioner = details["by"]
    url = reverse("programmes:contact_book", args=[details["episode"].pk])
    client = signed_in_client(practitioner)
    form = {
        "child": details["child"].pk,
        "parent": details["parent"].pk,
        "room": details["room"].pk,
        "supervisor": details["supervisor"].pk,
        "day": details["day"].isoformat(),
        "start_time": "16:30",
        "end_time": "17:30",
    }

    response = client.post(url, form)
    assert response.status_code == 200
    assert "the time must fit inside those hours" in response.content.decode()
    assert 'value="16:30"' in response.content.decode()

    response = client.post(url, {**form, "start_time": "15:00", "end_time": "16:00"})
    session = ContactSession.objects.get()
    assert response.url == reverse("programmes:contact", args=[session.pk])


def test_the_observation_page_is_the_supervisors_and_the_record_is_audited(signed_in_client):
    session = contact_book(**booking())
    ContactSession.objects.filter(pk=session.pk).update(
        starts_at=session.starts_at - timedelta(days=14), ends_at=session.ends_at - timedelta(days=14)
    )
    url = reverse("programmes:contact_observation", args=[session.pk])
    colleague = staff(Role.PRACTITIONER, teams=[session.episode.team])

    assert signed_in_client(colleague).get(url).status_code == 403
    client = signed_in_client(session.supervisor)
    response = client.post(url, {"what_happened": "Read stories together.", "interaction_quality": "adequate"})
    assert "Confirm that this is an accurate record of the contact" in response.content.decode()
    response = client.post(
        url, {"what_happened": "Read stories together.", "interaction_quality": "adequate", "confirm": "on"}
    )
    assert response.status_code == 302

    page = signed_in_client(colleague).get(reverse("programmes:contact", args=[session.pk])).content.decode()
    assert "Read stories together." in page
    observation = ContactObservation.objects.get()
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="programmes.contactobservation", object_id=str(observation.pk)
    ).exists()


def test_a_worker_sees_the_contact_they_supervise_and_others_do_not(signed_in_client):
    session = contact_book(**booking())
    url = reverse("programmes:contact_list")
    elsewhere = Team.objects.exclude(pk=session.episode.team_id).filter(kind=Team.Kind.NEIGHBOURHOOD)[0]

    mine = signed_in_client(session.supervisor).get(url).content.decode()
    assert reverse("programmes:contact", args=[session.pk]) in mine
    theirs = signed_in_client(staff(Role.PRACTITIONER, teams=[elsewhere])).get(url).content.decode()
    assert reverse("programmes:contact", args=[session.pk]) not in theirs
    assert (
        signed_in_client(staff(Role.PRACTITIONER, teams=[elsewhere]))
        .get(reverse("programmes:contact", args=[session.pk]))
        .status_code
        == 403
    )


def _contact_entries(session: ContactSession) -> list:
    practitioner = staff(Role.PRACTITIONER, teams=[session.episode.team])
    return family_chronology(family=session.episode.family, user=practitioner, kinds=[EntryKind.SUPERVISED_CONTACT])


def test_the_chronology_shows_contact_booked_and_what_the_worker_saw():
    session = contact_book(**booking())
    ContactSession.objects.filter(pk=session.pk).update(
        starts_at=session.starts_at - timedelta(days=14), ends_at=session.ends_at - timedelta(days=14)
    )
    contact_observation_record(session=session, what_happened="They built a tower.", interaction_quality="poor",
                               concerns="Father raised his voice.", signed_by=session.supervisor)  # fmt: skip

    entries = _contact_entries(session)

    assert [e.title.split(" for ")[0] for e in entries] == [
        "Supervised contact booked",
        "Supervised contact took place",
    ]
    assert entries[1].detail == (
        f"{session.child} with {session.parent}. "
        "Poor: the parent needed a lot of help, or the child was distressed. Concerns were recorded."
    )
    assert entries[1].link == reverse("programmes:contact", args=[session.pk])


def test_the_chronology_shows_cancelled_contact_with_the_reason():
    session = contact_book(**booking())
    contact_cancel(session=session, reason="Father unwell.")

    entries = _contact_entries(session)

    assert [(e.title, e.detail) for e in entries][1] == ("Supervised contact cancelled", "Father unwell.")


def test_closing_the_case_cancels_contact_still_to_come():
    session = contact_book(**booking())
    assert closure_effects(session.episode) == ["The supervised contact session still to come will be cancelled."]

    episode_close(episode=session.episode, reason=ClosureReason.MOVED_AWAY, closed_on=timezone.localdate(),
                  closed_by=session.supervisor)  # fmt: skip

    session.refresh_from_db()
    assert (session.status, session.cancelled_reason) == (ContactSession.Status.CANCELLED, SUPPORT_ENDED)
