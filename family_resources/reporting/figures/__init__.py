"""The reporting layer: every figure on the dashboard, in the order the page shows them.

Each figure is a function from `Filters` to a `Figure` of plain rows, worked out with aggregate queries.
The dashboard, the CSV and XLSX downloads and the tests all call these functions, so no figure is
computed twice.

A new figure is a new function in a module of this package, added to a section below: the page and the
downloads pick it up with no other change.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from family_resources.reporting.figures import casework, community, front_door, outcomes, programmes, scheduling
from family_resources.reporting.filters import Filters
from family_resources.reporting.tables import Figure

Build = Callable[[Filters], Figure]


@dataclass(frozen=True)
class Section:
    slug: str
    title: str | Promise
    figures: dict[str, Build]


SECTIONS = (
    Section(
        "front-door",
        _("The front door"),
        {
            "contacts-by-channel": front_door.contacts_by_channel,
            "referrals-by-source": front_door.referrals_by_source,
            "decisions-by-level": front_door.decisions_by_level,
            "decisions-by-route": front_door.decisions_by_route,
            "decision-timeliness": front_door.decision_timeliness,
        },
    ),
    Section(
        "teams",
        _("Neighbourhood teams"),
        {
            "families-by-team": casework.families_by_team,
            "caseloads": casework.caseloads,
            "closure-reasons": casework.closure_reasons,
            "step-ups": casework.step_ups,
            "appointments": scheduling.appointments,
        },
    ),
    Section(
        "groups",
        _("Groups and programmes"),
        {
            "group-attendance": programmes.group_attendance,
            "waiting-lists": programmes.waiting_lists,
            "group-fill-rates": programmes.group_fill_rates,
        },
    ),
    Section(
        "outcomes",
        _("Outcomes for families"),
        {
            "outcomes-by-domain": outcomes.outcomes_by_domain,
            "outcomes-by-intervention": outcomes.outcomes_by_intervention,
        },
    ),
    Section(
        "community",
        _("Signposting and the community offer"),
        {
            "signposting": community.signposting,
            "needs-without-service": community.needs_without_service,
        },
    ),
)

FIGURES: dict[str, Build] = {slug: build for section in SECTIONS for slug, build in section.figures.items()}


def figure_for(slug: str, filters: Filters) -> Figure:
    """One figure by its slug, for a download; KeyError if there is no such figure."""
    return FIGURES[slug](filters)
