"""Who may open, change and write about a family's record, and who sees an address marked do not disclose.

The rules take the family, or one of its people: an adult who lives elsewhere has an address of their own.
"""

from typing import Any

import rules

from family_resources.accounts.permissions import is_front_door_officer, is_service_manager, is_team_worker
from family_resources.families.models import Person


def _family_of(record: Any) -> Any:
    """The family a rule is about, given the family itself or one of its people."""
    return record.family if isinstance(record, Person) else record


@rules.predicate
def works_with_family(user: Any, record: Any) -> bool:
    """A member of a team that has (or had) an episode with the family."""
    if record is None:
        return False
    return _family_of(record).episodes.filter(team__memberships__user=user).exists()


@rules.predicate
def works_with_family_now(user: Any, record: Any) -> bool:
    """A member of a team with an open episode for the family: the people who visit the home now."""
    if record is None:
        return False
    return _family_of(record).episodes.filter(status="open", team__memberships__user=user).exists()


@rules.predicate
def address_not_hidden(user: Any, record: Any) -> bool:
    """The address on this record (the family's, or a person's own) is not marked do not disclose."""
    return record is not None and not record.address_hidden


rules.add_perm(
    "families.view_family", is_front_door_officer | is_service_manager | (is_team_worker & works_with_family)
)
# The front door sets up and corrects records; the team keeps them up to date while it works with the family.
rules.add_perm("families.change_family", is_front_door_officer | (is_team_worker & works_with_family_now))
# Closing the episode ends the need to visit, and with it the sight of a hidden address.
rules.add_perm("families.view_hidden_address", is_team_worker & works_with_family_now)
# Changing an address shows it in the form, so a hidden one is changed only by those who may see it.
rules.add_perm(
    "families.change_address",
    (is_front_door_officer & address_not_hidden) | (is_team_worker & works_with_family_now),
)
# Letters introduce the team's work to other professionals: the team writes them.
rules.add_perm("families.write_letter", is_team_worker & works_with_family_now)
