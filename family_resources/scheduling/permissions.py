"""Who may book, change and read appointments and diaries, and who closes a place for a day.

The episode's team does the work, so its members book and change the family's appointments (while
the episode is open, as casework's own rule says); service managers read everything and close places.
"""

from typing import Any

import rules

from family_resources.accounts.permissions import is_service_manager, is_team_manager, is_team_worker


def _episode_of(record: Any) -> Any:
    """The episode a rule is about, given the episode itself or one of its appointments."""
    return getattr(record, "episode", record)


@rules.predicate
def in_team_of_episode(user: Any, record: Any) -> bool:
    """A member of the team that holds the episode (of the appointment)."""
    episode = _episode_of(record)
    return episode is not None and user.memberships.filter(team_id=episode.team_id).exists()


@rules.predicate
def may_work_on_episode(user: Any, record: Any) -> bool:
    """Casework's rule for writing to a case: the team, while the case is open."""
    episode = _episode_of(record)
    return episode is not None and user.has_perm("casework.work_on_episode", episode)


@rules.predicate
def is_self(user: Any, practitioner: Any) -> bool:
    return practitioner is not None and practitioner.pk == user.pk


@rules.predicate
def shares_a_team(user: Any, practitioner: Any) -> bool:
    """A colleague in one of the practitioner's teams: cover for someone off sick starts from their diary."""
    return practitioner is not None and practitioner.memberships.filter(team__memberships__user=user).exists()


# Booking needs an open episode; the object is the episode.
rules.add_perm("scheduling.book_appointment", is_team_worker & may_work_on_episode)
# Changing an appointment (move, cancel, mark attended): the team, even after the episode closes,
# so that appointments left in the diary can still be cancelled or marked. The object is the appointment.
rules.add_perm("scheduling.change_appointment", is_team_worker & in_team_of_episode)
rules.add_perm("scheduling.view_appointment", (is_team_worker & in_team_of_episode) | is_service_manager)
# A practitioner's diary: their own, their team's, and any for a service manager. The object is the practitioner.
rules.add_perm("scheduling.view_diary", is_service_manager | (is_team_worker & (is_self | shares_a_team)))
# Whose own diary the service navigation links to: the people who see families.
rules.add_perm("scheduling.keep_diary", is_team_worker)
# Room diaries and the list to rebook: anyone who books or oversees. Other teams' bookings in a
# room show only as "booked", without the family.
rules.add_perm("scheduling.view_room_diary", is_team_worker | is_service_manager)
rules.add_perm("scheduling.view_rebook_list", is_team_worker | is_service_manager)
rules.add_perm("scheduling.close_place", is_team_manager | is_service_manager)
