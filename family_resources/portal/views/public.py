"""The family's own pages under /my-family/: sign in with a code, then see and manage their support.

Every page after sign-in runs as the family in the audit trail (`access.family_required`), audits each
person-level record it shows, and reaches each record through a signed token that is checked against
the signed-in family (`access.owned_or_404`).
"""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from family_resources.audit.middleware import client_ip
from family_resources.audit.services import audit_denied, audit_view, audit_views
from family_resources.core.forms import form_add_service_errors
from family_resources.families.models import Family
from family_resources.portal import forms, selectors
from family_resources.portal.access import (
    SESSION_CHALLENGE,
    family_required,
    owned_or_404,
    portal_sign_in,
    portal_sign_out,
    token_for,
)
from family_resources.portal.models import RequestKind
from family_resources.portal.services import requests as portal_services
from family_resources.portal.services.sign_in import CodeProblem, sign_in_code_check, sign_in_code_send
from family_resources.scheduling.calendars import CONTENT_TYPE, family_calendar


def _with_language(response: HttpResponse, family: Family) -> HttpResponse:
    """Show the portal in the family's language from sign-in on; the language switch still works."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        family.preferred_language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=False,
    )
    return response


# --- Signing in ------------------------------------------------------------------------------------


@login_not_required
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = forms.ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = sign_in_code_send(contact=form.cleaned_data["contact"], ip_address=client_ip(request))
        if result.limited:
            form.add_error(
                None,
                _("You have asked for too many codes. Wait an hour and try again, or call us on %(phone)s.")
                % {"phone": settings.SERVICE_PHONE},
            )
        else:
            # The same next page whether or not the details are on a record: no way to test who we know.
            request.session[SESSION_CHALLENGE] = result.challenge
            return redirect("portal:code")
    return render(request, "portal/sign_in.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def code(request: HttpRequest) -> HttpResponse:
    challenge = request.session.get(SESSION_CHALLENGE)
    if not challenge:
        return redirect("portal:sign_in")
    form = forms.CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            family = sign_in_code_check(challenge=challenge, code=form.cleaned_data["code"])
        except CodeProblem as problem:
            if problem.reason == "wrong":
                form.add_error(
                    "code",
                    _("The code is not right. Check it and try again: you have %(n)s more tries.")
                    % {"n": problem.attempts_left},
                )
            else:
                request.session.pop(SESSION_CHALLENGE, None)
                return render(request, "portal/code_expired.html", {"reason": problem.reason}, status=410)
        else:
            portal_sign_in(request, family)
            return _with_language(redirect("portal:home"), family)
    return render(request, "portal/code.html", {"form": form, "minutes": settings.PORTAL_CODE_MINUTES})


@login_not_required
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    portal_sign_out(request)
    return render(request, "portal/signed_out.html")


# --- The family's overview -------------------------------------------------------------------------


@family_required
def home(request: HttpRequest, family: Family) -> HttpResponse:
    episode = selectors.open_episode(family=family)
    referrals = selectors.referral_statuses(family=family)
    plan = selectors.plan_of(episode=episode)
    appointments = selectors.upcoming_appointments(episode=episode)
    enrolments = selectors.enrolments_of(episode=episode)
    joined = selectors.active_enrolment_ids(episode=episode)
    programmes = [p for p in selectors.programmes_open_to(episode=episode) if p.pk not in joined]
    packs = selectors.packs_of(family=family)
    consent = selectors.consent_of(family=family)
    pending = list(selectors.requests_of(family=family).filter(status="pending"))
    audit_view(instance=family)
    audit_views(
        instances=[
            *(status.referral for status in referrals),
            *([episode] if episode else []),
            *([plan] if plan else []),
            *appointments,
            *enrolments,
            *(item.pack for item in packs),
            *([consent] if consent else []),
            *pending,
        ]
    )
    pending_appointments = {request_.appointment_id for request_ in pending if request_.appointment_id}
    return render(
        request,
        "portal/home.html",
        {
            "family": family,
            "episode": episode,
            "referrals": referrals,
            "plan": plan,
            "appointments": [
                (appointment, token_for(appointment, family), appointment.pk in pending_appointments)
                for appointment in appointments
            ],
            "enrolments": [(enrolment, token_for(enrolment, family)) for enrolment in enrolments],
            "programmes": [(programme, token_for(programme, family)) for programme in programmes],
            "packs": [(item, token_for(item.pack, family)) for item in packs],
            "consent": consent,
            "pending": pending,
            "messages_sent": selectors.messages_sent_by(family=family),
        },
    )


# --- Appointments ----------------------------------------------------------------------------------


def _appointment(token: str, family: Family) -> Any:
    appointment = owned_or_404(
        token,
        family=family,
        queryset=selectors.appointments_queryset(),
        owner=lambda appointment: appointment.episode.family_id,
    )
    if not selectors.appointment_visible(appointment):
        audit_denied(instance=appointment)
        raise Http404
    audit_view(instance=appointment)
    return appointment


@family_required
def appointment_calendar(request: HttpRequest, family: Family, token: str) -> HttpResponse:
    appointment = _appointment(token, family)
    response = HttpResponse(family_calendar(appointment), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="appointment.ics"'
    return response


@family_required
@require_http_methods(["GET", "POST"])
def appointment_change(request: HttpRequest, family: Family, token: str) -> HttpResponse:
    appointment = _appointment(token, family)
    form = forms.AppointmentChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            portal_services.appointment_change_ask(
                family=family, appointment=appointment, kind=form.cleaned_data["kind"],
                message=form.cleaned_data["message"],
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            if form.cleaned_data["kind"] == RequestKind.CANCEL:
                messages.success(request, _("We have asked your support worker to cancel the appointment."))
            else:
                messages.success(request, _("We have asked your support worker to move the appointment."))
            return redirect("portal:home")
    return render(request, "portal/appointment_change.html", {"form": form, "appointment": appointment})


# --- Group programmes ------------------------------------------------------------------------------


@family_required
@require_http_methods(["GET", "POST"])
def programme_book(request: HttpRequest, family: Family, token: str) -> HttpResponse:
    episode = selectors.open_episode(family=family)
    open_to_family = {programme.pk: programme for programme in selectors.programmes_open_to(episode=episode)}
    programme = owned_or_404(
        token, family=family, queryset=selectors.programmes_queryset(), owner=lambda programme: family.pk
    )
    if programme.pk not in open_to_family:
        raise Http404
    adults = selectors.adults_who_can_attend(family=family)
    form = forms.EnrolForm(request.POST or None, adults=adults)
    if request.method == "POST" and form.is_valid():
        try:
            enrolment = portal_services.enrolment_book_by_family(
                family=family, programme=programme, person=form.chosen()
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            if enrolment.status == "enrolled":
                messages.success(request, _("You have a place on %(name)s.") % {"name": programme.name})
            else:
                messages.success(
                    request,
                    _("You are number %(n)s on the waiting list for %(name)s.")
                    % {"n": enrolment.position, "name": programme.name},
                )
            return redirect("portal:home")
    return render(request, "portal/programme_book.html", {"form": form, "programme": programme})


@family_required
@require_http_methods(["GET", "POST"])
def enrolment_leave(request: HttpRequest, family: Family, token: str) -> HttpResponse:
    enrolment = owned_or_404(
        token,
        family=family,
        queryset=selectors.enrolments_queryset(),
        owner=lambda enrolment: enrolment.episode.family_id,
    )
    audit_view(instance=enrolment)
    form = forms.LeaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            portal_services.enrolment_leave_by_family(
                family=family, enrolment=enrolment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("You have left %(name)s.") % {"name": enrolment.programme.name})
            return redirect("portal:home")
    return render(request, "portal/enrolment_leave.html", {"form": form, "enrolment": enrolment})


# --- Contact details, language, follow-up, consent, messages ---------------------------------------


@family_required
@require_http_methods(["GET", "POST"])
def contact_details(request: HttpRequest, family: Family) -> HttpResponse:
    audit_view(instance=family)
    initial = {"email": family.contact_email, "phone": family.contact_phone, "channel": family.contact_channel}
    form = forms.ContactDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            portal_services.contact_details_change_ask(family=family, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you. Your support worker will check and update your details."))
            return redirect("portal:home")
    return render(request, "portal/contact_details.html", {"form": form, "family": family})


@family_required
@require_http_methods(["GET", "POST"])
def language(request: HttpRequest, family: Family) -> HttpResponse:
    audit_view(instance=family)
    form = forms.LanguageForm(request.POST or None, initial={"language": family.preferred_language})
    if request.method == "POST" and form.is_valid():
        try:
            portal_services.language_change_ask(family=family, language=form.cleaned_data["language"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you. Your support worker will update your language."))
            return redirect("portal:home")
    return render(request, "portal/language.html", {"form": form})


@family_required
@require_http_methods(["GET", "POST"])
def followup(request: HttpRequest, family: Family, token: str) -> HttpResponse:
    pack = owned_or_404(
        token,
        family=family,
        queryset=selectors.packs_queryset(),
        owner=lambda pack: pack.decision.referral.family_id,
    )
    audit_view(instance=pack)
    form = forms.FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            portal_services.followup_answer_by_family(
                family=family, pack=pack, helped=form.cleaned_data["helped"] == "yes",
                comments=form.cleaned_data["comments"],
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you for telling us."))
            return redirect("portal:home")
    return render(request, "portal/followup.html", {"form": form, "pack": pack})


@family_required
@require_http_methods(["GET", "POST"])
def consent_withdraw(request: HttpRequest, family: Family) -> HttpResponse:
    consent = selectors.consent_of(family=family)
    if consent is not None:
        audit_view(instance=consent)
    form = forms.ConsentWithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            portal_services.consent_withdraw_by_family(family=family, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("You have withdrawn your consent. We have told your team."))
            return redirect("portal:home")
    return render(request, "portal/consent_withdraw.html", {"form": form, "consent": consent})


@family_required
@require_http_methods(["GET", "POST"])
def message(request: HttpRequest, family: Family) -> HttpResponse:
    form = forms.MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            portal_services.message_send(family=family, text=form.cleaned_data["text"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your message has been sent to your team."))
            return redirect("portal:home")
    return render(request, "portal/message.html", {"form": form})
