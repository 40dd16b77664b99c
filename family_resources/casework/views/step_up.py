"""Stepping a family up to children's social care from within the case, and social care's reference later."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.casework import selectors
from family_resources.casework.forms.step_up import StepUpForm, StepUpReferenceForm
from family_resources.casework.models import Episode, StepUp
from family_resources.casework.services.step_up import step_up_record, step_up_set_reference
from family_resources.core.forms import form_add_service_errors


def _social_care_phones() -> dict[str, str]:
    return {
        "social_care_phone": settings.CHILDRENS_SOCIAL_CARE_PHONE,
        "social_care_out_of_hours_phone": settings.CHILDRENS_SOCIAL_CARE_OUT_OF_HOURS_PHONE,
    }


def _step_up_of(episode: Episode, step_up_id: int) -> StepUp:
    return get_object_or_404(StepUp.objects.select_related("stepped_up_by"), pk=step_up_id, episode=episode)


def step_up(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = selectors.episode_for_case_page(episode_id=episode_id)
    authorise(user=request.user, perm="casework.work_on_episode", instance=episode)
    form = StepUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            recorded = step_up_record(
                episode=episode,
                reason=form.cleaned_data["reason"],
                immediate_risk=form.cleaned_data["immediate_risk"] == "yes",
                stepped_up_by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            return redirect("casework:step_up_detail", episode_id=episode.pk, step_up_id=recorded.pk)
    earlier = list(episode.step_ups.select_related("stepped_up_by"))
    audit_view(instance=episode)
    audit_views(instances=earlier)
    return render(
        request,
        "casework/step_up.html",
        {"episode": episode, "family": episode.family, "form": form, "earlier": earlier, **_social_care_phones()},
    )


def step_up_detail(request: HttpRequest, episode_id: int, step_up_id: int) -> HttpResponse:
    """The confirmation once a step-up is recorded, and its record afterwards."""
    episode = selectors.episode_for_case_page(episode_id=episode_id)
    authorise(user=request.user, perm="casework.view_episode", instance=episode)
    recorded = _step_up_of(episode, step_up_id)
    audit_view(instance=episode)
    audit_view(instance=recorded)
    return render(
        request,
        "casework/step_up_detail.html",
        {
            "episode": episode,
            "family": episode.family,
            "step_up": recorded,
            "can_record_reference": request.user.has_perm("casework.record_step_up_reference", episode),
            "can_close": request.user.has_perm("casework.close_episode", episode),
            **_social_care_phones(),
        },
    )


def step_up_reference(request: HttpRequest, episode_id: int, step_up_id: int) -> HttpResponse:
    episode = selectors.episode_for_case_page(episode_id=episode_id)
    authorise(user=request.user, perm="casework.record_step_up_reference", instance=episode)
    recorded = _step_up_of(episode, step_up_id)
    initial = {"reference": recorded.social_care_reference}
    form = StepUpReferenceForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            step_up_set_reference(step_up=recorded, reference=form.cleaned_data["reference"], set_by=request.user)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Children's social care's reference saved."))
            return redirect("casework:step_up_detail", episode_id=episode.pk, step_up_id=recorded.pk)
    audit_view(instance=episode)
    audit_view(instance=recorded)
    context = {"episode": episode, "family": episode.family, "step_up": recorded, "form": form}
    return render(request, "casework/step_up_reference.html", context)
