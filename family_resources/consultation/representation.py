"""Who are we not hearing from: the respondents' profile beside the profile of the families we support (ADR 0032).

The rules, in one place:

- **Families we support** are families with an episode of support open at any time in the last two years
  (`casework.selectors.families_supported`, which also says who consultation notices go to).
- **Dimensions.** Language: the respondent's main language (equality question `main-language`) against the
  family's preferred language. Neighbourhood: the neighbourhood of the respondent's postcode against the
  family's. Ethnicity: the respondent's answer (`ethnicity`) against the recorded ethnic group of the adults in
  supported families (respondents are mostly parents and carers), people with none recorded left out.
  Disability: respondents who consider themselves disabled (`disability`) against families with a member with
  special educational needs or a disability. Children's centre use (`used-childrens-centre`) against families
  with an appointment at a hub (not cancelled, not missed) or a place on a group programme in the two years.
- **Shares** are of those who answered: "prefer not to say" and no answer are left out of both parts.
- **Under-represented**: the respondents' share of a group is below half the families' share
  (`UNDER_REPRESENTED_RATIO`), the group has at least the suppression threshold of families, and at least the
  threshold of respondents answered the question (fewer, and no comparison is made yet).
- **Small numbers**: counts from 1 to threshold - 1 read "fewer than N" and the shares worked out from them are
  withheld (`reporting/suppression.py`); where one count in a column is hidden, the smallest other non-zero
  count in that column is withheld too, so it cannot be worked out from the total. The threshold is the
  setting `CONSULTATION_SUPPRESS_BELOW` (5 unless set).

Every figure comes from aggregates in the database: a fixed number of queries whatever the numbers.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.casework.selectors import families_supported, support_window_start
from family_resources.consultation import content
from family_resources.consultation.models import Answer, Consultation, Response
from family_resources.families.models import Family, Person
from family_resources.places.models import Neighbourhood, Place
from family_resources.programmes.models import Enrolment
from family_resources.reporting.suppression import Cell, Suppressed, is_small, suppress_grid
from family_resources.reporting.tables import Column, Figure, Kind, Row
from family_resources.scheduling.models import Appointment, AppointmentStatus

UNDER_REPRESENTED_RATIO = 0.5

# The equality questions each dimension reads, by the key the answers are stored under.
LANGUAGE_KEY = "main-language"
ETHNICITY_KEY = "ethnicity"
DISABILITY_KEY = "disability"
CENTRE_KEY = "used-childrens-centre"

# The language question's values for the site's languages; "other" has no family equivalent.
LANGUAGE_VALUES = {
    "en": "english",
    "ur": "urdu",
    "pl": "polish",
    "bn": "bengali",
    "ro": "romanian",
    "pa": "punjabi",
    "pt": "portuguese",
}

COLUMNS = (
    Column("respondents", "Respondents"),
    Column("respondent_share", "Share of respondents", Kind.PERCENT, based_on=("respondents",)),
    Column("service_users", "Families we support"),
    Column("service_user_share", "Share of families", Kind.PERCENT, based_on=("service_users",)),
    Column(
        "gap",
        "Gap (percentage points)",
        Kind.PERCENT,
        based_on=("respondents", "service_users"),
    ),
)


def suppress_below() -> int:
    return int(getattr(settings, "CONSULTATION_SUPPRESS_BELOW", 5))


def supported_families(today: date | None = None) -> QuerySet[Family]:
    """The families we support (`casework.selectors.families_supported`): the same families notices go to."""
    return families_supported(today=today or timezone.localdate())


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    respondents: int
    service_users: int
    respondent_share: float | None
    service_user_share: float | None
    under_represented: bool
    cells: tuple[Cell, ...]  # COLUMNS' values after the small-number rule: what the page shows

    @property
    def gap(self) -> float | None:
        if self.respondent_share is None or self.service_user_share is None:
            return None
        return round(self.respondent_share - self.service_user_share, 1)


@dataclass(frozen=True)
class Dimension:
    key: str
    title: str
    respondents_basis: str
    service_users_basis: str
    respondents_total: int
    service_users_total: int
    groups: tuple[Group, ...]
    comparable: bool  # enough respondents answered to compare

    def group(self, key: str) -> Group:
        return next(group for group in self.groups if group.key == key)


@dataclass(frozen=True)
class Finding:
    dimension: str
    group: str
    text: str


@dataclass(frozen=True)
class Representation:
    limit: int
    dimensions: tuple[Dimension, ...]
    findings: tuple[Finding, ...]

    def dimension(self, key: str) -> Dimension:
        return next(dimension for dimension in self.dimensions if dimension.key == key)


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _dimension(
    *,
    key: str,
    title: str,
    respondents_basis: str,
    service_users_basis: str,
    groups: Sequence[tuple[str, str]],
    respondent_counts: dict[str, int],
    service_user_counts: dict[str, int],
    limit: int,
) -> Dimension:
    respondents_total = sum(respondent_counts.get(k, 0) for k, _label in groups)
    service_users_total = sum(service_user_counts.get(k, 0) for k, _label in groups)
    comparable = respondents_total >= limit
    rows = []
    for group_key, label in groups:
        respondents = respondent_counts.get(group_key, 0)
        service_users = service_user_counts.get(group_key, 0)
        r_share, s_share = _share(respondents, respondents_total), _share(service_users, service_users_total)
        gap = None if r_share is None or s_share is None else round(r_share - s_share, 1)
        rows.append(Row(key=group_key, label=label, values=(respondents, r_share, service_users, s_share, gap)))
    figure = Figure(slug=key, title=title, description="", row_heading=title, columns=COLUMNS, rows=tuple(rows))
    # Each column's total is shown as the table's basis, so a lone hidden count in a column is withheld with another.
    cells = suppress_grid(figure, limit=limit)
    result = []
    for row, row_cells in zip(rows, cells, strict=True):
        row_respondents, r_share, row_service_users, s_share, _gap = row.values
        under = (
            comparable
            and isinstance(row_service_users, int)
            and row_service_users >= limit
            and r_share is not None
            and s_share is not None
            and r_share < s_share * UNDER_REPRESENTED_RATIO
        )
        result.append(
            Group(
                key=str(row.key),
                label=row.label,
                respondents=int(row_respondents or 0),
                service_users=int(row_service_users or 0),
                respondent_share=r_share,
                service_user_share=s_share,
                under_represented=bool(under),
                cells=tuple(row_cells),
            )
        )
    return Dimension(
        key=key,
        title=title,
        respondents_basis=respondents_basis,
        service_users_basis=service_users_basis,
        respondents_total=respondents_total,
        service_users_total=service_users_total,
        groups=tuple(result),
        comparable=comparable,
    )


def _answer_counts(consultation: Consultation) -> dict[str, dict[str, int]]:
    """{question key: {value: respondents}} for the equality questions compared here: one query."""
    rows = (
        Answer.objects.filter(
            response__consultation=consultation,
            question_key__in=[LANGUAGE_KEY, ETHNICITY_KEY, DISABILITY_KEY, CENTRE_KEY],
        )
        .values("question_key", "value")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        value: Any = row["value"]
        if isinstance(value, str):
            by_value = counts.setdefault(row["question_key"], {})
            by_value[value] = by_value.get(value, 0) + row["n"]
    return counts


def _suggestion(dimension: str, group: Group) -> str:
    label = group.label
    if dimension == "language":
        return _("consider a session in %(language)s with an interpreter, and sharing the %(language)s edition") % {
            "language": label
        }
    if dimension == "neighbourhood":
        return _("consider a drop-in session in %(area)s and posters at its hub and schools") % {"area": label}
    if dimension == "ethnicity":
        return _("consider asking community groups that work with %(group)s families to share the consultation") % {
            "group": label
        }
    if dimension == "disability":
        if group.key == "yes":
            return _("consider the easy read edition, and asking SEND support groups to share the consultation")
        return _("consider sharing the consultation more widely, beyond SEND groups")
    if group.key == "yes":
        return _("consider sessions at the hubs and asking group programmes to set time aside to respond")
    return _("consider reaching families through home visits, schools and health visitors, not only at the hubs")


def _who(dimension: str, group: Group) -> str:
    if dimension == "language":
        return _("%(language)s speakers") % {"language": group.label}
    if dimension == "neighbourhood":
        return _("People in %(area)s") % {"area": group.label}
    if dimension == "disability":
        if group.key == "yes":
            return _("Families with a disability or SEND")
        return _("Families without a disability or SEND")
    if dimension == "centre":
        return _("Families who use the hubs") if group.key == "yes" else _("Families who have not used the hubs")
    return group.label


def _finding(dimension: Dimension, group: Group, limit: int) -> Finding:
    if group.respondents == 0:
        responses = _("no responses")
    elif is_small(group.respondents, limit):
        responses = _("fewer than %(limit)s responses") % {"limit": limit}
    elif isinstance(group.cells[1], Suppressed):
        responses = _("a share of responses withheld")
    else:
        responses = _("%(share)s%% of responses") % {"share": f"{group.respondent_share:.0f}"}
    if isinstance(group.cells[3], Suppressed):
        families = _("a share of %(basis)s withheld") % {"basis": dimension.service_users_basis}
    else:
        families = _("%(share)s%% of %(basis)s") % {
            "share": f"{group.service_user_share:.0f}",
            "basis": dimension.service_users_basis,
        }
    text = _("%(who)s: %(responses)s, %(families)s — %(action)s") % {
        "who": _who(dimension.key, group),
        "responses": responses,
        "families": families,
        "action": _suggestion(dimension.key, group),
    }
    return Finding(dimension=dimension.key, group=group.key, text=text)


def representation(*, consultation: Consultation, today: date | None = None) -> Representation:
    """Each group's share of respondents beside its share of the families we support, with the gap, the
    under-represented groups flagged and small numbers hidden. Eight queries, whatever the numbers."""
    limit = suppress_below()
    today = today or timezone.localdate()
    start = support_window_start(today)
    answers = _answer_counts(consultation)
    families = supported_families(today)

    # Language
    language_groups = [(value, label) for value, label in content.LANGUAGES]
    by_language = {
        LANGUAGE_VALUES.get(row["preferred_language"], "other"): row["n"]
        for row in families.values("preferred_language").annotate(n=Count("id")).order_by()
    }

    # Neighbourhood
    neighbourhoods = list(Neighbourhood.objects.order_by("name"))
    respondents_by_area = {
        str(row["neighbourhood"]): row["n"]
        for row in Response.objects.filter(consultation=consultation, neighbourhood__isnull=False)
        .values("neighbourhood")
        .annotate(n=Count("id"))
        .order_by()
    }
    families_by_area = {
        str(row["neighbourhood"]): row["n"]
        for row in families.filter(neighbourhood__isnull=False)
        .values("neighbourhood")
        .annotate(n=Count("id"))
        .order_by()
    }

    # Ethnicity of the adults in supported families, where recorded
    by_ethnicity = {
        row["ethnicity"]: row["n"]
        for row in Person.objects.filter(family__in=families, kind=Person.Kind.ADULT)
        .exclude(ethnicity="")
        .values("ethnicity")
        .annotate(n=Count("id"))
        .order_by()
    }

    # Disability and use of the hubs: one aggregate over the supported families
    send = Person.objects.filter(family=OuterRef("pk"), has_send=True)
    hub_appointment = Appointment.objects.filter(
        episode__family=OuterRef("pk"),
        room__place__kind=Place.Kind.HUB,
        starts_at__date__gte=start,
        starts_at__date__lte=today,
    ).exclude(status__in=[AppointmentStatus.CANCELLED, AppointmentStatus.DID_NOT_ATTEND])
    group_place = Enrolment.objects.filter(episode__family=OuterRef("pk"), enrolled_at__isnull=False).filter(
        Q(ended_at__isnull=True) | Q(ended_at__date__gte=start)
    )
    totals = families.annotate(
        with_send=Exists(send), at_hub=Exists(hub_appointment), in_group=Exists(group_place)
    ).aggregate(
        total=Count("id"),
        send=Count("id", filter=Q(with_send=True)),
        hub=Count("id", filter=Q(at_hub=True) | Q(in_group=True)),
    )
    yes_no = [("yes", _("Yes")), ("no", _("No"))]
    dimensions = (
        _dimension(
            key="language",
            title=_("Main language"),
            respondents_basis=_("respondents who gave their main language"),
            service_users_basis=_("families we support"),
            groups=language_groups,
            respondent_counts=answers.get(LANGUAGE_KEY, {}),
            service_user_counts=by_language,
            limit=limit,
        ),
        _dimension(
            key="neighbourhood",
            title=_("Neighbourhood"),
            respondents_basis=_("respondents whose postcode is in a neighbourhood"),
            service_users_basis=_("families we support"),
            groups=[(str(n.pk), n.name) for n in neighbourhoods],
            respondent_counts=respondents_by_area,
            service_user_counts=families_by_area,
            limit=limit,
        ),
        _dimension(
            key="ethnicity",
            title=_("Ethnic group"),
            respondents_basis=_("respondents who gave their ethnic group"),
            service_users_basis=_("parents and carers we support with an ethnic group recorded"),
            groups=content.ETHNICITIES,
            respondent_counts=answers.get(ETHNICITY_KEY, {}),
            service_user_counts=by_ethnicity,
            limit=limit,
        ),
        _dimension(
            key="disability",
            title=_("Disability or SEND"),
            respondents_basis=_("respondents who said whether they have a disability"),
            service_users_basis=_("families we support"),
            groups=yes_no,
            respondent_counts=answers.get(DISABILITY_KEY, {}),
            service_user_counts={"yes": totals["send"], "no": totals["total"] - totals["send"]},
            limit=limit,
        ),
        _dimension(
            key="centre",
            title=_("Used a children's centre or hub"),
            respondents_basis=_("respondents who said whether they used a children's centre"),
            service_users_basis=_("families we support"),
            groups=yes_no,
            respondent_counts=answers.get(CENTRE_KEY, {}),
            service_user_counts={"yes": totals["hub"], "no": totals["total"] - totals["hub"]},
            limit=limit,
        ),
    )
    findings = tuple(
        _finding(dimension, group, limit)
        for dimension in dimensions
        for group in dimension.groups
        if group.under_represented
    )
    return Representation(limit=limit, dimensions=dimensions, findings=findings)
