"""Case notes: dated, typed, written by the team, sensitive ones readable only by the team, never edited."""

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.models import CaseNote, Episode
from family_resources.casework.services.notes import case_note_add
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.casework.tests.factories_notes import CaseNoteFactory, SensitiveCaseNoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_noon(monkeypatch):
    """Today at midday, so that "later today" is still today whenever the tests run."""
    noon = timezone.make_aware(datetime.combine(timezone.localdate(), time(12, 0)))
    monkeypatch.setattr(timezone, "now", lambda: noon)
    return noon


def add(episode, author, **overrides):
    values: dict[str, Any] = {
        "kind": CaseNote.Kind.HOME_VISIT,
        "occurred_at": timezone.now() - timedelta(hours=2),
        "text": "Saw mum and both children at home.",
        "sensitive": False,
    }
    return case_note_add(episode=episode, author=author, **(values | overrides))


def audited(action, instance):
    return AuditEvent.objects.filter(
        action=action, object_type=instance._meta.label_lower, object_id=str(instance.pk)
    ).count()


# The service


def test_a_team_member_adds_a_dated_typed_note_as_its_author():
    episode = OpenEpisodeFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])
    when = timezone.now() - timedelta(days=2)

    note = add(episode, practitioner, kind=CaseNote.Kind.CALL, occurred_at=when, text="  Called mum.  ")

    assert (note.kind, note.occurred_at, note.text, note.author, note.sensitive) == (
        CaseNote.Kind.CALL, when, "Called mum.", practitioner, False,
    )  # fmt: skip
    assert audited(AuditAction.CREATE, note) == 1


def test_a_note_cannot_be_dated_in_the_future(at_noon):
    episode = OpenEpisodeFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])

    with pytest.raises(ValidationError) as tomorrow:
        add(episode, practitioner, occurred_at=at_noon + timedelta(days=1))
    with pytest.raises(ValidationError) as later_today:
        add(episode, practitioner, occurred_at=at_noon + timedelta(hours=1))

    assert tomorrow.value.message_dict == {"occurred_at": ["The date it happened must be today or in the past"]}
    assert later_today.value.message_dict == {"occurred_at": ["The time it started must be now or in the past"]}
    assert add(episode, practitioner, occurred_at=at_noon).occurred_at == at_noon


def test_a_note_needs_a_type_a_date_and_some_text():
    episode = OpenEpisodeFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])

    with pytest.raises(ValidationError) as error:
        add(episode, practitioner, kind="gossip", occurred_at=None, text="   ")

    assert error.value.message_dict == {
        "kind": ["Choose the type of note"],
        "occurred_at": ["Enter the date it happened"],
        "text": ["Write the note"],
    }
    assert not CaseNote.objects.exists()


def test_notes_are_added_only_while_the_support_is_open():
    episode = OpenEpisodeFactory.create(
        status=Episode.Status.CLOSED, closed_on=timezone.localdate(), closure_reason="other"
    )
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])

    with pytest.raises(ValidationError, match="while the family's support is open"):
        add(episode, practitioner)


@pytest.mark.parametrize(
    "who",
    [
        pytest.param(lambda episode: staff(Role.PRACTITIONER, teams=[TeamFactory.create()]), id="other team"),
        pytest.param(lambda episode: staff(Role.SERVICE_MANAGER), id="service manager"),
        pytest.param(lambda episode: staff(Role.FRONT_DOOR_OFFICER), id="front door"),
    ],
)
def test_only_the_episodes_team_writes_notes(who):
    episode = OpenEpisodeFactory.create()

    with pytest.raises(PermissionDenied):
        add(episode, who(episode))
    assert not CaseNote.objects.exists()


# Adding a note through the page


