"""Signposting packs and their follow-up, and the needs no vetted community service meets in a neighbourhood."""

from collections import defaultdict
from dataclasses import replace
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.directory.models import Service, ServiceStatus
from family_resources.directory.selectors import vetted_services
from family_resources.reporting import filters as where
from family_resources.reporting.figures.monthly import TOTAL, counts_by_month, monthly_figure
from family_resources.reporting.filters import Filters
from family_resources.reporting.tables import Chart, Column, Figure, Row, Sum
from family_resources.triage.models import Decision, FollowUpOutcome, SignpostingPack

AWAITING = "awaiting"


def signposting(filters: Filters) -> Figure:
    """Packs sent, from the front door and at step-down, and what families said when we followed them up."""
    packs = SignpostingPack.objects.filter(
        where.within(filters, "created_at"), *where.front_door(filters, "decision__referral__", decision="decision__")
    )
    # One pass over the packs: by follow-up outcome, counting those sent by the front door and at step-down alongside.
    senders = {"front_door": Q(stepped_down_from__isnull=True), "step_down": Q(stepped_down_from__isnull=False)}
    counts: dict[tuple[date, str], int] = defaultdict(int)
    for (month, key), n in counts_by_month(
        packs, moment="created_at", category="followup_outcome", also=senders
    ).items():
        counts[(month, key if key in senders else key or AWAITING)] += n
    followups = [*((value, str(label)) for value, label in FollowUpOutcome.choices), (AWAITING, _("No answer yet"))]
    return monthly_figure(
        filters=filters,
        slug="signposting",
        title=_("Signposting packs and follow-up"),
        description=_(
            "Packs of vetted community services and resource-centre articles sent to families, by the month "
            "they were sent: after a front-door decision, or when a neighbourhood team's support ended "
            "(step-down). The follow-up columns say what the family told us when we asked if they got help."
        ),
        categories=[("front_door", _("Sent by the front door")), ("step_down", _("Sent at step-down"))],
        counts=counts,
        total_label=_("All packs"),
        chart_title=_("Packs sent each month"),
        extra=[Column(value, label) for value, label in followups],
        # Every pack is in exactly one follow-up column too, so those columns are a second sum to the total.
        extra_sums=[Sum(parts=tuple(value for value, _label in followups), total=TOTAL)],
    )


def vetted_service_counts(*, on: date | None = None) -> dict[tuple[int | None, int], int]:
    """{(neighbourhood id, or None for borough-wide; service area id): running services from vetted organisations}.

    The one place the reports decide what counts as a vetted community service: the directory's own rule
    (`vetted_services`: in-date safeguarding evidence), running now.
    """
    running: QuerySet[Service] = vetted_services(on=on).filter(status=ServiceStatus.ACTIVE)
    rows = (
        running.filter(service_areas__isnull=False)
        .values("neighbourhood_id", "service_areas")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
        .values_list("neighbourhood_id", "service_areas", "n")
    )
    return {(neighbourhood, area): n for neighbourhood, area, n in rows}


def needs_without_service(filters: Filters) -> Figure:
    """Neighbourhoods where families were found to need help with a service area that no vetted community
    service covers (in that neighbourhood or borough-wide): the gaps the council can help community groups fill."""
    # The chosen service area is the need itself here, not a filter on the decision.
    others = replace(filters, service_area_id=None)
    needs = Decision.service_areas.through.objects.filter(
        where.within(filters, "decision__decided_at"),
        *where.front_door(others, "decision__referral__", decision="decision__"),
        decision__referral__neighbourhood__isnull=False,
    )
    if filters.service_area_id is not None:
        needs = needs.filter(servicearea_id=filters.service_area_id)
    services = vetted_service_counts(on=timezone.localdate())
    place = "decision__referral__neighbourhood"
    fields = (f"{place}_id", f"{place}__name", "servicearea_id", "servicearea__name")
    found = (
        needs.values(*fields)
        .annotate(families=Count("decision__referral__family", distinct=True))
        .order_by()
        .values_list(*fields, "families")
    )
    rows = sorted(
        (
            Row((neighbourhood, area), f"{neighbourhood_name}: {area_name}", (families,))
            for neighbourhood, neighbourhood_name, area, area_name, families in found
            if not services.get((neighbourhood, area)) and not services.get((None, area))
        ),
        key=lambda row: row.label,
    )
    return Figure(
        slug="needs-without-service",
        title=_("Needs with no vetted community service in the neighbourhood"),
        description=_(
            "Where families were found at the front door to need help with a service area, and no running "
            "community service from an organisation with in-date safeguarding evidence covers it, in their "
            "neighbourhood or across the borough. These are the gaps the council can help community groups fill."
        ),
        row_heading=_("Neighbourhood and need"),
        columns=(Column("families", _("Families with this need")),),
        rows=tuple(rows),
        chart=Chart(kind="bar", column="families", title=_("Families with a need no vetted service meets")),
        notes=(_("Services are counted as the directory stands today."),),
        empty_message=_("Every need found in the range has a vetted community service in its neighbourhood."),
    )
