"""A practitioner's side of the portal: what a family asked, confirmed or declined, and their messages read."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from family_resources.audit.services import audit_view, authorise
from family_resources.core.forms import form_add_service_errors
from family_resources.portal import forms, selectors
from family_resources.portal.models import RequestKind, RequestStatus
from family_resources.portal.services.requests import (
    portal_message_mark_read,
    portal_request_confirm,
    portal_request_decline,
)


@require_http_methods(["GET", "POST"])
def request_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    portal_request = selectors.request_for_staff(public_id=public_id)
    authorise(user=request.user, perm="portal.view_request", instance=portal_request)
    audit_view(instance=portal_request)
    can_answer = request.user.has_perm("portal.answer_request", portal_request)
    pending = portal_request.status == RequestStatus.PENDING
    move_form = forms.ConfirmMoveForm(prefix="move") if portal_request.kind == RequestKind.REARRANGE else None
    answer_form = forms.AnswerForm(prefix="answer")
    if request.method == "POST" and pending:
        authorise(user=request.user, perm="portal.answer_request", instance=portal_request)
        action = request.POST.get("action")
        if action == "confirm" and move_form is not None:
            move_form = forms.ConfirmMoveForm(request.POST, prefix="move")
            if move_form.is_valid():
                try:
                    portal_request_confirm(
                        portal_request=portal_request, by=request.user, starts_at=move_form.starts_at(),
                        note=move_form.cleaned_data["note"],
                    )  # fmt: skip
                except ValidationError as error:
                    form_add_service_errors(move_form, error, field_names={"starts_at": "time"})
                else:
                    messages.success(request, _("Appointment moved. The family has been sent the new time."))
                    return redirect("casework:episode", portal_request.episode_id)
        elif action in ("confirm", "decline"):
            answer_form = forms.AnswerForm(request.POST, prefix="answer")
            if answer_form.is_valid():
                note = answer_form.cleaned_data["note"]
                try:
                    if action == "confirm":
                        portal_request_confirm(portal_request=portal_request, by=request.user, note=note)
                    else:
                        portal_request_decline(portal_request=portal_request, by=request.user, note=note)
                except ValidationError as error:
                    form_add_service_errors(answer_form, error)
                else:
                    messages.success(request, _("Request answered."))
                    return redirect("casework:episode", portal_request.episode_id)
    return render(
        request,
        "portal/staff/request.html",
        {
            "portal_request": portal_request,
            "can_answer": can_answer and pending,
            "move_form": move_form,
            "answer_form": answer_form,
            "form": move_form if move_form is not None and move_form.errors else answer_form,
        },
    )


@require_POST
def message_read(request: HttpRequest, public_id: str) -> HttpResponse:
    message = selectors.message_for_staff(public_id=public_id)
    authorise(user=request.user, perm="portal.view_request", instance=message)
    portal_message_mark_read(message=message, by=request.user)
    messages.success(request, _("Message marked as read."))
    return redirect("casework:episode", message.episode_id)
