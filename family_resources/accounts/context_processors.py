"""The service navigation for the current visitor."""

from typing import Any

from django.http import HttpRequest

from family_resources.accounts.navigation import navigation_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    return {"navigation": navigation_for(request)}
