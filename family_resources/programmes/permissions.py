"""Who may do what with group programmes and supervised contact. Views ask these rules, record by record.

- Team workers (practitioners and team managers) of the family's team enrol the family, withdraw it,
  record its answer to an offer, and book supervised contact.
- A programme's facilitators and the managers of the team that runs it take its registers and see
  everyone on it; the team's managers also open, complete and cancel sessions of it.
- Service managers read everything, and create programmes for any team; a team manager creates them
  for their own team.
- Only the supervising worker writes and signs a contact session's observation.
"""

from typing import Any

import rules

from family_resources.accounts.permissions import is_service_manager, is_team_manager, is_team_worker
from family_resources.casework.permissions import episode_is_open, in_episode_team


def _programme_of(record: Any) -> Any:
    """The programme of a programme, a session or an enrolment."""
    return getattr(record, "programme", record)


@rules.predicate
def facilitates(user: Any, record: Any) -> bool:
    if record is None:
        return False
    return _programme_of(record).facilitators.filter(pk=user.pk).exists()


@rules.predicate
def in_programme_team(user: Any, record: Any) -> bool:
    """A member of the team that runs the programme."""
    if record is None:
        return False
    return user.memberships.filter(team_id=_programme_of(record).team_id).exists()


@rules.predicate
def in_family_team(user: Any, record: Any) -> bool:
    """A member of the team holding the episode an enrolment or contact session belongs to."""
    return record is not None and in_episode_team(user, record.episode)


@rules.predicate
def family_episode_open(user: Any, record: Any) -> bool:
    return record is not None and episode_is_open(user, record.episode)


@rules.predicate
def supervises(user: Any, session: Any) -> bool:
    return session is not None and session.supervisor_id == user.pk


manages_programme = is_team_manager & in_programme_team

rules.add_perm("programmes.view_programme", is_team_worker | is_service_manager)
rules.add_perm("programmes.create_programme", is_team_manager | is_service_manager)
rules.add_perm("programmes.manage_programme", manages_programme)
# Everyone on the programme, by name: the people who run it, and service managers.
rules.add_perm("programmes.view_roster", is_service_manager | (is_team_worker & facilitates) | manages_programme)
rules.add_perm("programmes.take_register", (is_team_worker & facilitates) | manages_programme)

# Object: the episode. Enrolling and booking contact are casework, so they follow casework.work_on_episode.
rules.add_perm("programmes.enrol", is_team_worker & in_episode_team & episode_is_open)
rules.add_perm("programmes.book_contact", is_team_worker & in_episode_team & episode_is_open)

# Object: an enrolment.
rules.add_perm(
    "programmes.view_enrolment",
    is_service_manager | (is_team_worker & in_family_team) | (is_team_worker & facilitates) | manages_programme,
)
rules.add_perm(
    "programmes.change_enrolment", (is_team_worker & in_family_team & family_episode_open) | manages_programme
)

# Object: a contact session.
rules.add_perm("programmes.view_contact", is_service_manager | (is_team_worker & in_family_team) | supervises)
rules.add_perm("programmes.change_contact", is_team_worker & in_family_team)
rules.add_perm("programmes.record_observation", is_team_worker & supervises)
rules.add_perm("programmes.view_all_contact", is_service_manager)
