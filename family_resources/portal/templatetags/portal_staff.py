"""The case page's section for what the family asked and wrote in the portal (casework includes it)."""

from typing import Any

from django import template

from family_resources.audit.services import audit_views
from family_resources.portal import selectors

register = template.Library()


@register.inclusion_tag("portal/staff/_case_panel.html", takes_context=True)
def portal_case_panel(context: dict[str, Any], episode: Any) -> dict[str, Any]:
    user = context["request"].user
    if not user.has_perm("casework.view_episode", episode):
        return {"show": False}
    requests = selectors.pending_requests_for(episode=episode)
    messages = selectors.messages_for(episode=episode)
    audit_views(instances=[*requests, *messages])
    return {
        "show": True,
        "episode": episode,
        "portal_requests": requests,
        "portal_messages": messages,
        "can_work": user.has_perm("casework.work_on_episode", episode),
        "csrf_token": context.get("csrf_token"),
    }
