"""Organisations keep their own entries: asking to be listed, signing in by emailed link, proposing changes.

These pages are public to Django (no staff account is involved): an organisation is recognised by the id
its sign-in link put in the session, and every change it makes waits for a directory officer.
"""

import logging
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from family_resources.core.forms import form_add_service_errors
from family_resources.core.ratelimits import rate_limit
from family_resources.directory import selectors
from family_resources.directory.forms import ListingForm, OrganisationForm, ServiceForm, SignInForm, service_initial
from family_resources.directory.models import ChangeRequest, Organisation, Service
from family_resources.directory.services import (
    listing_request_submit,
    organisation_change_submit,
    organisation_sign_in_send,
    organisation_sign_in_use,
    service_change_submit,
)
from family_resources.directory.services.entries import organisation_as_proposal, service_as_proposal
from family_resources.directory.views.documents import evidence_document_response

logger = logging.getLogger(__name__)

SESSION_KEY = "directory_organisation"
SESSION_STARTED = "directory_organisation_since"
# An organisation's session lasts a working morning; then it asks for a new link.
SESSION_LIFETIME = timedelta(hours=2)

View = Callable[..., HttpResponse]


def signed_in_organisation(request: HttpRequest) -> Organisation | None:
    organisation_id, since = request.session.get(SESSION_KEY), request.session.get(SESSION_STARTED)
    if organisation_id is None or since is None:
        return None
    if timezone.now().timestamp() - float(since) > SESSION_LIFETIME.total_seconds():
        request.session.pop(SESSION_KEY, None)
        return None
    return Organisation.objects.filter(pk=organisation_id).first()


def organisation_required(view: View) -> View:
    @login_not_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        organisation = signed_in_organisation(request)
        if organisation is None:
            return redirect("directory:sign_in")
        return view(request, organisation, *args, **kwargs)

    return wrapped


@login_not_required
@require_http_methods(["GET", "POST"])
@rate_limit("public_form")
def apply(request: HttpRequest) -> HttpResponse:
    """A community group asks to be listed."""
    form = ListingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        answers = dict(form.cleaned_data)
        summary = answers.pop("services_summary")
        try:
            listing_request_submit(organisation=answers, services_summary=summary)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            return redirect("directory:apply_done")
    return render(request, "directory/organisation/apply.html", {"form": form})


@login_not_required
def apply_done(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/organisation/apply_done.html")


def _link_for(token: str) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("directory:sign_in_link", args=[token])


@login_not_required
@require_http_methods(["GET", "POST"])
@rate_limit("public_form")
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        organisation_sign_in_send(email=form.cleaned_data["email"], link_for=_link_for)
        # The same answer whether or not the address is known, so the form reveals nothing.
        request.session["directory_sign_in_email"] = form.cleaned_data["email"]
        return redirect("directory:sign_in_sent")
    return render(request, "directory/organisation/sign_in.html", {"form": form})


@login_not_required
def sign_in_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/organisation/sign_in_sent.html",
        {"email": request.session.get("directory_sign_in_email", "")},
    )


@login_not_required
@require_http_methods(["GET", "POST"])
@rate_limit("public_form")
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """The emailed link. Opening it asks for a button press, so mail scanners that open links do not use it up."""
    if request.method == "GET":
        return render(request, "directory/organisation/sign_in_confirm.html")
    organisation = organisation_sign_in_use(token=token)
    if organisation is None:
        return render(request, "directory/organisation/sign_in_expired.html", status=410)
    request.session.cycle_key()
    request.session[SESSION_KEY] = organisation.pk
    request.session[SESSION_STARTED] = timezone.now().timestamp()
    logger.info("organisation %s signed in", organisation.pk)
    return redirect("directory:organisation_home")


@login_not_required
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION_KEY, None)
    request.session.pop(SESSION_STARTED, None)
    messages.success(request, _("You have signed out."))
    return redirect("directory:sign_in")


@organisation_required
def organisation_home(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return render(
        request,
        "directory/organisation/home.html",
        {
            "organisation": organisation,
            "services": selectors.organisation_services(organisation),
            "requests": selectors.organisation_requests(organisation)[:10],
            "evidence": selectors.evidence_lines(organisation),
        },
    )


@organisation_required
@require_GET
def evidence_document(request: HttpRequest, organisation: Organisation, evidence_id: int) -> HttpResponse:
    """The organisation's own uploaded evidence, and no other organisation's (404 otherwise)."""
    evidence = selectors.evidence_document_of(organisation_id=organisation.pk, evidence_id=evidence_id)
    return evidence_document_response(evidence)


def _pending(organisation: Organisation, kind: str, service: Service | None = None) -> ChangeRequest | None:
    waiting = organisation.change_requests.filter(kind=kind, status=ChangeRequest.Status.PENDING)
    return (waiting.filter(service=service) if service else waiting.filter(service__isnull=True)).first()


@organisation_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    waiting = _pending(organisation, ChangeRequest.Kind.ORGANISATION)
    initial = waiting.proposed if waiting else organisation_as_proposal(organisation)
    form = OrganisationForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            organisation_change_submit(
                organisation=organisation, proposed=form.cleaned_data, submitted_by_email=organisation.account_email
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your changes have been sent to the directory team. We will email you when they are approved."),
            )
            return redirect("directory:organisation_home")
    return render(
        request,
        "directory/organisation/organisation_form.html",
        {"form": form, "organisation": organisation, "waiting": waiting},
    )


@organisation_required
@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, organisation: Organisation, service_uuid: Any = None) -> HttpResponse:
    """Add a service (no uuid) or change one; the answers wait for approval."""
    service = get_object_or_404(organisation.services, uuid=service_uuid) if service_uuid else None
    waiting = _pending(organisation, ChangeRequest.Kind.SERVICE, service) if service else None
    if waiting:
        initial = service_initial(waiting.proposed)
    elif service:
        initial = service_initial(service_as_proposal(service))
    else:
        initial = service_initial({})
    form = ServiceForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            service_change_submit(
                organisation=organisation,
                service=service,
                proposed=form.proposal(),
                submitted_by_email=organisation.account_email,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your changes have been sent to the directory team. We will email you when they are approved."),
            )
            return redirect("directory:organisation_home")
    return render(
        request,
        "directory/organisation/service_form.html",
        # Not "service": every page's header reads the site's own name and council from that (context processor).
        {"form": form, "organisation": organisation, "listed_service": service, "waiting": waiting},
    )
