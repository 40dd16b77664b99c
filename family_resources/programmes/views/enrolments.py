"""Enrolling a family from its support plan, and what happens to the place after: offers, acceptance, withdrawal."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from family_resources.audit.services import audit_views, authorise
from family_resources.casework.models import Delivery, Episode, PlanAction
from family_resources.core.forms import form_add_service_errors
from family_resources.families.models import Person
from family_resources.programmes import selectors
from family_resources.programmes.forms import DeclineForm, EnrolForm, ReasonForm
from family_resources.programmes.models import Enrolment, EnrolmentStatus
from family_resources.programmes.services.enrolments import (
    enrolment_cancel,
    enrolment_request,
    offer_accept,
    offer_decline,
)


def enrol(request: HttpRequest, episode_id: int) -> HttpResponse:
    """Choose a programme and the parent who attends. With `?action=<id>`, the programmes of that plan action."""
    episode = get_object_or_404(Episode.objects.select_related("family", "team"), pk=episode_id)
    authorise(user=request.user, perm="programmes.enrol", instance=episode)
    action = None
    if action_id := request.GET.get("action", ""):
        action = get_object_or_404(
            PlanAction.objects.select_related("intervention", "outcome__plan"),
            pk=action_id if action_id.isdigit() else 0,
            outcome__plan__episode=episode,
            delivery=Delivery.GROUP,
        )
    programmes = selectors.open_programmes(intervention_id=action.intervention_id if action else None)
    adults = episode.family.members.filter(kind=Person.Kind.ADULT).order_by("given_name")
    form = EnrolForm(request.POST if request.method == "POST" else None, programmes=programmes, adults=adults)
    if request.method == "POST" and form.is_valid():
        try:
            enrolment = enrolment_request(
                programme=form.cleaned_data["programme"],
                episode=episode,
                person=form.cleaned_data["person"],
                plan_action=action,
                by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            if enrolment.status == EnrolmentStatus.ENROLLED:
                text = _("%(person)s has a place on %(programme)s.")
            else:
                text = _("%(programme)s is full: %(person)s is number %(position)s on the waiting list.")
            messages.success(
                request,
                text % {"person": enrolment.person, "programme": enrolment.programme, "position": enrolment.position},
            )
            return redirect("programmes:enrolment", enrolment.pk)
    audit_views(instances=[episode, *adults])
    return render(
        request,
        "programmes/enrol.html",
        {"episode": episode, "action": action, "form": form, "has_programmes": programmes.exists()},
    )


def enrolment_detail(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = selectors.enrolment_for_page(enrolment_id=enrolment_id)
    authorise(user=request.user, perm="programmes.view_enrolment", instance=enrolment)
    attendance = selectors.attendance_of(enrolment=enrolment)
    audit_views(instances=[enrolment, enrolment.person, *(mark for _session, mark in attendance if mark is not None)])
    return render(
        request,
        "programmes/enrolment_detail.html",
        {
            "enrolment": enrolment,
            "programme": enrolment.programme,
            "attendance": attendance,
            "can_change": request.user.has_perm("programmes.change_enrolment", enrolment),
            "can_open_case": request.user.has_perm("casework.view_episode", enrolment.episode),
        },
    )


def _changeable(request: HttpRequest, enrolment_id: int) -> Enrolment:
    enrolment = get_object_or_404(Enrolment.objects.select_related("programme", "person"), pk=enrolment_id)
    authorise(user=request.user, perm="programmes.change_enrolment", instance=enrolment)
    return enrolment


def withdraw(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _changeable(request, enrolment_id)
    form = ReasonForm(
        request.POST if request.method == "POST" else None,
        label=_("Why is the parent withdrawing?"),
        required_message=_("Say why the parent is withdrawing"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            enrolment_cancel(enrolment=enrolment, reason=form.cleaned_data["reason"], by=request.user)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Withdrawn. Any place they had is offered to the next family waiting."))
            return redirect("programmes:enrolment", enrolment.pk)
    audit_views(instances=[enrolment, enrolment.person])
    return render(request, "programmes/withdraw.html", {"enrolment": enrolment, "form": form})


@require_POST
def accept(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _changeable(request, enrolment_id)
    try:
        offer_accept(enrolment=enrolment, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(person)s has taken the place.") % {"person": enrolment.person})
    return redirect("programmes:enrolment", enrolment.pk)


def decline(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _changeable(request, enrolment_id)
    form = DeclineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            offer_decline(enrolment=enrolment, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Recorded. The place is offered to the next family waiting."))
            return redirect("programmes:enrolment", enrolment.pk)
    audit_views(instances=[enrolment, enrolment.person])
    return render(request, "programmes/decline.html", {"enrolment": enrolment, "form": form})
