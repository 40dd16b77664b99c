"""Diaries: a practitioner's by day or by week (and as a calendar file), and each place's rooms by day."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from family_resources.accounts.models import User
from family_resources.audit.services import audit_views, authorise
from family_resources.places.models import Place
from family_resources.scheduling import calendars, selectors

# The calendar file covers a little of the past (for what was marked) and the months ahead.
FEED_DAYS_BEFORE = 14
FEED_DAYS_AFTER = 90


def _date_from(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def diary(request: HttpRequest, practitioner_id: int | None = None) -> HttpResponse:
    """?day=YYYY-MM-DD for one day (today by default), ?week=YYYY-MM-DD for the week that day falls in."""
    practitioner = get_object_or_404(User, pk=practitioner_id if practitioner_id is not None else request.user.pk)
    authorise(user=request.user, perm="scheduling.view_diary", instance=practitioner)
    week_of = _date_from(request.GET.get("week"))
    if week_of is not None or "week" in request.GET:
        first = (week_of or timezone.localdate()) - timedelta(days=(week_of or timezone.localdate()).weekday())
        last = first + timedelta(days=6)
        step, view = timedelta(days=7), "week"
    else:
        first = last = _date_from(request.GET.get("day")) or timezone.localdate()
        step, view = timedelta(days=1), "day"
    appointments = selectors.diary(practitioner=practitioner, first=first, last=last)
    audit_views(instances=appointments)
    return render(
        request,
        "scheduling/diary.html",
        {
            "practitioner": practitioner,
            "own": practitioner.pk == request.user.pk,
            "view": view,
            "first": first,
            "last": last,
            "days": selectors.by_day(appointments, first, last),
            "previous": first - step,
            "next": first + step,
            "today": timezone.localdate(),
        },
    )


def diary_calendar(request: HttpRequest, practitioner_id: int) -> HttpResponse:
    """The practitioner's diary as one .ics file, to import into a calendar (never a hidden address)."""
    practitioner = get_object_or_404(User, pk=practitioner_id)
    authorise(user=request.user, perm="scheduling.view_diary", instance=practitioner)
    today = timezone.localdate()
    appointments = selectors.diary(
        practitioner=practitioner,
        first=today - timedelta(days=FEED_DAYS_BEFORE),
        last=today + timedelta(days=FEED_DAYS_AFTER),
    )
    audit_views(instances=appointments)
    response = HttpResponse(
        calendars.diary_calendar(practitioner=practitioner, appointments=appointments),
        content_type=calendars.CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="diary-{practitioner.pk}.ics"'
    return response


def places(request: HttpRequest) -> HttpResponse:
    """The hubs and outreach bases with rooms, each linking to its room diary."""
    if not request.user.has_perm("scheduling.view_room_diary"):
        raise PermissionDenied
    return render(
        request,
        "scheduling/places.html",
        {"places": selectors.places_for_diaries(), "can_close": request.user.has_perm("scheduling.close_place")},
    )


def room_diary(request: HttpRequest, slug: str) -> HttpResponse:
    """Every room of a place on one day. Another team's appointment shows only as booked."""
    if not request.user.has_perm("scheduling.view_room_diary"):
        raise PermissionDenied
    place = get_object_or_404(Place, slug=slug)
    day = _date_from(request.GET.get("day")) or timezone.localdate()
    rooms = selectors.room_diary(place=place, day=day)
    visible = {
        appointment.pk
        for room in rooms
        for appointment in room.appointments
        if request.user.has_perm("scheduling.view_appointment", appointment)
    }
    audit_views(instances=[a for room in rooms for a in room.appointments if a.pk in visible])
    return render(
        request,
        "scheduling/room_diary.html",
        {
            "place": place,
            "day": day,
            "rooms": rooms,
            "visible": visible,
            "closure": selectors.closure_on(place=place, day=day),
            "previous": day - timedelta(days=1),
            "next": day + timedelta(days=1),
            "can_close": request.user.has_perm("scheduling.close_place"),
        },
    )
