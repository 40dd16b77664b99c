"""The support plan: outcomes, actions from the catalogue, agreement with the family, reviews and closure."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.casework import selectors
from family_resources.casework.closure_hooks import closure_effects
from family_resources.casework.forms.plans import ActionForm, AgreeForm, CloseForm, OutcomeForm, ReviewForm
from family_resources.casework.models import ActionStatus, Episode, OutcomeStatus, PlanAction, PlanOutcome, SupportPlan
from family_resources.casework.services.closure import case_close
from family_resources.casework.services.plans import (
    plan_action_add,
    plan_action_set_status,
    plan_agree,
    plan_create,
    plan_outcome_add,
    plan_review_record,
)
from family_resources.core.forms import form_add_service_errors


def _episode(request: HttpRequest, episode_id: int, perm: str = "casework.work_on_episode") -> Episode:
    episode = selectors.episode_for_case_page(episode_id=episode_id)
    authorise(user=request.user, perm=perm, instance=episode)
    return episode


def _plan(episode: Episode) -> SupportPlan:
    return get_object_or_404(SupportPlan, episode=episode)


def plan_detail(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = _episode(request, episode_id, perm="casework.view_episode")
    plan = selectors.plan_for_page(episode=episode)
    audit_view(instance=episode)
    if plan is not None:
        outcomes = list(plan.outcomes.all())
        audit_views(instances=[plan, *outcomes, *(a for o in outcomes for a in o.actions.all()), *plan.reviews.all()])
    return render(
        request,
        "casework/plan_detail.html",
        {
            "episode": episode,
            "plan": plan,
            "can_work": request.user.has_perm("casework.work_on_episode", episode),
            "action_statuses": ActionStatus.choices,
        },
    )


@require_POST
def plan_start(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = _episode(request, episode_id)
    try:
        plan_create(episode=episode, created_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("casework:plan", episode.pk)


def outcome_add(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = _episode(request, episode_id)
    plan = _plan(episode)
    form = OutcomeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            plan_outcome_add(plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Outcome added. Now add the actions that will help the family reach it."))
            return redirect("casework:plan", episode.pk)
    return render(request, "casework/plan_outcome_form.html", {"episode": episode, "form": form})


def action_add(request: HttpRequest, episode_id: int, outcome_id: int) -> HttpResponse:
    episode = _episode(request, episode_id)
    outcome = get_object_or_404(PlanOutcome, pk=outcome_id, plan__episode=episode)
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        team_members=list(selectors.team_members(team_id=episode.team_id)),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan_action_add(
                outcome=outcome,
                intervention=data["intervention"],
                delivery=data["delivery"],
                due_on=data["due_on"],
                assigned_to=form.assignee(),
                assigned_to_other=data["assigned_to_other"] if form.assignee() is None else "",
                detail=data["detail"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error, field_names={"assigned_to": "assigned_to_other"}
                                    if data["assigned_to"] == "other" else None)  # fmt: skip
        else:
            messages.success(request, _("Action added to the plan."))
            return redirect("casework:plan", episode.pk)
    audit_view(instance=outcome)
    return render(request, "casework/plan_action_form.html", {"episode": episode, "outcome": outcome, "form": form})


@require_POST
def action_status(request: HttpRequest, episode_id: int, action_id: int) -> HttpResponse:
    episode = _episode(request, episode_id)
    action = get_object_or_404(PlanAction, pk=action_id, outcome__plan__episode=episode)
    try:
        plan_action_set_status(action=action, status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Action updated."))
    return redirect("casework:plan", episode.pk)


def agree(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = _episode(request, episode_id)
    plan = _plan(episode)
    form = AgreeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            plan_agree(plan=plan, agreed_on=form.cleaned_data["agreed_on"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The plan is agreed. Its first review is on the case page."))
            return redirect("casework:plan", episode.pk)
    return render(request, "casework/plan_agree.html", {"episode": episode, "plan": plan, "form": form})


def review_add(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = _episode(request, episode_id)
    plan = _plan(episode)
    outcomes = list(plan.outcomes.filter(status=OutcomeStatus.OPEN))
    form = ReviewForm(request.POST if request.method == "POST" else None, outcomes=outcomes)
    if request.method == "POST" and form.is_valid():
        try:
            plan_review_record(
                plan=plan,
                reviewed_on=form.cleaned_data["reviewed_on"],
                reviewed_by=request.user,
                summary=form.cleaned_data["summary"],
                family_view=form.cleaned_data["family_view"],
                scores=form.scores(),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Review recorded."))
            return redirect("casework:plan", episode.pk)
    audit_views(instances=outcomes)
    return render(request, "casework/plan_review_form.html", {"episode": episode, "plan": plan, "form": form})


def close(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = _episode(request, episode_id, perm="casework.close_episode")
    plan = SupportPlan.objects.filter(episode=episode).first()
    scoring = plan is not None and plan.agreed_on is not None
    outcomes = list(plan.outcomes.filter(status=OutcomeStatus.OPEN)) if plan is not None else []
    form = CloseForm(request.POST if request.method == "POST" else None, outcomes=outcomes, scoring=scoring)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case_close(
                episode=episode,
                reason=data["reason"],
                closed_on=data["closed_on"],
                closed_by=request.user,
                note=data["note"],
                review_summary=data.get("review_summary", ""),
                final_scores=form.scores(),
                step_down=data["step_down"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The family's support has ended. A signposting pack is on its way to them.")
                if data["step_down"]
                else _("The family's support has ended."),
            )
            return redirect("casework:episode", episode.pk)
    audit_views(instances=outcomes)
    has_step_up = episode.step_ups.exists()
    return render(
        request,
        "casework/close.html",
        {
            "episode": episode,
            "plan": plan,
            "form": form,
            "scoring": scoring,
            "has_step_up": has_step_up,
            "effects": closure_effects(episode),
        },
    )
