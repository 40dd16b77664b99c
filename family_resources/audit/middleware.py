"""Puts the signed-in person and their address into the audit context for the whole request."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from family_resources.audit.context import AuditContext, acting_as


def client_ip(request: HttpRequest) -> str | None:
    # Behind the council's proxy the client address is the first X-Forwarded-For entry;
    # the proxy must overwrite the header so a client cannot forge it.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
        context = AuditContext(actor=actor, source="web", ip_address=client_ip(request), path=request.path[:300])
        with acting_as(context):
            return self.get_response(request)
