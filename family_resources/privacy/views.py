"""The privacy notice (public), subject access requests and the retention review (managers)."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from family_resources.audit.models import AuditAction
from family_resources.audit.services import audit_record, audit_view, authorise
from family_resources.core.forms import form_add_service_errors
from family_resources.privacy import selectors
from family_resources.privacy.forms import LegalHoldForm, PersonSearchForm, ReviewDecisionForm
from family_resources.privacy.models import RetentionReviewItem
from family_resources.privacy.sar import bundle_zip, subject_access_bundle
from family_resources.privacy.services import (
    legal_hold_lift,
    legal_hold_place,
    retention_delete_approved,
    retention_item_decide,
    retention_review_refresh,
)


@login_not_required
@require_GET
def privacy_notice(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "privacy/notice.html",
        {
            "dpo": {
                "name": settings.PRIVACY_DPO_NAME,
                "email": settings.PRIVACY_DPO_EMAIL,
                "address": settings.PRIVACY_DPO_ADDRESS,
            },
            "retention": {
                "episode": settings.RETENTION_CLOSED_EPISODE_YEARS,
                "signposted": settings.RETENTION_SIGNPOSTED_REFERRAL_YEARS,
                "safeguarding": settings.RETENTION_SAFEGUARDING_AGE_YEARS,
            },
        },
    )


@permission_required("privacy.subject_access", raise_exception=True)
@require_GET
def subject_access_search(request: HttpRequest) -> HttpResponse:
    form = PersonSearchForm(request.GET if "query" in request.GET else None)
    people: list[Any] = []
    if form.is_valid():
        people = list(selectors.people_matching(query=form.cleaned_data["query"]))
        for person in people:
            audit_view(instance=person)
    return render(request, "privacy/sar_search.html", {"form": form, "people": people, "searched": form.is_bound})


def _person(request: HttpRequest, person_id: int) -> Any:
    person = selectors.person_for_request(person_id=person_id)
    authorise(user=request.user, perm="privacy.subject_access", instance=person)
    return person


@permission_required("privacy.subject_access", raise_exception=True)
@require_GET
def subject_access_bundle_page(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id)
    bundle = subject_access_bundle(person=person)
    audit_view(instance=person)
    audit_view(instance=person.family)
    return render(request, "privacy/sar_bundle.html", {"bundle": bundle, "person": person})


@permission_required("privacy.subject_access", raise_exception=True)
@require_GET
def subject_access_download(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id)
    content = bundle_zip(subject_access_bundle(person=person))
    audit_view(instance=person)
    audit_view(instance=person.family)
    response = HttpResponse(content, content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="subject-access-{person.family.reference}-{stamp}.zip"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@permission_required("privacy.review_retention", raise_exception=True)
@require_GET
def retention_review(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "privacy/retention.html",
        {
            "pending": selectors.review_items(status=RetentionReviewItem.Status.PENDING),
            "approved": selectors.review_items(status=RetentionReviewItem.Status.APPROVED),
            "holds": selectors.legal_holds(),
            "hold_form": LegalHoldForm(),
        },
    )


@permission_required("privacy.review_retention", raise_exception=True)
@require_POST
def retention_refresh(request: HttpRequest) -> HttpResponse:
    added = retention_review_refresh(today=timezone.localdate())
    messages.success(request, _("%(count)s record(s) added to the review list.") % {"count": len(added)})
    return redirect("privacy_staff:retention")


@permission_required("privacy.review_retention", raise_exception=True)
@require_http_methods(["GET", "POST"])
def retention_decide(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(RetentionReviewItem, pk=item_id, status=RetentionReviewItem.Status.PENDING)
    form = ReviewDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            retention_item_decide(
                item=item,
                actor=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                keep_reason=form.cleaned_data["keep_reason"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            return redirect("privacy_staff:retention")
    return render(request, "privacy/retention_decide.html", {"item": item, "form": form})


@permission_required("privacy.review_retention", raise_exception=True)
@require_POST
def retention_delete(request: HttpRequest) -> HttpResponse:
    counts = retention_delete_approved(today=timezone.localdate())
    messages.success(
        request,
        _("%(deleted)s record(s) deleted (%(rows)s rows). %(returned)s put back for review.") % counts,
    )
    return redirect("privacy_staff:retention")


@permission_required("privacy.place_legal_hold", raise_exception=True)
@require_POST
def legal_hold(request: HttpRequest) -> HttpResponse:
    form = LegalHoldForm(request.POST)
    if form.is_valid():
        family = selectors.family_for_hold(reference=form.cleaned_data["reference"])
        try:
            legal_hold_place(family=family, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Legal hold placed on %(reference)s.") % {"reference": family.reference})
            return redirect("privacy_staff:retention")
    return render(
        request,
        "privacy/retention.html",
        {
            "pending": selectors.review_items(status=RetentionReviewItem.Status.PENDING),
            "approved": selectors.review_items(status=RetentionReviewItem.Status.APPROVED),
            "holds": selectors.legal_holds(),
            "hold_form": form,
        },
    )


@permission_required("privacy.place_legal_hold", raise_exception=True)
@require_POST
def legal_hold_remove(request: HttpRequest, reference: str) -> HttpResponse:
    family = selectors.family_for_hold(reference=reference)
    legal_hold_lift(family=family)
    audit_record(action=AuditAction.UPDATE, instance=family, changed_fields=["legal_hold"])
    messages.success(request, _("Legal hold lifted from %(reference)s.") % {"reference": family.reference})
    return redirect("privacy_staff:retention")
