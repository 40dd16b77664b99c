"""The front door's staff pages: one referral, and matching it to a family record."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.core.forms import form_add_service_errors
from family_resources.families.models import Family
from family_resources.intake import selectors, services
from family_resources.intake.eligibility import Eligibility, EligibilityStatus, Ineligibility, Relationship
from family_resources.intake.forms import CloseForm, PersonForm


def referral_detail(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_detail(reference=reference)
    # Per record: a team manager reads only the referrals routed to their own team (docs/decisions/0034).
    authorise(user=request.user, perm="intake.view_referral", instance=referral)
    people = list(referral.people.all())
    candidates = list(selectors.match_candidates(referral=referral)) if referral.family_id is None else []
    audit_view(instance=referral)
    audit_views(instances=[*people, *candidates])
    eligibility = Eligibility(
        EligibilityStatus(referral.eligibility),
        tuple(Ineligibility(r) for r in referral.ineligibility_reasons),
        tuple(referral.eligibility_notes),
    )
    return render(
        request,
        "intake/referral_detail.html",
        {
            "referral": referral,
            "people": people,
            "candidates": candidates,
            "explanation": eligibility.explanation(postcode=referral.postcode),
            "can_match": request.user.has_perm("intake.match_referral"),
            "can_decide": request.user.has_perm("triage.decide"),
            "can_override": request.user.has_perm("triage.override", referral),
        },
    )


def _act(request: HttpRequest, reference: str, action: str) -> HttpResponse:
    referral = selectors.referral_detail(reference=reference)
    try:
        if action == "create":
            services.referral_create_family(referral=referral)
            messages.success(request, _("A new family record was made from the referral."))
        else:
            family = get_object_or_404(Family, pk=request.POST.get("family"))
            if action == "link":
                services.referral_link_family(referral=referral, family=family)
                messages.success(request, _("The referral is now linked to the family's record."))
            else:
                services.referral_reject_match(referral=referral, family=family, rejected_by=request.user)  # type: ignore[arg-type]
                messages.success(request, _("That record will not be suggested again for this referral."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("intake:detail", reference=reference)


@require_POST
@permission_required("intake.match_referral", raise_exception=True)
def referral_link(request: HttpRequest, reference: str) -> HttpResponse:
    return _act(request, reference, "link")


@require_POST
@permission_required("intake.match_referral", raise_exception=True)
def referral_reject(request: HttpRequest, reference: str) -> HttpResponse:
    return _act(request, reference, "reject")


@require_POST
@permission_required("intake.match_referral", raise_exception=True)
def referral_new_family(request: HttpRequest, reference: str) -> HttpResponse:
    return _act(request, reference, "create")


@permission_required("intake.match_referral", raise_exception=True)
def person_add(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_detail(reference=reference)
    form = PersonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.referral_person_add(
                referral=referral,
                person=services.PersonInput(
                    relationship=Relationship(data["relationship"]),
                    given_name=data["given_name"],
                    family_name=data["family_name"],
                    date_of_birth=data["date_of_birth"],
                    expected_date_of_delivery=data["expected_date_of_delivery"],
                    has_send=data["has_send"],
                ),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Person added. Eligibility has been checked again."))
            return redirect("intake:detail", reference=reference)
    return render(
        request,
        "intake/officer_form.html",
        {
            "referral": referral,
            "form": form,
            "title": _("Add someone the contact names"),
            "button": _("Add the person"),
        },
    )


@permission_required("intake.match_referral", raise_exception=True)
def close(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_detail(reference=reference)
    form = CloseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_close_not_a_referral(referral=referral, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The contact was closed as not a referral."))
            return redirect("accounts:home")
    return render(
        request,
        "intake/officer_form.html",
        {
            "referral": referral,
            "form": form,
            "title": _("Close: this is not a referral"),
            "button": _("Close the contact"),
        },
    )
