"""Public pages of the service and the language switch."""

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from family_resources.consultation.selectors import open_consultations
from family_resources.places.selectors import service_places


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    consultations = open_consultations(today=timezone.localdate(), language=translation.get_language())
    return render(request, "core/home.html", {"places": service_places(), "consultations": consultations})


@login_not_required
@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/accessibility.html",
        {
            "prepared_on": date.fromisoformat(settings.ACCESSIBILITY_STATEMENT_PREPARED_ON),
            "reviewed_on": date.fromisoformat(settings.ACCESSIBILITY_STATEMENT_REVIEWED_ON),
        },
    )


@login_not_required
@require_GET
def set_language(request: HttpRequest, code: str) -> HttpResponse:
    """Remember the visitor's language and send them back to the page they were on.

    A link rather than Django's POST form, so the switcher works as the GOV.UK
    language navigation does and without JavaScript; choosing a language changes
    nothing but how pages are shown.
    """
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
            httponly=False,
        )
    return response


@login_not_required
def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "core/errors/404.html", status=404)


@login_not_required
def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "core/errors/403.html", status=403)


@login_not_required
def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "core/errors/500.html", status=500)
