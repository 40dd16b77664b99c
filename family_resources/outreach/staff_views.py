"""Consultation officers' pages: events, their registrations and attendance, evidence notes; notices to
service users, their preview, sending, the reach log and the letters to print.

Registrations and the reach log are personal data: every page that shows them writes its reads to the
audit trail.
"""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from family_resources.accounts.models import User
from family_resources.audit.services import audit_view, audit_views
from family_resources.core.forms import form_add_service_errors
from family_resources.outreach import selectors
from family_resources.outreach.forms import EventForm, NotesForm, NoticeForm, OptOutForm
from family_resources.outreach.letters import letters_pdf
from family_resources.outreach.models import Event, Notice, NoticeOptOut, RegistrationStatus
from family_resources.outreach.opt_outs import opt_out_record, opt_out_withdraw
from family_resources.outreach.services import (
    attendance_record,
    event_notes_record,
    event_update,
    notice_preview,
)
from family_resources.outreach.services import (
    event_create as event_create_service,
)
from family_resources.outreach.services import (
    notice_create as notice_create_service,
)
from family_resources.outreach.services import (
    notice_send as notice_send_service,
)

RUN = "outreach.run_events"
VIEW_REGISTRATIONS = "outreach.view_registrations"
SEND = "outreach.send_notices"


def acting(request: HttpRequest) -> User:
    return cast(User, request.user)


@permission_required(RUN, raise_exception=True)
def events(request: HttpRequest) -> HttpResponse:
    return render(request, "outreach/staff/events.html", {"events": selectors.event_list().order_by("starts_at")})


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        consultation = values.pop("consultation")
        try:
            event = event_create_service(consultation=consultation, **values)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Event created"))
            return redirect("outreach_staff:event_detail", event.pk)
    return render(
        request,
        "outreach/staff/form.html",
        {"form": form, "title": _("New consultation event")},
        status=400 if form.errors else 200,
    )


@permission_required(VIEW_REGISTRATIONS, raise_exception=True)
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(selectors.event_list(), pk=event_id)
    registrations = list(selectors.event_registrations(event=event))
    audit_views(instances=registrations)
    return render(
        request,
        "outreach/staff/event_detail.html",
        {
            "event": event,
            "registered": [r for r in registrations if r.status == RegistrationStatus.REGISTERED],
            "waiting": [r for r in registrations if r.status == RegistrationStatus.WAITING],
            "cancelled": [r for r in registrations if r.status == RegistrationStatus.CANCELLED],
        },
    )


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    form = EventForm.for_event(event, request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        values.pop("consultation", None)
        try:
            cancelling = values.get("status") == Event.Status.CANCELLED and event.status != Event.Status.CANCELLED
            event_update(event=event, **values)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Event cancelled. Everyone with a place or waiting has been told.")
                if cancelling
                else _("Event updated"),
            )
            return redirect("outreach_staff:event_detail", event.pk)
    return render(
        request,
        "outreach/staff/form.html",
        {"form": form, "title": _("Change the event"), "event": event},
        status=400 if form.errors else 200,
    )


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def event_notes(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    form = NotesForm(request.POST or None, initial={"notes": event.notes})
    if request.method == "POST" and form.is_valid():
        event_notes_record(event=event, notes=form.cleaned_data["notes"], by=acting(request))
        messages.success(request, _("Notes saved"))
        return redirect("outreach_staff:event_detail", event.pk)
    return render(
        request,
        "outreach/staff/form.html",
        {"form": form, "title": _("What was said at the session"), "event": event},
        status=400 if form.errors else 200,
    )


@permission_required(VIEW_REGISTRATIONS, raise_exception=True)
@require_POST
def attendance(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    attended = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
    came = attendance_record(event=event, attended_ids=attended)
    messages.success(request, _("Attendance saved: %(count)s came") % {"count": came})
    return redirect("outreach_staff:event_detail", event.pk)


@permission_required(SEND, raise_exception=True)
def notices(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "outreach/staff/notices.html",
        {
            "notices": Notice.objects.select_related("consultation", "created_by"),
            "recipients": selectors.notice_recipients().count(),
            "opted_out": selectors.notice_opt_outs().count(),
        },
    )


@permission_required(SEND, raise_exception=True)
@require_http_methods(["GET", "POST"])
def notice_create(request: HttpRequest) -> HttpResponse:
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            notice = notice_create_service(**form.cleaned_data, by=acting(request))
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            return redirect("outreach_staff:notice_detail", notice.pk)
    return render(
        request,
        "outreach/staff/form.html",
        {
            "form": form,
            "title": _("New notice to service users"),
            "intro": _(
                "The notice goes to families with open support or support closed in the last year, in each "
                "family's language. Families who opted out are not sent it, and no letter goes to an address "
                "marked do not disclose."
            ),
        },
        status=400 if form.errors else 200,
    )


@permission_required(SEND, raise_exception=True)
def notice_detail(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = get_object_or_404(Notice.objects.select_related("consultation"), pk=notice_id)
    log = list(selectors.reach_log(notice=notice))
    audit_views(instances=log)
    return render(
        request,
        "outreach/staff/notice_detail.html",
        {
            "notice": notice,
            "preview": notice_preview(notice=notice),
            "recipients": selectors.notice_recipients().count(),
            "counts": selectors.reach_counts(notice=notice),
            "families_reached": selectors.families_reached(notice=notice),
            "log": log,
        },
    )


@permission_required(SEND, raise_exception=True)
@require_POST
def notice_send(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = get_object_or_404(Notice, pk=notice_id)
    notice_send_service(notice=notice, by=acting(request))
    messages.success(request, _("Sending the notice. The reach log fills in as it goes."))
    return redirect("outreach_staff:notice_detail", notice.pk)


@permission_required(SEND, raise_exception=True)
def notice_letters(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = get_object_or_404(Notice, pk=notice_id)
    response = HttpResponse(letters_pdf(notice=notice, user=request.user), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="notice-{notice.pk}-letters.pdf"'
    return response


@permission_required(SEND, raise_exception=True)
@require_http_methods(["GET", "POST"])
def opt_outs(request: HttpRequest) -> HttpResponse:
    """Families who opted out of notices, and how they told us; a form to record one told to staff."""
    form = OptOutForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            opt_out = opt_out_record(**form.cleaned_data, by=acting(request))
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Family %(reference)s will not be sent consultation notices")
                % {"reference": opt_out.family.reference},
            )
            return redirect("outreach_staff:opt_outs")
    listed = list(selectors.notice_opt_outs())
    audit_views(instances=listed)
    return render(
        request,
        "outreach/staff/opt_outs.html",
        {"form": form, "opt_outs": listed},
        status=400 if form.errors else 200,
    )


@permission_required(SEND, raise_exception=True)
@require_http_methods(["GET", "POST"])
def opt_out_withdraw_view(request: HttpRequest, opt_out_id: int) -> HttpResponse:
    """Check, then withdraw an opt-out: the family changed its mind and is sent notices again."""
    opt_out = get_object_or_404(NoticeOptOut.objects.select_related("family", "recorded_by"), pk=opt_out_id)
    if request.method == "POST":
        family = opt_out_withdraw(opt_out=opt_out)
        messages.success(
            request,
            _("Opt-out withdrawn: family %(reference)s will be sent consultation notices again")
            % {"reference": family.reference},
        )
        return redirect("outreach_staff:opt_outs")
    audit_view(instance=opt_out)
    return render(request, "outreach/staff/opt_out_withdraw.html", {"opt_out": opt_out})
