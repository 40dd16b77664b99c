"""Walk every URL of the project as one identity and name what happened, for the allow/deny table test.

Each request runs inside a savepoint that is rolled back, so a POST that changes something (cancel an
appointment, sign out) leaves the world as it was for the next URL, and the audit trail can be read
before the rollback to see whether a refusal was recorded.
"""

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from family_resources.audit.models import AuditAction, AuditEvent

# What happened to a request.
ALLOW = "allow"  # the page (or the action) was reached: 2xx, a redirect other than to sign in, a form error
DENY = "deny"  # 403 with no audit row: a role-level refusal, no particular record involved
AUDITED = "deny+audit"  # 403 and a "denied" row in the audit trail: a refusal about a particular record
HIDDEN = "hidden"  # 404: the design does not say whether the record exists
METHOD = "method"  # 405: the URL does not take this method
LOGIN = "login"  # a redirect to the staff sign-in page (or the admin's, which sends staff to it)
FAMILY_LOGIN = "family-login"  # a redirect to the family portal's sign-in
ORGANISATION_LOGIN = "organisation-login"  # a redirect to a directory organisation's sign-in
TOKEN = "token"  # 401: the partner API wants its bearer token, whatever the session
ERROR = "error"  # 5xx: never expected

# The Django admin is one group: its index and one model page stand for its 170-odd URLs.
ADMIN_NAMESPACE = "admin"
ADMIN_SAMPLES = ("admin:index", "admin:directory_organisation_changelist")


@dataclass(frozen=True)
class Route:
    key: str  # its row in the table: "namespace:name", with "(params)" when the name is mounted twice
    name: str  # "namespace:name", for reverse()
    params: tuple[str, ...]


def _walk(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from _walk(entry, inner)
        else:
            yield namespace, entry


def project_routes() -> list[Route]:
    """Every URL of the project, the admin group reduced to its samples; an unnamed one is keyed "?<path>"."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for namespace, pattern in _walk(get_resolver()):
        if pattern.name is None:
            name = f"?{namespace}:{pattern.pattern}"
        else:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
        if namespace.split(":")[0] == ADMIN_NAMESPACE and name not in ADMIN_SAMPLES:
            continue
        found.append((name, tuple(sorted(pattern.pattern.regex.groupindex))))
    names = [name for name, _params in found]
    return sorted(
        (
            Route(key=name if names.count(name) == 1 else f"{name}({','.join(params)})", name=name, params=params)
            for name, params in found
        ),
        key=lambda route: route.key,
    )


def url_for(route: Route, params: dict[str, Any]) -> str:
    namespace = route.name.rpartition(":")[0]
    kwargs = {}
    for param in route.params:
        for key in (f"{route.name}.{param}", f"{namespace}.{param}", param):
            if key in params:
                kwargs[param] = params[key]
                break
        else:
            raise LookupError(f"No value for <{param}> of {route.name}: add one to the dataset's params.")
    url = reverse(route.name, kwargs=kwargs)
    query = params.get(f"{route.name}?")
    return f"{url}?{urlencode(query)}" if query else url


def _sign_in_pages() -> dict[str, str]:
    """Where each kind of sign-in lives, by path; a page of an app not installed yet is left out."""
    pages = {resolve_url(settings.LOGIN_URL): LOGIN, reverse("admin:login"): LOGIN}
    for name, outcome in (("portal:sign_in", FAMILY_LOGIN), ("directory:sign_in", ORGANISATION_LOGIN)):
        try:
            pages[reverse(name)] = outcome
        except NoReverseMatch:
            continue
    return pages


@dataclass(frozen=True)
class Outcome:
    name: str  # ALLOW, DENY, ...
    status: int
    body: str  # what was sent back, to look for words the identity may not see


def _body(response: Any) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode(errors="replace")


def outcome_of(client: Client, method: str, url: str) -> Outcome:
    """Make one request in a rolled-back savepoint and name the outcome."""
    cookies = copy.deepcopy(client.cookies)
    cache.clear()  # rate limits count per client address: the walk must not trip them
    sign_in_pages = _sign_in_pages()
    with transaction.atomic():
        last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        response = client.post(url, {}) if method == "POST" else client.get(url)
        audited = AuditEvent.objects.filter(pk__gt=last, action=AuditAction.DENIED).exists()
        body = _body(response)
        transaction.set_rollback(True)
    client.cookies = cookies
    return Outcome(_name(response, audited, sign_in_pages), response.status_code, body)


def _name(response: Any, audited: bool, sign_in_pages: dict[str, str]) -> str:
    status = response.status_code
    if status >= 500:
        return ERROR
    if status in (301, 302) and response["Location"].split("?")[0] in sign_in_pages:
        return sign_in_pages[response["Location"].split("?")[0]]
    named = {401: TOKEN, 403: AUDITED if audited else DENY, 404: HIDDEN, 405: METHOD}
    return named.get(status, ALLOW)
