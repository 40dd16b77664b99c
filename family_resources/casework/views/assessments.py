"""The early-help assessment: the team writes it, a manager of the team signs it off or returns it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.casework import selectors
from family_resources.casework.forms.assessments import AssessmentForm, ReturnForm, SignOffForm
from family_resources.casework.models import Assessment, AssessmentFinding, Domain
from family_resources.casework.services.assessments import (
    assessment_return,
    assessment_sign_off,
    assessment_start,
    assessment_submit,
    assessment_update,
)
from family_resources.core.forms import form_add_service_errors

SEND_FOR_SIGN_OFF = "send_for_sign_off"


def _audit_assessment(assessment: Assessment) -> None:
    audit_view(instance=assessment)
    # Queried afresh: a save on this request may have added findings since the page's prefetch.
    audit_views(instances=AssessmentFinding.objects.filter(assessment=assessment))


@require_POST
def start(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = selectors.episode_for_case_page(episode_id=episode_id)
    authorise(user=request.user, perm="casework.work_on_episode", instance=episode)
    try:
        assessment = assessment_start(episode=episode, started_by=request.user)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
        return redirect("casework:episode", episode_id=episode.pk)
    return redirect("casework:assessment_edit", assessment_id=assessment.pk)


def edit(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = selectors.assessment_for_page(assessment_id=assessment_id)
    authorise(user=request.user, perm="casework.work_on_episode", instance=assessment.episode)
    if assessment.status != Assessment.Status.IN_PROGRESS:
        return redirect("casework:assessment", assessment_id=assessment.pk)
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        if form.is_valid():
            sending = SEND_FOR_SIGN_OFF in request.POST
            try:
                # What was typed is saved first, so a refused submission still keeps the work.
                assessment_update(
                    assessment=assessment,
                    family_view=form.cleaned_data["family_view"],
                    child_view=form.cleaned_data["child_view"],
                    summary=form.cleaned_data["summary"],
                    findings=form.findings(),
                )
                if sending:
                    assessment_submit(assessment=assessment, submitted_by=request.user)
            except ValidationError as error:
                form_add_service_errors(form, error, field_names=AssessmentForm.service_field_names())
            else:
                if sending:
                    messages.success(request, _("The assessment has been sent to a team manager for sign-off."))
                    return redirect("casework:assessment", assessment_id=assessment.pk)
                messages.success(request, _("The assessment has been saved. You can come back to it later."))
                return redirect("casework:episode", episode_id=assessment.episode_id)
    else:
        form = AssessmentForm(initial=AssessmentForm.initial_for(assessment))
    _audit_assessment(assessment)
    return render(request, "casework/assessment_edit.html", {"assessment": assessment, "form": form})


def _render_detail(
    request: HttpRequest,
    assessment: Assessment,
    *,
    sign_off_form: SignOffForm | None = None,
    return_form: ReturnForm | None = None,
    failed_form: forms.Form | None = None,
) -> HttpResponse:
    can_decide = assessment.status == Assessment.Status.AWAITING_SIGN_OFF and request.user.has_perm(
        "casework.sign_off_assessment", assessment.episode
    )
    _audit_assessment(assessment)
    findings = {finding.domain: finding for finding in assessment.findings.all()}
    return render(
        request,
        "casework/assessment_detail.html",
        {
            "assessment": assessment,
            "episode": assessment.episode,
            # Every domain, in the framework's order, so an empty one reads as "not written" rather than missing.
            "domains": [(domain.label, findings.get(domain.value)) for domain in Domain],
            "can_edit": assessment.status == Assessment.Status.IN_PROGRESS
            and request.user.has_perm("casework.work_on_episode", assessment.episode),
            "can_decide": can_decide,
            "submitted_it": assessment.submitted_by_id == request.user.pk,
            "sign_off_form": sign_off_form or SignOffForm(),
            "return_form": return_form or ReturnForm(),
            # base.html puts "Error: " in the title when `form` has errors.
            "form": failed_form,
        },
    )


def detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = selectors.assessment_for_page(assessment_id=assessment_id)
    authorise(user=request.user, perm="casework.view_episode", instance=assessment.episode)
    return _render_detail(request, assessment)


@require_POST
def sign_off(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = selectors.assessment_for_page(assessment_id=assessment_id)
    authorise(user=request.user, perm="casework.sign_off_assessment", instance=assessment.episode)
    form = SignOffForm(request.POST)
    if form.is_valid():
        try:
            assessment_sign_off(assessment=assessment, signed_off_by=request.user, comment=form.cleaned_data["comment"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The assessment is signed off."))
            return redirect("casework:assessment", assessment_id=assessment.pk)
    return _render_detail(request, assessment, sign_off_form=form, failed_form=form)


@require_POST
def return_to_practitioner(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = selectors.assessment_for_page(assessment_id=assessment_id)
    authorise(user=request.user, perm="casework.sign_off_assessment", instance=assessment.episode)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            assessment_return(assessment=assessment, returned_by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The assessment has been returned to the practitioner."))
            return redirect("casework:assessment", assessment_id=assessment.pk)
    return _render_detail(request, assessment, return_form=form, failed_form=form)
