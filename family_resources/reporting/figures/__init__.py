"""The reporting layer: every figure on the dashboard, in the order the page shows them.

Each figure is a function from `Filters` to a `Figure` of plain rows, worked out with aggregate queries.
The dashboard, the CSV and XLSX downloads and the tests all call these functions, so no figure is
computed twice.

Figures from apps still being built plug in here as new functions in new modules of this package,
added to a section below, and the page and the downloads pick them up with no other change:
- `figures/scheduling.py`: appointments kept, attendance and did-not-attend rates by month (from
  `family_resources.scheduling.selectors`), in the "Neighbourhood teams" section;
- `figures/programmes.py`: waiting lists (families waiting and weeks waited) and group fill rates
  (places taken of places offered) by programme (from `family_resources.programmes.selectors`), in a
  "Groups and programmes" section.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from family_resources.reporting.figures import casework, community, front_door, outcomes
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
