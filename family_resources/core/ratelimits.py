"""Rate limits for public forms, the staff sign-in and the partner API (docs/decisions/0022).

A fixed window per scope and client, counted in the default cache. Limits and the window come from
settings (RATE_LIMITS, RATE_LIMIT_WINDOW_MINUTES) so a council can tune them and tests can lower them.
Over the limit, a form page answers 429 with a GOV.UK page that keeps what was typed (a button sends it
again once the wait is over); the API answers a JSON 429 with Retry-After.
"""

import hashlib
import math
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

View = Callable[..., HttpResponse]

# Fields never put back into the page: the CSRF token is issued afresh, and passwords are not echoed.
_NOT_KEPT = {"csrfmiddlewaretoken", "password"}


def client_address(request: HttpRequest) -> str:
    # Behind the load balancer REMOTE_ADDR is set by the WSGI server from the trusted proxy setting.
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def hit(scope: str, key: str, *, limit: int) -> int:
    """Count one request against a limit; returns 0 when allowed, else the seconds until the window ends."""
    if not settings.RATE_LIMIT_ENABLED:
        return 0
    window = settings.RATE_LIMIT_WINDOW_MINUTES * 60
    now = time.time()
    bucket = int(now // window)
    cache_key = f"ratelimit:{scope}:{hashlib.sha256(key.encode()).hexdigest()[:24]}:{bucket}"
    cache.add(cache_key, 0, timeout=window + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window + 5)
        count = 1
    if count <= limit:
        return 0
    return max(1, math.ceil((bucket + 1) * window - now))


def too_many_requests(request: HttpRequest, *, retry_after: int) -> HttpResponse:
    """The GOV.UK page: how long to wait, and what was typed, ready to send again."""
    kept = [(name, value) for name, values in request.POST.lists() if name not in _NOT_KEPT for value in values]
    context = {
        "minutes": max(1, math.ceil(retry_after / 60)),
        "kept": kept,
        "action": request.get_full_path(),
        "had_files": bool(request.FILES),
    }
    response = render(request, "core/too_many_requests.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def rate_limit(scope: str, *, methods: tuple[str, ...] = ("POST",)) -> Callable[[View], View]:
    """Limit a view's POSTs (by default) per network address, at settings.RATE_LIMITS[scope] a window."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in methods:
                wait = hit(scope, client_address(request), limit=settings.RATE_LIMITS[scope])
                if wait:
                    return too_many_requests(request, retry_after=wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def api_rate_limit(view: View) -> View:
    """Limit the API per bearer token presented and per network address; JSON 429 with Retry-After."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        wait = hit("api_address", client_address(request), limit=settings.RATE_LIMITS["api_address"])
        header = request.headers.get("Authorization", "")
        if not wait and header:
            wait = hit("api_token", header, limit=settings.RATE_LIMITS["api_token"])
        if wait:
            message = f"Too many requests. Try again in {wait} seconds."
            response = JsonResponse({"errors": [{"field": None, "message": message}]}, status=429)
            response["Retry-After"] = str(wait)
            return response
        return view(request, *args, **kwargs)

    return wrapped
