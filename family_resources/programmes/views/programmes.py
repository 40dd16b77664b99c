"""Programme pages: the list with places and fill rates, setting one up, and one programme with its waiting list."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from family_resources.accounts.models import Team, User
from family_resources.accounts.roles import TEAM_ROLES, Role
from family_resources.audit.services import audit_views, authorise
from family_resources.casework.models import Domain
from family_resources.core.forms import form_add_service_errors
from family_resources.programmes import selectors
from family_resources.programmes.forms import ProgrammeForm, ReasonForm
from family_resources.programmes.models import Enrolment, EnrolmentStatus, Programme, ProgrammeSession
from family_resources.programmes.services.programmes import (
    programme_create,
    programme_open,
    programme_session_cancel,
)
from family_resources.programmes.services.registers import programme_complete


@permission_required("programmes.view_programme", raise_exception=True)
def programme_list(request: HttpRequest) -> HttpResponse:
    current = [(p, selectors.places_of(p)) for p in selectors.programme_list(current=True)]
    finished = [(p, selectors.places_of(p)) for p in selectors.programme_list(current=False)[:20]]
    return render(request, "programmes/programme_list.html", {"current": current, "finished": finished})


@permission_required("programmes.create_programme", raise_exception=True)
def programme_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    teams = Team.objects.filter(kind__in=(Team.Kind.NEIGHBOURHOOD, Team.Kind.CENTRAL)).order_by("name")
    if user.role != Role.SERVICE_MANAGER:
        teams = teams.filter(memberships__user=user)
    facilitators = User.objects.filter(is_active=True, role__in=TEAM_ROLES).order_by("full_name")
    form = ProgrammeForm(request.POST if request.method == "POST" else None, teams=teams, facilitators=facilitators)
    if request.method == "POST" and form.is_valid():
        try:
            programme = programme_create(**form.cleaned_data, created_by=user)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Programme set up with its weekly sessions."))
            return redirect("programmes:detail", programme.pk)
    return render(request, "programmes/programme_form.html", {"form": form})


def programme_detail(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = selectors.programme_for_page(programme_id=programme_id)
    authorise(user=request.user, perm="programmes.view_programme", instance=programme)
    enrolments = list(selectors.enrolments_on(programme=programme, user=request.user))
    audit_views(instances=[*enrolments, *(e.person for e in enrolments)])
    by_status: dict[str, list[Enrolment]] = {}
    for enrolment in enrolments:
        by_status.setdefault(enrolment.status, []).append(enrolment)
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "places": selectors.places_of(programme),
            "sees_everyone": request.user.has_perm("programmes.view_roster", programme),
            "enrolled": by_status.get(EnrolmentStatus.ENROLLED, []),
            "offered": by_status.get(EnrolmentStatus.OFFERED, []),
            "waiting": sorted(by_status.get(EnrolmentStatus.WAITING, []), key=lambda e: e.position or 0),
            "finished_enrolments": [
                e
                for status in (EnrolmentStatus.COMPLETED, EnrolmentStatus.DID_NOT_COMPLETE)
                for e in by_status.get(status, [])
            ],
            "can_manage": request.user.has_perm("programmes.manage_programme", programme),
            "can_take_register": request.user.has_perm("programmes.take_register", programme),
            "joinable": selectors.still_joinable(programme=programme),
            "need_labels": [label for value, label in Domain.choices if value in programme.needs],
        },
    )


def _managed(request: HttpRequest, programme_id: int) -> Programme:
    programme = get_object_or_404(Programme, pk=programme_id)
    authorise(user=request.user, perm="programmes.manage_programme", instance=programme)
    return programme


@require_POST
def programme_open_view(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = _managed(request, programme_id)
    try:
        programme_open(programme=programme)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The programme is open: practitioners can now enrol families on it."))
    return redirect("programmes:detail", programme.pk)


@require_POST
def programme_complete_view(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = _managed(request, programme_id)
    try:
        programme_complete(programme=programme, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The programme is complete. Each family's chronology shows how they did."))
    return redirect("programmes:detail", programme.pk)


def session_cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    session = get_object_or_404(ProgrammeSession.objects.select_related("programme"), pk=session_id)
    authorise(user=request.user, perm="programmes.manage_programme", instance=session.programme)
    form = ReasonForm(
        request.POST if request.method == "POST" else None,
        label=_("Why is the session cancelled?"),
        required_message=_("Say why the session is cancelled"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            programme_session_cancel(session=session, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Session cancelled."))
            return redirect("programmes:detail", session.programme_id)
    return render(request, "programmes/session_cancel.html", {"session": session, "form": form})
