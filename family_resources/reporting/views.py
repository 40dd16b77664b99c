"""The managers' dashboard, its downloads, and the quarterly Supporting Families return. Read only."""

import logging
import math
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.accounts.models import Team
from family_resources.accounts.roles import Role
from family_resources.accounts.selectors import teams_of
from family_resources.audit.services import authorise
from family_resources.places.models import Neighbourhood
from family_resources.reporting.exports import CSV_TYPE, XLSX_TYPE, as_csv, as_xlsx, figure_table
from family_resources.reporting.figures import FIGURES, SECTIONS
from family_resources.reporting.filters import EVERYTHING, AgeBand, Filters, Scope
from family_resources.reporting.forms import DashboardFilterForm, QuarterForm
from family_resources.reporting.snapshots import dashboard_snapshot
from family_resources.reporting.supporting_families import return_table, supporting_families_return

logger = logging.getLogger(__name__)
FORMATS = {"csv": CSV_TYPE, "xlsx": XLSX_TYPE}


def scope_for(user: Any) -> Scope:
    """Service managers see every team; a team manager sees the neighbourhood teams they belong to."""
    if user.role == Role.SERVICE_MANAGER:
        return EVERYTHING
    teams = teams_of(user).filter(kind=Team.Kind.NEIGHBOURHOOD)
    pairs = list(teams.values_list("pk", "neighbourhood_id"))
    return Scope(
        team_ids=tuple(team for team, _neighbourhood in pairs),
        neighbourhood_ids=tuple(neighbourhood for _team, neighbourhood in pairs if neighbourhood is not None),
    )


def _team_scope(request: HttpRequest, team_id: int) -> tuple[Team, Scope]:
    team = get_object_or_404(Team.objects.select_related("neighbourhood"), pk=team_id, kind=Team.Kind.NEIGHBOURHOOD)
    authorise(user=request.user, perm="reporting.view_team_figures", instance=team)
    neighbourhoods = (team.neighbourhood_id,) if team.neighbourhood_id else ()
    return team, Scope(team_ids=(team.pk,), neighbourhood_ids=neighbourhoods)


def _filter_form(request: HttpRequest, scope: Scope, team: Team | None) -> DashboardFilterForm:
    if team is not None:
        neighbourhoods = None
    elif scope.neighbourhood_ids is None:
        neighbourhoods = Neighbourhood.objects.order_by("name")
    else:
        neighbourhoods = Neighbourhood.objects.filter(pk__in=scope.neighbourhood_ids).order_by("name")
    return DashboardFilterForm(request.GET, neighbourhoods=neighbourhoods)


@permission_required("reporting.view_dashboard", raise_exception=True)
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    return _dashboard(request, scope=scope, team=None)


# A team's pages are guarded by the record-level rule alone, so every refusal is written to the audit trail.
def team_dashboard(request: HttpRequest, team_id: int) -> HttpResponse:
    team, scope = _team_scope(request, team_id)
    return _dashboard(request, scope=scope, team=team)


def _dashboard(request: HttpRequest, *, scope: Scope, team: Team | None) -> HttpResponse:
    form = _filter_form(request, scope, team)
    filters = snapshot = None
    query = request.GET.urlencode()
    if form.is_valid():
        filters = form.filters(scope=scope, today=timezone.localdate())
        snapshot = dashboard_snapshot(filters=filters, team=team, query=query)
    teams = None if scope.team_ids is None else list(Team.objects.filter(pk__in=scope.team_ids).order_by("name"))
    return render(
        request,
        "reporting/dashboard.html",
        {
            "form": form,
            "filters": filters,
            "snapshot": snapshot,
            # The figures when this request worked them out (not when they came from the cache).
            "sections": snapshot and snapshot.sections,
            "contents": SECTIONS,
            "kept_minutes": math.ceil(settings.REPORTING_CACHE_SECONDS / 60),
            "team": team,
            "teams": teams,
            "query": query,
            "limit": settings.REPORTING_SMALL_NUMBER_LIMIT,
            "clear_url": request.path,
        },
    )


