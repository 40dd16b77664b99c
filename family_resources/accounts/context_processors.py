"""The service navigation for the current visitor."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from family_resources.accounts.navigation import navigation_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    context: dict[str, Any] = {"navigation": navigation_for(request)}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # For the timeout warning (accounts/session_timeout.html and frontend's session-timeout.mjs).
        context["session_timeout"] = {
            "idle_seconds": settings.SESSION_IDLE_MINUTES * 60,
            "warning_seconds": settings.SESSION_IDLE_WARNING_MINUTES * 60,
            "warning_minutes": settings.SESSION_IDLE_WARNING_MINUTES,
        }
    return context
