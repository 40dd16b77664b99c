"""The one place that decides which address a page, an export or a letter may show.

An address marked do not disclose (a family fleeing domestic abuse, or a parent the family must be
kept safe from) is shown only to those who hold `families.view_hidden_address`: the team with an
open episode, who visit the home. Everyone else reads that it is withheld. Every time a hidden
address is shown, the reading goes into the audit trail with changed_fields ["address"].
Letters go to other parties, so they never carry a hidden address, whoever writes them.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import AuditAction
from family_resources.audit.services import audit_record
from family_resources.families.models import Family, Person

WITHHELD = _("Do not disclose \N{EN DASH} the address is withheld to keep the family safe")
# What a hidden address becomes if it was written into a letter's own words.
REDACTED = "[address withheld]"


@dataclass(frozen=True)
class ShownAddress:
    """An address as one reader may see it."""

    line: str
    postcode: str
    hidden: bool  # marked do not disclose
    withheld: bool  # and so not shown to this reader

    @property
    def known(self) -> bool:
        return bool(self.line or self.postcode)

    def __str__(self) -> str:
        if self.withheld:
            return str(WITHHELD)
        return ", ".join(part for part in (self.line, self.postcode) if part)


def _as_recorded(holder: Family | Person) -> ShownAddress:
    return ShownAddress(
        line=holder.address_line, postcode=holder.postcode, hidden=holder.address_hidden, withheld=False
    )


def _withheld() -> ShownAddress:
    return ShownAddress(line="", postcode="", hidden=True, withheld=True)


def address_seen_by(*, user: Any, holder: Family | Person) -> ShownAddress:
    """The address this member of staff sees: the family's, or an adult's own. A reveal is audited."""
    if not holder.address_hidden:
        return _as_recorded(holder)
    if user.has_perm("families.view_hidden_address", holder):
        audit_record(action=AuditAction.VIEW, instance=holder, changed_fields=["address"])
        return _as_recorded(holder)
    return _withheld()


def own_addresses_seen_by(*, user: Any, people: Iterable[Person]) -> dict[int, ShownAddress]:
    """The own addresses of the adults who live elsewhere, by person id, as this reader sees them."""
    return {person.pk: address_seen_by(user=user, holder=person) for person in people if person.lives_elsewhere}


def address_for_letter(*, holder: Family | Person) -> ShownAddress:
    """What a letter to another party may say: a hidden address never, whoever writes the letter."""
    return _withheld() if holder.address_hidden else _as_recorded(holder)


def _hidden_address_patterns(family: Family) -> list[re.Pattern[str]]:
    holders: list[Family | Person] = [family, *family.members.filter(address_hidden=True)]
    patterns = []
    for holder in holders:
        if not holder.address_hidden:
            continue
        line = holder.address_line.strip()
        # The whole line, and its first part (house and street), which is how people write it.
        for part in {line, line.split(",")[0].strip()}:
            words = part.split()
            if words:
                patterns.append(re.compile(r"[\s,]+".join(re.escape(word) for word in words), re.IGNORECASE))
        letters = [char for char in holder.postcode if not char.isspace()]
        if letters:
            patterns.append(re.compile(r"\s*".join(re.escape(char) for char in letters), re.IGNORECASE))
    return patterns


def mentions_hidden_address(*, text: str, family: Family) -> bool:
    """Whether text names an address of the family marked do not disclose."""
    return any(pattern.search(text) for pattern in _hidden_address_patterns(family))


def without_hidden_addresses(*, text: str, family: Family) -> str:
    """Text for another party, with any address of the family marked do not disclose taken out.

    Letters are checked when they are written; this also covers an address hidden after that.
    """
    for pattern in _hidden_address_patterns(family):
        text = pattern.sub(REDACTED, text)
    return text
