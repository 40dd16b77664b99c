"""The case page: a practitioner's view of one episode of support."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.casework import selectors
from family_resources.casework.due import due_items
from family_resources.casework.models import Episode
from family_resources.casework.services.closure import step_down_pack
from family_resources.families.addresses import address_seen_by
from family_resources.programmes import selectors as programme_selectors


def episode_detail(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = selectors.episode_for_case_page(episode_id=episode_id)
    authorise(user=request.user, perm="casework.view_episode", instance=episode)
    audit_view(instance=episode)
    today = timezone.localdate()
    due = due_items([episode], today=today).get(episode.pk, []) if episode.status == Episode.Status.OPEN else []
    plan = selectors.plan_for_page(episode=episode)
    assessment = selectors.latest_assessment(episode=episode)
    if assessment is not None:
        audit_view(instance=assessment)
    step_ups = list(episode.step_ups.all())
    programme_enrolments = programme_selectors.episode_enrolments(episode=episode)
    contact_sessions = programme_selectors.episode_contact_sessions(episode=episode)
    audit_views(instances=[*step_ups, *programme_enrolments, *contact_sessions])
    return render(
        request,
        "casework/episode_detail.html",
        {
            "episode": episode,
            "family": episode.family,
            "can_work": request.user.has_perm("casework.work_on_episode", episode),
            "can_close": request.user.has_perm("casework.close_episode", episode),
            "due": due,
            "plan": plan,
            "assessment": assessment,
            "step_ups": step_ups,
            "programme_enrolments": programme_enrolments,
            "contact_sessions": contact_sessions,
            # The address a practitioner visits, as this reader may see it: the families app decides.
            "address": address_seen_by(user=request.user, holder=episode.family),
            "step_down_pack": step_down_pack(episode),
            "allocations": list(episode.allocations.select_related("practitioner")),
        },
    )
