"""Who a group programme is for: pure rules on plain values, tested without the database.

A family is eligible when one of its children is within the programme's age range on the day the
course starts, and, when the programme names the needs it serves, when the family's assessment or
plan shows one of those needs.
"""

from collections.abc import Collection, Iterable, Mapping
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def age_on(born: date, day: date) -> int:
    """Whole years from `born` to `day`: a birthday on `day` counts."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_range_text(min_age: int | None, max_age: int | None) -> str:
    if min_age is not None and max_age is not None:
        return _("%(min)s to %(max)s") % {"min": min_age, "max": max_age}
    if min_age is not None:
        return _("%(min)s or over") % {"min": min_age}
    if max_age is not None:
        return _("up to %(max)s") % {"max": max_age}
    return _("any age")


def eligibility_problems(
    *,
    starts_on: date,
    min_child_age: int | None,
    max_child_age: int | None,
    programme_needs: Collection[str],
    children_born: Iterable[date | None],
    family_needs: Collection[str],
    need_labels: Mapping[str, str],
) -> list[str]:
    """Why the family cannot have a place, in words for the practitioner; empty when it can."""
    problems = []
    if min_child_age is not None or max_child_age is not None:
        ages = [age_on(born, starts_on) for born in children_born if born is not None]
        low = min_child_age if min_child_age is not None else 0
        high = max_child_age if max_child_age is not None else 200
        if not any(low <= age <= high for age in ages):
            problems.append(
                _(
                    "The programme is for children aged %(range)s on %(date)s, when it starts: "
                    "no child in the family is."
                )
                % {"range": age_range_text(min_child_age, max_child_age), "date": date_format(starts_on, "j F Y")}
            )
    if programme_needs and not set(programme_needs) & set(family_needs):
        names = ", ".join(str(need_labels.get(need, need)) for need in programme_needs)
        problems.append(
            _(
                "The programme is for families with these needs: %(needs)s. "
                "The family's assessment and plan show none of them."
            )
            % {"needs": names}
        )
    return problems


def completed(*, attended: int, held: int, percent: int) -> bool:
    """A parent completes the course by attending at least `percent` of the sessions that took place."""
    return held > 0 and attended * 100 >= percent * held


def sessions_needed(*, held: int, percent: int) -> int:
    """The fewest sessions of `held` a parent must attend to complete."""
    return -(-percent * held // 100)
