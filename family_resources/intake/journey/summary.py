"""The check your answers page: every answer, with a link back to the page that asked it."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from family_resources.intake.eligibility import Relationship, age_on
from family_resources.intake.journey.fields import YES
from family_resources.intake.journey.state import Journey, person_name
from family_resources.intake.journey.steps import (
    ABOUT_YOU,
    ADDRESS,
    CONCERNS,
    CONSENT,
    IMMEDIATE_RISK,
    LANGUAGE,
    POSTCODE,
    SOCIAL_CARE,
    WHO,
    YOUR_DETAILS,
    ReferrerKind,
)
from family_resources.intake.models import ReferrerType, Sharing


@dataclass(frozen=True)
class Row:
    key: str
    value: str
    change_url: str
    change_label: str  # what "Change" changes, for screen reader users


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)


def _question(slug: str) -> str:
    return reverse("journey:question", args=[slug]) + "?change=1"


def _yes_no(value: Any) -> str:
    return _("Yes") if value == YES else _("No")


def _label(choices: Any, value: str) -> str:
    return str(dict(choices).get(value, value))


def _date(value: Any) -> str:
    return formats.date_format(date.fromisoformat(value), "j F Y") if value else _("Not given")


def _row(key: StrOrPromise, value: Any, url: str, *, change_label: str = "") -> Row:
    return Row(
        key=str(key),
        value=str(value) if value else _("Not given"),
        change_url=url,
        change_label=change_label or str(key).lower(),
    )


def summary_sections(journey: Journey) -> list[Section]:
    professional = journey.is_professional
    sections = []

    about = Section(_("About you"))
    about.rows.append(_row(_("Who you are"), _label(ReferrerKind.choices, journey.referrer or ""), _question(WHO)))
    if professional:
        details = journey.page(YOUR_DETAILS)
        url = _question(YOUR_DETAILS)
        about.rows.extend(
            [
                _row(_("Name"), details.get("name"), url),
                _row(_("Organisation"), details.get("organisation"), url),
                _row(_("Job title"), details.get("role"), url),
                _row(_("Kind of professional"), _label(ReferrerType.choices, details.get("referrer_type", "")), url),
                _row(_("Email address"), details.get("email"), url),
                _row(_("Phone number"), details.get("phone"), url),
            ]
        )
    else:
        details = journey.page(ABOUT_YOU)
        url = _question(ABOUT_YOU)
        about.rows.extend(
            [
                _row(_("Name"), details.get("name"), url),
                _row(_("Email address"), details.get("email"), url),
                _row(_("Mobile phone number"), details.get("phone"), url),
            ]
        )
    sections.append(about)

    family = Section(_("The family"))
    family.rows.append(
        _row(
            _("Child at immediate risk of harm"),
            _yes_no(journey.page(IMMEDIATE_RISK).get("immediate_risk")),
            _question(IMMEDIATE_RISK),
        )
    )
    family.rows.append(_row(_("Postcode"), journey.postcode, _question(POSTCODE)))
    address = journey.page(ADDRESS)
    family.rows.append(
        _row(
            _("Address"),
            "\n".join(part for part in (address.get("line_1"), address.get("line_2"), address.get("town")) if part),
            _question(ADDRESS),
        )
    )
    language = journey.page(LANGUAGE)
    code = language.get("preferred_language", "")
    family.rows.append(
        _row(_("Preferred language"), settings.LANGUAGE_NAMES_IN_ENGLISH.get(code, code), _question(LANGUAGE))
    )
    family.rows.append(_row(_("Interpreter needed"), _yes_no(language.get("interpreter_needed")), _question(LANGUAGE)))
    if professional:
        family.rows.append(
            _row(
                _("Working with children's social care"),
                _yes_no(journey.page(SOCIAL_CARE).get("open_to_social_care")),
                _question(SOCIAL_CARE),
            )
        )
    sections.append(family)

    people = Section(_("People in the family"))
    for index, person in enumerate(journey.people):
        name = person_name(person) or _("Person %(number)s") % {"number": index + 1}
        people.rows.append(
            _row(
                name,
                person_description(person),
                reverse("journey:person_details", args=[index]) + "?change=1",
                change_label=name,
            )
        )
    people.rows.append(
        Row(
            key=_("Everyone in the family"),
            value=_("%(count)s people added") % {"count": len(journey.people)}
            if len(journey.people) != 1
            else _("1 person added"),
            change_url=reverse("journey:people") + "?change=1",
            change_label=_("who is in the family"),
        )
    )
    sections.append(people)

    help_needed = Section(_("Help and consent"))
    help_needed.rows.append(_row(_("Help needed"), journey.page(CONCERNS).get("concerns"), _question(CONCERNS)))
    consent = journey.page(CONSENT)
    help_needed.rows.append(
        _row(_("The family knows and agrees"), _yes_no(consent.get("consent_given")), _question(CONSENT))
    )
    if consent.get("consent_given") == YES:
        shared = [_label(Sharing.choices, value) for value in consent.get("sharing_agreed", [])]
        help_needed.rows.append(
            _row(_("We may share information with"), "\n".join(shared) or _("Nobody"), _question(CONSENT))
        )
    elif professional:
        help_needed.rows.append(
            _row(_("Why without agreement"), consent.get("consent_reason_if_not"), _question(CONSENT))
        )
    sections.append(help_needed)
    return sections


def person_description(person: dict[str, Any]) -> str:
    """One person's details on separate lines, as the summary list and the people page show them."""
    relationship = person.get("relationship", "")
    if relationship == Relationship.UNBORN:
        return _("Due %(date)s") % {"date": _date(person.get("expected_date_of_delivery"))}
    lines = [_label(Relationship.choices, relationship)]
    born = person.get("date_of_birth")
    if born:
        lines.append(
            _("Born %(date)s (age %(age)s)")
            % {"date": _date(born), "age": max(0, age_on(date.fromisoformat(born), timezone.localdate()))}
        )
    if relationship == Relationship.CHILD:
        lines.append(
            _("Has special educational needs or disabilities")
            if person.get("has_send") == YES
            else _("No special educational needs or disabilities")
        )
    return "\n".join(lines)
