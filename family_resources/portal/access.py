"""The portal's session and the identifiers in its addresses.

A signed-in family is only a family id in the session, separate from staff sign-in: no accounts.User
is made. Every portal page runs with the family as the audit trail's actor context (source
"portal:family:<id>"), so each read and each refused attempt is recorded against the family.

Objects are named in addresses by signed tokens that carry the family's id, so they cannot be guessed
or enumerated; ownership is still checked on every request (`owned_or_404`).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from family_resources.audit.context import AuditContext, acting_as
from family_resources.audit.middleware import client_ip
from family_resources.audit.services import audit_denied
from family_resources.families.models import Family

SESSION_FAMILY = "portal_family_id"
SESSION_SEEN = "portal_last_seen"
SESSION_CHALLENGE = "portal_challenge"
_SALT = "family_resources.portal.object"

View = Callable[..., HttpResponse]
M = TypeVar("M", bound=models.Model)


def portal_sign_in(request: HttpRequest, family: Family) -> None:
    """Start a portal session: a new session key, so a key fixed before sign-in is worthless."""
    request.session.cycle_key()
    request.session.pop(SESSION_CHALLENGE, None)
    request.session[SESSION_FAMILY] = family.pk
    request.session[SESSION_SEEN] = timezone.now().timestamp()


def portal_sign_out(request: HttpRequest) -> None:
    for key in (SESSION_FAMILY, SESSION_SEEN, SESSION_CHALLENGE):
        request.session.pop(key, None)
    request.session.cycle_key()


def signed_in_family(request: HttpRequest) -> Family | None:
    """The family signed in on this browser, or None; an idle session ends here."""
    family_id, seen = request.session.get(SESSION_FAMILY), request.session.get(SESSION_SEEN)
    if family_id is None or seen is None:
        return None
    now = timezone.now().timestamp()
    if now - float(seen) > settings.PORTAL_IDLE_MINUTES * 60:
        portal_sign_out(request)
        return None
    family = Family.objects.filter(pk=family_id).first()
    if family is None:
        portal_sign_out(request)
        return None
    request.session[SESSION_SEEN] = now
    return family


def family_context(request: HttpRequest, family: Family) -> AuditContext:
    return AuditContext(
        actor=None, source=f"portal:family:{family.pk}", ip_address=client_ip(request), path=request.path[:300]
    )


def family_required(view: View) -> View:
    """A portal page: needs a signed-in family, passes it to the view and audits as that family."""

    @login_not_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        family = signed_in_family(request)
        if family is None:
            return redirect("portal:sign_in")
        with acting_as(family_context(request, family)):
            response = view(request, family, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return wrapped


def token_for(instance: models.Model, family: Family) -> str:
    """The unguessable name of one of the family's records in a portal address.

    Not timestamped, so a page links to a record the same way every time it is drawn.
    """
    return signing.Signer(salt=_SALT).sign_object([instance._meta.label_lower, instance.pk, family.pk], compress=True)


def owned_or_404(token: str, *, family: Family, queryset: models.QuerySet[M], owner: Callable[[M], int | None]) -> M:
    """The record a token names, if it is this family's. Anything else is a 404 and a 'denied' audit row.

    A forged or mangled token is recorded against the signed-in family (there is no record to name);
    a genuine token of another family's record (a link replayed by someone else) against that record.
    """
    try:
        label, pk, issued_to = signing.Signer(salt=_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        audit_denied(instance=family)
        raise Http404 from None
    instance = queryset.filter(pk=pk).first() if label == queryset.model._meta.label_lower else None
    if instance is None:
        audit_denied(instance=family)
        raise Http404
    if issued_to != family.pk or owner(instance) != family.pk:
        audit_denied(instance=instance)
        raise Http404
    return instance
