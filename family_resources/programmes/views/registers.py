"""A session's register: one row of radios per parent, usable on a tablet in the group room, without JavaScript."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.audit.services import audit_views, authorise
from family_resources.core.forms import form_add_service_errors
from family_resources.programmes import selectors
from family_resources.programmes.forms import RegisterForm
from family_resources.programmes.models import Programme
from family_resources.programmes.services.registers import attendance_record


def register(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_for_register(session_id=session_id)
    programme = session.programme
    authorise(user=request.user, perm="programmes.take_register", instance=programme)
    enrolments = selectors.register_enrolments(session=session)
    form = RegisterForm(
        request.POST if request.method == "POST" else None,
        enrolments=enrolments,
        marks=selectors.marks_for(session=session),
    )
    if request.method == "POST" and form.is_valid():
        try:
            attendance_record(session=session, marks=form.marks(), by=request.user)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Register saved for session %(number)s.") % {"number": session.number})
            return redirect("programmes:detail", programme.pk)
    audit_views(instances=[*enrolments, *(e.person for e in enrolments)])
    can_record = (
        programme.status in (Programme.Status.OPEN, Programme.Status.RUNNING)
        and not session.cancelled
        and session.date <= timezone.localdate()
    )
    return render(
        request,
        "programmes/register.html",
        {"session": session, "programme": programme, "form": form, "can_record": can_record},
    )
