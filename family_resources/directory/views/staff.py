"""The directory officer's pages: what needs checking, each organisation's evidence, and requests to decide."""

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from family_resources.accounts.models import User
from family_resources.catalogue.models import CeasedService
from family_resources.core.forms import form_add_service_errors
from family_resources.directory import selectors
from family_resources.directory.forms import (
    DecisionForm,
    EvidenceForm,
    ListingForm,
    ReasonForm,
    ServiceForm,
    weekday_choices,
)
from family_resources.directory.models import ChangeRequest, EvidenceKind, SafeguardingEvidence, TaxonomyTerm
from family_resources.directory.services import (
    change_request_approve,
    change_request_reject,
    safeguarding_evidence_verify,
    safeguarding_evidence_withdraw,
)
from family_resources.directory.services.entries import proposal_changes
from family_resources.directory.views.documents import evidence_document_response


def acting(request: HttpRequest) -> User:
    """The signed-in member of staff: every view here requires a permission, so never anonymous."""
    return cast(User, request.user)


@permission_required("directory.view_directory_work", raise_exception=True)
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/staff/dashboard.html",
        {
            "dashboard": selectors.officer_dashboard(),
            "organisations": selectors.organisations_with_status(),
            "today": timezone.localdate(),
            "can_verify": request.user.has_perm("directory.verify_evidence"),
        },
    )


@permission_required("directory.view_directory_work", raise_exception=True)
def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = selectors.organisation_for_staff(organisation_id=organisation_id)
    return render(
        request,
        "directory/staff/organisation_detail.html",
        {
            "organisation": organisation,
            "evidence": selectors.evidence_lines(organisation),
            "history": selectors.evidence_history(organisation),
            "services": selectors.organisation_services(organisation),
            "requests": selectors.organisation_requests(organisation),
            "can_verify": request.user.has_perm("directory.verify_evidence"),
        },
    )


@permission_required("directory.verify_evidence", raise_exception=True)
@require_http_methods(["GET", "POST"])
def evidence_verify(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = selectors.organisation_for_staff(organisation_id=organisation_id)
    kind = request.GET.get("kind")
    form = EvidenceForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial={"kind": kind} if kind in EvidenceKind.values else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            evidence = safeguarding_evidence_verify(
                organisation=organisation,
                kind=form.cleaned_data["kind"],
                detail=form.cleaned_data["detail"],
                valid_until=form.cleaned_data["valid_until"],
                verified_by=acting(request),
                document=form.cleaned_data.get("document") or None,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(kind)s verified for %(name)s.") % {"kind": evidence.get_kind_display(), "name": organisation.name},
            )
            return redirect("directory_staff:organisation", organisation_id=organisation.pk)
    return render(request, "directory/staff/evidence_form.html", {"form": form, "organisation": organisation})


@permission_required("directory.verify_evidence", raise_exception=True)
@require_http_methods(["GET", "POST"])
def evidence_withdraw(request: HttpRequest, organisation_id: int, evidence_id: int) -> HttpResponse:
    organisation = selectors.organisation_for_staff(organisation_id=organisation_id)
    evidence = get_object_or_404(SafeguardingEvidence, pk=evidence_id, organisation=organisation)
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            safeguarding_evidence_withdraw(
                evidence=evidence, reason=form.cleaned_data["reason"], withdrawn_by=acting(request)
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Evidence withdrawn. Families no longer see this organisation's services."))
            return redirect("directory_staff:organisation", organisation_id=organisation.pk)
    return render(
        request,
        "directory/staff/evidence_withdraw.html",
        {"form": form, "organisation": organisation, "evidence": evidence},
    )


@permission_required("directory.view_directory_work", raise_exception=True)
@require_http_methods(["GET", "POST"])
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    change = selectors.change_request(request_id=request_id)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not request.user.has_perm("directory.decide_change"):
            raise PermissionDenied
        if form.is_valid():
            try:
                if form.cleaned_data["decision"] == "approve":
                    change_request_approve(change=change, decided_by=acting(request))
                    messages.success(request, _("Approved: the directory has been changed and the organisation told."))
                else:
                    change_request_reject(change=change, reason=form.cleaned_data["reason"], decided_by=acting(request))
                    messages.success(request, _("Rejected: the organisation has been told why."))
            except ValidationError as error:
                # The organisation's answers break a rule now (a name taken since): say which, and decide again.
                form.add_error(None, [_("The request cannot be approved as it stands:"), *error.messages])
            else:
                return redirect("directory_staff:dashboard")
    return render(
        request,
        "directory/staff/request_detail.html",
        {
            "change": change,
            "rows": [(_label(key), now, proposed) for key, now, proposed in proposal_changes(change, _describe)],
            "form": form,
            "can_decide": change.status == ChangeRequest.Status.PENDING
            and request.user.has_perm("directory.decide_change"),
        },
    )


def _label(key: str) -> str:
    for form_class in (ListingForm, ServiceForm):
        if key in form_class.base_fields:
            return str(form_class.base_fields[key].label)
    return key


def _describe(key: str, value: Any) -> str:
    """A proposed or current value as an officer reads it."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if key == "languages":
        return ", ".join(str(settings.LANGUAGE_NAMES_IN_ENGLISH.get(code, code)) for code in value)
    if key == "categories":
        return ", ".join(TaxonomyTerm.objects.filter(slug__in=value).values_list("name", flat=True))
    if key == "replaces":
        return ", ".join(CeasedService.objects.filter(slug__in=value).values_list("name", flat=True))
    if key == "days":
        names = dict(weekday_choices())
        return ", ".join(names.get(str(day), str(day)) for day in value)
    if key in {"kind", "status"}:
        for form_class in (ListingForm, ServiceForm):
            field = form_class.base_fields.get(key)
            if field is not None and hasattr(field, "choices"):
                return str(dict(field.choices).get(value, value))
    return str(value)


@permission_required("directory.view_directory_work", raise_exception=True)
@require_GET
def evidence_document(request: HttpRequest, organisation_id: int, evidence_id: int) -> HttpResponse:
    """The uploaded document, for directory staff: a download, never shown inline, and audited."""
    evidence = selectors.evidence_document_of(organisation_id=organisation_id, evidence_id=evidence_id)
    return evidence_document_response(evidence)
