"""Turning a message template and its context into the text a family or referrer receives.

Templates are Django templates at notifications/messages/<template>/<language>.txt. An email
template's first line is `Subject: ...`. A language without a translation gets English.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template import Context, Engine, TemplateDoesNotExist
from django.utils import translation

from family_resources.notifications.models import Channel

FALLBACK_LANGUAGE = "en"
_TEMPLATE_KEY = re.compile(r"[a-z][a-z0-9_]{0,63}")
_SUBJECT_PREFIX = "Subject:"


@dataclass(frozen=True)
class RenderedMessage:
    language: str  # the language actually used, which is English when there was no translation
    subject: str
    body: str


def template_path(template: str, language: str) -> str:
    return f"notifications/messages/{template}/{language}.txt"


def supported_language(language: str) -> str:
    """The service's code for a language tag (`pl-PL` is `pl`), or English for one it does not offer."""
    code = language.strip().lower().replace("_", "-").split("-")[0]
    return code if code in {code for code, _name in settings.LANGUAGES} else FALLBACK_LANGUAGE


def render_message(*, template: str, language: str, context: Mapping[str, Any], channel: Channel) -> RenderedMessage:
    """Render a message in the family's language, or in English when there is no translation.

    Raises ValueError for a malformed template key, TemplateDoesNotExist when not even English
    exists, and ValueError for an email template with no subject line: each is a mistake in
    the code that calls it, not in what a family typed.
    """
    if not _TEMPLATE_KEY.fullmatch(template):
        raise ValueError(f"Message template keys are lower-case words joined by underscores, not {template!r}.")
    engine = Engine.get_default()
    wanted = supported_language(language)
    try:
        compiled = engine.get_template(template_path(template, wanted))
    except TemplateDoesNotExist:
        if wanted == FALLBACK_LANGUAGE:
            raise
        wanted = FALLBACK_LANGUAGE
        compiled = engine.get_template(template_path(template, wanted))
    values = {**_service_details(), **context}
    # Plain text, not HTML: an apostrophe in a family's name must not arrive as &#x27;.
    with translation.override(wanted):
        text = compiled.render(Context(values, autoescape=False))
    subject, body = _split_subject(text)
    if channel == Channel.EMAIL and not subject:
        raise ValueError(
            f"The {template!r} message in {wanted!r} has no 'Subject:' first line, so it cannot be emailed."
        )
    return RenderedMessage(language=wanted, subject=subject if channel == Channel.EMAIL else "", body=body)


def _service_details() -> dict[str, str]:
    """What every message may mention: who we are and how to reach us."""
    return {
        "service_name": settings.SERVICE_NAME,
        "council_name": settings.COUNCIL_NAME,
        "service_phone": settings.SERVICE_PHONE,
        "service_email": settings.SERVICE_EMAIL,
        "service_hours": settings.SERVICE_HOURS,
    }


def _split_subject(text: str) -> tuple[str, str]:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    subject = ""
    if lines and lines[0].startswith(_SUBJECT_PREFIX):
        subject = lines.pop(0).removeprefix(_SUBJECT_PREFIX).strip()
    # Template tags leave blank lines behind: keep paragraphs, drop the extra space between them.
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return subject, body
