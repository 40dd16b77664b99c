"""Public pages: an open consultation's sessions, registering for one, cancelling by the emailed link, and
stopping consultation notices by the link in a notice email. None of them needs signing in.

The meeting link is never on these pages: it goes only to people with a place, in their messages.
"""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_GET, require_http_methods

from family_resources.consultation.models import Consultation
from family_resources.core.forms import form_add_service_errors
from family_resources.outreach import selectors
from family_resources.outreach.models import Event, RegistrationStatus
from family_resources.outreach.public_forms import RegistrationForm
from family_resources.outreach.services import (
    notice_opt_out,
    registration_cancel,
    registration_create,
    registration_find,
    unsubscribe_family,
)


def _consultation(slug: str) -> Consultation:
    consultation = selectors.open_consultation(slug=slug)
    if consultation is None:
        raise Http404
    return consultation


def _event(slug: str, event_id: int) -> tuple[Consultation, Event]:
    consultation = _consultation(slug)
    event = selectors.public_event(consultation=consultation, event_id=event_id)
    if event is None:
        raise Http404
    return consultation, event


def _session_key(event: Event) -> str:
    return f"outreach:registered:{event.pk}"


@login_not_required
@require_GET
def event_list(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    return render(
        request,
        "outreach/public/events.html",
        {"consultation": consultation, "events": selectors.public_events(consultation=consultation)},
    )


@login_not_required
@require_GET
def event_page(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    consultation, event = _event(slug, event_id)
    return render(
        request,
        "outreach/public/event.html",
        {
            "consultation": consultation,
            "event": event,
            "full": event.registered >= event.capacity,  # type: ignore[attr-defined]
            "places_left": max(event.capacity - event.registered, 0),  # type: ignore[attr-defined]
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    consultation, event = _event(slug, event_id)
    language = translation.get_language() or "en"
    form = RegistrationForm(request.POST or None, initial={"language": language.split("-")[0]})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration, _token = registration_create(
                event=event,
                name=data["name"],
                email=data["email"],
                mobile=data["mobile"],
                access_needs=data["access_needs"],
                language=data["language"] or "",
                interpreter=data["interpreter"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            request.session[_session_key(event)] = registration.status
            return redirect("outreach:confirmation", slug, event.pk)
    return render(
        request,
        "outreach/public/register.html",
        {"consultation": consultation, "event": event, "form": form, "full": event.registered >= event.capacity},  # type: ignore[attr-defined]
        status=400 if form.errors else 200,
    )


@login_not_required
@require_GET
def confirmation(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    consultation, event = _event(slug, event_id)
    status = request.session.get(_session_key(event))
    if status is None:
        return redirect("outreach:event", slug, event.pk)
    return render(
        request,
        "outreach/public/confirmation.html",
        {"consultation": consultation, "event": event, "waiting": status == RegistrationStatus.WAITING},
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_find(token=token)
    if registration is None:
        raise Http404
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        registration = registration_cancel(registration=registration)
        return render(request, "outreach/public/cancelled.html", {"event": registration.event})
    return render(
        request,
        "outreach/public/cancel.html",
        {
            "registration": registration,
            "event": registration.event,
            "already": registration.status == RegistrationStatus.CANCELLED,
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    family = unsubscribe_family(token=token)
    if family is None:
        raise Http404
    if request.method == "POST":
        notice_opt_out(family=family, source="link")
        return render(request, "outreach/public/unsubscribed.html", {})
    return render(request, "outreach/public/unsubscribe.html", {})
