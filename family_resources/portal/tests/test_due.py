"""What families asked in the portal joins the staff home page's due list, answered within two working days."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.due import DueState
from family_resources.casework.models import Episode
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.core.working_days import add_working_days
from family_resources.portal.due import portal_due_items, response_due_on
from family_resources.portal.models import MessageKind, PortalMessage, PortalRequest, RequestKind, RequestStatus
from family_resources.portal.tests.factories import staff_client

HOME = reverse("accounts:home")
MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        (MONDAY, MONDAY + timedelta(days=2)),  # Monday: Wednesday
        (MONDAY + timedelta(days=3), MONDAY + timedelta(days=7)),  # Thursday: the next Monday
        (MONDAY + timedelta(days=4), MONDAY + timedelta(days=8)),  # Friday: the next Tuesday
        (MONDAY + timedelta(days=5), MONDAY + timedelta(days=8)),  # Saturday: the weekend does not count
        (MONDAY + timedelta(days=6), MONDAY + timedelta(days=8)),  # Sunday: the same
    ],
)
def test_two_working_days_skip_the_weekend(sent, due):
    assert add_working_days(sent, 2) == due


def test_the_due_date_counts_from_the_local_day_it_was_sent():
    # 23:30 UTC on a summer Monday is already Tuesday in London.
    assert response_due_on(datetime(2026, 6, 1, 23, 30, tzinfo=UTC)) == date(2026, 6, 4)


def test_bank_holidays_do_not_count():
    # Thursday 24 December 2026 is one working day; Christmas Day and Monday 28th (for Boxing Day) are not.
    assert response_due_on(datetime(2026, 12, 23, 15, 0, tzinfo=UTC)) == date(2026, 12, 29)
    assert response_due_on(datetime(2027, 3, 25, 15, 0, tzinfo=UTC)) == date(2027, 3, 31)  # Easter 2027


db = pytest.mark.django_db


def episode_led_by(practitioner: User) -> Episode:
    episode = OpenEpisodeFactory.create()
    episode.team.memberships.create(user=practitioner)
    episode.lead_practitioner = practitioner
    episode.save()
    return episode


def ask(episode: Episode, *, days_ago: int = 0, at: datetime | None = None, **fields: Any) -> PortalRequest:
    return PortalRequest.objects.create(
        family=episode.family,
        episode=episode,
        kind=fields.pop("kind", RequestKind.LANGUAGE),
        details={"language": "pl"},
        created_at=at or timezone.now() - timedelta(days=days_ago),
        **fields,
    )


def write(episode: Episode, *, days_ago: int = 0, at: datetime | None = None, **fields: Any) -> PortalMessage:
    return PortalMessage.objects.create(
        family=episode.family, episode=episode, text="Can we meet later?",
        sent_at=at or timezone.now() - timedelta(days=days_ago), **fields,
    )  # fmt: skip


@db
def test_a_practitioners_due_list_shows_their_families_requests_and_messages_with_links():
    practitioner = staff(Role.PRACTITIONER)
    episode = episode_led_by(practitioner)
    request = ask(episode, days_ago=10)
    write(episode, kind=MessageKind.CONSENT_WITHDRAWN)

    page = staff_client(practitioner).get(HOME).content.decode()

    assert "Family asked: Change preferred language" in page
    assert "The family withdrew consent to share" in page
    assert f'href="{reverse("portal_staff:request", args=[request.public_id])}"' in page
    assert f'href="{reverse("casework:episode", args=[episode.pk])}#family-portal"' in page
    assert "Overdue" in page  # sent ten days ago: past two working days


@db
def test_portal_items_sort_with_the_casework_due_dates_and_overdue_ones_are_marked(settings):
    settings.CASEWORK_DUE_SOON_DAYS = 7
    practitioner = staff(Role.PRACTITIONER)
    episode = episode_led_by(practitioner)
    ask(episode, at=datetime(2026, 12, 14, 10, 0, tzinfo=UTC))  # a Monday: due on Wednesday 16th
    write(episode, at=datetime(2026, 12, 23, 10, 0, tzinfo=UTC))  # due on Tuesday 29th, after Christmas

    items = portal_due_items(episodes=[episode], today=date(2026, 12, 23))

    assert [item.kind for item, _ in items] == ["request", "message"]
    assert items[0][0].state == DueState.OVERDUE
    assert items[0][0].due_on == date(2026, 12, 16)
    assert items[1][0].state == DueState.DUE_SOON
    assert items[1][0].due_on == date(2026, 12, 29)
    assert all(found is episode for _, found in items)


@db
def test_answered_requests_read_messages_and_other_practitioners_families_are_not_listed():
    practitioner = staff(Role.PRACTITIONER)
    episode = episode_led_by(practitioner)
    ask(episode, status=RequestStatus.DECLINED, decided_by=practitioner, decided_at=timezone.now())
    write(episode, read_by=practitioner, read_at=timezone.now())
    someone_elses = episode_led_by(staff(Role.PRACTITIONER))
    ask(someone_elses)
    write(someone_elses)

    assert portal_due_items(episodes=[episode], today=timezone.localdate()) == []
    page = staff_client(practitioner).get(HOME).content.decode()
    assert "Family asked:" not in page
    assert "Can we meet later?" not in page


@db
def test_a_team_manager_sees_what_unallocated_families_asked_and_can_open_it():
    unallocated = OpenEpisodeFactory.create()
    manager = staff(Role.TEAM_MANAGER, teams=[unallocated.team])
    request = ask(unallocated, days_ago=5, kind=RequestKind.CONTACT_DETAILS)
    allocated = episode_led_by(staff(Role.PRACTITIONER))
    allocated.team.memberships.create(user=manager)
    ask(allocated, kind=RequestKind.LANGUAGE)  # the lead practitioner answers this one

    client = staff_client(manager)
    page = client.get(HOME).content.decode()

    assert "Family asked: Change contact details" in page
    assert "Family asked: Change preferred language" not in page
    url = reverse("portal_staff:request", args=[request.public_id])
    assert f'href="{url}"' in page
    assert client.get(url).status_code == 200


@db
def test_the_due_list_reads_every_familys_portal_items_in_two_queries(django_assert_num_queries):
    practitioner = staff(Role.PRACTITIONER)
    episodes = [episode_led_by(practitioner) for _ in range(3)]
    for episode in episodes:
        ask(episode)
        write(episode)
        write(episode)

    with django_assert_num_queries(2):
        items = portal_due_items(episodes=episodes, today=timezone.localdate())
    assert len(items) == 9
