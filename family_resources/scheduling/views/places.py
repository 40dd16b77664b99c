"""Closing a place for a day, and the appointments that closure left to rebook."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from family_resources.audit.services import audit_views
from family_resources.core.forms import form_add_service_errors
from family_resources.places.models import Place
from family_resources.scheduling import selectors
from family_resources.scheduling.forms import ClosureForm
from family_resources.scheduling.services import place_close


def close_place(request: HttpRequest, slug: str) -> HttpResponse:
    if not request.user.has_perm("scheduling.close_place"):
        raise PermissionDenied
    place = get_object_or_404(Place, slug=slug)
    form = ClosureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cancelled = place_close(
                place=place, day=data["day"], reason=data["reason"], detail=data["detail"], recorded_by=request.user
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            day = date_format(data["day"], "j F Y")
            messages.success(
                request,
                ngettext(
                    "%(place)s is closed on %(day)s. %(count)s appointment was cancelled: rebook it below.",
                    "%(place)s is closed on %(day)s. %(count)s appointments were cancelled: rebook them below.",
                    len(cancelled),
                )
                % {"place": place.name, "day": day, "count": len(cancelled)}
                if cancelled
                else _("%(place)s is closed on %(day)s. No appointments were booked there that day.")
                % {"place": place.name, "day": day},
            )
            return redirect("scheduling:rebook")
    closures = selectors.place_closures(place=place, from_day=timezone.localdate())
    return render(request, "scheduling/close_place.html", {"place": place, "form": form, "closures": closures})


def rebook(request: HttpRequest) -> HttpResponse:
    """Appointments cancelled because their place closed, waiting for a new time: the user's teams' ones."""
    if not request.user.has_perm("scheduling.view_rebook_list"):
        raise PermissionDenied
    appointments = selectors.to_rebook(user=request.user)
    audit_views(instances=appointments)
    return render(request, "scheduling/rebook.html", {"appointments": appointments})
