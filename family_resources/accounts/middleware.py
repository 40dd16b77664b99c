"""Staff sessions: ended after a spell idle, and kept off staff pages until the second factor is checked (ADR 0022)."""

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from family_resources.accounts import mfa

LAST_SEEN_SESSION_KEY = "accounts_last_seen"
# The last-seen time is saved at most this often, so a page of many requests writes the session once.
LAST_SEEN_RESOLUTION_SECONDS = 15


def mfa_not_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Marks a view a signed-in person may use before the second factor: the MFA pages and sign-out."""
    view.mfa_not_required = True  # type: ignore[attr-defined]
    return view


class StaffSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.session_timed_out = False  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
            if last_seen is not None and now - float(last_seen) > settings.SESSION_IDLE_MINUTES * 60:
                logout(request)
                request.session_timed_out = True  # type: ignore[attr-defined]
            elif last_seen is None or now - float(last_seen) >= LAST_SEEN_RESOLUTION_SECONDS:
                request.session[LAST_SEEN_SESSION_KEY] = now
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        # The same test LoginRequiredMiddleware uses: public pages, the API (bearer tokens) and the
        # directory organisations' own sign-in are marked login_not_required and are left alone.
        if not getattr(view_func, "login_required", True):
            return None
        if getattr(request, "session_timed_out", False):
            return HttpResponseRedirect(
                reverse("accounts:signed_out") + "?" + urlencode({"next": request.get_full_path()})
            )
        if not request.user.is_authenticated or getattr(view_func, "mfa_not_required", False):
            return None
        if mfa.session_is_verified(request.session):
            return None
        user: Any = request.user
        step = "accounts:mfa_verify" if mfa.confirmed_app_device(user) else "accounts:mfa_setup"
        return HttpResponseRedirect(reverse(step) + "?" + urlencode({"next": request.get_full_path()}))


class PermissionsPolicyMiddleware:
    """Switches off browser features the service never uses (camera, microphone, location, payment)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
