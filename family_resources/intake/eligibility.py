"""Who the service can work with. Pure rules, tested without the database.

The service is for families who live in the council's area with a child aged 0 to 19,
a young person up to 25 with special educational needs or disabilities (SEND), or a
baby on the way (the service works from pregnancy).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_AGE = 19
MAX_AGE_WITH_SEND = 25


class Relationship(models.TextChoices):
    CHILD = "child", _("Child or young person")
    UNBORN = "unborn", _("Unborn baby")
    PARENT = "parent", _("Parent")
    CARER = "carer", _("Carer")
    OTHER_ADULT = "other_adult", _("Other adult in the household")


class Ineligibility(models.TextChoices):
    NO_CHILD_IN_AGE_RANGE = "no_child_in_age_range", _("No child or young person the service can work with")
    OUT_OF_AREA = "out_of_area", _("Lives outside the council's area")


class EligibilityStatus(models.TextChoices):
    ELIGIBLE = "eligible", _("Eligible")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    TO_CHECK = "to_check", _("Needs checking")


@dataclass(frozen=True)
class PersonFacts:
    relationship: str
    date_of_birth: date | None = None
    expected_date_of_delivery: date | None = None
    has_send: bool = False


@dataclass(frozen=True)
class Eligibility:
    status: EligibilityStatus
    reasons: tuple[Ineligibility, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def eligible(self) -> bool:
        return self.status == EligibilityStatus.ELIGIBLE

    def explanation(self, *, postcode: str = "") -> list[str]:
        """Why someone is not eligible, in plain words."""
        return [str(EXPLANATIONS[reason]).format(postcode=postcode) for reason in self.reasons]

    def where_else(self) -> list[str]:
        """Where to go instead, for the reasons given."""
        places = [str(GO_ELSEWHERE["health"]), str(GO_ELSEWHERE["resources"])]
        if Ineligibility.OUT_OF_AREA in self.reasons:
            places.append(str(GO_ELSEWHERE["own_council"]))
        return places


EXPLANATIONS = {
    Ineligibility.NO_CHILD_IN_AGE_RANGE: _(
        "We work with families who have a child aged 0 to 19, a young person up to 25 with special "
        "educational needs or disabilities, or a baby on the way. Nobody in this referral is in one of those groups."
    ),
    Ineligibility.OUT_OF_AREA: _(
        "The postcode {postcode} is not in Luton. We can only work with families who live in Luton."
    ),
}

GO_ELSEWHERE = {
    "health": _(
        "Health visitors, GPs and NHS 111 still help every family with young children's health and development."
    ),
    "resources": _("Our online resource centre has advice on everyday family life that anyone can use."),
    "own_council": _("The council where you live can tell you about early help for families in your area."),
}


def age_on(born: date, day: date) -> int:
    years = day.year - born.year
    return years - 1 if (day.month, day.day) < (born.month, born.day) else years


def _child_in_range(person: PersonFacts, today: date) -> bool | None:
    """True or False for a child of known age; None when the age is not known."""
    if person.relationship == Relationship.UNBORN:
        return person.expected_date_of_delivery is not None and person.expected_date_of_delivery >= today
    if person.relationship != Relationship.CHILD:
        return False
    if person.date_of_birth is None:
        return None
    limit = MAX_AGE_WITH_SEND if person.has_send else MAX_AGE
    return 0 <= age_on(person.date_of_birth, today) <= limit


def assess_eligibility(*, people: Iterable[PersonFacts], in_area: bool | None, today: date) -> Eligibility:
    """Apply the rules. in_area is None when no usable postcode was given (a phone contact, say)."""
    verdicts = [_child_in_range(person, today) for person in people]
    reasons: list[Ineligibility] = []
    notes: list[str] = []
    if not any(verdicts):
        if None in verdicts:
            notes.append("A child's date of birth is not known: check their age.")
        else:
            reasons.append(Ineligibility.NO_CHILD_IN_AGE_RANGE)
    if in_area is False:
        reasons.append(Ineligibility.OUT_OF_AREA)
    elif in_area is None:
        notes.append("No postcode was given: check where the family lives.")
    if reasons:
        return Eligibility(EligibilityStatus.NOT_ELIGIBLE, tuple(reasons), tuple(notes))
    if notes:
        return Eligibility(EligibilityStatus.TO_CHECK, (), tuple(notes))
    return Eligibility(EligibilityStatus.ELIGIBLE)