@permission_required("reporting.view_dashboard", raise_exception=True)
def download(request: HttpRequest, figure: str, fmt: str) -> HttpResponse:
    return _download(request, figure=figure, fmt=fmt, scope=scope_for(request.user), team=None)


def team_download(request: HttpRequest, team_id: int, figure: str, fmt: str) -> HttpResponse:
    team, scope = _team_scope(request, team_id)
    return _download(request, figure=figure, fmt=fmt, scope=scope, team=team)


def _download(request: HttpRequest, *, figure: str, fmt: str, scope: Scope, team: Team | None) -> HttpResponse:
    if figure not in FIGURES or fmt not in FORMATS:
        raise Http404
    form = _filter_form(request, scope, team)
    if not form.is_valid():
        # The dashboard shows what is wrong with the filters, with what was typed kept.
        page = reverse("reporting:dashboard") if team is None else reverse("reporting:team_dashboard", args=[team.pk])
        return redirect(f"{page}?{request.GET.urlencode()}")
    filters = form.filters(scope=scope, today=timezone.localdate())
    result = FIGURES[figure](filters)
    table = figure_table(result)
    body = as_csv(table) if fmt == "csv" else as_xlsx(table, notes=_about(form, filters, team))
    # Who took which figure out of the system: identifiers only, never a family's details.
    logger.info(
        "reporting download figure=%s format=%s user=%s team=%s", figure, fmt, request.user.pk, team and team.pk
    )
    prefix = f"team-{team.pk}-" if team is not None else ""
    name = f"{prefix}{figure}-{filters.date_from.isoformat()}-to-{filters.date_to.isoformat()}.{fmt}"
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _about(form: DashboardFilterForm, filters: Filters, team: Team | None) -> list[str]:
    """The filters behind a spreadsheet, and the small-number rule, on its second sheet."""
    data = form.cleaned_data
    lines = [
        _("From %(start)s to %(end)s") % {"start": filters.date_from.isoformat(), "end": filters.date_to.isoformat()}
    ]
    if team is not None:
        lines.append(_("Team: %(team)s") % {"team": team.name})
    if data.get("neighbourhood"):
        lines.append(_("Neighbourhood: %(name)s") % {"name": data["neighbourhood"].name})
    if data.get("service_area"):
        lines.append(_("Service area: %(name)s") % {"name": data["service_area"].name})
    if filters.age_band:
        lines.append(_("Child's age: %(band)s") % {"band": AgeBand(filters.age_band).label})
    lines.append(
        _(
            "Numbers from 1 to %(most)s are shown as “fewer than %(limit)s” so that no family can be identified; "
            "a number that would let a small one be worked out is “withheld”."
        )
        % {"most": settings.REPORTING_SMALL_NUMBER_LIMIT - 1, "limit": settings.REPORTING_SMALL_NUMBER_LIMIT}
    )
    return lines


@permission_required("reporting.export_supporting_families", raise_exception=True)
def supporting_families(request: HttpRequest) -> HttpResponse:
    form = QuarterForm(request.GET or None, today=timezone.localdate())
    result = supporting_families_return(quarter=form.chosen()) if form.is_bound and form.is_valid() else None
    return render(
        request,
        "reporting/supporting_families.html",
        {"form": form, "result": result, "limit": settings.REPORTING_SMALL_NUMBER_LIMIT},
    )


@permission_required("reporting.export_supporting_families", raise_exception=True)
def supporting_families_download(request: HttpRequest) -> HttpResponse:
    form = QuarterForm(request.GET, today=timezone.localdate())
    if not form.is_valid():
        return redirect(f"{reverse('reporting:supporting_families')}?{request.GET.urlencode()}")
    result = supporting_families_return(quarter=form.chosen())
    logger.info(
        "reporting download figure=supporting-families quarter=%s user=%s", result.quarter.slug, request.user.pk
    )
    response = HttpResponse(as_csv(return_table(result)), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="supporting-families-{result.quarter.slug}.csv"'
    return response
