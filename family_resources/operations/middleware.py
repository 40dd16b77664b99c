"""When the database fails while a form is being sent, show a clear "try again" page, not a server error.

Every service runs in `transaction.atomic`, so a database error has already rolled back whatever the request
began writing: nothing half-written is left. The form's answers are still wherever the page keeps them (the
online referral keeps them in the session until the referral is sent), so pressing the button again works.

Two middleware share the page. `DatabaseUnavailableMiddleware` sits near the view and catches a failure while
the view runs. `DatabaseUnreachableMiddleware` sits outside the session and sign-in middleware, for a database
that is already down when the request starts: the first thing to touch it then is loading the session or the
signed-in user, before any view, and Django would otherwise answer with its 500 page.
"""

import logging
import sys
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.signals import got_request_exception
from django.db import DatabaseError, IntegrityError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30

# Set on a request whose unhandled exception was a database outage, for the outer middleware to answer.
_FAILED = "_database_unavailable"


def is_outage(exception: BaseException | None) -> bool:
    """A lost or unreachable database. An IntegrityError is a bug or a race in the code, not an outage."""
    return isinstance(exception, DatabaseError) and not isinstance(exception, IntegrityError)


def _plain_page() -> str:
    # The layout itself needs the database (a signed-in user's navigation): a plain page still helps.
    return (
        "<!DOCTYPE html><html lang='en'><head><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>{text}</p></body></html>"
    ).format(
        title=_("Sorry, there is a problem with the service"),
        text=_("Nothing you typed has been lost. Go back and send it again in a few minutes."),
    )


def try_again_response(request: HttpRequest) -> HttpResponse:
    """The 503 "try again" page; a form's answers go back into hidden fields so "Try again" resends them."""
    fields = (
        [(key, value) for key, values in request.POST.lists() if key != "csrfmiddlewaretoken" for value in values]
        if request.method == "POST"
        else []
    )
    context = {"retry_url": request.get_full_path(), "fields": fields, "sent_form": request.method == "POST"}
    try:
        body: str = render_to_string("operations/try_again.html", context, request=request)
    except DatabaseError:
        body = _plain_page()
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if request.method != "POST" or not is_outage(exception):
            return None
        view = request.resolver_match.view_name if request.resolver_match else "unknown"
        logger.error("database unavailable while sending a form: %s %s", view, type(exception).__name__)
        return try_again_response(request)


@receiver(got_request_exception, dispatch_uid="operations.database_unreachable")
def _mark_outage(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """Django turns an exception in a middleware into its 500 page inside that middleware's layer; note why."""
    if request is not None and is_outage(sys.exc_info()[1]):
        setattr(request, _FAILED, True)


class DatabaseUnreachableMiddleware:
    """Outside the session and sign-in middleware: a database down before the view gets the "try again" page.

    An exception raised by an inner middleware (the session or the signed-in user loaded from the database)
    has already become Django's 500 response by the time it gets here, so `_mark_outage` notes the cause on
    the request and the 500 is replaced. If even the 500 page failed, the error itself arrives here.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            response = self.get_response(request)
        except DatabaseError as error:
            if not is_outage(error):
                raise
            return self._answer(request, type(error).__name__)
        if response.status_code >= 500 and getattr(request, _FAILED, False):
            return self._answer(request, "marked")
        return response

    def _answer(self, request: HttpRequest, cause: str) -> HttpResponse:
        logger.error("database unavailable before the page could load: %s %s", request.method, cause)
        # The layout must not reach for the database again: no signed-in user, no stored messages.
        request.user = AnonymousUser()
        request._messages = []  # type: ignore[attr-defined]
        return try_again_response(request)
