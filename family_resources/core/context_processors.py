"""Values every page's layout needs: the service's name, contact details and languages."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    name_in_current: str
    dir: str
    current: bool
    url: str


def _language_links(request: HttpRequest) -> list[LanguageLink]:
    current = translation.get_language() or settings.LANGUAGE_CODE
    next_url = request.get_full_path()
    links = []
    for code, native_name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        # A page with its own version per language (a consultation's editions) names it: the link goes there.
        next_url = getattr(request, "language_alternates", {}).get(code, request.get_full_path())
        links.append(
            LanguageLink(
                code=code,
                name=native_name,
                name_in_current=str(settings.LANGUAGE_NAMES_IN_ENGLISH[code]),
                dir="rtl" if info["bidi"] else "ltr",
                current=code == current,
                url=reverse("core:language", args=[code]) + "?" + urlencode({"next": next_url}),
            )
        )
    return links


def service(request: HttpRequest) -> dict[str, Any]:
    phase = settings.SERVICE_PHASE
    return {
        "service": {
            "name": settings.SERVICE_NAME,
            "council": settings.COUNCIL_NAME,
            "phase_label": _("Beta") if phase == "beta" else _("Alpha") if phase == "alpha" else phase,
            "phone": settings.SERVICE_PHONE,
            "email": settings.SERVICE_EMAIL,
            "hours": settings.SERVICE_HOURS,
            "languages": _language_links(request),
        },
    }
