"""The family record as a spreadsheet: one row per person, each with the household's details.

It shows addresses exactly as the record page does, through the addresses module.
"""

import csv
import io
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from family_resources.families.addresses import address_seen_by
from family_resources.families.models import Family, Person

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def export_header() -> list[str]:
    return [
        _("Family reference"),
        _("Family name"),
        _("Household address"),
        _("Household postcode"),
        _("Household address do not disclose"),
        _("Neighbourhood"),
        _("Preferred language"),
        _("Household needs an interpreter"),
        _("Social-care status"),
        _("Person"),
        _("First name"),
        _("Last name"),
        _("Relationship"),
        _("Date of birth"),
        _("Due date"),
        _("SEND"),
        _("School or nursery"),
        _("Main language"),
        _("Needs an interpreter"),
        _("Lives outside the household"),
        _("Own address"),
        _("Own postcode"),
        _("Own address do not disclose"),
    ]


def family_export_rows(*, family: Family, people: Iterable[Person], user: Any) -> list[list[str]]:
    """The rows this member of staff may download: a hidden address is withheld unless they may see it."""
    household = address_seen_by(user=user, holder=family)
    household_cells: list[Any] = [
        family.reference,
        family.family_name,
        str(household) if household.withheld else household.line,
        household.postcode,
        family.address_hidden,
        family.neighbourhood or "",
        family.get_preferred_language_display(),
        family.interpreter_needed,
        family.get_social_care_status_display(),
    ]
    rows = [[_cell(value) for value in export_header()]]
    members = list(people)
    for person in members:
        own = address_seen_by(user=user, holder=person) if person.lives_elsewhere else None
        person_cells: list[Any] = [
            person.get_kind_display(),
            person.given_name,
            person.family_name,
            person.relationship,
            person.date_of_birth,
            person.expected_date_of_delivery,
            person.has_send,
            person.school_or_nursery,
            person.main_language,
            person.interpreter_needed,
            person.lives_elsewhere,
            (str(own) if own.withheld else own.line) if own else "",
            own.postcode if own else "",
            person.address_hidden if own else "",
        ]
        rows.append([_cell(value) for value in household_cells + person_cells])
    if not members:
        rows.append([_cell(value) for value in household_cells] + [""] * 14)
    return rows


def as_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()
