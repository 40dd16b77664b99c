"""Requests the service refuses before any view sees them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound


class RejectNullCharactersMiddleware:
    """A NUL character in a web address is never a real page: answer "not found".

    Every view takes its references from the path; PostgreSQL cannot hold a NUL in text, so a
    lookup with one would fail as a server error instead of a plain "not found".
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            return HttpResponseNotFound("Not found", content_type="text/plain")
        return self.get_response(request)
