"""Screening a referral to a decision, and the threshold guidance."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.core.forms import form_add_service_errors
from family_resources.core.ratelimits import rate_limit
from family_resources.intake import selectors as intake
from family_resources.intake.models import Referral
from family_resources.triage import selectors
from family_resources.triage.followup import followup_answer, pack_for_token
from family_resources.triage.forms import (
    DecisionForm,
    FollowUpForm,
    GuidanceLevelForm,
    OverrideForm,
    ScreeningNoteForm,
)
from family_resources.triage.models import Domain
from family_resources.triage.routing import Route
from family_resources.triage.services import decision_override, decision_record, guidance_revise, screening_note_add


def _route_message(route: str, team: str | None) -> str:
    if route == Route.SOCIAL_CARE:
        return _("Decision recorded: pass this family to children's social care now.")
    if route == Route.ACCEPTED:
        return _("Decision recorded: the family is accepted by the %(team)s.") % {"team": team}
    return _("Decision recorded: the family is signposted to community support.")


@permission_required("triage.decide", raise_exception=True)
def decide(request: HttpRequest, reference: str) -> HttpResponse:
    referral = intake.referral_detail(reference=reference)
    if referral.status != Referral.Status.RECEIVED:
        messages.error(request, _("This referral is not waiting for a decision."))
        return redirect("intake:detail", reference=reference)
    guidance = selectors.current_guidance()
    form = DecisionForm(request.POST if request.method == "POST" else None, guidance=guidance)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = decision_record(
                referral=referral,
                level=data["level"],
                immediate_risk=data["immediate_risk"] == "yes",
                rationale=data["rationale"],
                decided_by=request.user,
                indicators=data["indicators"],
                needs=data["needs"],
                service_areas=data["service_areas"],
                differs_reason=data["differs_reason"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            episode = getattr(referral, "episode", None)
            messages.success(request, _route_message(decision.route, episode.team.name if episode else None))
            return redirect("intake:detail", reference=reference)
    people = list(referral.people.all())
    audit_view(instance=referral)
    audit_views(instances=people)
    ticked = {str(pk) for pk in (form["indicators"].value() or [])}
    context: dict[str, Any] = {
        "referral": referral,
        "people": people,
        "form": form,
        "guidance": guidance,
        "layout": selectors.indicators_by_level_and_domain(guidance),
        "ticked": ticked,
        "history": selectors.family_history(referral=referral),
        "notes": list(referral.screening_notes.select_related("written_by")),
        "note_form": ScreeningNoteForm(),
    }
    audit_views(instances=context["notes"])
    return render(request, "triage/decide.html", context)


@permission_required("triage.view_guidance", raise_exception=True)
def guidance(request: HttpRequest) -> HttpResponse:
    version = selectors.current_guidance()
    return render(
        request,
        "triage/guidance.html",
        {
            "version": version,
            "layout": selectors.indicators_by_level_and_domain(version),
            "history": selectors.guidance_history(),
            "can_change": request.user.has_perm("triage.change_guidance"),
        },
    )


@permission_required("triage.change_guidance", raise_exception=True)
def guidance_edit(request: HttpRequest, level: int) -> HttpResponse:
    version = selectors.current_guidance()
    current = next((lvl for lvl in version.levels.all() if lvl.level == level), None)
    if current is None:
        raise Http404
    initial: dict[str, Any] = {"title": current.title, "description": current.description}
    for value, _label in Domain.choices:
        initial[f"indicators_{value}"] = "\n".join(
            i.text for i in version.indicators.all() if i.level == level and i.domain == value
        )
    form = GuidanceLevelForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        new = guidance_revise(
            level=level,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            indicators=form.indicators(),
            change_note=form.cleaned_data["change_note"],
            revised_by=request.user,
        )
        messages.success(request, _("Version %(number)s of the guidance is now in use.") % {"number": new.number})
        return redirect("triage:guidance")
    return render(request, "triage/guidance_edit.html", {"form": form, "level": current, "version": version})


def override(request: HttpRequest, reference: str) -> HttpResponse:
    referral = intake.referral_detail(reference=reference)
    # Per record: a team manager overrides only decisions on referrals routed to their team (docs/decisions/0034).
    authorise(user=request.user, perm="triage.override", instance=referral)
    decision = getattr(referral, "decision", None)
    if decision is None:
        raise Http404
    form = OverrideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            result = decision_override(
                decision=decision,
                level=form.cleaned_data["level"],
                reason=form.cleaned_data["reason"],
                overridden_by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The decision is now level %(level)s: %(route)s.")
                % {"level": result.new_level, "route": result.get_new_route_display()},
            )
            return redirect("intake:detail", reference=reference)
    audit_view(instance=decision)
    return render(request, "triage/override.html", {"referral": referral, "decision": decision, "form": form})


@login_not_required
@rate_limit("public_form")
def followup(request: HttpRequest, token: str) -> HttpResponse:
    """The public page a signposted family answers from, reached by the link in their message."""
    pack = pack_for_token(token)
    form = FollowUpForm(request.POST if request.method == "POST" else None)
    if pack is not None and request.method == "POST" and form.is_valid():
        helped = form.cleaned_data["helped"] == "yes"
        followup_answer(pack=pack, helped=helped, comments=form.cleaned_data["comments"])
        return render(request, "triage/followup.html", {"answered": True, "helped": helped})
    return render(request, "triage/followup.html", {"pack": pack, "form": form})


@permission_required("triage.decide", raise_exception=True)
def note_add(request: HttpRequest, reference: str) -> HttpResponse:
    """Add a contact note while screening; the decision form on the page is untouched."""
    referral = intake.referral_detail(reference=reference)
    form = ScreeningNoteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        screening_note_add(
            referral=referral, kind=form.cleaned_data["kind"], text=form.cleaned_data["text"], written_by=request.user
        )
        messages.success(request, _("Note added."))
        return redirect("triage:decide", reference=reference)
    return render(request, "triage/note_add.html", {"referral": referral, "form": form})
