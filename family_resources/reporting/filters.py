"""What a manager asked to see: the date range, the filters, and the teams their role lets them see.

Every figure takes one `Filters` and applies it through the helpers here, so a filter means the same
thing in every figure, on the page, in the downloads and in the tests.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.families.models import Person


class AgeBand(models.TextChoices):
    UNDER_5 = "0-4", _("Under 5, including unborn babies")
    PRIMARY = "5-11", _("5 to 11")
    SECONDARY = "12-17", _("12 to 17")
    YOUNG_ADULT = "18-25", _("18 to 25 (young people with special educational needs or disabilities)")


# Youngest and oldest age in each band, in whole years on the last day of the date range.
AGE_BAND_YEARS = {
    AgeBand.UNDER_5: (0, 4),
    AgeBand.PRIMARY: (5, 11),
    AgeBand.SECONDARY: (12, 17),
    AgeBand.YOUNG_ADULT: (18, 25),
}


@dataclass(frozen=True)
class Scope:
    """The teams whose work a manager may see: None means every team (a service manager)."""

    team_ids: tuple[int, ...] | None = None
    neighbourhood_ids: tuple[int, ...] | None = None

    @property
    def everything(self) -> bool:
        return self.team_ids is None


EVERYTHING = Scope()


@dataclass(frozen=True)
class Filters:
    date_from: date
    date_to: date
    neighbourhood_id: int | None = None
    service_area_id: int | None = None
    age_band: str = ""
    scope: Scope = EVERYTHING

    @property
    def starts_at(self) -> datetime:
        """The first moment of the range, in the service's time zone, so date columns and times agree."""
        return timezone.make_aware(datetime.combine(self.date_from, time.min))

    @property
    def ends_before(self) -> datetime:
        """The first moment after the range: compared with `<`, which lets the database use its indexes."""
        return timezone.make_aware(datetime.combine(self.date_to + timedelta(days=1), time.min))


def default_range(*, today: date | None = None, months: int = 12) -> tuple[date, date]:
    """The last `months` months to today, starting on the first of a month so every month is whole."""
    day = today or timezone.localdate()
    year, month = day.year, day.month - (months - 1)
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1), day


def months_in(filters: Filters) -> list[date]:
    """The first day of every month the range touches, oldest first."""
    months = []
    month = filters.date_from.replace(day=1)
    while month <= filters.date_to:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def within(filters: Filters, moment: str) -> Q:
    """A date-time column inside the range."""
    return Q(**{f"{moment}__gte": filters.starts_at, f"{moment}__lt": filters.ends_before})


def within_dates(filters: Filters, day: str) -> Q:
    """A date column inside the range."""
    return Q(**{f"{day}__gte": filters.date_from, f"{day}__lte": filters.date_to})


def _children_in_band(filters: Filters, family: str) -> Exists:
    """The family has a child whose age on the last day of the range is in the band (unborn babies count as under 5)."""
    youngest, oldest = AGE_BAND_YEARS[AgeBand(filters.age_band)]
    end = filters.date_to
    born_after = _years_before(end, oldest + 1)
    born_by = _years_before(end, youngest)
    in_band = Q(kind=Person.Kind.CHILD, date_of_birth__gt=born_after, date_of_birth__lte=born_by)
    if youngest == 0:
        in_band |= Q(kind=Person.Kind.UNBORN)
    return Exists(Person.objects.filter(in_band, family_id=OuterRef(family)))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def front_door(filters: Filters, referral: str = "", decision: str | None = None) -> list[Q | Exists]:
    """Conditions on a referral reached through `referral` (a path ending in "__", or "" for Referral itself),
    and on its decision through `decision` when the query can reach it more directly than through the referral.

    Front-door figures place a family by the referral's neighbourhood, found from its postcode when it arrived.
    """
    decision = f"{referral}decision__" if decision is None else decision
    conditions: list[Q | Exists] = []
    if filters.scope.neighbourhood_ids is not None:
        conditions.append(Q(**{f"{referral}neighbourhood_id__in": filters.scope.neighbourhood_ids}))
    if filters.neighbourhood_id is not None:
        conditions.append(Q(**{f"{referral}neighbourhood_id": filters.neighbourhood_id}))
    if filters.service_area_id is not None:
        conditions.append(Q(**{f"{decision}service_areas": filters.service_area_id}))
    if filters.age_band:
        conditions.append(_children_in_band(filters, f"{referral}family_id"))
    return conditions


def casework(filters: Filters, episode: str = "") -> list[Q | Exists]:
    """Conditions on an episode reached through `episode` ("" for Episode itself).

    Casework figures place a family by the neighbourhood team that holds the episode.
    """
    conditions: list[Q | Exists] = []
    if filters.scope.team_ids is not None:
        conditions.append(Q(**{f"{episode}team_id__in": filters.scope.team_ids}))
    if filters.neighbourhood_id is not None:
        conditions.append(Q(**{f"{episode}team__neighbourhood_id": filters.neighbourhood_id}))
    if filters.service_area_id is not None:
        conditions.append(Q(**{f"{episode}referral__decision__service_areas": filters.service_area_id}))
    if filters.age_band:
        conditions.append(_children_in_band(filters, f"{episode}family_id"))
    return conditions
