"""The case page: a practitioner's view of one episode of support."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from family_resources.audit.services import audit_view, authorise
from family_resources.casework import selectors


def episode_detail(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = selectors.episode_for_case_page(episode_id=episode_id)
    authorise(user=request.user, perm="casework.view_episode", instance=episode)
    audit_view(instance=episode)
    return render(
        request,
        "casework/episode_detail.html",
        {
            "episode": episode,
            "family": episode.family,
            "can_work": request.user.has_perm("casework.work_on_episode", episode),
        },
    )
