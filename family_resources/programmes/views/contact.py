"""Supervised contact: booking from a case, the sessions a worker supervises, and the signed observation."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.accounts.models import User
from family_resources.accounts.roles import TEAM_ROLES
from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.casework.models import Episode
from family_resources.core.forms import form_add_service_errors
from family_resources.families.models import Person
from family_resources.places.models import Room
from family_resources.programmes import selectors
from family_resources.programmes.forms import ContactForm, ObservationForm, ReasonForm
from family_resources.programmes.models import CONTACT_CENTRE_SLUG, ContactObservation, ContactSession
from family_resources.programmes.services.contact import contact_book, contact_cancel, contact_observation_record


def book(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = get_object_or_404(Episode.objects.select_related("family", "team"), pk=episode_id)
    authorise(user=request.user, perm="programmes.book_contact", instance=episode)
    members = episode.family.members.order_by("given_name")
    children = members.filter(kind=Person.Kind.CHILD)
    adults = members.filter(kind=Person.Kind.ADULT)
    form = ContactForm(
        request.POST if request.method == "POST" else None,
        children=children,
        adults=adults,
        rooms=Room.objects.filter(place__slug=CONTACT_CENTRE_SLUG, active=True).select_related("place"),
        supervisors=User.objects.filter(is_active=True, role__in=TEAM_ROLES).order_by("full_name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = contact_book(episode=episode, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Supervised contact booked."))
            return redirect("programmes:contact", session.pk)
    audit_view(instance=episode)
    audit_views(instances=[*children, *adults])
    return render(request, "programmes/contact_book.html", {"episode": episode, "form": form})


@permission_required("programmes.view_programme", raise_exception=True)
def contact_list(request: HttpRequest) -> HttpResponse:
    """Upcoming supervised contact the user supervises or whose family their team works with."""
    today_start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    sessions = list(selectors.contact_sessions_for(user=request.user).filter(starts_at__gte=today_start)[:100])
    audit_views(instances=[*sessions, *{p for s in sessions for p in (s.child, s.parent)}])
    return render(request, "programmes/contact_list.html", {"sessions": sessions})


def contact_detail(request: HttpRequest, contact_id: int) -> HttpResponse:
    session = selectors.contact_for_page(contact_id=contact_id)
    authorise(user=request.user, perm="programmes.view_contact", instance=session)
    observation = ContactObservation.objects.filter(session=session).select_related("signed_by").first()
    audit_views(instances=[session, session.child, session.parent, *([observation] if observation else [])])
    return render(
        request,
        "programmes/contact_detail.html",
        {
            "session": session,
            "observation": observation,
            "can_observe": observation is None
            and session.status == ContactSession.Status.BOOKED
            and session.starts_at <= timezone.now()
            and request.user.has_perm("programmes.record_observation", session),
            "can_cancel": session.status == ContactSession.Status.BOOKED
            and request.user.has_perm("programmes.change_contact", session),
            "can_open_case": request.user.has_perm("casework.view_episode", session.episode),
        },
    )


def observation(request: HttpRequest, contact_id: int) -> HttpResponse:
    session = selectors.contact_for_page(contact_id=contact_id)
    authorise(user=request.user, perm="programmes.record_observation", instance=session)
    form = ObservationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contact_observation_record(
                session=session,
                what_happened=data["what_happened"],
                interaction_quality=data["interaction_quality"],
                concerns=data["concerns"],
                signed_by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Observation signed and saved."))
            return redirect("programmes:contact", session.pk)
    audit_views(instances=[session, session.child, session.parent])
    return render(request, "programmes/observation_form.html", {"session": session, "form": form})


def contact_cancel_view(request: HttpRequest, contact_id: int) -> HttpResponse:
    session = selectors.contact_for_page(contact_id=contact_id)
    authorise(user=request.user, perm="programmes.change_contact", instance=session)
    form = ReasonForm(
        request.POST if request.method == "POST" else None,
        label=_("Why is the contact cancelled?"),
        required_message=_("Say why the contact is cancelled"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            contact_cancel(session=session, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Supervised contact cancelled."))
            return redirect("programmes:contact", session.pk)
    audit_views(instances=[session, session.child, session.parent])
    return render(request, "programmes/contact_cancel.html", {"session": session, "form": form})