def test_a_practitioner_adds_a_sensitive_home_visit_note_through_the_page(client):
    episode = OpenEpisodeFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])
    client.force_login(practitioner)
    yesterday = timezone.localdate() - timedelta(days=1)

    response = client.post(
        reverse("casework:note_add", args=[episode.pk]),
        {
            "kind": "home_visit",
            "occurred_on": yesterday.isoformat(),
            "occurred_time": "09:45",
            "text": "Mum talked about her ex-partner.",
            "sensitive": "on",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("casework:notes", args=[episode.pk])
    note = CaseNote.objects.get()
    assert note.author == practitioner
    assert note.sensitive
    assert timezone.localtime(note.occurred_at) == timezone.make_aware(datetime.combine(yesterday, time(9, 45)))


def test_the_add_note_page_explains_each_problem_and_keeps_what_was_typed(client):
    episode = OpenEpisodeFactory.create()
    client.force_login(staff(Role.PRACTITIONER, teams=[episode.team]))

    response = client.post(
        reverse("casework:note_add", args=[episode.pk]),
        {"occurred_on": "2026-02-30", "occurred_time": "", "text": "Half-written note about the visit."},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in content
    for message in (
        "Choose the type of note",
        "Enter the date it happened as a real date, like 2026-03-27",
        "Enter the time it started",
    ):
        assert message in content
    assert "Half-written note about the visit." in content
    assert not CaseNote.objects.exists()


def test_a_future_date_on_the_page_is_reported_against_the_date(client):
    episode = OpenEpisodeFactory.create()
    client.force_login(staff(Role.PRACTITIONER, teams=[episode.team]))
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = client.post(
        reverse("casework:note_add", args=[episode.pk]),
        {"kind": "call", "occurred_on": tomorrow.isoformat(), "occurred_time": "10:00", "text": "Call."},
    )

    form = response.context["form"]
    assert form.errors == {"occurred_on": ["The date it happened must be today or in the past"]}
    assert not CaseNote.objects.exists()


def test_someone_outside_the_team_cannot_open_the_add_note_page_and_is_audited(client):
    episode = OpenEpisodeFactory.create()
    client.force_login(staff(Role.SERVICE_MANAGER))

    response = client.get(reverse("casework:note_add", args=[episode.pk]))

    assert response.status_code == 403
    assert audited(AuditAction.DENIED, episode) == 1


def test_a_closed_episode_takes_no_more_notes(client):
    episode = OpenEpisodeFactory.create(
        status=Episode.Status.CLOSED, closed_on=timezone.localdate(), closure_reason="other"
    )
    client.force_login(staff(Role.PRACTITIONER, teams=[episode.team]))

    assert client.get(reverse("casework:note_add", args=[episode.pk])).status_code == 403
    listing = client.get(reverse("casework:notes", args=[episode.pk]))
    assert listing.status_code == 200
    assert reverse("casework:note_add", args=[episode.pk]) not in listing.content.decode()


# The list of notes


def test_notes_are_listed_newest_first_and_filtered_by_type(client):
    episode = OpenEpisodeFactory.create()
    now = timezone.now()
    oldest = CaseNoteFactory.create(
        episode=episode, kind="call", occurred_at=now - timedelta(days=3), text="First call."
    )
    newest = CaseNoteFactory.create(
        episode=episode, kind="call", occurred_at=now - timedelta(days=1), text="Later call."
    )
    CaseNoteFactory.create(episode=episode, kind="home_visit", occurred_at=now - timedelta(days=2), text="The visit.")
    CaseNoteFactory.create(text="Another family's note.")
    client.force_login(staff(Role.PRACTITIONER, teams=[episode.team]))
    url = reverse("casework:notes", args=[episode.pk])

    everything = client.get(url)
    calls = client.get(url, {"kind": ["call"]})

    assert [n.text for n in everything.context["page"]] == ["Later call.", "The visit.", "First call."]
    assert [n.pk for n in calls.context["page"]] == [newest.pk, oldest.pk]
    assert "The visit." not in calls.content.decode()
    assert 'value="call" checked' in calls.content.decode()


def test_the_team_reads_a_sensitive_note(client):
    note = SensitiveCaseNoteFactory.create()
    client.force_login(staff(Role.TEAM_MANAGER, teams=[note.episode.team]))

    content = client.get(reverse("casework:notes", args=[note.episode_id])).content.decode()

    assert note.text in content
    assert "Sensitive" in content


def test_a_service_manager_sees_a_sensitive_note_exists_but_not_what_it_says(client):
    note = SensitiveCaseNoteFactory.create(kind=CaseNote.Kind.MEETING)
    ordinary = CaseNoteFactory.create(episode=note.episode, text="Ordinary visit, all well.")
    client.force_login(staff(Role.SERVICE_MANAGER))

    response = client.get(reverse("casework:notes", args=[note.episode_id]))

    content = response.content.decode()
    assert response.status_code == 200
    assert note.text not in content
    assert "Sensitive note (content restricted)" in content
    assert "Meeting" in content
    assert note.author.full_name in content
    assert ordinary.text in content


def test_a_practitioner_of_another_team_cannot_list_the_notes_and_is_audited(client):
    note = SensitiveCaseNoteFactory.create()
    client.force_login(staff(Role.PRACTITIONER, teams=[TeamFactory.create()]))

    response = client.get(reverse("casework:notes", args=[note.episode_id]))

    assert response.status_code == 403
    assert note.text not in response.content.decode()
    assert audited(AuditAction.DENIED, note.episode) == 1


def test_every_note_shown_is_audited_as_read(client):
    episode = OpenEpisodeFactory.create()
    notes = [CaseNoteFactory.create(episode=episode), SensitiveCaseNoteFactory.create(episode=episode)]
    client.force_login(staff(Role.SERVICE_MANAGER))

    client.get(reverse("casework:notes", args=[episode.pk]))

    assert [audited(AuditAction.VIEW, note) for note in notes] == [1, 1]
    assert audited(AuditAction.VIEW, episode) == 1
